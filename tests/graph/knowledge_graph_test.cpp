#include <gtest/gtest.h>

#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/vocab.hpp>

namespace {

const std::string kMet = std::string(kg::vocab::kKgo) + "met";
const std::string kBacks = std::string(kg::vocab::kKgo) + "backs";
const std::string kPerson = std::string(kg::vocab::kKgo) + "Person";

// A validator that only knows `met` is symmetric and rejects `forbidden`.
class TestValidator : public kg::RelationValidator {
 public:
  kg::Result<void> check(const kg::Entity& s, std::string_view p,
                         const kg::Entity& o) const override {
    if (p.find("forbidden") != std::string_view::npos) {
      return kg::fail(kg::Error::Code::kValidation,
                      "forbidden relation between " + s.label + " and " + o.label);
    }
    return {};
  }
  bool is_symmetric(std::string_view p) const override { return p == kMet; }
};

kg::KnowledgeGraph two_people() {
  kg::KnowledgeGraph g;
  EXPECT_TRUE(g.add_entity({.iri = {}, .label = "Donald Trump", .class_iri = kPerson}));
  EXPECT_TRUE(g.add_entity({.iri = {}, .label = "Vladimir Putin", .class_iri = kPerson}));
  return g;
}

kg::Provenance prov(std::size_t sentence) {
  kg::Provenance p;
  p.document = "https://kg.example.org/doc/a";
  p.sentence = sentence;
  p.begin = sentence * 10;
  p.end = sentence * 10 + 5;
  p.evidence = "sentence " + std::to_string(sentence);
  p.rule = "test";
  return p;
}

TEST(KnowledgeGraphTest, MintsDeterministicEntityIris) {
  auto g = two_people();
  ASSERT_TRUE(g.find("https://kg.example.org/entity/Donald_Trump"));
  EXPECT_EQ(g.entity(*g.find("https://kg.example.org/entity/Vladimir_Putin")).label,
            "Vladimir Putin");
}

TEST(KnowledgeGraphTest, MergesEntitiesWithSameIri) {
  kg::KnowledgeGraph g;
  auto a = g.add_entity({.iri = {}, .label = "Vladimir Putin", .aliases = {"Putin"}});
  auto b = g.add_entity({.iri = {},
                         .label = "Vladimir Putin",
                         .class_iri = kPerson,
                         .aliases = {"Putin", "the Russian leader"},
                         .same_as = {"http://www.wikidata.org/entity/Q7747"}});
  ASSERT_TRUE(a && b);
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(g.num_entities(), 1U);
  const auto& e = g.entity(*a);
  EXPECT_EQ(e.class_iri, kPerson);
  EXPECT_EQ(e.aliases, (std::vector<std::string>{"Putin", "the Russian leader"}));
  EXPECT_EQ(e.wikidata_id(), "Q7747");
  EXPECT_EQ(g.lookup("the Russian leader"), a.value());
}

TEST(KnowledgeGraphTest, RejectsConflictingClass) {
  kg::KnowledgeGraph g;
  ASSERT_TRUE(g.add_entity({.iri = {}, .label = "Jordan", .class_iri = kPerson}));
  auto r = g.add_entity({.iri = {}, .label = "Jordan", .class_iri = "https://x.org/Country"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, kg::Error::Code::kValidation);
  EXPECT_NE(r.error().message.find("Jordan"), std::string::npos);
}

TEST(KnowledgeGraphTest, RejectsInvalidIri) {
  kg::KnowledgeGraph g;
  auto r = g.add_entity({.iri = "not an iri", .label = "x"});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, kg::Error::Code::kInvalidArgument);
}

TEST(KnowledgeGraphTest, MergesProvenanceOfRepeatedRelation) {
  auto g = two_people();
  const std::string t = "https://kg.example.org/entity/Donald_Trump";
  const std::string p = "https://kg.example.org/entity/Vladimir_Putin";
  auto e1 = g.add_relation(t, {.predicate = kBacks, .confidence = 0.5, .provenance = {prov(1)}}, p);
  auto e2 = g.add_relation(t, {.predicate = kBacks, .confidence = 0.8, .provenance = {prov(2)}}, p);
  auto e3 = g.add_relation(t, {.predicate = kBacks, .confidence = 0.1, .provenance = {prov(2)}}, p);
  ASSERT_TRUE(e1 && e2 && e3);
  EXPECT_EQ(g.num_relations(), 1U);
  const auto& r = g.relation(*e1);
  EXPECT_EQ(r.provenance.size(), 2U);
  EXPECT_DOUBLE_EQ(r.confidence, 0.8);
  EXPECT_EQ(g.statement_iri(*e1).rfind("https://kg.example.org/statement/", 0), 0U);
}

TEST(KnowledgeGraphTest, NegatedAndAttributedRelationsAreDistinct) {
  auto g = two_people();
  const std::string t = "https://kg.example.org/entity/Donald_Trump";
  const std::string p = "https://kg.example.org/entity/Vladimir_Putin";
  ASSERT_TRUE(g.add_relation(t, {.predicate = kBacks}, p));
  ASSERT_TRUE(g.add_relation(t, {.predicate = kBacks, .negated = true}, p));
  ASSERT_TRUE(g.add_relation(t, {.predicate = kBacks, .attributed_to = p}, p));
  EXPECT_EQ(g.num_relations(), 3U);
}

TEST(KnowledgeGraphTest, StoresSymmetricRelationOnce) {
  auto g = two_people();
  g.set_validator(std::make_shared<TestValidator>());
  const std::string t = "https://kg.example.org/entity/Donald_Trump";
  const std::string p = "https://kg.example.org/entity/Vladimir_Putin";
  auto a = g.add_relation(p, {.predicate = kMet, .provenance = {prov(1)}}, t);
  auto b = g.add_relation(t, {.predicate = kMet, .provenance = {prov(2)}}, p);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(g.num_relations(), 1U);
  // Canonical direction: smaller IRI first, whatever the input order.
  EXPECT_EQ(g.entity(g.subject(*a)).label, "Donald Trump");
  EXPECT_EQ(g.relation(*a).provenance.size(), 2U);
}

TEST(KnowledgeGraphTest, StrictValidationRejectsAndLenientWarns) {
  auto g = two_people();
  const std::string t = "https://kg.example.org/entity/Donald_Trump";
  const std::string p = "https://kg.example.org/entity/Vladimir_Putin";
  const std::string bad = std::string(kg::vocab::kKgo) + "forbidden";
  g.set_validator(std::make_shared<TestValidator>());
  auto r = g.add_relation(t, {.predicate = bad}, p);
  ASSERT_FALSE(r);
  EXPECT_EQ(g.num_relations(), 0U);
  g.set_validator(std::make_shared<TestValidator>(), kg::ValidationMode::kLenient);
  ASSERT_TRUE(g.add_relation(t, {.predicate = bad}, p));
  EXPECT_EQ(g.num_relations(), 1U);
  ASSERT_EQ(g.warnings().size(), 1U);
  EXPECT_NE(g.warnings()[0].message.find("Donald Trump"), std::string::npos);
}

TEST(KnowledgeGraphTest, RelationToUnknownEntityIsError) {
  auto g = two_people();
  auto r = g.add_relation("https://kg.example.org/entity/Donald_Trump", {.predicate = kMet},
                          "https://kg.example.org/entity/Nobody");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("Nobody"), std::string::npos);
}

TEST(KnowledgeGraphTest, QueriesByDirectionAndPredicate) {
  auto g = two_people();
  ASSERT_TRUE(g.add_entity({.iri = {}, .label = "Syria"}));
  const auto t = *g.lookup("Donald Trump");
  const auto p = *g.lookup("Vladimir Putin");
  const auto s = *g.lookup("Syria");
  ASSERT_TRUE(g.add_relation(t, {.predicate = kMet}, p));
  ASSERT_TRUE(g.add_relation(p, {.predicate = kBacks}, s));
  EXPECT_EQ(g.relations_from(p).size(), 1U);
  EXPECT_EQ(g.relations_to(p).size(), 1U);
  EXPECT_EQ(g.relations_from(p, kMet).size(), 0U);
  EXPECT_EQ(g.relations_between(p, t).size(), 1U);
  EXPECT_EQ(g.relations_with_predicate(kBacks).size(), 1U);
  EXPECT_EQ(g.entities_of_class(kPerson).size(), 2U);
}

TEST(KnowledgeGraphTest, CopyKeepsIndexesValid) {
  auto g = two_people();
  const auto t = *g.lookup("Donald Trump");
  const auto p = *g.lookup("Vladimir Putin");
  ASSERT_TRUE(g.add_relation(t, {.predicate = kMet, .provenance = {prov(1)}}, p));
  kg::KnowledgeGraph copy = g;
  g = kg::KnowledgeGraph();  // the original's storage is gone
  ASSERT_TRUE(copy.add_relation(t, {.predicate = kMet, .provenance = {prov(2)}}, p));
  EXPECT_EQ(copy.num_relations(), 1U);
  EXPECT_EQ(copy.relation(copy.relations_with_predicate(kMet).at(0)).provenance.size(), 2U);
}

TEST(KnowledgeGraphTest, DocumentsMergeByIri) {
  kg::KnowledgeGraph g;
  ASSERT_TRUE(g.add_document({.iri = kg::document_iri("a"), .title = "T"}));
  ASSERT_TRUE(g.add_document({.iri = kg::document_iri("a"), .date = "2017-07-07"}));
  ASSERT_EQ(g.documents().size(), 1U);
  EXPECT_EQ(g.documents()[0].date, "2017-07-07");
  EXPECT_FALSE(g.add_document({.iri = "bad iri"}));
}

TEST(KnowledgeGraphTest, ExtrasAreKeptOnce) {
  kg::KnowledgeGraph g;
  kg::Quad q{kg::Term::blank("b0"), kg::Term::iri("http://xmlns.com/foaf/0.1/name"),
             kg::Term::literal("Ann", "", "en"), ""};
  g.add_extra(q);
  g.add_extra(q);
  EXPECT_EQ(g.extras().size(), 1U);
}

// Enough relations to regrow the relation index several times: each one is
// still found and merged afterwards, and the predicate index keeps insertion order.
TEST(KnowledgeGraphTest, ManyRelationsStillMergeAfterTheIndexGrows) {
  kg::KnowledgeGraph g;
  constexpr std::size_t kPeople = 60;
  for (std::size_t i = 0; i < kPeople; ++i) {
    ASSERT_TRUE(g.add_entity({.iri = {}, .label = "Person " + std::to_string(i)}));
  }
  std::vector<kg::KnowledgeGraph::Edge> added;
  for (std::size_t s = 0; s < kPeople; ++s) {
    for (std::size_t o = 0; o < kPeople; o += 3) {
      auto e = g.add_relation(s, {.predicate = s % 2 == 0 ? kMet : kBacks}, o);
      ASSERT_TRUE(e);
      added.push_back(*e);
    }
  }
  const std::size_t count = g.num_relations();
  EXPECT_EQ(count, added.size());
  for (std::size_t s = 0; s < kPeople; ++s) {
    for (std::size_t o = 0; o < kPeople; o += 3) {
      auto e =
          g.add_relation(s, {.predicate = s % 2 == 0 ? kMet : kBacks, .provenance = {prov(s)}}, o);
      ASSERT_TRUE(e);
      EXPECT_EQ(g.relation(*e).provenance.size(), 1U);
    }
  }
  EXPECT_EQ(g.num_relations(), count);
  std::vector<kg::KnowledgeGraph::Edge> met;
  for (const auto e : added) {
    if (g.relation(e).predicate == kMet) met.push_back(e);
  }
  EXPECT_EQ(g.relations_with_predicate(kMet), met);
  EXPECT_EQ(g.relations(), added);
}

TEST(KnowledgeGraphTest, MovedGraphKeepsMergingAndReservedEdgesChangeNothing) {
  auto g = two_people();
  const auto t = *g.lookup("Donald Trump");
  const auto p = *g.lookup("Vladimir Putin");
  g.reserve(2, 4);
  g.reserve_edges(t, 3, 0);
  g.reserve_edges(p, 0, 3);
  ASSERT_TRUE(g.add_relation(t, {.predicate = kBacks, .provenance = {prov(1)}}, p));
  kg::KnowledgeGraph moved = std::move(g);
  ASSERT_TRUE(moved.add_relation(t, {.predicate = kBacks, .provenance = {prov(2)}}, p));
  ASSERT_TRUE(moved.add_relation(p, {.predicate = kBacks}, t));
  EXPECT_EQ(moved.num_relations(), 2U);
  EXPECT_EQ(moved.relation(moved.relations_from(t, kBacks).at(0)).provenance.size(), 2U);
  EXPECT_EQ(moved.relations_with_predicate(kBacks).size(), 2U);
  EXPECT_TRUE(moved.relations_with_predicate(kMet).empty());
}

// The relation index keys on vertices, the statement IRI on the IRIs: the
// default statement IRI is still the stable hash of relation_key().
TEST(KnowledgeGraphTest, StatementIriIsTheStableHashOfTheRelationKey) {
  auto g = two_people();
  const auto t = *g.lookup("Donald Trump");
  const auto p = *g.lookup("Vladimir Putin");
  auto e = g.add_relation(t, {.predicate = kBacks}, p);
  ASSERT_TRUE(e);
  const std::string key =
      kg::KnowledgeGraph::relation_key(g.entity(t).iri, kBacks, g.entity(p).iri, false, "");
  EXPECT_EQ(g.statement_iri(*e), g.base() + "statement/" + kg::hex64(kg::stable_hash(key)));
}

}  // namespace
