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

}  // namespace
