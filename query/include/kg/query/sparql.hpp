#pragma once
/// SPARQL 1.1 SELECT, ASK and CONSTRUCT over an in-memory KnowledgeGraph, through
/// Rasqal. The data the query sees is the graph's RDF view exactly as the Turtle
/// writer emits it (entities, relation triples, statement and evidence nodes,
/// documents, kept foreign triples); GRAPH patterns see the N-Quads layout, one
/// named graph per source document. Triple patterns are answered from sorted
/// dictionary-encoded indexes (SPO, POS, OSP), built once per SparqlEngine.

#include <cstddef>
#include <iosfwd>
#include <kg/graph/error.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/model.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::ontology {
class Ontology;
}

namespace kg::query {

/// What kind of answer a query gave.
enum class ResultKind {
  kBindings,  ///< SELECT: variables and rows
  kBoolean,   ///< ASK
  kGraph,     ///< CONSTRUCT / DESCRIBE: triples
};

/// The answer to a SPARQL query.
struct SparqlResult {
  ResultKind kind = ResultKind::kBindings;
  std::vector<std::string> variables;                  ///< SELECT: names without '?'
  std::vector<std::vector<std::optional<Term>>> rows;  ///< SELECT: row[i] = variables[i]'s value
  bool boolean = false;                                ///< ASK
  std::vector<Quad> triples;                           ///< CONSTRUCT (graph always empty)

  /// The value of `variable` in `row`, or nullptr when unbound or unknown.
  [[nodiscard]] const Term* value(std::size_t row, std::string_view variable) const;
};

/// Output syntaxes for results.
enum class ResultFormat {
  kTable,     ///< aligned text table (ASK: "true"/"false"; CONSTRUCT: N-Triples)
  kCsv,       ///< SPARQL 1.1 CSV results
  kTsv,       ///< SPARQL 1.1 TSV results
  kJson,      ///< SPARQL 1.1 results JSON (application/sparql-results+json)
  kNTriples,  ///< CONSTRUCT results as N-Triples (others as the table)
};

/// "table", "csv", "tsv", "json", "ntriples" (and "srj", "nt") to a format, or an error.
Result<ResultFormat> parse_result_format(std::string_view name);

/// Writes `result` to `out` in `format`.
void write_result(const SparqlResult& result, ResultFormat format, std::ostream& out);

/// A term in N-Triples / SPARQL syntax: <iri>, "lexical"@lang, "5"^^<dt>, _:b.
std::string to_ntriples(const Term& term);

/// Runs SPARQL over one graph. Building the engine indexes the graph's RDF view
/// once; queries then share it. The graph must outlive the engine and not change
/// while it is used (the per-document view for GRAPH patterns is indexed on first
/// use). One engine answers one query at a time (not thread-safe).
class SparqlEngine {
 public:
  /// Indexes `graph`'s RDF view as the writers emit it with `ontology` (which decides
  /// whether a bare relation gets a statement node; pass the one files are written with).
  explicit SparqlEngine(const KnowledgeGraph& graph, const ontology::Ontology* ontology = nullptr);
  ~SparqlEngine();
  SparqlEngine(const SparqlEngine&) = delete;
  SparqlEngine& operator=(const SparqlEngine&) = delete;
  SparqlEngine(SparqlEngine&&) noexcept;
  SparqlEngine& operator=(SparqlEngine&&) noexcept;

  /// Parses and runs `query`. A syntax error gives Code::kParse with the line and
  /// column Rasqal reports and its message; `source_name` names the query in errors.
  Result<SparqlResult> run(std::string_view query, std::string_view source_name = "query") const;

  /// Number of triples in the default graph (the merged view).
  [[nodiscard]] std::size_t num_triples() const;

  /// The engine's private state (Rasqal world, indexes); opaque outside the library.
  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

/// One-shot convenience: index `graph` and run `query`.
Result<SparqlResult> sparql(const KnowledgeGraph& graph, std::string_view query,
                            const ontology::Ontology* ontology = nullptr);

}  // namespace kg::query
