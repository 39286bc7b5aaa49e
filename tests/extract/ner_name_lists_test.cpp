// The entity recogniser's name lists (scripts/fetch-gazetteers.sh): where a word or a
// phrase is a listed city or first name, that kind decides names the training data never
// showed; the lists travel in the model file, and a damaged list is an error naming its
// line.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <kg/extract/entity_recognizer.hpp>

#include "features.hpp"
#include "ner_test_support.hpp"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;

class NerNameListsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kg_ner_lists_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write_lists(const std::string& name, const std::string& text) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  // Trains on "<name> ." sentences (people PER, places LOC) whose names are listed as
  // first names and cities, with `person` and `place` listed too but never seen.
  EntityRecognizer train_with(const std::string& person, const std::string& place,
                              const std::string& name) {
    const auto people = testing_support::made_up_names(0);
    const auto places = testing_support::made_up_names(1);
    std::string lists;
    for (const auto& p : people) lists += "first\t" + p + "\n";
    for (const auto& p : places) lists += "city\t" + p + "\n";
    lists += "first\t" + person + "\ncity\t" + place + "\n";
    const auto train = testing_support::name_sentences(people, places, 2);
    NerTrainOptions o;
    o.epochs = 4;
    o.name_lists_tsv = write_lists(name + ".tsv", lists);
    auto ner = EntityRecognizer::train(train, nullptr, o, nullptr);
    EXPECT_TRUE(ner) << ner.error().to_string();
    return ner ? *ner : EntityRecognizer();
  }

  fs::path dir_;
};

TEST_F(NerNameListsTest, UnseenNamesTakeTheirKindFromTheLists) {
  const auto a = train_with("Quov", "Jux", "a");
  EXPECT_EQ(testing_support::tag_of(a, "Quov"), "B-PER");
  EXPECT_EQ(testing_support::tag_of(a, "Jux"), "B-LOC");
  const auto b = train_with("Jux", "Quov", "b");
  EXPECT_EQ(testing_support::tag_of(b, "Jux"), "B-PER");
  EXPECT_EQ(testing_support::tag_of(b, "Quov"), "B-LOC");
}

TEST(NameListKeysTest, ListedNamesMatchTheTokensOfUdEnglish) {
  using V = std::vector<std::string>;
  EXPECT_EQ(detail::name_list_keys("Paris"), V({"paris"}));
  EXPECT_EQ(detail::name_list_keys("  New   York "), V({"new york"}));
  EXPECT_EQ(detail::name_list_keys("Coca-Cola"), V({"coca-cola", "coca - cola"}));
  EXPECT_EQ(detail::name_list_keys("Ben & Jerry's"), V({"ben & jerry's", "ben & jerry 's"}));
  EXPECT_EQ(detail::name_list_keys("a b c d e f g"), V());
  EXPECT_EQ(detail::name_list_keys(""), V());
}

TEST_F(NerNameListsTest, TheListsAreSavedWithTheModel) {
  const auto a = train_with("Quov", "Jux", "d");
  const std::string path = (dir_ / "ner.bin").string();
  ASSERT_TRUE(a.save(path));
  fs::remove(dir_ / "d.tsv");
  auto loaded = EntityRecognizer::load(path);
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(testing_support::tag_of(*loaded, "Quov"), "B-PER");
  EXPECT_EQ(testing_support::tag_of(*loaded, "Jux"), "B-LOC");
  // Saving the loaded model gives the same bytes.
  const std::string again = (dir_ / "ner2.bin").string();
  ASSERT_TRUE(loaded->save(again));
  std::ifstream x(path, std::ios::binary);
  std::ifstream y(again, std::ios::binary);
  const std::string bx((std::istreambuf_iterator<char>(x)), {});
  const std::string by((std::istreambuf_iterator<char>(y)), {});
  EXPECT_EQ(bx, by);
}

TEST_F(NerNameListsTest, TruncatedModelIsAnErrorNamingTheFile) {
  const auto a = train_with("Quov", "Jux", "e");
  const std::string path = (dir_ / "ner.bin").string();
  ASSERT_TRUE(a.save(path));
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  ASSERT_GT(bytes.size(), 100U);
  // Cuts through every part of the file, the name lists at its end most densely.
  const std::string cut = (dir_ / "cut.bin").string();
  for (std::size_t keep = 0; keep < bytes.size(); keep += keep + 2048 < bytes.size() ? 97 : 1) {
    std::ofstream(cut, std::ios::binary | std::ios::trunc) << bytes.substr(0, keep);
    auto loaded = EntityRecognizer::load(cut);
    ASSERT_FALSE(loaded) << "a file cut to " << keep << " of " << bytes.size() << " bytes loaded";
    EXPECT_NE(loaded.error().file.find("cut.bin"), std::string::npos);
  }
}

TEST_F(NerNameListsTest, DamagedListNamesTheFileAndLine) {
  NerSentence s;
  s.words = {"Kalo", "."};
  s.tags = {"B-PER", "O"};
  NerTrainOptions o;
  o.name_lists_tsv = write_lists("bad.tsv", "city\tParis\nstreet\tAbbey Road\n");
  auto ner = EntityRecognizer::train({s}, nullptr, o, nullptr);
  ASSERT_FALSE(ner);
  EXPECT_NE(ner.error().file.find("bad.tsv"), std::string::npos);
  EXPECT_EQ(ner.error().line, 2U);
  o.name_lists_tsv = (dir_ / "none-here.tsv").string();
  ner = EntityRecognizer::train({s}, nullptr, o, nullptr);
  ASSERT_FALSE(ner);
  EXPECT_NE(ner.error().file.find("none-here.tsv"), std::string::npos);
}

}  // namespace
}  // namespace kg::extract
