// Word clusters from word vectors: the clusters follow the vectors, both file formats
// give the same clusters, bad files are errors that say where, and the recogniser learns
// from a name's cluster what to make of names it never saw.

#include "word_clusters.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/tagger.hpp>

#include "ner_test_support.hpp"
#include "vectors_test_support.hpp"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;
using detail::WordClusters;
using testing_support::MiniVectors;

// Made-up words of three syllables; `parity` picks one square colour of a checkerboard
// of syllables, so that no spelling feature tells one half from the other.
std::vector<std::string> made_up_words(int parity, bool capital) {
  static const char* const kSyl[] = {"ka", "lo", "mi", "nu", "pe", "ro", "si", "tu"};
  std::vector<std::string> out;
  for (int i = 0; i < 512; ++i) {
    if ((i + i / 8 + i / 64) % 2 != parity) continue;
    std::string w = std::string(kSyl[i / 64]) + kSyl[(i / 8) % 8] + kSyl[i % 8];
    if (capital) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    out.push_back(w);
  }
  return out;
}

class WordClustersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kg_word_clusters_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static MiniVectors two_groups() {
    MiniVectors v;
    v.groups = {made_up_words(0, false), made_up_words(1, false)};
    return v;
  }

  fs::path dir_;
};

TEST_F(WordClustersTest, WordsOfOneGroupShareTheirCoarseCluster) {
  const auto v = two_groups();
  testing_support::write_glove_text(dir_ / "v.txt", v);
  auto c = WordClusters::from_vectors((dir_ / "v.txt").string());
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->size(), v.groups[0].size() + v.groups[1].size());
  // No coarse cluster mixes the groups.
  std::set<unsigned> first;
  for (const auto& w : v.groups[0]) {
    ASSERT_NE(c->code(w), 0) << w;
    first.insert(WordClusters::level_id(c->code(w), 0));
  }
  for (const auto& w : v.groups[1]) {
    EXPECT_EQ(first.count(WordClusters::level_id(c->code(w), 0)), 0U) << w;
  }
  EXPECT_EQ(c->code("unknownword"), 0);
  EXPECT_EQ(WordClusters::level_text(0, 1), "-");
}

TEST_F(WordClustersTest, TheJsonOfTheNpmPackageGivesTheSameClusters) {
  const auto v = two_groups();
  testing_support::write_glove_text(dir_ / "v.txt", v);
  testing_support::write_wink_json(dir_ / "v.json", v);
  auto a = WordClusters::from_vectors((dir_ / "v.txt").string());
  auto b = WordClusters::from_vectors((dir_ / "v.json").string());
  ASSERT_TRUE(a) << a.error().to_string();
  ASSERT_TRUE(b) << b.error().to_string();
  EXPECT_EQ(a->sorted(), b->sorted());
}

TEST_F(WordClustersTest, UpperCaseWordsAreLookedUpInLowerCase) {
  std::ofstream(dir_ / "v.txt") << "Moscow 1 0\nminsk 0.9 0.1\n";
  auto c = WordClusters::from_vectors((dir_ / "v.txt").string());
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_NE(c->code("moscow"), 0);
  EXPECT_EQ(c->code("Moscow"), 0);
}

TEST_F(WordClustersTest, BadFilesAreErrorsThatSayWhere) {
  std::ofstream(dir_ / "short.txt") << "a 1 2 3\nb 1 2\n";
  auto r = WordClusters::from_vectors((dir_ / "short.txt").string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().line, 2U);
  EXPECT_NE(r.error().message.find("expected 3 numbers"), std::string::npos);

  std::ofstream(dir_ / "nan.txt") << "a 1 x 3\n";
  r = WordClusters::from_vectors((dir_ / "nan.txt").string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("not a number"), std::string::npos);

  std::ofstream(dir_ / "cut.json") << "{\"dimensions\":2,\"words\":[\"a\"],\"vectors\":{\"a\":[1,";
  r = WordClusters::from_vectors((dir_ / "cut.json").string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("not valid JSON"), std::string::npos);

  std::ofstream(dir_ / "hole.json")
      << "{\"dimensions\":2,\"words\":[\"a\",\"b\"],\"vectors\":{\"a\":[1,2]}}";
  r = WordClusters::from_vectors((dir_ / "hole.json").string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("\"b\""), std::string::npos);

  r = WordClusters::from_vectors((dir_ / "missing.txt").string());
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().file.find("missing.txt"), std::string::npos);
}

// The recogniser trains on "<name> ." sentences, people and places; the vectors put an
// unseen name among the people or among the places, and it is tagged accordingly.
class NerClustersTest : public WordClustersTest {
 protected:
  EntityRecognizer train_with(const std::string& person, const std::string& place,
                              const std::string& name) {
    const auto people = made_up_words(0, true);
    const auto places = made_up_words(1, true);
    MiniVectors v;
    v.groups = {{}, {}};
    for (const auto& w : people) v.groups[0].push_back(w);
    for (const auto& w : places) v.groups[1].push_back(w);
    v.groups[0].push_back(person);
    v.groups[1].push_back(place);
    testing_support::write_glove_text(dir_ / name, v);
    const auto train = testing_support::name_sentences(people, places);
    NerTrainOptions o;
    o.epochs = 4;
    o.vectors_file = (dir_ / name).string();
    auto ner = EntityRecognizer::train(train, nullptr, o, nullptr);
    EXPECT_TRUE(ner) << ner.error().to_string();
    return ner ? *ner : EntityRecognizer();
  }
};

TEST_F(NerClustersTest, UnseenNamesTakeTheirKindFromTheirCluster) {
  const auto a = train_with("Quov", "Jux", "a.txt");
  EXPECT_EQ(testing_support::tag_of(a, "Quov"), "B-PER");
  EXPECT_EQ(testing_support::tag_of(a, "Jux"), "B-LOC");
  const auto b = train_with("Jux", "Quov", "b.txt");
  EXPECT_EQ(testing_support::tag_of(b, "Jux"), "B-PER");
  EXPECT_EQ(testing_support::tag_of(b, "Quov"), "B-LOC");
}

TEST_F(NerClustersTest, TheClustersAreSavedWithTheModel) {
  const auto a = train_with("Quov", "Jux", "c.txt");
  const std::string path = (dir_ / "ner.bin").string();
  ASSERT_TRUE(a.save(path));
  fs::remove(dir_ / "c.txt");
  auto loaded = EntityRecognizer::load(path);
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(testing_support::tag_of(*loaded, "Quov"), "B-PER");
  EXPECT_EQ(testing_support::tag_of(*loaded, "Jux"), "B-LOC");
}

// The tagger: one-word sentences of made-up nouns and verbs; an unseen word's cluster
// decides its tag, and the clusters travel in the model file.
TEST_F(WordClustersTest, UnseenWordsTakeTheirTagFromTheirCluster) {
  const auto nouns = made_up_words(0, false);
  const auto verbs = made_up_words(1, false);
  const auto train_with = [&](const std::string& noun, const std::string& verb,
                              const std::string& name) {
    MiniVectors v;
    v.groups = {nouns, verbs};
    v.groups[0].push_back(noun);
    v.groups[1].push_back(verb);
    testing_support::write_glove_text(dir_ / name, v);
    std::vector<ConlluSentence> train;
    for (const auto* list : {&nouns, &verbs}) {
      for (const auto& w : *list) {
        ConlluSentence s;
        ConlluToken t;
        t.form = w;
        t.upos = list == &nouns ? "NOUN" : "VERB";
        t.xpos = list == &nouns ? "NN" : "VB";
        ConlluToken dot;
        dot.form = ".";
        dot.upos = "PUNCT";
        dot.xpos = ".";
        s.tokens = {t, dot};
        train.push_back(s);
      }
    }
    TaggerTrainOptions o;
    o.epochs = 4;
    o.vectors_file = (dir_ / name).string();
    return Tagger::train(train, nullptr, o, nullptr);
  };
  const auto upos_of = [](const Tagger& t, std::string_view word) {
    std::vector<std::string> upos;
    std::vector<std::string> xpos;
    t.tag({word, "."}, upos, xpos);
    return upos[0];
  };
  const auto a = train_with("quov", "jux", "t1.txt");
  EXPECT_EQ(upos_of(a, "quov"), "NOUN");
  EXPECT_EQ(upos_of(a, "jux"), "VERB");
  const auto b = train_with("jux", "quov", "t2.txt");
  EXPECT_EQ(upos_of(b, "jux"), "NOUN");
  EXPECT_EQ(upos_of(b, "quov"), "VERB");
  const std::string path = (dir_ / "tagger.bin").string();
  ASSERT_TRUE(b.save(path));
  auto loaded = Tagger::load(path);
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(upos_of(*loaded, "quov"), "VERB");
}

}  // namespace
}  // namespace kg::extract
