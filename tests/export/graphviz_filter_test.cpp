// Graphviz diagrams: RenderOptions filters (predicate, class, confidence,
// claims, ego network) and the automatic choice of layout engine.

#include <gtest/gtest.h>

#include <kg/exporters/graphviz.hpp>
#include <kg/graph/algorithms.hpp>
#include <set>
#include <string>

#include "graphviz_test_support.hpp"

namespace kg::exporters {
namespace {

using graphviz_testing::GraphBuilder;
using graphviz_testing::kgo;
using graphviz_testing::parse_dot;
using graphviz_testing::ParsedDot;
using graphviz_testing::Sample;
using graphviz_testing::sample;
using graphviz_testing::test_ontology;

ParsedDot drawn(const KnowledgeGraph& graph, RenderOptions options,
                const ontology::Ontology* ontology = &test_ontology()) {
  options.output = "dot";
  const auto parsed = parse_dot(graphviz_testing::render_text(graph, options, ontology));
  EXPECT_TRUE(parsed);
  return parsed ? *parsed : ParsedDot{};
}

std::set<std::string> node_names(const ParsedDot& parsed) {
  std::set<std::string> out;
  for (const auto& [name, attributes] : parsed.nodes) out.insert(name);
  return out;
}

std::set<std::pair<std::string, std::string>> edge_ends(const ParsedDot& parsed) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& e : parsed.edges) out.emplace(e.tail, e.head);
  return out;
}

TEST(GraphvizFilterTest, NoFiltersDrawEverythingIncludingIsolatedEntities) {
  const auto s = sample();
  const auto parsed = drawn(s.graph, {});
  EXPECT_EQ(parsed.nodes.size(), s.graph.num_entities());
  EXPECT_EQ(parsed.edges.size(), s.graph.num_relations());
  EXPECT_TRUE(parsed.nodes.contains(s.merkel));
}

TEST(GraphvizFilterTest, PredicateKeepsOnlyThoseRelationsAndTheirEntities) {
  const auto s = sample();
  RenderOptions options;
  options.predicates = {kgo("backs")};
  const auto parsed = drawn(s.graph, options);
  EXPECT_EQ(edge_ends(parsed),
            (std::set<std::pair<std::string, std::string>>{{s.putin, s.assad}, {s.usa, s.rebels}}));
  EXPECT_EQ(node_names(parsed), (std::set<std::string>{s.putin, s.assad, s.usa, s.rebels}));
}

TEST(GraphvizFilterTest, PredicateAcceptsCurieAndLocalName) {
  const auto s = sample();
  RenderOptions by_curie;
  by_curie.predicates = {"kgo:leads", "met"};
  const auto parsed = drawn(s.graph, by_curie);
  EXPECT_EQ(edge_ends(parsed), (std::set<std::pair<std::string, std::string>>{{s.assad, s.syria},
                                                                              {s.trump, s.putin}}));
}

TEST(GraphvizFilterTest, ClassFilterIncludesSubclasses) {
  const auto s = sample();
  RenderOptions options;
  options.classes = {kgo("Organization")};  // rebel groups are an ArmedGroup
  const auto parsed = drawn(s.graph, options);
  EXPECT_EQ(node_names(parsed), (std::set<std::string>{s.rebels}));
  EXPECT_TRUE(parsed.edges.empty());
}

TEST(GraphvizFilterTest, ClassFilterKeepsEdgesBetweenKeptEntities) {
  const auto s = sample();
  RenderOptions options;
  options.classes = {"Person"};
  const auto parsed = drawn(s.graph, options);
  EXPECT_EQ(node_names(parsed),
            (std::set<std::string>{s.trump, s.putin, s.lavrov, s.assad, s.merkel}));
  EXPECT_EQ(edge_ends(parsed), (std::set<std::pair<std::string, std::string>>{{s.trump, s.putin},
                                                                              {s.putin, s.assad}}));
  EXPECT_EQ(parsed.edges.size(), 3U);  // met and pressed between Trump and Putin
}

TEST(GraphvizFilterTest, ClassFilterWithoutOntologyMatchesExactClass) {
  const auto s = sample();
  RenderOptions options;
  options.classes = {kgo("Country")};
  const auto parsed = drawn(s.graph, options, nullptr);
  EXPECT_EQ(node_names(parsed), (std::set<std::string>{s.russia, s.usa, s.syria}));
}

TEST(GraphvizFilterTest, MinimumConfidenceDropsWeakRelationsAndLonelyEntities) {
  const auto s = sample();
  RenderOptions options;
  options.min_confidence = 0.75;
  const auto parsed = drawn(s.graph, options);
  EXPECT_EQ(edge_ends(parsed), (std::set<std::pair<std::string, std::string>>{
                                   {s.trump, s.putin}, {s.putin, s.assad}, {s.assad, s.syria}}));
  EXPECT_EQ(node_names(parsed), (std::set<std::string>{s.trump, s.putin, s.assad, s.syria}));
}

TEST(GraphvizFilterTest, ExcludingClaimsDropsNegatedAndAttributedRelations) {
  const auto s = sample();
  RenderOptions options;
  options.include_claims = false;
  const auto parsed = drawn(s.graph, options);
  EXPECT_EQ(parsed.edges.size(), s.graph.num_relations() - 2);
  EXPECT_FALSE(node_names(parsed).contains(s.russia));
  for (const auto& e : parsed.edges) EXPECT_NE(e.attributes.at("style"), "dashed");
}

TEST(GraphvizFilterTest, EgoNetworkWithinOneHop) {
  const auto s = sample();
  RenderOptions options;
  options.ego = s.putin;
  options.ego_hops = 1;
  const auto parsed = drawn(s.graph, options);
  EXPECT_EQ(node_names(parsed), (std::set<std::string>{s.putin, s.trump, s.assad}));
  EXPECT_EQ(parsed.edges.size(), 3U);  // met, pressed, backs
}

TEST(GraphvizFilterTest, EgoNetworkMatchesNeighbourhoodWithoutOtherFilters) {
  const auto s = sample();
  for (unsigned hops : {0U, 1U, 2U, 3U}) {
    RenderOptions options;
    options.ego = "Vladimir Putin";
    options.ego_hops = hops;
    std::set<std::string> expected;
    for (const auto v : neighbourhood(s.graph, *s.graph.find(s.putin), hops)) {
      expected.insert(s.graph.entity(v).iri);
    }
    EXPECT_EQ(node_names(drawn(s.graph, options)), expected) << hops;
  }
}

TEST(GraphvizFilterTest, EgoByAliasFollowsOnlyKeptRelations) {
  const auto s = sample();
  RenderOptions options;
  options.ego = "Trump";
  options.ego_hops = 2;
  options.predicates = {"met"};
  const auto parsed = drawn(s.graph, options);
  EXPECT_EQ(node_names(parsed), (std::set<std::string>{s.trump, s.putin}));
}

TEST(GraphvizFilterTest, EgoWithoutKeptRelationsIsStillDrawn) {
  const auto s = sample();
  RenderOptions options;
  options.ego = s.merkel;
  const auto parsed = drawn(s.graph, options);
  EXPECT_EQ(node_names(parsed), (std::set<std::string>{s.merkel}));
  EXPECT_EQ(parsed.nodes.at(s.merkel).at("penwidth"), "3");
}

TEST(GraphvizFilterTest, UnknownEgoIsNotFound) {
  const auto s = sample();
  RenderOptions options;
  options.ego = "Nobody Atall";
  const auto result = render_to_string(s.graph, &test_ontology(), options);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Error::Code::kNotFound);
  EXPECT_NE(result.error().message.find("Nobody Atall"), std::string::npos);
}

TEST(GraphvizFilterTest, AmbiguousEgoNamesTheCandidates) {
  GraphBuilder b;
  const auto first = b.entity("Paris", "City");
  Entity other;
  other.iri = "https://kg.example.org/entity/Paris_Texas";
  other.label = "Paris, Texas";
  other.aliases = {"Paris"};
  ASSERT_TRUE(b.graph.add_entity(other));
  RenderOptions options;
  options.ego = "Paris";
  const auto result = render_to_string(b.graph, &test_ontology(), options);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Error::Code::kNotFound);
  EXPECT_NE(result.error().message.find(first), std::string::npos);
  EXPECT_NE(result.error().message.find(other.iri), std::string::npos);
}

TEST(GraphvizLayoutTest, ChoosesDotForSmallGraphs) {
  const auto [engine, splines] = choose_layout(50, 100, {});
  EXPECT_EQ(engine, "dot");
  EXPECT_EQ(splines, "true");
}

TEST(GraphvizLayoutTest, ChoosesSfdpWithStraightEdgesForLargeGraphs) {
  for (const std::size_t nodes : {500U, 5000U}) {
    const auto [engine, splines] = choose_layout(nodes, 2 * nodes, {});
    EXPECT_EQ(engine, "sfdp") << nodes;
    EXPECT_EQ(splines, "line") << nodes;
  }
}

TEST(GraphvizLayoutTest, DenseSmallGraphsAvoidDot) {
  EXPECT_EQ(choose_layout(30, 400, {}).first, "sfdp");
}

TEST(GraphvizLayoutTest, KeepsTheUsersChoice) {
  RenderOptions options;
  options.engine = "circo";
  options.splines = "ortho";
  EXPECT_EQ(choose_layout(5000, 10000, options),
            std::make_pair(std::string("circo"), std::string("ortho")));
  options.splines.clear();
  EXPECT_EQ(choose_layout(5000, 10000, options).second, "line");
  EXPECT_EQ(choose_layout(10, 10, options).second, "true");
}

TEST(GraphvizLayoutTest, LargeGraphUsesTheAutomaticChoiceInDot) {
  GraphBuilder b;
  std::vector<std::string> iris;
  for (int i = 0; i < 300; ++i) iris.push_back(b.entity("Entity " + std::to_string(i), "Person"));
  for (int i = 0; i < 300; ++i) {
    b.relation(iris[i], "met", iris[(i * 7 + 3) % 300]);
    b.relation(iris[i], "backs", iris[(i * 13 + 5) % 300]);
  }
  const auto parsed = drawn(b.graph, {});
  const auto [engine, splines] = choose_layout(parsed.nodes.size(), parsed.edges.size(), {});
  EXPECT_EQ(parsed.graph_attributes.at("layout"), engine);
  EXPECT_EQ(parsed.graph_attributes.at("splines"), splines);
  EXPECT_EQ(engine, "sfdp");
}

}  // namespace
}  // namespace kg::exporters
