// kg build on the seed article, from its text alone: the facts the issue lists, each with the
// right evidence sentence; no fact without evidence; nothing against the ontology.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <kg/extract/builder.hpp>
#include <kg/extract/reader.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <map>
#include <memory>
#include <sstream>

#include "extract_test_support.hpp"

namespace kg::extract {
namespace {

using testing_support::kModelDir;
using testing_support::read_text;

class BuildSeedTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto onto = ontology::Ontology::load_directory(KG_ONTOLOGY_DIR);
    ASSERT_TRUE(onto) << onto.error().to_string();
    onto_ = std::make_shared<const ontology::Ontology>(std::move(*onto));
    BuildOptions o;
    o.model_dir = kModelDir;
    auto b = GraphBuilder::load(onto_, o);
    ASSERT_TRUE(b) << b.error().to_string();
    builder_ = new GraphBuilder(std::move(*b));
    const std::string path = std::string(KG_SOURCE_DIR) + "/examples/g20_hamburg/article.txt";
    auto article = read_article(read_text(path), path);
    ASSERT_TRUE(article) << article.error().to_string();
    article->id = "g20-hamburg-2017-07-07";
    text_ = new std::string(article->text);
    facts_ = new DocumentFacts(builder_->extract(*article));
  }
  static void TearDownTestSuite() {
    delete facts_;
    delete text_;
    delete builder_;
  }

  static std::string label(const std::string& iri) {
    for (const auto& e : facts_->entities) {
      if (e.iri == iri) return e.label;
    }
    return {};
  }
  static std::string cls(const std::string& iri) {
    for (const auto& e : facts_->entities) {
      if (e.iri == iri) return e.class_iri.substr(e.class_iri.find('#') + 1);
    }
    return {};
  }
  static const Entity* entity(const std::string& iri) {
    for (const auto& e : facts_->entities) {
      if (e.iri == iri) return &e;
    }
    return nullptr;
  }

  // Facts `subject predicate object` by labels; an empty label matches anything, a label
  // starting with ':' matches the class instead ("Interference").
  static std::vector<const FactRecord*> find(const std::string& subject,
                                             const std::string& predicate,
                                             const std::string& object) {
    auto match = [](const std::string& iri, const std::string& want) {
      if (want.empty()) return true;
      if (want[0] == ':') return cls(iri) == want.substr(1);
      return label(iri) == want;
    };
    std::vector<const FactRecord*> out;
    const std::string p = std::string(vocab::kKgo) + predicate;
    for (const auto& f : facts_->facts) {
      if (f.relation.predicate != p) continue;
      const bool forward = match(f.subject, subject) && match(f.object, object);
      const bool symmetric = (predicate == "met" || predicate == "agreedCeasefireWith" ||
                              predicate == "counterpartOf") &&
                             match(f.object, subject) && match(f.subject, object);
      if (forward || symmetric) out.push_back(&f);
    }
    return out;
  }
  static bool evidence_has(const std::vector<const FactRecord*>& facts, const std::string& words) {
    for (const auto* f : facts) {
      if (f->relation.provenance.front().evidence.find(words) != std::string::npos) return true;
    }
    return false;
  }

  static std::shared_ptr<const ontology::Ontology> onto_;
  static GraphBuilder* builder_;
  static DocumentFacts* facts_;
  static std::string* text_;
};

std::shared_ptr<const ontology::Ontology> BuildSeedTest::onto_;
GraphBuilder* BuildSeedTest::builder_ = nullptr;
DocumentFacts* BuildSeedTest::facts_ = nullptr;
std::string* BuildSeedTest::text_ = nullptr;

TEST_F(BuildSeedTest, TrumpMetPutin) {
  const auto f = find("Donald Trump", "met", "Vladimir Putin");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(evidence_has(f, "Donald Trump and Vladimir Putin met Friday"));
}

TEST_F(BuildSeedTest, MeetingDateIsTheArticleFriday) {
  bool dated = false;
  for (const auto* f : find("Donald Trump", "met", "Vladimir Putin")) {
    dated = dated || f->relation.date == "2017-07-07";
  }
  EXPECT_TRUE(dated);
}

TEST_F(BuildSeedTest, RussiaDeniedInterference) {
  const auto f = find("Russia", "denied", ":Interference");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(evidence_has(f, "Russia has repeatedly denied any such action."));
  EXPECT_TRUE(f.front()->relation.attributed_to.empty());
}

TEST_F(BuildSeedTest, UnitedStatesAndRussiaAgreedCeasefire) {
  const auto f = find("United States", "agreedCeasefireWith", "Russia");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(evidence_has(f, "The two leaders agreed to set up a cease-fire"));
}

TEST_F(BuildSeedTest, CeasefireEventHasPlaceStartAndParties) {
  const auto parties = find(":Ceasefire", "hasParticipant", "");
  ASSERT_FALSE(parties.empty());
  const std::string event = parties.front()->subject;
  const Entity* e = entity(event);
  ASSERT_NE(e, nullptr);
  bool start = false;
  for (const auto& a : e->attributes) {
    start = start || (a.predicate == std::string(vocab::kKgo) + "startDate" &&
                      a.value.value == "2017-07-09");
  }
  EXPECT_TRUE(start) << "the cease-fire starts Sunday after Friday 2017-07-07";
  std::set<std::string> who;
  for (const auto* f : parties) who.insert(label(f->object));
  EXPECT_TRUE(who.count("United States"));
  EXPECT_TRUE(who.count("Russia"));
  ASSERT_TRUE(who.count("Jordan")) << "Jordan works on security for the de-escalation zones";
  for (const auto* f : find(":Ceasefire", "hasParticipant", "Jordan")) {
    EXPECT_EQ(label(f->relation.attributed_to), "Sergey Lavrov");
    EXPECT_TRUE(evidence_has({f}, "working with the U.S. and Jordan"));
  }
  const auto place = find(":Ceasefire", "eventPlace", "");
  ASSERT_FALSE(place.empty());
  EXPECT_NE(label(place.front()->object).find("Syria"), std::string::npos);
}

TEST_F(BuildSeedTest, PutinBacksAssad) {
  const auto f = find("Vladimir Putin", "backs", "Bashar al-Assad");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(evidence_has(f, "where Putin supports President Bashar al-Assad"));
}

TEST_F(BuildSeedTest, UnitedStatesBacksRebelsOpposedToAssad) {
  std::vector<const FactRecord*> backs;
  for (const auto* f : find("United States", "backs", "")) {
    if (cls(f->object) == "ArmedGroup") backs.push_back(f);
  }
  ASSERT_FALSE(backs.empty());
  EXPECT_TRUE(evidence_has(backs, "the U.S. backs several rebel groups"));
  const auto opposes = find(label(backs.front()->object), "opposes", "Bashar al-Assad");
  ASSERT_FALSE(opposes.empty());
  EXPECT_TRUE(evidence_has(opposes, "rebel groups opposed to Assad"));
}

TEST_F(BuildSeedTest, TrumpPressedPutin) {
  const auto f = find("Donald Trump", "pressed", "Vladimir Putin");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(evidence_has(f, "with Trump pressing Putin"));
  EXPECT_EQ(label(f.front()->relation.attributed_to), "Rex Tillerson");
}

TEST_F(BuildSeedTest, TillersonAndLavrovAttendedTheMeeting) {
  for (const std::string who : {"Rex Tillerson", "Sergey Lavrov"}) {
    const auto f = find(who, "attended", ":Meeting");
    ASSERT_FALSE(f.empty()) << who;
    EXPECT_TRUE(evidence_has(f, "who attended the meeting")) << who;
    // The meeting they attended is the leaders' one; "along with" is no meeting of its own.
    for (const auto* x : f) {
      EXPECT_FALSE(find(":Meeting", "hasParticipant", "Donald Trump").empty());
      bool leaders = false;
      for (const auto* p : find(":Meeting", "hasParticipant", "Vladimir Putin")) {
        leaders = leaders || p->subject == x->object;
      }
      EXPECT_TRUE(leaders) << label(x->object);
    }
  }
  EXPECT_TRUE(find("Rex Tillerson", "met", "Sergey Lavrov").empty());
}

TEST_F(BuildSeedTest, LavrovsClaimsAreAttributedToLavrov) {
  std::size_t claims = 0;
  for (const auto& f : facts_->facts) {
    if (label(f.relation.attributed_to) != "Sergey Lavrov") continue;
    ++claims;
    EXPECT_NE(f.relation.provenance.front().evidence.find("Lavrov"), std::string::npos);
  }
  EXPECT_GE(claims, 1U);
}

TEST_F(BuildSeedTest, UkraineAndSyriaDiscussed) {
  EXPECT_FALSE(find("", "discussed", "Ukraine").empty());
  EXPECT_FALSE(find("", "discussed", "Syria").empty());
}

TEST_F(BuildSeedTest, TillersonAndLavrovRoles) {
  const auto t = find("Rex Tillerson", "officialOf", "United States");
  ASSERT_FALSE(t.empty());
  EXPECT_TRUE(evidence_has(t, "Rex Tillerson, the U.S. secretary of state"));
  const auto l = find("Sergey Lavrov", "officialOf", "Russia");
  ASSERT_FALSE(l.empty());
  EXPECT_TRUE(evidence_has(l, "his Russian counterpart, Sergey Lavrov"));
  EXPECT_FALSE(find("Rex Tillerson", "counterpartOf", "Sergey Lavrov").empty());
  EXPECT_FALSE(find("Rex Tillerson", "holdsRole", ":Role").empty());
}

TEST_F(BuildSeedTest, PeskovSpeaksForTheKremlin) {
  const auto f = find("Dmitry Peskov", "spokespersonFor", "Russia");
  ASSERT_FALSE(f.empty());
  EXPECT_TRUE(evidence_has(f, "Dmitry Peskov, the Kremlin spokesman"));
}

TEST_F(BuildSeedTest, CoreferenceMakesOneEntityPerThing) {
  std::map<std::string, int> by_label;
  for (const auto& e : facts_->entities) ++by_label[e.label];
  for (const auto& [l, n] : by_label) EXPECT_EQ(n, 1) << l;
  // "Trump", "Donald J. Trump" and "the U.S. leader" are Donald Trump.
  std::set<std::string> trump;
  for (const auto& m : facts_->mentions) {
    if (label(m.entity) == "Donald Trump") trump.insert(m.text);
  }
  EXPECT_TRUE(trump.count("Trump"));
  EXPECT_TRUE(trump.count("Donald J. Trump"));
  std::set<std::string> russia;
  for (const auto& m : facts_->mentions) {
    if (label(m.entity) == "Russia") russia.insert(m.text);
  }
  EXPECT_TRUE(russia.count("Moscow")) << "Moscow as an actor stands for Russia";
  const Entity* us = nullptr;
  for (const auto& e : facts_->entities) {
    if (e.label == "United States") us = &e;
  }
  ASSERT_NE(us, nullptr);
  EXPECT_NE(std::find(us->aliases.begin(), us->aliases.end(), "U.S."), us->aliases.end());
  // Every bare surname is the person's mention, never an entity of its own.
  for (const auto& e : facts_->entities) {
    const auto space = e.label.rfind(' ');
    if (space == std::string::npos || cls(e.iri) != "Person") continue;
    const std::string surname = e.label.substr(space + 1);
    EXPECT_EQ(by_label.count(surname), 0U) << surname << " beside " << e.label;
  }
}

TEST_F(BuildSeedTest, EveryFactHasEvidenceAtItsOffsets) {
  ASSERT_FALSE(facts_->facts.empty());
  // Offsets count code points of the original text.
  std::vector<std::size_t> byte_of;
  for (std::size_t i = 0; i < text_->size(); ++i) {
    if ((static_cast<unsigned char>((*text_)[i]) & 0xC0) != 0x80) byte_of.push_back(i);
  }
  byte_of.push_back(text_->size());
  for (const auto& f : facts_->facts) {
    ASSERT_EQ(f.relation.provenance.size(), 1U);
    const Provenance& p = f.relation.provenance.front();
    EXPECT_FALSE(p.evidence.empty());
    EXPECT_FALSE(p.rule.empty());
    EXPECT_GT(f.relation.confidence, 0.0);
    ASSERT_LT(p.begin, p.end);
    ASSERT_LT(p.end, byte_of.size());
    EXPECT_EQ(text_->substr(byte_of[p.begin], byte_of[p.end] - byte_of[p.begin]), p.evidence);
    EXPECT_LE(p.begin, p.trigger_begin);
    EXPECT_LE(p.trigger_end, p.end);
  }
  for (const auto& m : facts_->mentions) {
    ASSERT_LT(m.span.end, byte_of.size());
    EXPECT_EQ(text_->substr(byte_of[m.span.begin], byte_of[m.span.end] - byte_of[m.span.begin]),
              m.text);
  }
}

TEST_F(BuildSeedTest, NothingViolatesTheOntology) {
  KnowledgeGraph graph;
  graph.set_validator(onto_, ValidationMode::kStrict);
  auto merged = builder_->merge(graph, *facts_);
  ASSERT_TRUE(merged) << merged.error().to_string();
  const auto errors = onto_->validate(graph);
  for (const auto& e : errors) ADD_FAILURE() << e.to_string();
  EXPECT_EQ(graph.num_relations() > 10, true);
}

}  // namespace
}  // namespace kg::extract
