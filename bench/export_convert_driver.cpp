// kg_bench_convert: converts a graph file through the same library call as
// `kg convert` (kg::exporters::convert_file: streamed or through the model);
// with --load it only reads the file into a KnowledgeGraph (for time and peak
// RSS of loading). Built without the ontology, so the CLI's start-up (loading
// the ontology) is not counted; bench/export_convert.sh times `kg` itself.
//
// Usage: kg_bench_convert [--parser serd|raptor] [--stream|--model] IN OUT
//        kg_bench_convert [--parser serd|raptor] --load IN

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <kg/exporters/formats.hpp>
#include <string>

int main(int argc, char** argv) {
  kg::exporters::ReadOptions read_options;
  bool load_only = false;
  auto path = kg::exporters::ConvertPath::kAuto;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--load") == 0) {
      load_only = true;
    } else if (std::strcmp(argv[i], "--stream") == 0) {
      path = kg::exporters::ConvertPath::kStream;
    } else if (std::strcmp(argv[i], "--model") == 0) {
      path = kg::exporters::ConvertPath::kModel;
    } else if (std::strcmp(argv[i], "--parser") == 0 && i + 1 < argc) {
      const std::string p = argv[++i];
      read_options.parser =
          p == "raptor" ? kg::exporters::RdfParser::kRaptor : kg::exporters::RdfParser::kSerd;
    } else {
      files.emplace_back(argv[i]);
    }
  }
  if (files.size() != (load_only ? 1U : 2U)) {
    std::fprintf(stderr, "usage: %s [--parser serd|raptor] [--stream|--model] IN OUT | --load IN\n",
                 argv[0]);
    return 2;
  }
  if (!load_only) {
    const auto* from = kg::exporters::format_for_path(files[0]);
    const auto* to = kg::exporters::format_for_path(files[1]);
    if (from == nullptr || to == nullptr) {
      std::fprintf(stderr, "unknown format for %s or %s\n", files[0].c_str(), files[1].c_str());
      return 2;
    }
    const auto t0 = std::chrono::steady_clock::now();
    if (auto ok = kg::exporters::convert_file(files[0], *from, files[1], *to, path, read_options);
        !ok) {
      std::fprintf(stderr, "%s\n", ok.error().to_string().c_str());
      return 1;
    }
    const bool streamed =
        kg::exporters::convert_path(*from, *to, path) == kg::exporters::ConvertPath::kStream;
    std::fprintf(stderr, "%s %s in %.3f s\n", streamed ? "streamed" : "converted through the model",
                 files[1].c_str(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    std::fflush(stderr);
    // Exit without tearing down (as the peers do).
    std::_Exit(0);
  }
  const auto t0 = std::chrono::steady_clock::now();
  auto graph = kg::exporters::read_graph_file(files[0], nullptr, read_options);
  if (!graph) {
    std::fprintf(stderr, "%s\n", graph.error().to_string().c_str());
    return 1;
  }
  const auto t1 = std::chrono::steady_clock::now();
  std::fprintf(stderr, "read %zu entities, %zu relations, %zu other triples in %.3f s\n",
               graph->num_entities(), graph->num_relations(), graph->extras().size(),
               std::chrono::duration<double>(t1 - t0).count());
  // Exit without tearing down the graph (as the peers do): freeing a million
  // relations one by one is pure overhead for a process that ends here.
  std::_Exit(0);
}
