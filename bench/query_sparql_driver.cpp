// Times SPARQL over a KnowledgeGraph (kg::query::SparqlEngine): reads an
// N-Triples file, indexes its RDF view, then runs each query REPEAT times and
// prints the fastest time and the number of result rows, one line per query:
//   <name> <seconds> <rows>
// The peer drivers (bench/query_oxigraph.mjs, roqet) print the same lines, so
// bench/query_sparql.sh can set them side by side.
//
// Usage: query_sparql_driver GRAPH.nt REPEAT NAME=QUERY_FILE...

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <kg/exporters/formats.hpp>
#include <kg/ontology/ontology.hpp>
#include <kg/query/sparql.hpp>
#include <sstream>
#include <string>

namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: query_sparql_driver GRAPH.nt REPEAT NAME=QUERY_FILE...\n";
    return 2;
  }
  const int repeat = std::max(1, std::atoi(argv[2]));
  auto onto = kg::ontology::Ontology::load_default();
  if (!onto) {
    std::cerr << onto.error().to_string() << '\n';
    return 1;
  }
  kg::exporters::ReadOptions options;
  options.ontology = &*onto;
  auto start = std::chrono::steady_clock::now();
  auto graph = kg::exporters::read_graph_file(argv[1], nullptr, options);
  if (!graph) {
    std::cerr << graph.error().to_string() << '\n';
    return 1;
  }
  const double load = seconds_since(start);
  start = std::chrono::steady_clock::now();
  const kg::query::SparqlEngine engine(*graph, &*onto);
  const double index = seconds_since(start);
  std::printf("load %.3f %zu\n", load, graph->num_relations());
  std::printf("index %.3f %zu\n", index, engine.num_triples());
  for (int i = 3; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto eq = arg.find('=');
    if (eq == std::string::npos) continue;
    std::ifstream in(arg.substr(eq + 1));
    std::stringstream text;
    text << in.rdbuf();
    double best = 1e100;
    std::size_t rows = 0;
    for (int r = 0; r < repeat; ++r) {
      start = std::chrono::steady_clock::now();
      auto result = engine.run(text.str(), arg.substr(eq + 1));
      const double t = seconds_since(start);
      if (!result) {
        std::cerr << result.error().to_string() << '\n';
        return 1;
      }
      rows = result->rows.size();
      best = std::min(best, t);
    }
    std::printf("%s %.6f %zu\n", arg.substr(0, eq).c_str(), best, rows);
  }
  return 0;
}
