// The entity recogniser's WordNet names: the kind of thing WordNet says a name is (person,
// place) decides names the training data never showed, and travels in the model file.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <kg/extract/entity_recognizer.hpp>

#include "ner_test_support.hpp"
#include "wordnet_test_support.hpp"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;

class NerWordNetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kg_ner_wordnet_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Trains on "<name> ." sentences (people PER, places LOC) with a WordNet that lists
  // `person` as a person and `place` as a place, neither seen in training.
  EntityRecognizer train_with(const std::string& person, const std::string& place,
                              const std::string& name) {
    const auto people = testing_support::made_up_names(0);
    const auto places = testing_support::made_up_names(1);
    testing_support::MiniWordNet wn;
    wn.nouns = {"dog"};
    wn.verbs = {"see"};
    wn.people = people;
    wn.people.push_back(person);
    wn.places = places;
    wn.places.push_back(place);
    testing_support::write_mini_wordnet(dir_ / name, wn);
    const auto train = testing_support::name_sentences(people, places, 2);
    NerTrainOptions o;
    o.epochs = 4;
    o.wordnet_dir = (dir_ / name).string();
    auto ner = EntityRecognizer::train(train, nullptr, o, nullptr);
    EXPECT_TRUE(ner) << ner.error().to_string();
    return ner ? *ner : EntityRecognizer();
  }

  fs::path dir_;
};

TEST_F(NerWordNetTest, UnseenNamesTakeTheirKindFromWordNet) {
  const auto a = train_with("Quov", "Jux", "a");
  EXPECT_EQ(testing_support::tag_of(a, "Quov"), "B-PER");
  EXPECT_EQ(testing_support::tag_of(a, "Jux"), "B-LOC");
  const auto b = train_with("Jux", "Quov", "b");
  EXPECT_EQ(testing_support::tag_of(b, "Jux"), "B-PER");
  EXPECT_EQ(testing_support::tag_of(b, "Quov"), "B-LOC");
}

TEST_F(NerWordNetTest, TheNamesAreSavedWithTheModel) {
  const auto a = train_with("Quov", "Jux", "c");
  const std::string path = (dir_ / "ner.bin").string();
  ASSERT_TRUE(a.save(path));
  fs::remove_all(dir_ / "c");
  auto loaded = EntityRecognizer::load(path);
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(testing_support::tag_of(*loaded, "Quov"), "B-PER");
  EXPECT_EQ(testing_support::tag_of(*loaded, "Jux"), "B-LOC");
}

TEST_F(NerWordNetTest, MissingDatabaseNamesTheFile) {
  NerSentence s;
  s.words = {"Kalo", "."};
  s.tags = {"B-PER", "O"};
  NerTrainOptions o;
  o.wordnet_dir = (dir_ / "none-here").string();
  auto ner = EntityRecognizer::train({s}, nullptr, o, nullptr);
  ASSERT_FALSE(ner);
  EXPECT_NE(ner.error().file.find("none-here"), std::string::npos);
}

}  // namespace
}  // namespace kg::extract
