// kg_bench_convert: reads a graph file into a KnowledgeGraph and writes it in
// another syntax, through the same library calls as `kg convert`; with
// --load it only reads (for time and peak RSS of loading).
//
// Usage: kg_bench_convert [--parser serd|raptor] IN OUT
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
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--load") == 0) {
      load_only = true;
    } else if (std::strcmp(argv[i], "--parser") == 0 && i + 1 < argc) {
      const std::string p = argv[++i];
      read_options.parser =
          p == "raptor" ? kg::exporters::RdfParser::kRaptor : kg::exporters::RdfParser::kSerd;
    } else {
      files.emplace_back(argv[i]);
    }
  }
  if (files.size() != (load_only ? 1U : 2U)) {
    std::fprintf(stderr, "usage: %s [--parser serd|raptor] IN OUT | --load IN\n", argv[0]);
    return 2;
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
  if (load_only) std::_Exit(0);
  const auto* format = kg::exporters::format_for_path(files[1]);
  if (format == nullptr) {
    std::fprintf(stderr, "unknown output format for %s\n", files[1].c_str());
    return 2;
  }
  if (auto ok = kg::exporters::write_graph_file(*graph, *format, files[1]); !ok) {
    std::fprintf(stderr, "%s\n", ok.error().to_string().c_str());
    return 1;
  }
  const auto t2 = std::chrono::steady_clock::now();
  std::fprintf(stderr, "wrote %s in %.3f s\n", files[1].c_str(),
               std::chrono::duration<double>(t2 - t1).count());
  std::fflush(stderr);
  std::_Exit(0);
}
