#pragma once
/// What the SPARQL fuzz target does with one input, shared by fuzz_sparql.cpp and the
/// reliability suite (which replays the seed corpus and saved crashes in every build
/// that has kg::query): query text through kg::query::SparqlEngine (Rasqal's parser, our
/// index-backed triple source) over a small fixed graph, then every result format.
/// Any bytes must give a result or an error value.

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <kg/exporters/formats.hpp>
#include <kg/query/graph_store.hpp>
#include <kg/query/sparql.hpp>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

namespace kg::fuzz {

/// The graph every query runs over: typed and untyped literals, language tags, a
/// blank node, an escaped quote, cycles for joins. Small, so a query's joins stay cheap.
inline constexpr std::string_view kSparqlGraph = R"(@prefix ex: <http://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:alice a ex:Person ; rdfs:label "Alice"@en , "Alicia"@es ; ex:age 42 ;
  ex:knows ex:bob , _:carol ; ex:born "1852-05-04"^^xsd:date .
ex:bob a ex:Person ; rdfs:label "Bob \"the builder\"" ; ex:knows ex:alice .
_:carol ex:name "Carol" ; ex:score 3.5e0 ; ex:ok true .
ex:acme a ex:Organization ; rdfs:label "Acme" ; ex:employs ex:bob .
)";

/// Queries longer than this are skipped: the parser's and engine's handling of long
/// text is the large-input tests' job, and short inputs keep the executions per second high.
inline constexpr std::size_t kMaxSparqlInput = 4096;

/// The graph and its engine, built once per process (indexing per input would cost
/// more than most queries).
struct SparqlFixture {
  KnowledgeGraph graph;
  std::unique_ptr<kg::query::SparqlEngine> engine;
};

/// The fixture; aborts when the fixed graph does not read (a broken invariant).
inline const SparqlFixture& sparql_fixture() {
  static const SparqlFixture* fixture = [] {
    auto* made = new SparqlFixture;
    std::istringstream in{std::string(kSparqlGraph)};
    auto g = kg::exporters::read_graph(in, *kg::exporters::find_format("turtle"), "fuzz.ttl");
    if (!g) {
      std::fprintf(stderr, "fuzz graph does not read: %s\n", g.error().to_string().c_str());
      std::abort();
    }
    made->graph = std::move(*g);
    made->engine = std::make_unique<kg::query::SparqlEngine>(made->graph);
    return made;
  }();
  return *fixture;
}

/// Reports a broken property of a query's result and aborts, so the fuzzer saves it.
[[noreturn]] inline void sparql_property_failed(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz property failed: %s\n%s\n", what, detail.c_str());
  std::abort();
}

/// One query: parsed and run; a result is written in every result format, and a
/// SELECT or ASK answer written as SPARQL results JSON reads back (parse_results_json,
/// what remote queries use) as the same variables, rows and terms.
inline void sparql(std::string_view bytes) {
  if (bytes.size() > kMaxSparqlInput) return;
  auto result = sparql_fixture().engine->run(bytes, "fuzz.rq");
  if (!result) return;
  std::string json;
  for (const auto format : {kg::query::ResultFormat::kTable, kg::query::ResultFormat::kCsv,
                            kg::query::ResultFormat::kTsv, kg::query::ResultFormat::kJson,
                            kg::query::ResultFormat::kNTriples}) {
    std::ostringstream out;
    kg::query::write_result(*result, format, out);
    if (format == kg::query::ResultFormat::kJson) json = out.str();
  }
  if (result->kind == kg::query::ResultKind::kGraph) return;
  auto back = kg::query::parse_results_json(json);
  if (!back)
    sparql_property_failed("results JSON reads back", back.error().to_string() + "\n" + json);
  if (back->kind != result->kind || back->boolean != result->boolean ||
      back->variables != result->variables || back->rows.size() != result->rows.size()) {
    sparql_property_failed("results JSON reads back as the same answer", json);
  }
  for (std::size_t r = 0; r < result->rows.size(); ++r) {
    const auto& want = result->rows[r];
    const auto& got = back->rows[r];
    if (got.size() != want.size()) sparql_property_failed("row width survives JSON", json);
    for (std::size_t c = 0; c < want.size(); ++c) {
      const std::string a = want[c] ? kg::query::to_ntriples(*want[c]) : std::string("UNBOUND");
      const std::string b = got[c] ? kg::query::to_ntriples(*got[c]) : std::string("UNBOUND");
      if (a != b) sparql_property_failed("a term survives JSON", a + " became " + b + "\n" + json);
    }
  }
}

}  // namespace kg::fuzz
