// The shipped ontology: what it declares, and the queries over it.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <kg/graph/iri.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "shipped_ontology.hpp"

namespace kg::ontology {
namespace {

using testing::kgo;
using testing::shipped;

const std::vector<std::string> kRequiredClasses = {"Actor",
                                                   "Person",
                                                   "Organization",
                                                   "Government",
                                                   "Military",
                                                   "ArmedGroup",
                                                   "MediaOrganization",
                                                   "InternationalOrganization",
                                                   "Place",
                                                   "Country",
                                                   "City",
                                                   "Region",
                                                   "Event",
                                                   "Meeting",
                                                   "Summit",
                                                   "Ceasefire",
                                                   "Election",
                                                   "Attack",
                                                   "Document",
                                                   "Evidence",
                                                   "Role",
                                                   "Topic"};

// The relations issue 2 names, plus those the seed article needs.
const std::vector<std::string> kRequiredRelations = {"met",
                                                     "denied",
                                                     "agreedCeasefireWith",
                                                     "backs",
                                                     "opposes",
                                                     "accused",
                                                     "criticized",
                                                     "attacked",
                                                     "alliedWith",
                                                     "leads",
                                                     "memberOf",
                                                     "locatedIn",
                                                     "said",
                                                     "pressed",
                                                     "attended",
                                                     "discussed",
                                                     "counterpartOf",
                                                     "officialOf",
                                                     "spokespersonFor",
                                                     "hasParticipant",
                                                     "eventPlace",
                                                     "relatedTo"};

TEST(OntologyLoadTest, ShippedOntologyHasRequiredClassesWithLabelsAndComments) {
  const Ontology& o = shipped();
  for (const auto& name : kRequiredClasses) {
    const ClassInfo* c = o.find_class(kgo(name));
    ASSERT_NE(c, nullptr) << name;
    EXPECT_FALSE(c->label.empty()) << name;
    EXPECT_FALSE(c->comment.empty()) << name;
  }
}

TEST(OntologyLoadTest, ShippedOntologyHasRequiredRelationsWithLabelAndComment) {
  const Ontology& o = shipped();
  for (const auto& name : kRequiredRelations) {
    const PropertyInfo* p = o.find_property(kgo(name));
    ASSERT_NE(p, nullptr) << name;
    EXPECT_FALSE(p->label.empty()) << name;
    EXPECT_FALSE(p->comment.empty()) << name;
    EXPECT_FALSE(p->datatype_property) << name;
  }
}

TEST(OntologyLoadTest, EveryDomainAndRangeIsADeclaredClassOrDatatype) {
  const Ontology& o = shipped();
  for (const PropertyInfo& p : o.properties()) {
    if (!p.domain.empty()) {
      EXPECT_NE(o.find_class(p.domain), nullptr) << p.iri;
    }
    if (p.range.empty()) continue;
    if (p.datatype_property) {
      EXPECT_EQ(p.range.rfind(vocab::kXsd, 0), 0U) << p.iri << " range " << p.range;
    } else {
      EXPECT_NE(o.find_class(p.range), nullptr) << p.iri << " range " << p.range;
    }
  }
}

TEST(OntologyLoadTest, RelationsBetweenActorsHaveActorDomainAndRange) {
  const Ontology& o = shipped();
  for (const char* name : {"met", "agreedCeasefireWith", "backs", "opposes", "accused",
                           "criticized", "alliedWith", "pressed", "leads"}) {
    const PropertyInfo* p = o.find_property(kgo(name));
    ASSERT_NE(p, nullptr) << name;
    EXPECT_EQ(p->domain, kgo("Actor")) << name;
    EXPECT_EQ(p->range, kgo("Actor")) << name;
  }
  EXPECT_EQ(o.find_property(kgo("counterpartOf"))->domain, kgo("Person"));
  EXPECT_EQ(o.find_property(kgo("counterpartOf"))->range, kgo("Person"));
  EXPECT_EQ(o.find_property(kgo("memberOf"))->range, kgo("Organization"));
  EXPECT_EQ(o.find_property(kgo("locatedIn"))->range, kgo("Place"));
  EXPECT_EQ(o.find_property(kgo("denied"))->domain, kgo("Actor"));
  EXPECT_EQ(o.find_property(kgo("attended"))->range, kgo("Event"));
  EXPECT_EQ(o.find_property(kgo("hasParticipant"))->domain, kgo("Event"));
  EXPECT_EQ(o.find_property(kgo("hasParticipant"))->range, kgo("Actor"));
  EXPECT_EQ(o.find_property(kgo("eventPlace"))->range, kgo("Place"));
  EXPECT_TRUE(o.find_property(kgo("relatedTo"))->domain.empty());
  EXPECT_TRUE(o.find_property(kgo("relatedTo"))->range.empty());
}

TEST(OntologyLoadTest, StartDateIsADatatypePropertyOfEvents) {
  const PropertyInfo* p = shipped().find_property(kgo("startDate"));
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->datatype_property);
  EXPECT_EQ(p->domain, kgo("Event"));
  EXPECT_EQ(p->range, vocab::kXsdDate);
}

TEST(OntologyLoadTest, SymmetricFlagsFollowTheTurtle) {
  const Ontology& o = shipped();
  for (const char* name : {"met", "alliedWith", "agreedCeasefireWith", "counterpartOf"}) {
    EXPECT_TRUE(o.is_symmetric(kgo(name))) << name;
  }
  for (const char* name : {"backs", "leads", "denied", "accused", "memberOf", "said"}) {
    EXPECT_FALSE(o.is_symmetric(kgo(name))) << name;
  }
  EXPECT_FALSE(o.is_symmetric(kgo("noSuchProperty")));
}

TEST(OntologyLoadTest, InversesArePairedBothWays) {
  const Ontology& o = shipped();
  EXPECT_EQ(o.find_property(kgo("leads"))->inverse, kgo("ledBy"));
  EXPECT_EQ(o.find_property(kgo("ledBy"))->inverse, kgo("leads"));
  EXPECT_EQ(o.find_property(kgo("memberOf"))->inverse, kgo("hasMember"));
  EXPECT_EQ(o.find_property(kgo("hasParticipant"))->inverse, kgo("participatedIn"));
  for (const PropertyInfo& p : o.properties()) {
    if (p.inverse.empty()) continue;
    const PropertyInfo* q = o.find_property(p.inverse);
    ASSERT_NE(q, nullptr) << p.iri;
    EXPECT_EQ(q->inverse, p.iri) << p.iri;
    EXPECT_EQ(q->domain, p.range) << p.iri;
    EXPECT_EQ(q->range, p.domain) << p.iri;
  }
}

TEST(OntologyLoadTest, CameoCodesAreDigitStringsWhereTheCodebookHasOne) {
  const Ontology& o = shipped();
  EXPECT_EQ(o.find_property(kgo("met"))->cameo_code, "040");
  EXPECT_EQ(o.find_property(kgo("agreedCeasefireWith"))->cameo_code, "0871");
  EXPECT_EQ(o.find_property(kgo("denied"))->cameo_code, "016");
  EXPECT_EQ(o.find_property(kgo("criticized"))->cameo_code, "111");
  EXPECT_EQ(o.find_property(kgo("accused"))->cameo_code, "112");
  EXPECT_TRUE(o.find_property(kgo("alliedWith"))->cameo_code.empty());
  EXPECT_TRUE(o.find_property(kgo("memberOf"))->cameo_code.empty());
  for (const PropertyInfo& p : o.properties()) {
    if (p.cameo_code.empty()) continue;
    EXPECT_TRUE(p.cameo_code.size() >= 2 && p.cameo_code.size() <= 4) << p.iri;
    EXPECT_EQ(p.cameo_code.find_first_not_of("0123456789"), std::string::npos) << p.iri;
  }
}

TEST(OntologyLoadTest, SubclassQueriesAreTransitive) {
  const Ontology& o = shipped();
  EXPECT_TRUE(o.is_subclass_of(kgo("Country"), kgo("Place")));
  EXPECT_TRUE(o.is_subclass_of(kgo("Country"), kgo("Actor")));
  EXPECT_TRUE(o.is_subclass_of(kgo("Summit"), kgo("Event")));
  EXPECT_TRUE(o.is_subclass_of(kgo("ArmedGroup"), kgo("Actor")));
  EXPECT_TRUE(o.is_subclass_of(kgo("Person"), kgo("Person")));
  EXPECT_FALSE(o.is_subclass_of(kgo("Person"), kgo("Place")));
  EXPECT_FALSE(o.is_subclass_of(kgo("Place"), kgo("Country")));
  EXPECT_FALSE(o.is_subclass_of(kgo("Event"), kgo("Actor")));
  EXPECT_FALSE(o.is_subclass_of(kgo("Unicorn"), kgo("Actor")));
  EXPECT_TRUE(o.is_subclass_of(kgo("Event"), "http://www.w3.org/2002/07/owl#Thing"));
}

TEST(OntologyLoadTest, SchemaOrgClassesResolveThroughEquivalence) {
  const Ontology& o = shipped();
  const ClassInfo* c = o.resolve_class("http://schema.org/Person");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->iri, kgo("Person"));
  EXPECT_TRUE(o.is_subclass_of("http://schema.org/Country", kgo("Actor")));
  EXPECT_EQ(o.resolve_class("http://schema.org/Unicorn"), nullptr);
}

TEST(OntologyLoadTest, SubpropertiesAreTransitive) {
  const Ontology& o = shipped();
  EXPECT_TRUE(o.is_subproperty_of(kgo("spokespersonFor"), kgo("officialOf")));
  EXPECT_TRUE(o.is_subproperty_of(kgo("attended"), kgo("participatedIn")));
  EXPECT_FALSE(o.is_subproperty_of(kgo("officialOf"), kgo("spokespersonFor")));
  EXPECT_FALSE(o.is_subproperty_of(kgo("met"), kgo("said")));
}

TEST(OntologyLoadTest, StylesAreOwnOrInheritedAttributeByAttribute) {
  const Ontology& o = shipped();
  const ClassInfo* org = o.find_class(kgo("Organization"));
  const ClassInfo* gov = o.find_class(kgo("Government"));
  ASSERT_TRUE(org && gov);
  EXPECT_TRUE(org->has_own_style);
  EXPECT_TRUE(gov->has_own_style);
  // Government draws its own shape in its parent's colour.
  EXPECT_EQ(gov->style.color, org->style.color);
  EXPECT_NE(gov->style.shape, org->style.shape);
  // City has no style of its own: it is drawn as a Place.
  const ClassInfo* city = o.find_class(kgo("City"));
  ASSERT_NE(city, nullptr);
  EXPECT_FALSE(city->has_own_style);
  EXPECT_EQ(o.style_for_class(kgo("City")).color, o.style_for_class(kgo("Place")).color);
  EXPECT_EQ(o.style_for_class(kgo("City")).shape, o.style_for_class(kgo("Place")).shape);
  // Unknown classes get the default style; equivalent ones their class's.
  EXPECT_EQ(o.style_for_class(kgo("Unicorn")).color, Style{}.color);
  EXPECT_EQ(o.style_for_class("http://schema.org/Person").color,
            o.style_for_class(kgo("Person")).color);
}

TEST(OntologyLoadTest, MainClassesAreDrawnDistinctly) {
  const Ontology& o = shipped();
  std::set<std::pair<std::string, std::string>> seen;
  for (const char* name : {"Person", "Organization", "Country", "Place", "Event", "Document"}) {
    Style s = o.style_for_class(kgo(name));
    EXPECT_EQ(s.color.size(), 7U) << name;
    EXPECT_TRUE(seen.insert({s.color, s.shape}).second) << name << " looks like another class";
  }
}

TEST(OntologyLoadTest, PrefixesCoverEveryNamespaceInVocab) {
  const Ontology& o = shipped();
  const auto& prefixes = o.prefixes();
  EXPECT_TRUE(std::is_sorted(prefixes.begin(), prefixes.end()));
  auto ns_of = [&](const std::string& prefix) {
    for (const auto& [p, ns] : prefixes) {
      if (p == prefix) return ns;
    }
    return std::string();
  };
  EXPECT_EQ(ns_of("kgo"), vocab::kKgo);
  EXPECT_EQ(ns_of("rdf"), vocab::kRdf);
  EXPECT_EQ(ns_of("rdfs"), vocab::kRdfs);
  EXPECT_EQ(ns_of("owl"), vocab::kOwl);
  EXPECT_EQ(ns_of("xsd"), vocab::kXsd);
  EXPECT_EQ(ns_of("skos"), vocab::kSkos);
  EXPECT_EQ(ns_of("prov"), vocab::kProv);
  EXPECT_EQ(ns_of("dcterms"), vocab::kDcterms);
  EXPECT_EQ(ns_of("schema"), vocab::kSchema);
  EXPECT_EQ(ns_of("nif"), vocab::kNif);
  EXPECT_EQ(ns_of("itsrdf"), vocab::kItsrdf);
  EXPECT_EQ(ns_of("wd"), vocab::kWikidata);
  EXPECT_EQ(ns_of("ex"), std::string(kDefaultBase) + "entity/");
  EXPECT_EQ(ns_of("doc"), std::string(kDefaultBase) + "doc/");
  EXPECT_EQ(ns_of("stmt"), std::string(kDefaultBase) + "statement/");
}

TEST(OntologyLoadTest, CompactUsesPrefixesOnlyForValidLocalNames) {
  const Ontology& o = shipped();
  EXPECT_EQ(o.compact(kgo("met")), "kgo:met");
  EXPECT_EQ(o.compact(vocab::kRdfType), "rdf:type");
  EXPECT_EQ(o.compact("http://www.wikidata.org/entity/Q7747"), "wd:Q7747");
  EXPECT_EQ(o.compact(entity_iri("Vladimir Putin")), "ex:Vladimir_Putin");
  EXPECT_EQ(o.compact(entity_iri("Владимир Путин")), "ex:Владимир_Путин");
  EXPECT_EQ(o.compact(entity_iri("2016 election")), "ex:2016_election");
  // A trailing '.' or a '/' cannot end or appear in a prefixed local name.
  EXPECT_EQ(o.compact("https://kg.example.org/entity/U.S."), "https://kg.example.org/entity/U.S.");
  EXPECT_EQ(o.compact("https://kg.example.org/entity/a/b"), "https://kg.example.org/entity/a/b");
  EXPECT_EQ(o.compact("http://example.com/x"), "http://example.com/x");
}

TEST(OntologyLoadTest, ExpandInvertsCompact) {
  const Ontology& o = shipped();
  EXPECT_EQ(o.expand("kgo:met"), kgo("met"));
  EXPECT_EQ(o.expand("schema:Person"), "http://schema.org/Person");
  EXPECT_EQ(o.expand("nope:x"), "nope:x");
  EXPECT_EQ(o.expand("http://example.com/x"), "http://example.com/x");
  EXPECT_EQ(o.expand("plain"), "plain");
  for (const ClassInfo& c : o.classes()) EXPECT_EQ(o.expand(o.compact(c.iri)), c.iri);
  for (const PropertyInfo& p : o.properties()) EXPECT_EQ(o.expand(o.compact(p.iri)), p.iri);
}

TEST(OntologyLoadTest, LabelIsTheEnglishLabelElseTheLocalName) {
  const Ontology& o = shipped();
  EXPECT_EQ(o.label(kgo("agreedCeasefireWith")), "agreed ceasefire with");
  EXPECT_EQ(o.label(kgo("Country")), "country");
  EXPECT_EQ(o.label(kgo("notDeclared")), "notDeclared");
  EXPECT_EQ(o.label("http://schema.org/Thing"), "Thing");
}

TEST(OntologyLoadTest, ClassesAndPropertiesAreSortedByIri) {
  const Ontology& o = shipped();
  EXPECT_TRUE(std::is_sorted(o.classes().begin(), o.classes().end(),
                             [](const auto& a, const auto& b) { return a.iri < b.iri; }));
  EXPECT_TRUE(std::is_sorted(o.properties().begin(), o.properties().end(),
                             [](const auto& a, const auto& b) { return a.iri < b.iri; }));
}

TEST(OntologyLoadTest, LoadingTwiceGivesTheSameOntology) {
  auto again = Ontology::load_directory(KG_ONTOLOGY_DIR);
  ASSERT_TRUE(again) << again.error().to_string();
  const Ontology& o = shipped();
  ASSERT_EQ(again->classes().size(), o.classes().size());
  ASSERT_EQ(again->properties().size(), o.properties().size());
  ASSERT_EQ(again->triggers().size(), o.triggers().size());
  for (std::size_t i = 0; i < o.triggers().size(); ++i) {
    EXPECT_EQ(again->triggers()[i].lemma, o.triggers()[i].lemma);
    EXPECT_EQ(again->triggers()[i].property, o.triggers()[i].property);
  }
  EXPECT_EQ(again->prefixes(), o.prefixes());
}

TEST(OntologyLoadTest, CopiesShareWorkingIndexes) {
  Ontology copy = shipped();
  Ontology moved = std::move(copy);
  EXPECT_NE(moved.find_class(kgo("Person")), nullptr);
  EXPECT_EQ(moved.find_class(kgo("Person"))->iri, kgo("Person"));
  EXPECT_TRUE(moved.is_subclass_of(kgo("Country"), kgo("Actor")));
}

TEST(OntologyLoadTest, DeclaresOnlyTypedIris) {
  const Ontology& o = shipped();
  EXPECT_TRUE(o.declares(kgo("met")));
  EXPECT_TRUE(o.declares(kgo("Person")));
  EXPECT_TRUE(o.declares(kgo("displayColor")));
  EXPECT_FALSE(o.declares(kgo("Unicorn")));
  EXPECT_FALSE(o.declares("http://schema.org/Person"));  // only aligned to, not declared
}

TEST(OntologyLoadTest, ExtensionFileAddsAClassThatInheritsItsStyle) {
  std::vector<std::string> paths;
  for (const auto& e : std::filesystem::directory_iterator(KG_ONTOLOGY_DIR)) {
    if (e.path().extension() == ".ttl") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  paths.push_back(std::string(KG_TEST_DATA_DIR) + "/ontology/extension/journalist.ttl");
  auto o = Ontology::load_files(paths);
  ASSERT_TRUE(o) << o.error().to_string();
  const ClassInfo* j = o->find_class(kgo("Journalist"));
  ASSERT_NE(j, nullptr);
  EXPECT_EQ(j->label, "journalist");
  EXPECT_TRUE(o->is_subclass_of(kgo("Journalist"), kgo("Actor")));
  EXPECT_EQ(j->style.color, o->style_for_class(kgo("Person")).color);
  EXPECT_EQ(j->style.shape, o->style_for_class(kgo("Person")).shape);
  EXPECT_NE(o->find_property(kgo("interviewed")), nullptr);
}

// ---- the trigger lexicon --------------------------------------------------

bool has_trigger(const Ontology& o, const std::string& property, const std::string& lemma,
                 const std::string& pos, const std::string& preposition = {}) {
  return std::any_of(o.triggers().begin(), o.triggers().end(), [&](const Trigger& t) {
    return t.property == kgo(property) && t.lemma == lemma && t.pos == pos &&
           (preposition.empty() || t.preposition == preposition);
  });
}

TEST(OntologyLexiconTest, RequiredTriggersArePresent) {
  const Ontology& o = shipped();
  EXPECT_TRUE(has_trigger(o, "met", "meet", "VERB"));
  EXPECT_TRUE(has_trigger(o, "met", "meet", "VERB", "with"));
  EXPECT_TRUE(has_trigger(o, "met", "meeting", "NOUN", "between"));
  EXPECT_TRUE(has_trigger(o, "met", "talk", "VERB", "with"));
  EXPECT_TRUE(has_trigger(o, "denied", "deny", "VERB"));
  EXPECT_TRUE(has_trigger(o, "denied", "dismiss", "VERB"));
  EXPECT_TRUE(has_trigger(o, "agreedCeasefireWith", "cease-fire", "NOUN"));
  EXPECT_TRUE(has_trigger(o, "agreedCeasefireWith", "truce", "NOUN"));
  EXPECT_TRUE(has_trigger(o, "agreedCeasefireWith", "agree", "VERB"));
  EXPECT_TRUE(has_trigger(o, "backs", "support", "VERB"));
  EXPECT_TRUE(has_trigger(o, "backs", "fund", "VERB"));
  EXPECT_TRUE(has_trigger(o, "opposes", "opposed", "ADJ", "to"));
  EXPECT_TRUE(has_trigger(o, "accused", "blame", "VERB"));
  EXPECT_TRUE(has_trigger(o, "criticized", "criticise", "VERB"));
  EXPECT_TRUE(has_trigger(o, "attacked", "shell", "VERB"));
  EXPECT_TRUE(has_trigger(o, "alliedWith", "ally", "VERB", "with"));
  EXPECT_TRUE(has_trigger(o, "leads", "head", "VERB"));
  EXPECT_TRUE(has_trigger(o, "memberOf", "join", "VERB"));
  EXPECT_TRUE(has_trigger(o, "said", "say", "VERB"));
  EXPECT_TRUE(has_trigger(o, "said", "tell", "VERB"));
  EXPECT_TRUE(has_trigger(o, "pressed", "urge", "VERB"));
  EXPECT_TRUE(has_trigger(o, "spokespersonFor", "spokesman", "NOUN"));
}

TEST(OntologyLexiconTest, EveryTriggerNamesADeclaredRelationAndAUposTag) {
  const Ontology& o = shipped();
  const std::set<std::string> upos = {"ADJ", "ADP", "ADV", "NOUN", "PROPN", "VERB"};
  ASSERT_FALSE(o.triggers().empty());
  for (const Trigger& t : o.triggers()) {
    const PropertyInfo* p = o.find_property(t.property);
    ASSERT_NE(p, nullptr) << t.property;
    EXPECT_FALSE(t.lemma.empty());
    EXPECT_EQ(t.lemma.find(' '), std::string::npos) << t.lemma;
    EXPECT_TRUE(upos.count(t.pos) > 0) << t.lemma << " " << t.pos;
  }
}

TEST(OntologyLexiconTest, EveryNamedRelationHasATrigger) {
  const Ontology& o = shipped();
  for (const char* name : {"met", "denied", "agreedCeasefireWith", "backs", "opposes", "accused",
                           "criticized", "attacked", "alliedWith", "leads", "memberOf", "locatedIn",
                           "said", "pressed", "attended", "discussed"}) {
    EXPECT_TRUE(std::any_of(o.triggers().begin(), o.triggers().end(), [&](const Trigger& t) {
      return t.property == kgo(name);
    })) << name;
  }
}

TEST(OntologyLexiconTest, EntriesExpandInFileOrder) {
  // The first entry of lexicon.ttl lists two patterns for one lemma.
  const auto& t = shipped().triggers();
  ASSERT_GE(t.size(), 2U);
  EXPECT_EQ(t[0].property, kgo("met"));
  EXPECT_EQ(t[0].lemma, "meet");
  EXPECT_EQ(t[0].pattern, "svo");
  EXPECT_EQ(t[1].pattern, "coord-subj");
  auto meeting = shipped().triggers_for_lemma("meeting");
  ASSERT_EQ(meeting.size(), 2U);
  EXPECT_EQ(meeting[0]->preposition, "with");
  EXPECT_EQ(meeting[1]->preposition, "between");
}

// ---- where the ontology comes from ----------------------------------------

class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(OntologySourceTest, EnvironmentVariableChoosesTheDirectory) {
  const std::string dir = std::string(KG_TEST_DATA_DIR) + "/ontology/extension";
  ScopedEnv env("KG_ONTOLOGY_DIR", dir);
  EXPECT_EQ(Ontology::default_directory(), dir);
  auto o = Ontology::load_default();
  // The extension alone refers to kgo:Person, which only the shipped files declare.
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().code, Error::Code::kValidation);
  EXPECT_NE(o.error().file.find("journalist.ttl"), std::string::npos);
}

TEST(OntologySourceTest, DefaultDirectoryLoadsWithoutEnvironment) {
  ScopedEnv env("KG_ONTOLOGY_DIR", "");
  auto o = Ontology::load_default();
  ASSERT_TRUE(o) << o.error().to_string();
  EXPECT_NE(o->find_property(kgo("met")), nullptr);
}

TEST(OntologySourceTest, MissingDirectoryIsNotFound) {
  auto o = Ontology::load_directory("/nonexistent/kg/ontology");
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().code, Error::Code::kNotFound);
  EXPECT_EQ(o.error().file, "/nonexistent/kg/ontology");
  EXPECT_FALSE(o.error().hint.empty());
}

TEST(OntologySourceTest, DirectoryWithoutTurtleIsNotFound) {
  const auto empty = std::filesystem::temp_directory_path() / "kg_ontology_empty_dir_test";
  std::filesystem::create_directories(empty);
  auto e = Ontology::load_directory(empty.string());
  std::filesystem::remove(empty);
  ASSERT_FALSE(e);
  EXPECT_EQ(e.error().code, Error::Code::kNotFound);
  EXPECT_NE(e.error().message.find(".ttl"), std::string::npos);
}

TEST(OntologySourceTest, MissingFileIsNotFoundWithItsPath) {
  auto o = Ontology::load_files({"/nonexistent/classes.ttl"});
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().code, Error::Code::kNotFound);
  EXPECT_EQ(o.error().file, "/nonexistent/classes.ttl");
}

}  // namespace
}  // namespace kg::ontology
