#include <gtest/gtest.h>

#include <algorithm>
#include <kg/query/relations.hpp>
#include <set>

#include "query_test_graph.hpp"

namespace kg::query {
namespace {

using test::kDoc2;
using test::kKgo;
using test::small_graph;

std::set<std::string> others(const KnowledgeGraph& g, const std::vector<RelationMatch>& ms) {
  std::set<std::string> out;
  for (const auto& m : ms) out.insert(g.entity(m.other).label);
  return out;
}

TEST(GraphQueryTest, RelationsByPredicateAndDirection) {
  const auto g = small_graph();
  GraphQuery q(g);
  const auto putin = *q.entity("Vladimir Putin");
  RelationFilter met;
  met.predicates = {kKgo + "met"};
  EXPECT_EQ(others(g, q.relations(putin, met)), (std::set<std::string>{"Donald Trump"}));
  met.direction = Direction::kOutgoing;
  EXPECT_TRUE(q.relations(putin, met).empty());
  met.direction = Direction::kIncoming;
  ASSERT_EQ(q.relations(putin, met).size(), 1U);
  EXPECT_FALSE(q.relations(putin, met).front().outgoing);
}

TEST(GraphQueryTest, ConfidenceAndDateFilters) {
  const auto g = small_graph();
  GraphQuery q(g);
  const auto trump = *q.entity("Donald Trump");
  RelationFilter f;
  f.predicates = {kKgo + "met"};
  f.min_confidence = 0.95;
  EXPECT_EQ(others(g, q.relations(trump, f)), (std::set<std::string>{"Vladimir Putin"}));
  f.min_confidence = 0;
  f.date_from = "2017-07-08";
  EXPECT_EQ(others(g, q.relations(trump, f)), (std::set<std::string>{"Shinzo Abe"}));
  f.date_to = "2017-07-07";
  EXPECT_TRUE(q.relations(trump, f).empty());
}

TEST(GraphQueryTest, DocumentFilterKeepsFactsReadThere) {
  const auto g = small_graph();
  GraphQuery q(g);
  RelationFilter f;
  f.document = kDoc2;
  std::set<std::string> preds;
  for (const auto& m : q.all_relations(f)) preds.insert(m.relation->predicate);
  EXPECT_EQ(preds, (std::set<std::string>{kKgo + "backs", kKgo + "opposes", kKgo + "attacked"}));
}

TEST(GraphQueryTest, ClaimsAreSeparateFromAssertedFacts) {
  const auto g = small_graph();
  GraphQuery q(g);
  const auto russia = *q.entity("Russia");
  RelationFilter claims;
  claims.stance = Stance::kClaimed;
  const auto c = q.relations(russia, claims);
  ASSERT_EQ(c.size(), 1U);
  EXPECT_EQ(c.front().relation->predicate, kKgo + "denied");
  RelationFilter asserted;
  asserted.stance = Stance::kAsserted;
  for (const auto& m : q.relations(russia, asserted)) {
    EXPECT_TRUE(m.relation->attributed_to.empty());
  }
  RelationFilter by;
  by.claimed_by = g.entity(*q.entity("Dmitry Peskov")).iri;
  EXPECT_EQ(q.all_relations(by).size(), 1U);
}

TEST(GraphQueryTest, NegatedFactsCanBeDropped) {
  const auto g = small_graph();
  GraphQuery q(g);
  const auto putin = *q.entity("Vladimir Putin");
  RelationFilter f;
  f.predicates = {kKgo + "attacked"};
  EXPECT_EQ(q.relations(putin, f).size(), 1U);
  f.include_negated = false;
  EXPECT_TRUE(q.relations(putin, f).empty());
}

TEST(GraphQueryTest, EventsListTheirRoles) {
  const auto g = small_graph();
  GraphQuery q(g);
  const auto events = q.events(*q.entity("Donald Trump"));
  ASSERT_EQ(events.size(), 1U);
  std::set<std::string> roles;
  for (const auto& r : events.front().roles) {
    roles.insert(r.predicate.substr(kKgo.size()) + ":" + g.entity(r.entity).label);
  }
  EXPECT_EQ(roles, (std::set<std::string>{"hasParticipant:Donald Trump",
                                          "hasParticipant:Vladimir Putin", "eventPlace:Hamburg"}));
  EXPECT_TRUE(q.events(*q.entity("Bashar al-Assad")).empty());
}

TEST(GraphQueryTest, PathWalksEitherDirectionAndHonoursFilters) {
  const auto g = small_graph();
  GraphQuery q(g);
  const auto abe = *q.entity("Shinzo Abe");
  const auto assad = *q.entity("Bashar al-Assad");
  auto p = q.path(abe, assad);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->front().from, abe);
  EXPECT_EQ(p->back().to, assad);
  for (std::size_t i = 1; i < p->size(); ++i) EXPECT_EQ((*p)[i].from, (*p)[i - 1].to);
  RelationFilter only_met;
  only_met.predicates = {kKgo + "met"};
  EXPECT_FALSE(q.path(abe, assad, only_met));
}

TEST(GraphQueryTest, EgoNetworkWithinHops) {
  const auto g = small_graph();
  GraphQuery q(g);
  const auto trump = *q.entity("Donald Trump");
  const auto one = q.ego_network(trump, 1);
  std::set<std::string> labels;
  for (auto v : one.entities) labels.insert(g.entity(v).label);
  EXPECT_EQ(labels, (std::set<std::string>{"Donald Trump", "Vladimir Putin", "Shinzo Abe",
                                           "Trump-Putin meeting"}));
  EXPECT_EQ(one.hops.front(), 0U);
  for (auto e : one.relations) {
    EXPECT_TRUE(labels.count(g.entity(g.subject(e)).label));
    EXPECT_TRUE(labels.count(g.entity(g.object(e)).label));
  }
  EXPECT_GT(q.ego_network(trump, 2).entities.size(), one.entities.size());
}

TEST(GraphQueryTest, UnknownAndAmbiguousNamesAreErrors) {
  KnowledgeGraph g;
  Entity a;
  a.label = "Abe";
  a.iri = "https://kg.example.org/entity/Abe1";
  Entity b = a;
  b.iri = "https://kg.example.org/entity/Abe2";
  ASSERT_TRUE(g.add_entity(a));
  ASSERT_TRUE(g.add_entity(b));
  GraphQuery q(g);
  auto amb = q.entity("Abe");
  ASSERT_FALSE(amb);
  EXPECT_NE(amb.error().message.find("Abe2"), std::string::npos);
  EXPECT_EQ(q.entity("Nobody").error().code, Error::Code::kNotFound);
}

}  // namespace
}  // namespace kg::query
