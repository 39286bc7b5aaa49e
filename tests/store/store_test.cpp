// Against a real Virtuoso started by the CTest fixture (tests/store/tests.cmake):
// push graphs over the Graph Store Protocol, ask the store's SPARQL endpoint over
// HTTP, and compare with the same queries answered in-process.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <kg/exporters/formats.hpp>
#include <kg/ontology/ontology.hpp>
#include <kg/query/graph_store.hpp>
#include <kg/query/sparql.hpp>
#include <optional>
#include <set>
#include <string>

#include "query_test_graph.hpp"

namespace kg::query {
namespace {

const std::string kPrefixes =
    "PREFIX kgo: <https://kg.example.org/ontology#>\n"
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n";

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("KG_VIRTUOSO_DIR");
    if (dir == nullptr) GTEST_SKIP() << "KG_VIRTUOSO_DIR not set: run through ctest (fixture)";
    std::ifstream ports(std::string(dir) + "/ports");
    int http = 0;
    if (!(ports >> http)) GTEST_SKIP() << "no Virtuoso running in " << dir;
    base_ = "http://127.0.0.1:" + std::to_string(http);
    store_.url = base_ + "/sparql-graph-crud-auth";
    store_.user = "dba";
    store_.password = "dba";
    store_.backoff = std::chrono::milliseconds(50);
  }

  [[nodiscard]] std::string sparql_url() const { return base_ + "/sparql"; }

  // One column of a result as a set of lexical forms / IRIs.
  static std::multiset<std::string> values(const SparqlResult& r, const std::string& var) {
    std::multiset<std::string> out;
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
      if (const Term* t = r.value(i, var)) out.insert(t->value);
    }
    return out;
  }

  // The same query in-process and at the store; the answers must agree.
  void expect_same_answer(const KnowledgeGraph& g, const ontology::Ontology* onto,
                          const std::string& query, const std::string& var,
                          const std::multiset<std::string>& expected) {
    SparqlEngine engine(g, onto);
    auto local = engine.run(query);
    ASSERT_TRUE(local) << local.error().to_string();
    auto remote = remote_query(store_, sparql_url(), query);
    ASSERT_TRUE(remote) << remote.error().to_string();
    EXPECT_EQ(values(*local, var), values(*remote, var)) << query;
    EXPECT_EQ(values(*local, var), expected) << query;
  }

  static std::size_t count_in(const StoreEndpoint& ep, const std::string& sparql,
                              const std::string& graph) {
    auto r = remote_query(ep, sparql,
                          "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + graph + "> { ?s ?p ?o } }");
    EXPECT_TRUE(r) << (r ? "" : r.error().to_string());
    if (!r || r->rows.empty() || r->value(0, "n") == nullptr) return 0;
    return std::stoul(r->value(0, "n")->value);
  }

  std::string base_;
  StoreEndpoint store_;
};

std::optional<KnowledgeGraph> seed_graph(const ontology::Ontology& onto) {
  const char* path = std::getenv("KG_SEED_GRAPH");
  if (path == nullptr || !std::ifstream(path)) return std::nullopt;
  exporters::ReadOptions options;
  options.ontology = &onto;
  auto g = exporters::read_graph_file(path, nullptr, options);
  if (!g) return std::nullopt;
  return std::move(*g);
}

TEST_F(StoreTest, SeedGraphAnswersTheSameAtTheStoreAsInProcess) {
  auto onto = ontology::Ontology::load_default();
  ASSERT_TRUE(onto) << onto.error().to_string();
  auto seed = seed_graph(*onto);
  if (!seed) GTEST_SKIP() << "seed graph not written (run the ExampleG20Hamburg test first)";
  const auto payloads = graph_payloads(*seed, &*onto);
  ASSERT_FALSE(payloads.empty());
  auto pushed = push_graphs(payloads, store_);
  ASSERT_TRUE(pushed) << pushed.error().to_string();
  const std::string from = "FROM <" + payloads.front().graph + ">\n";

  expect_same_answer(*seed, &*onto,
                     kPrefixes + "SELECT ?name " + from +
                         "WHERE { ?t rdfs:label \"Donald Trump\"@en . "
                         "{ ?t kgo:met ?x } UNION { ?x kgo:met ?t } ?x rdfs:label ?name }",
                     "name", {"Vladimir Putin"});
  expect_same_answer(*seed, &*onto,
                     kPrefixes + "SELECT ?name " + from +
                         "WHERE { ?a rdfs:label \"Bashar al-Assad\"@en . ?x kgo:backs ?a ; "
                         "rdfs:label ?name }",
                     "name", {"Vladimir Putin"});
  // The evidence sentence of "Trump met Putin", through its statement node.
  SparqlEngine engine(*seed, &*onto);
  const std::string provenance =
      kPrefixes + "SELECT ?text " + from +
      "WHERE { ?t rdfs:label \"Donald Trump\"@en . ?p rdfs:label \"Vladimir Putin\"@en . "
      "?st rdf:subject ?t ; rdf:predicate kgo:met ; rdf:object ?p ; kgo:evidence ?ev . "
      "?ev nif:anchorOf ?text }";
  auto local = engine.run(provenance);
  ASSERT_TRUE(local) << local.error().to_string();
  ASSERT_FALSE(local->rows.empty());
  auto remote = remote_query(store_, sparql_url(), provenance);
  ASSERT_TRUE(remote) << remote.error().to_string();
  EXPECT_EQ(values(*local, "text"), values(*remote, "text"));
  EXPECT_NE(local->value(0, "text")->value.find("Putin"), std::string::npos);
}

TEST_F(StoreTest, TriplesPerArticleGraphMatchInProcessCounts) {
  const auto g = test::small_graph();
  const auto payloads = graph_payloads(g, nullptr);
  ASSERT_EQ(payloads.size(), 2U);  // two documents, no fact outside them
  auto pushed = push_graphs(payloads, store_);
  ASSERT_TRUE(pushed) << pushed.error().to_string();
  SparqlEngine engine(g);
  for (const auto& p : payloads) {
    auto local =
        engine.run("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + p.graph + "> { ?s ?p ?o } }");
    ASSERT_TRUE(local) << local.error().to_string();
    EXPECT_EQ(std::stoul(local->value(0, "n")->value), p.triples) << p.graph;
    EXPECT_EQ(count_in(store_, sparql_url(), p.graph), p.triples) << p.graph;
  }
}

TEST_F(StoreTest, PushingTwiceReplacesInsteadOfDuplicating) {
  const auto g = test::small_graph();
  auto payloads = graph_payloads(g, nullptr, "urn:kg:test:twice");
  ASSERT_EQ(payloads.size(), 1U);
  ASSERT_TRUE(push_graphs(payloads, store_));
  const std::size_t once = count_in(store_, sparql_url(), "urn:kg:test:twice");
  auto again = push_graphs(payloads, store_);
  ASSERT_TRUE(again) << again.error().to_string();
  EXPECT_EQ(count_in(store_, sparql_url(), "urn:kg:test:twice"), once);
  EXPECT_EQ(once, payloads.front().triples);
  ASSERT_TRUE(delete_graph(store_, "urn:kg:test:twice"));
  EXPECT_EQ(count_in(store_, sparql_url(), "urn:kg:test:twice"), 0U);
}

TEST_F(StoreTest, FailedPushLeavesThePreviousGraphIntact) {
  const auto g = test::small_graph();
  auto payloads = graph_payloads(g, nullptr, "urn:kg:test:intact");
  ASSERT_TRUE(push_graphs(payloads, store_));
  const std::size_t before = count_in(store_, sparql_url(), "urn:kg:test:intact");
  ASSERT_GT(before, 0U);
  auto bad =
      put_graph(store_, "urn:kg:test:intact", "<urn:a> <urn:b> \"unterminated .\n", "text/turtle");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("HTTP 5"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("urn:kg:test:intact"), std::string::npos);
  EXPECT_EQ(count_in(store_, sparql_url(), "urn:kg:test:intact"), before);
}

TEST_F(StoreTest, WrongPasswordIsAClearError) {
  StoreEndpoint ep = store_;
  ep.password = "not-the-password";
  auto r = put_graph(ep, "urn:kg:test:auth", "<urn:a> <urn:b> <urn:c> .\n", "text/turtle");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("HTTP 401"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().hint.find("--password"), std::string::npos);
}

TEST_F(StoreTest, UnauthenticatedEndpointIsForbidden) {
  StoreEndpoint ep = store_;
  ep.url = base_ + "/sparql-graph-crud";
  ep.user.clear();
  auto r = put_graph(ep, "urn:kg:test:auth", "<urn:a> <urn:b> <urn:c> .\n", "text/turtle");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("HTTP 403"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace kg::query
