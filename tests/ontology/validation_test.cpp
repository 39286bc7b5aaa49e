// Relations are checked against the ontology's domains and ranges; errors name
// the relation, the offending entity and its class.

#include <gtest/gtest.h>

#include <kg/graph/iri.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <memory>
#include <string>

#include "shipped_ontology.hpp"

namespace kg::ontology {
namespace {

using testing::kgo;
using testing::shipped;

Entity make(const std::string& name, const std::string& cls) {
  Entity e;
  e.iri = entity_iri(name);
  e.label = name;
  e.class_iri = cls.empty() ? std::string() : kgo(cls);
  return e;
}

bool mentions(const Error& e, const std::string& text) {
  return e.message.find(text) != std::string::npos;
}

TEST(OntologyCheckTest, AcceptsRelationsWithinDomainAndRange) {
  const Ontology& o = shipped();
  EXPECT_TRUE(
      o.check(make("Donald Trump", "Person"), kgo("met"), make("Vladimir Putin", "Person")));
  // Countries are actors: "Russia denied ...", "the U.S. backs rebel groups".
  EXPECT_TRUE(o.check(make("Russia", "Country"), kgo("denied"),
                      make("Russian interference in the 2016 election", "Interference")));
  EXPECT_TRUE(o.check(make("United States", "Country"), kgo("backs"),
                      make("Syrian rebel groups", "ArmedGroup")));
  EXPECT_TRUE(o.check(make("Hamburg", "City"), kgo("locatedIn"), make("Germany", "Country")));
}

TEST(OntologyCheckTest, RangeViolationNamesRelationEntityAndClasses) {
  auto r =
      shipped().check(make("Donald Trump", "Person"), kgo("met"), make("G20 summit", "Summit"));
  ASSERT_FALSE(r);
  const Error& e = r.error();
  EXPECT_EQ(e.code, Error::Code::kValidation);
  EXPECT_TRUE(mentions(e, "ex:Donald_Trump kgo:met ex:G20_summit")) << e.message;
  EXPECT_TRUE(mentions(e, "object ex:G20_summit (\"G20 summit\")")) << e.message;
  EXPECT_TRUE(mentions(e, "is a kgo:Summit")) << e.message;
  EXPECT_TRUE(mentions(e, "range of kgo:met is kgo:Actor")) << e.message;
  EXPECT_FALSE(e.hint.empty());
}

TEST(OntologyCheckTest, DomainViolationNamesTheSubject) {
  auto r = shipped().check(make("Hamburg", "City"), kgo("counterpartOf"),
                           make("Sergey Lavrov", "Person"));
  ASSERT_FALSE(r);
  EXPECT_TRUE(mentions(r.error(), "subject ex:Hamburg (\"Hamburg\") is a kgo:City"))
      << r.error().message;
  EXPECT_TRUE(mentions(r.error(), "domain of kgo:counterpartOf is kgo:Person"))
      << r.error().message;
}

TEST(OntologyCheckTest, UntypedEntityFailsADomainAndSaysWhy) {
  auto r = shipped().check(make("Someone", ""), kgo("met"), make("Vladimir Putin", "Person"));
  ASSERT_FALSE(r);
  EXPECT_TRUE(mentions(r.error(), "subject ex:Someone (\"Someone\") has no class"))
      << r.error().message;
  EXPECT_TRUE(mentions(r.error(), "domain of kgo:met is kgo:Actor")) << r.error().message;
}

TEST(OntologyCheckTest, UntypedEntitiesPassWhereDomainAndRangeAreOpen) {
  EXPECT_TRUE(shipped().check(make("A", ""), kgo("relatedTo"), make("B", "")));
}

TEST(OntologyCheckTest, UndeclaredEntityClassIsNamedInTheMessage) {
  auto r = shipped().check(make("Rex Tillerson", "Diplomat"), kgo("met"),
                           make("Sergey Lavrov", "Person"));
  ASSERT_FALSE(r);
  EXPECT_TRUE(mentions(r.error(), "kgo:Diplomat, a class the ontology does not declare"))
      << r.error().message;
}

TEST(OntologyCheckTest, UnknownPredicateIsAnError) {
  auto r = shipped().check(make("Donald Trump", "Person"), kgo("hugged"),
                           make("Vladimir Putin", "Person"));
  ASSERT_FALSE(r);
  EXPECT_TRUE(mentions(r.error(), "unknown predicate kgo:hugged")) << r.error().message;
  EXPECT_TRUE(mentions(r.error(), "ex:Donald_Trump kgo:hugged ex:Vladimir_Putin"));
}

TEST(OntologyCheckTest, DatatypePropertyBetweenEntitiesIsAnError) {
  auto r =
      shipped().check(make("Ceasefire", "Ceasefire"), kgo("startDate"), make("Sunday", "Event"));
  ASSERT_FALSE(r);
  EXPECT_TRUE(mentions(r.error(), "datatype property")) << r.error().message;
}

TEST(OntologyCheckTest, ClassesEquivalentToOursAreAccepted) {
  Entity trump = make("Donald Trump", "");
  trump.class_iri = "http://schema.org/Person";
  EXPECT_TRUE(shipped().check(trump, kgo("met"), make("Vladimir Putin", "Person")));
}

// ---- with a KnowledgeGraph --------------------------------------------------

std::shared_ptr<const Ontology> shared() { return std::make_shared<const Ontology>(shipped()); }

TEST(OntologyGraphTest, StrictModeRefusesAViolatingRelation) {
  KnowledgeGraph g;
  g.set_validator(shared(), ValidationMode::kStrict);
  ASSERT_TRUE(g.add_entity(make("Donald Trump", "Person")));
  ASSERT_TRUE(g.add_entity(make("G20 summit", "Summit")));
  Relation r;
  r.predicate = kgo("met");
  auto added = g.add_relation(entity_iri("Donald Trump"), r, entity_iri("G20 summit"));
  ASSERT_FALSE(added);
  EXPECT_TRUE(mentions(added.error(), "kgo:Summit"));
  EXPECT_EQ(g.num_relations(), 0U);
}

TEST(OntologyGraphTest, LenientModeKeepsTheRelationWithAWarning) {
  KnowledgeGraph g;
  g.set_validator(shared(), ValidationMode::kLenient);
  ASSERT_TRUE(g.add_entity(make("Donald Trump", "Person")));
  ASSERT_TRUE(g.add_entity(make("G20 summit", "Summit")));
  Relation r;
  r.predicate = kgo("met");
  EXPECT_TRUE(g.add_relation(entity_iri("Donald Trump"), r, entity_iri("G20 summit")));
  EXPECT_EQ(g.num_relations(), 1U);
  ASSERT_EQ(g.warnings().size(), 1U);
  EXPECT_TRUE(mentions(g.warnings()[0], "range of kgo:met"));
}

TEST(OntologyGraphTest, SymmetricRelationIsStoredOnce) {
  KnowledgeGraph g;
  g.set_validator(shared());
  ASSERT_TRUE(g.add_entity(make("Donald Trump", "Person")));
  ASSERT_TRUE(g.add_entity(make("Vladimir Putin", "Person")));
  Relation r;
  r.predicate = kgo("met");
  ASSERT_TRUE(g.add_relation(entity_iri("Donald Trump"), r, entity_iri("Vladimir Putin")));
  ASSERT_TRUE(g.add_relation(entity_iri("Vladimir Putin"), r, entity_iri("Donald Trump")));
  EXPECT_EQ(g.num_relations(), 1U);
  // backs is not symmetric: both directions are kept.
  r.predicate = kgo("backs");
  ASSERT_TRUE(g.add_relation(entity_iri("Donald Trump"), r, entity_iri("Vladimir Putin")));
  ASSERT_TRUE(g.add_relation(entity_iri("Vladimir Putin"), r, entity_iri("Donald Trump")));
  EXPECT_EQ(g.num_relations(), 3U);
}

TEST(OntologyGraphTest, ValidateReportsEveryViolation) {
  KnowledgeGraph g;
  g.set_validator(shared(), ValidationMode::kLenient);
  ASSERT_TRUE(g.add_entity(make("Donald Trump", "Person")));
  ASSERT_TRUE(g.add_entity(make("Vladimir Putin", "Person")));
  ASSERT_TRUE(g.add_entity(make("G20 summit", "Summit")));
  ASSERT_TRUE(g.add_entity(make("Kremlin", "Building")));
  Relation ok;
  ok.predicate = kgo("met");
  ASSERT_TRUE(g.add_relation(entity_iri("Donald Trump"), ok, entity_iri("Vladimir Putin")));
  Relation range;
  range.predicate = kgo("met");
  ASSERT_TRUE(g.add_relation(entity_iri("Donald Trump"), range, entity_iri("G20 summit")));
  Relation unknown;
  unknown.predicate = kgo("hugged");
  ASSERT_TRUE(g.add_relation(entity_iri("Vladimir Putin"), unknown, entity_iri("Donald Trump")));

  auto errors = shipped().validate(g);
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_TRUE(mentions(errors[0], "entity ex:Kremlin (\"Kremlin\") has class kgo:Building"));
  EXPECT_TRUE(mentions(errors[1], "range of kgo:met"));
  EXPECT_TRUE(mentions(errors[2], "unknown predicate kgo:hugged"));
}

// The seed article's facts, typed in as issue 2's example does, are all
// expressible: validate() finds nothing wrong.
TEST(OntologyGraphTest, SeedArticleFactsValidate) {
  KnowledgeGraph g;
  g.set_validator(shared(), ValidationMode::kStrict);
  const std::pair<const char*, const char*> entities[] = {
      {"Donald Trump", "Person"},
      {"Vladimir Putin", "Person"},
      {"Rex Tillerson", "Person"},
      {"Sergey Lavrov", "Person"},
      {"Dmitry Peskov", "Person"},
      {"Bashar al-Assad", "Person"},
      {"United States", "Country"},
      {"Russia", "Country"},
      {"Jordan", "Country"},
      {"Syria", "Country"},
      {"Ukraine", "Country"},
      {"Hamburg", "City"},
      {"Germany", "Country"},
      {"southern Syria", "Region"},
      {"G20 summit", "Summit"},
      {"Trump-Putin meeting", "Meeting"},
      {"southern Syria ceasefire", "Ceasefire"},
      {"Russian interference in the 2016 election", "Interference"},
      {"2016 United States presidential election", "Election"},
      {"Syrian rebel groups", "ArmedGroup"},
      {"Kremlin", "Government"},
      {"cybersecurity", "Topic"},
      {"joint cybersecurity working group", "Organization"},
      {"United States Secretary of State", "Role"}};
  for (const auto& [name, cls] : entities) ASSERT_TRUE(g.add_entity(make(name, cls))) << name;
  auto fact = [&](const char* s, const char* p, const char* o) {
    Relation r;
    r.predicate = kgo(p);
    auto added = g.add_relation(entity_iri(s), r, entity_iri(o));
    EXPECT_TRUE(added) << s << " " << p << " " << o << ": "
                       << (added ? "" : added.error().to_string());
  };
  fact("Donald Trump", "met", "Vladimir Putin");
  fact("Russia", "denied", "Russian interference in the 2016 election");
  fact("Russian interference in the 2016 election", "hasParticipant", "Russia");
  fact("United States", "agreedCeasefireWith", "Russia");
  fact("southern Syria ceasefire", "hasParticipant", "United States");
  fact("southern Syria ceasefire", "hasParticipant", "Russia");
  fact("southern Syria ceasefire", "hasParticipant", "Jordan");
  fact("southern Syria ceasefire", "eventPlace", "southern Syria");
  fact("southern Syria", "locatedIn", "Syria");
  fact("Vladimir Putin", "backs", "Bashar al-Assad");
  fact("United States", "backs", "Syrian rebel groups");
  fact("Syrian rebel groups", "opposes", "Bashar al-Assad");
  fact("Donald Trump", "pressed", "Vladimir Putin");
  fact("Donald Trump", "discussed", "Russian interference in the 2016 election");
  fact("Vladimir Putin", "discussed", "Ukraine");
  fact("Vladimir Putin", "discussed", "cybersecurity");
  fact("Rex Tillerson", "attended", "Trump-Putin meeting");
  fact("Sergey Lavrov", "attended", "Trump-Putin meeting");
  fact("Trump-Putin meeting", "eventPlace", "Hamburg");
  fact("Hamburg", "locatedIn", "Germany");
  fact("Rex Tillerson", "officialOf", "United States");
  fact("Rex Tillerson", "holdsRole", "United States Secretary of State");
  fact("United States Secretary of State", "roleIn", "United States");
  fact("Sergey Lavrov", "officialOf", "Russia");
  fact("Sergey Lavrov", "counterpartOf", "Rex Tillerson");
  fact("Dmitry Peskov", "spokespersonFor", "Kremlin");
  fact("Donald Trump", "leads", "United States");
  fact("Vladimir Putin", "leads", "Russia");
  fact("Sergey Lavrov", "said", "joint cybersecurity working group");
  EXPECT_TRUE(shipped().validate(g).empty());
  EXPECT_TRUE(g.warnings().empty());
}

}  // namespace
}  // namespace kg::ontology
