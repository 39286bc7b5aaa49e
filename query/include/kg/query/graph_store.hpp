#pragma once
/// A client for triple stores: the SPARQL 1.1 Graph Store HTTP Protocol (PUT replaces
/// a named graph, so pushing twice leaves no duplicates) and the SPARQL 1.1 Protocol
/// (queries over HTTP), through libcurl.

#include <chrono>
#include <cstddef>
#include <kg/graph/error.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/query/sparql.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kg::ontology {
class Ontology;
}

namespace kg::query {

/// Where and how to reach a store.
struct StoreEndpoint {
  std::string url;   ///< Graph Store endpoint (e.g. http://127.0.0.1:8890/sparql-graph-crud-auth)
  std::string user;  ///< for HTTP digest or basic authentication; empty = none
  std::string password;                   ///< with `user`
  std::string graph_parameter = "graph";  ///< query parameter naming the graph ("graph-uri")
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds timeout{120000};  ///< whole request
  int attempts = 4;  ///< tries for transient faults (timeouts, resets, 408/429/502/503/504)
  std::chrono::milliseconds backoff{250};  ///< first retry delay, doubled after each try
};

/// One graph's triples as N-Triples, ready to send.
struct GraphPayload {
  std::string graph;  ///< graph IRI; empty = the store's default graph
  std::string ntriples;
  std::size_t triples = 0;
};

/// The graph as the N-Quads writer lays it out (one graph per source document), each
/// graph as N-Triples. Triples the N-Quads writer puts in the default graph (facts
/// without a document) go to `default_graph` (empty = the store's default graph; not
/// every store accepts that, Virtuoso does not). With `single_graph`, every triple goes
/// to that one graph (the Turtle writer's view).
std::vector<GraphPayload> graph_payloads(const KnowledgeGraph& graph,
                                         const ontology::Ontology* ontology = nullptr,
                                         std::string_view single_graph = {},
                                         std::string_view default_graph = {});

/// What a push did to one graph.
struct PushedGraph {
  std::string graph;
  std::size_t triples = 0;
  long status = 0;   ///< final HTTP status (200, 201, 204)
  int attempts = 0;  ///< requests sent
};

/// PUTs each payload to its graph (as text/turtle, of which N-Triples is a subset; stores
/// such as Virtuoso 7.2 do not know application/n-triples), replacing it. Stops at the first
/// failure: graphs before it are replaced, the failed one and those after it keep their previous
/// content (the store applies a PUT whole or not at all). The error names the graph,
/// the endpoint, and the cause: connection refused, timeout, or the HTTP status with
/// the server's own message.
Result<std::vector<PushedGraph>> push_graphs(const std::vector<GraphPayload>& payloads,
                                             const StoreEndpoint& endpoint);

/// PUT one body (`media_type`, e.g. "application/n-triples") to `graph` (empty = default graph).
Result<PushedGraph> put_graph(const StoreEndpoint& endpoint, std::string_view graph,
                              std::string_view body, std::string_view media_type);

/// DELETE a graph (a 404 because it does not exist counts as done).
Result<void> delete_graph(const StoreEndpoint& endpoint, std::string_view graph);

/// Runs a SELECT or ASK over HTTP (SPARQL 1.1 Protocol, POST form) at `sparql_url` and
/// reads the application/sparql-results+json answer, so it can be compared with
/// SparqlEngine's answer to the same query.
Result<SparqlResult> remote_query(const StoreEndpoint& endpoint, std::string_view sparql_url,
                                  std::string_view query);

/// Reads SPARQL 1.1 results JSON into a SparqlResult.
Result<SparqlResult> parse_results_json(std::string_view json);

}  // namespace kg::query
