// `kg sparql`, `kg push`, `kg store`: SPARQL over a graph file and loading into a triple store.

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <kg/exporters/formats.hpp>
#include <kg/ontology/ontology.hpp>
#include <kg/query/graph_store.hpp>
#include <kg/query/sparql.hpp>
#include <memory>
#include <sstream>
#include <string>

#include "commands.hpp"

namespace kg::cli {
namespace {

ontology::Ontology load_ontology(const std::string& dir) {
  auto loaded =
      dir.empty() ? ontology::Ontology::load_default() : ontology::Ontology::load_directory(dir);
  if (!loaded) fail_command(loaded.error());
  return std::move(*loaded);
}

KnowledgeGraph read_input(const std::string& path, const std::string& from,
                          const ontology::Ontology& onto) {
  const exporters::Format* format = nullptr;
  if (!from.empty()) {
    format = exporters::find_format(from);
    if (format == nullptr || !format->can_read) {
      fail_command(make_error(Error::Code::kInvalidArgument, "unknown input format '" + from + "'",
                              {}, 0, 0, "use turtle, ntriples, nquads or rdfxml"));
    }
  } else if (path == "-") {
    format = exporters::find_format("turtle");
  }
  exporters::ReadOptions options;
  options.ontology = &onto;
  auto graph = exporters::read_graph_file(path, format, options);
  if (!graph) fail_command(graph.error());
  return std::move(*graph);
}

struct SparqlArgs {
  std::string input;
  std::string query;
  std::string query_file;
  std::string from;
  std::string format = "table";
  std::string ontology_dir;
};

void run_sparql(const SparqlArgs& args) {
  std::string text = args.query;
  std::string source = "query";
  if (!args.query_file.empty()) {
    if (!args.query.empty()) {
      fail_command(make_error(Error::Code::kInvalidArgument,
                              "give the query either as an argument or with -f, not both"));
    }
    std::ifstream in(args.query_file, std::ios::binary);
    if (!in) {
      fail_command(make_error(Error::Code::kNotFound, "cannot open the query file", args.query_file,
                              0, 0, "check the path"));
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
    source = args.query_file;
  }
  if (text.empty()) {
    fail_command(make_error(Error::Code::kInvalidArgument, "no query given", {}, 0, 0,
                            "give it as the second argument or with -f FILE.rq"));
  }
  auto format = query::parse_result_format(args.format);
  if (!format) fail_command(format.error());
  const auto onto = load_ontology(args.ontology_dir);
  const KnowledgeGraph graph = read_input(args.input, args.from, onto);
  const query::SparqlEngine engine(graph, &onto);
  auto result = engine.run(text, source);
  if (!result) fail_command(result.error());
  query::write_result(*result, *format, std::cout);
  std::cout.flush();
}

struct PushArgs {
  std::string input;
  std::string from;
  std::string endpoint;
  std::string graph;
  std::string default_graph;
  std::string user;
  std::string password;
  std::string graph_parameter = "graph";
  double timeout = 120;
  int attempts = 4;
  std::string ontology_dir;
};

void run_push(const PushArgs& args) {
  if (args.endpoint.empty()) {
    fail_command(make_error(Error::Code::kInvalidArgument, "no --endpoint given", {}, 0, 0,
                            "e.g. --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth"));
  }
  query::StoreEndpoint ep;
  ep.url = args.endpoint;
  ep.user = args.user;
  ep.password = args.password;
  if (ep.password.empty()) {
    if (const char* env = std::getenv("KG_STORE_PASSWORD")) ep.password = env;
  }
  ep.graph_parameter = args.graph_parameter;
  ep.timeout = std::chrono::milliseconds(static_cast<long long>(args.timeout * 1000));
  ep.attempts = args.attempts;
  const auto onto = load_ontology(args.ontology_dir);
  const KnowledgeGraph graph = read_input(args.input, args.from, onto);
  const std::string default_graph =
      args.default_graph.empty() ? graph.base() + "graph/default" : args.default_graph;
  const auto payloads =
      query::graph_payloads(graph, &onto, args.graph, default_graph == "-" ? "" : default_graph);
  auto pushed = query::push_graphs(payloads, ep);
  if (!pushed) fail_command(pushed.error());
  for (const auto& p : *pushed) {
    std::cout << "PUT <" << (p.graph.empty() ? std::string("default graph") : p.graph)
              << ">: " << p.triples << " triples (HTTP " << p.status << ")\n";
  }
}

}  // namespace

void register_store_commands(CLI::App& app) {
  auto sparql_args = std::make_shared<SparqlArgs>();
  auto* sparql = app.add_subcommand(
      "sparql", "Run a SPARQL 1.1 SELECT, ASK or CONSTRUCT query over a graph file");
  sparql->add_option("input", sparql_args->input, "Graph file (any RDF syntax), - for stdin")
      ->required();
  sparql->add_option("query", sparql_args->query, "The query text");
  sparql->add_option("-f,--file", sparql_args->query_file, "Read the query from this file");
  sparql->add_option("--from", sparql_args->from, "Input format (default: by extension)");
  sparql
      ->add_option("-r,--results,--format", sparql_args->format,
                   "Result format: table, csv, tsv, json (CONSTRUCT: ntriples)")
      ->capture_default_str();
  sparql->add_option("--ontology", sparql_args->ontology_dir,
                     "Ontology directory (default: the installed one)");
  sparql->callback([sparql_args] { run_sparql(*sparql_args); });

  auto push_args = std::make_shared<PushArgs>();
  auto* push = app.add_subcommand(
      "push",
      "Load a graph file into a triple store over the SPARQL 1.1 Graph Store Protocol, one "
      "named graph per source document, replacing each graph (pushing twice adds nothing)");
  push->add_option("input", push_args->input, "Graph file (any RDF syntax), - for stdin")
      ->required();
  push->add_option("--endpoint", push_args->endpoint,
                   "Graph Store endpoint (Virtuoso: http://HOST:PORT/sparql-graph-crud-auth)")
      ->required();
  push->add_option("--graph", push_args->graph,
                   "Put everything into this one graph instead of one graph per document");
  push->add_option("--default-graph", push_args->default_graph,
                   "Graph for facts without a source document (default: <base>graph/default; "
                   "- = the store's default graph)");
  push->add_option("--user", push_args->user, "User for HTTP digest/basic authentication");
  push->add_option("--password", push_args->password,
                   "Password (or set KG_STORE_PASSWORD, which keeps it off the command line)");
  push->add_option("--graph-param", push_args->graph_parameter,
                   "Query parameter naming the graph (graph, or graph-uri for older Virtuoso)")
      ->capture_default_str();
  push->add_option("--timeout", push_args->timeout, "Seconds allowed per request")
      ->capture_default_str();
  push->add_option("--attempts", push_args->attempts,
                   "Tries per graph for transient faults (timeouts, 502/503/504), with backoff")
      ->capture_default_str();
  push->add_option("--from", push_args->from, "Input format (default: by extension)");
  push->add_option("--ontology", push_args->ontology_dir,
                   "Ontology directory (default: the installed one)");
  push->callback([push_args] { run_push(*push_args); });
}

}  // namespace kg::cli
