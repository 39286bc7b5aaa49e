// convert, render, query, validate, formats: the commands over graph files.

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <kg/exporters/formats.hpp>
#include <kg/exporters/graphviz.hpp>
#include <kg/graph/algorithms.hpp>
#include <kg/ontology/ontology.hpp>
#include <memory>
#include <sstream>

#include "commands.hpp"

namespace kg::cli {
namespace {

struct CommonOptions {
  std::string ontology_dir;  // empty = the default ontology
};

std::shared_ptr<const ontology::Ontology> load_ontology(const CommonOptions& common) {
  auto loaded = common.ontology_dir.empty()
                    ? ontology::Ontology::load_default()
                    : ontology::Ontology::load_directory(common.ontology_dir);
  if (!loaded) fail_command(loaded.error());
  return std::make_shared<const ontology::Ontology>(std::move(*loaded));
}

const exporters::Format& pick_format(const std::string& name, const std::string& path,
                                     bool for_reading) {
  const exporters::Format* format = nullptr;
  if (!name.empty()) {
    format = exporters::find_format(name);
    if (format == nullptr) {
      fail_command(make_error(Error::Code::kInvalidArgument, "unknown format '" + name + "'", {}, 0,
                              0, "run `kg formats` to list them"));
    }
  } else {
    format = exporters::format_for_path(path);
    if (format == nullptr) {
      fail_command(make_error(Error::Code::kInvalidArgument,
                              "cannot tell the format of '" + path + "' from its extension", {}, 0,
                              0, for_reading ? "give it with --from" : "give it with --to"));
    }
  }
  if (for_reading && !format->can_read) {
    fail_command(make_error(Error::Code::kUnsupported,
                            "format '" + format->name + "' can be written but not read", {}, 0, 0,
                            "read an RDF syntax (turtle, ntriples, nquads, rdfxml)"));
  }
  return *format;
}

KnowledgeGraph read_input(const std::string& path, const std::string& from,
                          const ontology::Ontology& onto) {
  const exporters::Format& format =
      pick_format(from, path == "-" ? std::string("-.ttl") : path, true);
  exporters::ReadOptions options;
  options.ontology = &onto;
  auto graph = exporters::read_graph_file(path, &format, options);
  if (!graph) fail_command(graph.error());
  return std::move(*graph);
}

KnowledgeGraph::Vertex resolve_entity(const KnowledgeGraph& graph, const std::string& name) {
  if (auto v = graph.lookup(name)) return *v;
  const auto candidates = graph.find_by_name(name);
  std::string hint = "give the entity's IRI or exact label";
  if (candidates.size() > 1) {
    hint = "the name is ambiguous; use one of:";
    for (auto v : candidates) hint += " <" + graph.entity(v).iri + ">";
  }
  fail_command(
      make_error(Error::Code::kNotFound, "no entity '" + name + "' in the graph", {}, 0, 0, hint));
}

std::string relation_line(const KnowledgeGraph& graph, const ontology::Ontology& onto,
                          KnowledgeGraph::Edge e) {
  const Relation& r = graph.relation(e);
  std::ostringstream line;
  line << graph.entity(graph.subject(e)).label << " --" << (r.negated ? "not " : "")
       << onto.label(r.predicate) << "--> " << graph.entity(graph.object(e)).label;
  line << "  [" << std::setprecision(3) << r.confidence << ']';
  if (!r.date.empty()) line << " on " << r.date;
  if (!r.attributed_to.empty()) {
    const auto who = graph.find(r.attributed_to);
    line << " (claimed by " << (who ? graph.entity(*who).label : r.attributed_to) << ')';
  }
  for (const auto& p : r.provenance) {
    line << "\n    evidence: \"" << p.evidence << "\" (" << p.document << " sentence " << p.sentence
         << ", chars " << p.begin << '-' << p.end << ')';
  }
  return line.str();
}

void register_formats(CLI::App& app) {
  auto* cmd = app.add_subcommand("formats", "List the formats kg reads and writes");
  cmd->callback([] {
    std::cout << std::left << std::setw(10) << "name" << std::setw(22) << "aliases" << std::setw(24)
              << "media type" << std::setw(6) << "ext"
              << "read/write\n";
    for (const auto& f : exporters::formats()) {
      std::string aliases;
      for (const auto& a : f.aliases) aliases += (aliases.empty() ? "" : ",") + a;
      std::cout << std::setw(10) << f.name << std::setw(22) << aliases << std::setw(24)
                << f.media_type << std::setw(6) << f.extension << (f.can_read ? "r" : "-")
                << (f.can_write ? "w" : "-") << '\n';
    }
  });
}

void register_convert(CLI::App& app, const std::shared_ptr<CommonOptions>& common) {
  struct Args {
    std::string input, output, from, to;
    bool stream = false;
    bool model = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("convert",
                                 "Convert a graph between syntaxes (any RDF in, any format out)");
  cmd->footer(
      "Paths: N-Triples or N-Quads converted to Turtle, N-Triples or N-Quads are streamed\n"
      "triple by triple (read by serd, written as they come, in input order; Turtle groups\n"
      "consecutive triples of a subject, with the ontology's prefixes), so no graph is built.\n"
      "Everything else (Turtle or RDF/XML in, RDF/XML, diagrams or JSON Lines out) is read into\n"
      "a knowledge graph and written from it: entities sorted by IRI, each with its relations,\n"
      "then statements, documents and other triples. --stream or --model picks the path.");
  cmd->add_option("input", args->input, "Graph file, - for stdin")->required();
  cmd->add_option("output", args->output, "Output file, - for stdout")->required();
  cmd->add_option("--from", args->from, "Input format (default: by extension)");
  cmd->add_option("--to", args->to, "Output format (default: by extension)");
  auto* stream = cmd->add_flag(
      "--stream", args->stream,
      "Stream triple by triple (Turtle, N-Triples or N-Quads in and out), keeping input order");
  cmd->add_flag("--model", args->model,
                "Read into a knowledge graph first, then write it (normalised order and shape)")
      ->excludes(stream);
  cmd->callback([args, common] {
    const auto onto = load_ontology(*common);
    const exporters::Format& from =
        pick_format(args->from, args->input == "-" ? std::string("-.ttl") : args->input, true);
    // Standard output has no extension to go by: Turtle unless told otherwise.
    const exporters::Format& to =
        pick_format(args->to.empty() && args->output == "-" ? std::string("turtle") : args->to,
                    args->output, false);
    const auto path = args->stream  ? exporters::ConvertPath::kStream
                      : args->model ? exporters::ConvertPath::kModel
                                    : exporters::ConvertPath::kAuto;
    exporters::ReadOptions read;
    read.ontology = onto.get();
    exporters::WriteOptions write;
    write.ontology = onto.get();
    if (auto ok = exporters::convert_file(args->input, from, args->output, to, path, read, write);
        !ok) {
      fail_command(ok.error());
    }
  });
}

void register_render(CLI::App& app, const std::shared_ptr<CommonOptions>& common) {
  struct Args {
    std::string input, output = "-", from, to;
    exporters::RenderOptions render;
    bool no_legend = false;
    bool no_claims = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("render", "Draw a graph with Graphviz (DOT, SVG, PNG, PDF)");
  cmd->add_option("input", args->input, "Graph file, - for stdin")->required();
  cmd->add_option("-o,--output", args->output, "Output file (default: stdout)");
  cmd->add_option("--from", args->from, "Input format (default: by extension)");
  cmd->add_option("--to,--format", args->to,
                  "dot, svg, png or pdf (default: by extension, else svg)");
  cmd->add_option("--engine", args->render.engine,
                  "dot, sfdp, neato, circo, fdp (default: by size)");
  cmd->add_option("--splines", args->render.splines,
                  "Edge routing: true, line, ortho, ... (default: by size)");
  cmd->add_option("--predicate", args->render.predicates,
                  "Only relations with this predicate (repeatable; IRI or prefixed name)");
  cmd->add_option("--class", args->render.classes,
                  "Only entities of this class or its subclasses (repeatable)");
  cmd->add_option("--min-confidence", args->render.min_confidence,
                  "Drop relations below this confidence")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--ego", args->render.ego,
                  "Only the neighbourhood of this entity (IRI or label)");
  cmd->add_option("--hops", args->render.ego_hops, "Radius of the --ego neighbourhood")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--title", args->render.title, "Diagram title");
  cmd->add_flag("--no-legend", args->no_legend, "Leave out the legend");
  cmd->add_flag("--no-claims", args->no_claims, "Leave out attributed and negated relations");
  cmd->callback([args, common] {
    const auto onto = load_ontology(*common);
    const KnowledgeGraph graph = read_input(args->input, args->from, *onto);
    std::string to = args->to;
    if (to.empty()) {
      const exporters::Format* f = exporters::format_for_path(args->output);
      to = (f != nullptr && f->kind == exporters::FormatKind::kDiagram) ? f->name : "svg";
    }
    const exporters::Format& format = pick_format(to, args->output, false);
    if (format.kind != exporters::FormatKind::kDiagram) {
      fail_command(make_error(Error::Code::kInvalidArgument,
                              "render writes diagrams, not '" + format.name + "'", {}, 0, 0,
                              "use dot, svg, png or pdf, or `kg convert` for RDF"));
    }
    exporters::RenderOptions render = args->render;
    render.output = format.name;
    render.legend = !args->no_legend;
    render.include_claims = !args->no_claims;
    for (auto& p : render.predicates) p = onto->expand(p);
    for (auto& c : render.classes) c = onto->expand(c);
    std::ostringstream bytes;
    if (auto ok = exporters::render(graph, onto.get(), render, bytes); !ok)
      fail_command(ok.error());
    if (args->output == "-") {
      std::cout << bytes.str();
      std::cout.flush();
      if (!std::cout) fail_command(make_error(Error::Code::kIo, "cannot write to stdout"));
    } else if (auto ok = exporters::write_file_atomically(args->output, bytes.str()); !ok) {
      fail_command(ok.error());
    }
  });
}

void register_query(CLI::App& app, const std::shared_ptr<CommonOptions>& common) {
  struct Args {
    std::string input, from, entity, other, predicate, direction = "both";
    unsigned hops = 1;
    std::size_t top = 10;
    std::string measure = "betweenness";
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("query", "Ask a graph about relationships");
  cmd->require_subcommand(1);

  auto* rel = cmd->add_subcommand("relations", "Relations of an entity");
  rel->add_option("input", args->input, "Graph file")->required();
  rel->add_option("entity", args->entity, "Entity IRI or label")->required();
  rel->add_option("--predicate", args->predicate, "Only this predicate (IRI or prefixed name)");
  rel->add_option("--direction", args->direction, "out, in or both")
      ->check(CLI::IsMember({"out", "in", "both"}));
  rel->add_option("--from", args->from, "Input format");
  rel->callback([args, common] {
    const auto onto = load_ontology(*common);
    const KnowledgeGraph graph = read_input(args->input, args->from, *onto);
    const auto v = resolve_entity(graph, args->entity);
    const std::string predicate = args->predicate.empty() ? "" : onto->expand(args->predicate);
    std::vector<KnowledgeGraph::Edge> edges;
    if (args->direction != "in") edges = graph.relations_from(v, predicate);
    if (args->direction != "out") {
      for (auto e : graph.relations_to(v, predicate)) {
        if (graph.subject(e) != v) edges.push_back(e);
      }
    }
    for (auto e : edges) std::cout << relation_line(graph, *onto, e) << '\n';
  });

  auto* path = cmd->add_subcommand("path", "Shortest path between two entities");
  path->add_option("input", args->input, "Graph file")->required();
  path->add_option("from-entity", args->entity, "Start entity")->required();
  path->add_option("to-entity", args->other, "End entity")->required();
  path->add_option("--from", args->from, "Input format");
  path->callback([args, common] {
    const auto onto = load_ontology(*common);
    const KnowledgeGraph graph = read_input(args->input, args->from, *onto);
    const auto a = resolve_entity(graph, args->entity);
    const auto b = resolve_entity(graph, args->other);
    const auto p = shortest_path(graph, a, b);
    if (!p) {
      fail_command(make_error(Error::Code::kNotFound,
                              "no path between '" + args->entity + "' and '" + args->other + "'"));
    }
    for (auto e : p->edges) std::cout << relation_line(graph, *onto, e) << '\n';
  });

  auto* nb = cmd->add_subcommand("neighbours", "Entities within k hops");
  nb->add_option("input", args->input, "Graph file")->required();
  nb->add_option("entity", args->entity, "Entity IRI or label")->required();
  nb->add_option("--hops", args->hops, "Radius")->check(CLI::PositiveNumber);
  nb->add_option("--from", args->from, "Input format");
  nb->callback([args, common] {
    const auto onto = load_ontology(*common);
    const KnowledgeGraph graph = read_input(args->input, args->from, *onto);
    const auto v = resolve_entity(graph, args->entity);
    for (auto n : neighbourhood(graph, v, args->hops)) {
      if (n == v) continue;
      const Entity& e = graph.entity(n);
      std::cout << e.label << '\t' << onto->compact(e.class_iri) << '\t' << e.iri << '\n';
    }
  });

  auto* central = cmd->add_subcommand("central", "The most central entities");
  central->add_option("input", args->input, "Graph file")->required();
  central->add_option("--top", args->top, "How many");
  central->add_option("--measure", args->measure, "betweenness, degree or pagerank")
      ->check(CLI::IsMember({"betweenness", "degree", "pagerank"}));
  central->add_option("--from", args->from, "Input format");
  central->callback([args, common] {
    const auto onto = load_ontology(*common);
    const KnowledgeGraph graph = read_input(args->input, args->from, *onto);
    const Centrality kind = args->measure == "degree"     ? Centrality::kDegree
                            : args->measure == "pagerank" ? Centrality::kPageRank
                                                          : Centrality::kBetweenness;
    const auto ranking = centrality_ranking(graph, kind);
    for (std::size_t i = 0; i < ranking.size() && i < args->top; ++i) {
      std::cout << graph.entity(ranking[i].first).label << '\t' << std::setprecision(4)
                << ranking[i].second << '\n';
    }
  });
}

void register_validate(CLI::App& app, const std::shared_ptr<CommonOptions>& common) {
  struct Args {
    std::string input, from;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("validate", "Check a graph file against the ontology");
  cmd->add_option("input", args->input, "Graph file, - for stdin")->required();
  cmd->add_option("--from", args->from, "Input format (default: by extension)");
  cmd->callback([args, common] {
    const auto onto = load_ontology(*common);
    const KnowledgeGraph graph = read_input(args->input, args->from, *onto);
    const auto problems = onto->validate(graph);
    for (const auto& p : problems) std::cerr << args->input << ": " << p.to_string() << '\n';
    if (!problems.empty()) {
      fail_command(make_error(Error::Code::kValidation,
                              std::to_string(problems.size()) + " violation(s) of the ontology",
                              args->input, 0, 0, "fix the classes or predicates listed above"));
    }
    std::cout << args->input << ": " << graph.num_entities() << " entities, "
              << graph.num_relations() << " relations, valid\n";
  });
}

}  // namespace

void register_graph_commands(CLI::App& app) {
  auto common = std::make_shared<CommonOptions>();
  app.add_option(
         "--ontology", common->ontology_dir,
         "Directory of ontology Turtle files (default: $KG_ONTOLOGY_DIR or the installed one)")
      ->check(CLI::ExistingDirectory);
  register_formats(app);
  register_convert(app, common);
  register_render(app, common);
  register_query(app, common);
  register_validate(app, common);
}

}  // namespace kg::cli
