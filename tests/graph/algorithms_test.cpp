#include <gtest/gtest.h>

#include <kg/graph/algorithms.hpp>
#include <kg/graph/vocab.hpp>

namespace {

const std::string kRel = std::string(kg::vocab::kKgo) + "met";
const std::string kOther = std::string(kg::vocab::kKgo) + "backs";

// a - b - c - d   e - f   g (alone); b also backs e? no: separate components.
kg::KnowledgeGraph chain() {
  kg::KnowledgeGraph g;
  for (const char* name : {"a", "b", "c", "d", "e", "f", "g"}) {
    EXPECT_TRUE(g.add_entity({.iri = {}, .label = name}));
  }
  const auto add = [&](const char* s, const std::string& p, const char* o) {
    EXPECT_TRUE(g.add_relation(*g.lookup(s), {.predicate = p}, *g.lookup(o)));
  };
  add("a", kRel, "b");
  add("c", kRel, "b");  // reversed direction on purpose
  add("c", kOther, "d");
  add("e", kRel, "f");
  return g;
}

TEST(AlgorithmsTest, NeighbourhoodIgnoresDirection) {
  auto g = chain();
  auto n1 = kg::neighbourhood(g, *g.lookup("b"), 1);
  EXPECT_EQ(n1.size(), 3U);  // b, a, c
  EXPECT_EQ(n1.front(), *g.lookup("b"));
  EXPECT_EQ(kg::neighbourhood(g, *g.lookup("a"), 3).size(), 4U);
  EXPECT_EQ(kg::neighbourhood(g, *g.lookup("a"), 3, kRel).size(), 3U);
}

TEST(AlgorithmsTest, ShortestPathWalksEdgesEitherWay) {
  auto g = chain();
  auto p = kg::shortest_path(g, *g.lookup("a"), *g.lookup("d"));
  ASSERT_TRUE(p);
  ASSERT_EQ(p->edges.size(), 3U);
  ASSERT_EQ(p->vertices.size(), 4U);
  EXPECT_EQ(g.entity(p->vertices[1]).label, "b");
  EXPECT_EQ(g.entity(p->vertices[2]).label, "c");
  EXPECT_FALSE(kg::shortest_path(g, *g.lookup("a"), *g.lookup("e")));
}

TEST(AlgorithmsTest, CountsComponents) {
  auto g = chain();
  auto c = kg::connected_components(g);
  EXPECT_EQ(c.count, 3);
  EXPECT_EQ(c.component[*g.lookup("a")], c.component[*g.lookup("d")]);
  EXPECT_NE(c.component[*g.lookup("a")], c.component[*g.lookup("e")]);
}

TEST(AlgorithmsTest, BetweennessRanksTheBridgeFirst) {
  auto g = chain();
  auto r = kg::centrality_ranking(g, kg::Centrality::kBetweenness);
  ASSERT_EQ(r.size(), 7U);
  // b and c both lie on 2 shortest paths; ties break by IRI, so b comes first.
  EXPECT_EQ(g.entity(r[0].first).label, "b");
  EXPECT_EQ(g.entity(r[1].first).label, "c");
  auto d = kg::centrality_ranking(g, kg::Centrality::kDegree);
  EXPECT_DOUBLE_EQ(d[0].second, 2.0);
  auto pr = kg::centrality_ranking(g, kg::Centrality::kPageRank);
  EXPECT_EQ(pr.size(), 7U);
}

}  // namespace
