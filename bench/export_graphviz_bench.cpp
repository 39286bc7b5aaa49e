// Times Graphviz diagrams: random knowledge graphs with labelled edges (2 per
// node) of 50, 500 and 5,000 entities rendered to SVG by kg::exporters::render
// with the automatic layout choice, beside the `dot`/`sfdp` command-line tools
// laying out the very DOT text kg writes for the same graph, in the same run.
//
// Usage: export_graphviz_bench [--sizes 50,500,5000] [--repeat N] [--timeout S]
//                              [--dot-engine-up-to N] [--keep DIR]
//   --dot-engine-up-to N  also time `dot -Kdot` (the engine chosen for small
//                         graphs) on graphs of up to N nodes, to show why large
//                         graphs get sfdp (default 500; each run is cut at --timeout)
//   --keep DIR            keep the DOT and SVG files there
//
// Prints a Markdown table; times are wall-clock medians over --repeat runs.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <kg/exporters/graphviz.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kClasses[] = {"Person", "Country", "Organization", "City", "Event"};
constexpr const char* kPredicates[] = {"met",   "backs",    "opposes",    "accused", "attacked",
                                       "leads", "memberOf", "criticized", "pressed", "alliedWith"};

std::uint64_t next(std::uint64_t& state) {
  // splitmix64: deterministic for a given seed on every platform.
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::string kgo(const char* local) { return std::string(kg::vocab::kKgo) + local; }

// `nodes` entities and 2 * nodes relations between random pairs (no self loops).
kg::KnowledgeGraph random_graph(std::size_t nodes) {
  kg::KnowledgeGraph graph;
  std::uint64_t state = 42 + nodes;
  std::vector<kg::KnowledgeGraph::Vertex> vertices;
  for (std::size_t i = 0; i < nodes; ++i) {
    kg::Entity e;
    e.label = "Entity number " + std::to_string(i);
    e.class_iri = kgo(kClasses[next(state) % std::size(kClasses)]);
    auto v = graph.add_entity(std::move(e));
    if (!v) throw std::runtime_error(v.error().to_string());
    vertices.push_back(*v);
  }
  for (std::size_t i = 0; i < nodes; ++i) {
    for (int k = 0; k < 2; ++k) {
      std::size_t j = next(state) % nodes;
      if (j == i) j = (j + 1) % nodes;
      kg::Relation r;
      r.predicate = kgo(kPredicates[next(state) % std::size(kPredicates)]);
      r.confidence = 0.5 + static_cast<double>(next(state) % 50) / 100.0;
      r.provenance.push_back({"https://kg.example.org/doc/bench", i, 0, 40,
                              "Sentence " + std::to_string(i) + " says so.", 0, 0, "bench"});
      auto e = graph.add_relation(vertices[i], std::move(r), vertices[j]);
      if (!e) throw std::runtime_error(e.error().to_string());
    }
  }
  return graph;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values.empty() ? 0.0 : values[values.size() / 2];
}

// Runs a shell command, returns its wall time, or a negative value when it
// failed or hit the timeout.
double time_command(const std::string& command) {
  const auto start = Clock::now();
  const int status = std::system(command.c_str());
  const double elapsed = seconds_since(start);
  return status == 0 ? elapsed : -elapsed;
}

std::string format_time(double s, double timeout) {
  if (s < 0) {
    std::ostringstream out;
    out << (-s >= timeout - 0.5 ? "> " : "failed after ") << static_cast<int>(-s + 0.5) << " s";
    return out.str();
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f s", s);
  return buf;
}

std::vector<std::size_t> parse_sizes(const std::string& text) {
  std::vector<std::size_t> out;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, ',');) out.push_back(std::stoul(item));
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes = {50, 500, 5000};
  int repeat = 3;
  double timeout = 60;
  std::size_t dot_engine_up_to = 500;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--sizes") {
      sizes = parse_sizes(value());
    } else if (arg == "--repeat") {
      repeat = std::max(1, std::stoi(value()));
    } else if (arg == "--timeout") {
      timeout = std::stod(value());
    } else if (arg == "--dot-engine-up-to") {
      dot_engine_up_to = std::stoul(value());
    } else if (arg == "--keep") {
      keep = value();
    } else {
      std::cerr << "usage: " << argv[0]
                << " [--sizes 50,500,5000] [--repeat N] [--timeout S] [--dot-engine-up-to N]"
                   " [--keep DIR]\n";
      return 2;
    }
  }
  if (std::system("command -v dot >/dev/null 2>&1") != 0) {
    std::cerr << "the Graphviz command-line tools are missing (Debian package graphviz)\n";
    return 1;
  }

  auto loaded = kg::ontology::Ontology::load_default();
  if (!loaded) {
    std::cerr << "ontology: " << loaded.error().to_string() << "\n";
    return 1;
  }
  const kg::ontology::Ontology ontology = std::move(*loaded);

  const auto dir = keep.empty() ? std::filesystem::temp_directory_path() /
                                      ("kg_graphviz_bench_" + std::to_string(::getpid()))
                                : std::filesystem::path(keep);
  std::filesystem::create_directories(dir);

  std::cout << "| nodes | edges | layout | kg DOT (build, no layout) | kg SVG (auto layout) | "
               "CLI, same DOT and engine | kg / CLI | `dot -Kdot` CLI |\n"
               "|---:|---:|---|---:|---:|---:|---:|---:|\n";
  for (const auto nodes : sizes) {
    const auto graph = random_graph(nodes);
    kg::exporters::RenderOptions options;
    const auto [engine, splines] =
        kg::exporters::choose_layout(graph.num_entities(), graph.num_relations(), options);

    std::vector<double> dot_times;
    std::vector<double> svg_times;
    std::vector<double> cli_times;
    std::string dot_text;
    const auto dot_path = dir / ("random_" + std::to_string(nodes) + ".dot");
    const auto svg_path = dir / ("random_" + std::to_string(nodes) + ".svg");
    const int runs = nodes >= 5000 ? 1 : repeat;
    for (int run = 0; run < runs; ++run) {
      options.output = "dot";
      auto start = Clock::now();
      auto dot = kg::exporters::render_to_string(graph, &ontology, options);
      dot_times.push_back(seconds_since(start));
      if (!dot) {
        std::cerr << dot.error().to_string() << "\n";
        return 1;
      }
      dot_text = std::move(*dot);

      options.output = "svg";
      start = Clock::now();
      auto svg = kg::exporters::render_to_string(graph, &ontology, options);
      svg_times.push_back(seconds_since(start));
      if (!svg) {
        std::cerr << svg.error().to_string() << "\n";
        return 1;
      }
      std::ofstream(svg_path, std::ios::binary) << *svg;
      std::ofstream(dot_path, std::ios::binary) << dot_text;

      // The DOT names the layout (layout=..., splines=...), so the CLI draws
      // the same diagram; -K makes the engine explicit in the command line.
      cli_times.push_back(time_command("timeout " + std::to_string(static_cast<int>(timeout)) +
                                       " dot -K" + engine + " -Tsvg '" + dot_path.string() +
                                       "' -o /dev/null 2>/dev/null"));
    }
    std::string dot_engine = "-";
    if (engine != "dot" && nodes <= dot_engine_up_to) {
      // The DOT's own layout/splines attributes win over -K and -G, so the
      // copy for this run names dot and splines=true itself.
      const auto as_dot = dir / ("random_" + std::to_string(nodes) + "_as_dot.dot");
      std::string text = dot_text;
      for (const auto& [from, to] :
           {std::pair<std::string, std::string>{"layout=" + engine, "layout=dot"},
            {"splines=" + splines, "splines=true"}}) {
        if (const auto at = text.find(from); at != std::string::npos)
          text.replace(at, from.size(), to);
      }
      std::ofstream(as_dot, std::ios::binary) << text;
      dot_engine = format_time(
          time_command("timeout " + std::to_string(static_cast<int>(timeout)) +
                       " dot -Kdot -Tsvg '" + as_dot.string() + "' -o /dev/null 2>/dev/null"),
          timeout);
    }
    const double svg = median(svg_times);
    const double cli = median(cli_times);
    char ratio[32] = "-";
    if (cli > 0) std::snprintf(ratio, sizeof ratio, "%.2f", svg / cli);
    std::cout << "| " << graph.num_entities() << " | " << graph.num_relations() << " | " << engine
              << ", splines=" << splines << " | " << format_time(median(dot_times), 1e9) << " | "
              << format_time(svg, 1e9) << " | " << format_time(cli, timeout) << " | " << ratio
              << " | " << dot_engine << " |\n"
              << std::flush;
  }
  if (keep.empty()) std::filesystem::remove_all(dir);
  return 0;
}
