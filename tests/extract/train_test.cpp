#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <kg/extract/document.hpp>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/lemmatizer.hpp>
#include <kg/extract/models.hpp>
#include <kg/extract/tagger.hpp>
#include <kg/extract/tokenizer.hpp>
#include <kg/extract/train.hpp>
#include <sstream>

#include "wordnet_test_support.hpp"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;

const std::string kData = KG_SHARED_DATA_DIR;

bool have_data() {
  return fs::exists(fs::path(kData) / "ud_english_ewt" / "en_ewt-ud-train.conllu");
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TrainOptions slice_options(const fs::path& out) {
  TrainOptions o;
  o.data_dir = kData;
  o.out_dir = out.string();
  o.limit = 40;  // documents per treebank / UNER sentences: keeps the test fast
  o.tagger_epochs = 2;
  o.ner_epochs = 2;
  o.train_parser = false;
  // A small WordNet written here: the test does not depend on the system's copy.
  testing_support::MiniWordNet wn;
  wn.nouns = {"dog", "cat", "house", "Hamburg"};
  wn.verbs = {"see", "go", "run"};
  wn.adjectives = {"big", "good"};
  wn.irregular_verbs = {"went", "ran", "seen"};
  testing_support::write_mini_wordnet(out.parent_path() / (out.filename().string() + "_wordnet"),
                                      wn);
  o.wordnet_dir = (out.parent_path() / (out.filename().string() + "_wordnet")).string();
  return o;
}

TEST(TrainingTest, SameDataAndSeedGiveByteIdenticalModelFiles) {
  if (!have_data()) GTEST_SKIP() << "corpora not found under " << kData;
  // Private to this process: two test runs at once (two build trees) must not share them.
  const std::string pid = std::to_string(::getpid());
  const fs::path a = fs::temp_directory_path() / ("kg_train_a_" + pid);
  const fs::path b = fs::temp_directory_path() / ("kg_train_b_" + pid);
  fs::remove_all(a);
  fs::remove_all(b);
  ASSERT_TRUE(train_all(slice_options(a), nullptr));
  ASSERT_TRUE(train_all(slice_options(b), nullptr));
  for (const char* name : {kTokenizerModel, kTaggerModel, kLemmatizerModel, kNerModel}) {
    const std::string x = slurp(a / name);
    ASSERT_FALSE(x.empty()) << name;
    EXPECT_EQ(x, slurp(b / name)) << name << " differs between two runs";
  }
  // The files load, and the slice tagger has learned something.
  auto tagger = Tagger::load((a / kTaggerModel).string());
  ASSERT_TRUE(tagger) << tagger.error().to_string();
  std::vector<std::string> upos;
  std::vector<std::string> xpos;
  tagger->tag({"the", "dog"}, upos, xpos);
  EXPECT_EQ(upos[0], "DET");
  EXPECT_TRUE(Tokenizer::load((a / kTokenizerModel).string()));
  EXPECT_TRUE(Lemmatizer::load((a / kLemmatizerModel).string()));
  EXPECT_TRUE(EntityRecognizer::load((a / kNerModel).string()));
  for (const auto& d : {a, b}) {
    fs::remove_all(d);
    fs::remove_all(d.string() + "_wordnet");
  }
}

// With jackknifed UPOS the recogniser is trained on the tagger's tags and says so.
TEST(TrainingTest, JackknifedUposTrainARecogniserThatUsesThem) {
  if (!have_data()) GTEST_SKIP() << "corpora not found under " << kData;
  const fs::path out = fs::temp_directory_path() / ("kg_train_pos_" + std::to_string(::getpid()));
  fs::remove_all(out);
  TrainOptions o = slice_options(out);
  o.ner_pos_folds = 2;
  ASSERT_TRUE(train_ner(o, nullptr));
  auto with = EntityRecognizer::load((out / kNerModel).string());
  ASSERT_TRUE(with) << with.error().to_string();
  EXPECT_TRUE(with->uses_pos());
  o.ner_pos_folds = 0;
  ASSERT_TRUE(train_ner(o, nullptr));
  auto without = EntityRecognizer::load((out / kNerModel).string());
  ASSERT_TRUE(without) << without.error().to_string();
  EXPECT_FALSE(without->uses_pos());
  fs::remove_all(out);
  fs::remove_all(out.string() + "_wordnet");
}

TEST(TrainingTest, MissingCorpusNamesThePath) {
  TrainOptions o;
  o.data_dir = "/nonexistent/corpora";
  o.out_dir = (fs::temp_directory_path() / "kg_train_missing").string();
  auto r = train_tagger(o, nullptr);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Error::Code::kNotFound);
  EXPECT_NE(r.error().file.find("/nonexistent/corpora"), std::string::npos);
}

TEST(TrainingTest, MissingWordVectorsAreAnErrorWithAHint) {
  if (!have_data()) GTEST_SKIP() << "corpora not found under " << kData;
  const fs::path out =
      fs::temp_directory_path() / ("kg_train_vectors_" + std::to_string(::getpid()));
  TrainOptions o = slice_options(out);
  o.vectors_file = (out / "no-vectors-here.json").string();
  for (const auto step : {train_tagger, train_ner}) {
    auto r = step(o, nullptr);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, Error::Code::kNotFound);
    EXPECT_NE(r.error().file.find("no-vectors-here"), std::string::npos);
    EXPECT_NE(r.error().to_string().find("fetch-vectors.sh"), std::string::npos);
  }
  EXPECT_FALSE(fs::exists(out / kTaggerModel));
  fs::remove_all(out);
  fs::remove_all(out.string() + "_wordnet");
}

TEST(TrainingTest, MissingNameListsAreAnErrorWithAHint) {
  if (!have_data()) GTEST_SKIP() << "corpora not found under " << kData;
  const fs::path out = fs::temp_directory_path() / ("kg_train_lists_" + std::to_string(::getpid()));
  TrainOptions o = slice_options(out);
  o.name_lists_file = (out / "no-lists-here.tsv").string();
  auto r = train_ner(o, nullptr);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Error::Code::kNotFound);
  EXPECT_NE(r.error().file.find("no-lists-here"), std::string::npos);
  EXPECT_NE(r.error().to_string().find("fetch-gazetteers.sh"), std::string::npos);
  EXPECT_FALSE(fs::exists(out / kNerModel));
  fs::remove_all(out);
}

TEST(CorpusTest, UnerTagsAreCleaned) {
  EXPECT_EQ(clean_uner_tags({"B-PER", "I-PER", "B-OTH", "I-OTH", "B-O", "I-LOC", "O"}),
            (std::vector<std::string>{"B-PER", "I-PER", "O", "O", "O", "B-LOC", "O"}));
}

TEST(CorpusTest, GumEntitiesBecomeNamesWithoutTitles) {
  std::istringstream in(
      "1\tthe\tthe\tDET\tDT\t_\t0\t_\t_\tEntity=(1-person-new-nnnnn-cf1-3-coref\n"
      "2\tPresident\tPresident\tPROPN\tNNP\t_\t0\t_\t_\t_\n"
      "3\tObama\tObama\tPROPN\tNNP\t_\t0\t_\t_\tEntity=1)\n"
      "4\tvisited\tvisit\tVERB\tVBD\t_\t0\t_\t_\t_\n"
      "5\tthe\tthe\tDET\tDT\t_\t0\t_\t_\tEntity=(2-organization-new-nnnnn-cf2-3-sgl\n"
      "6\tUniversity\tUniversity\tPROPN\tNNP\t_\t0\t_\t_\t_\n"
      "7\tof\tof\tADP\tIN\t_\t0\t_\t_\t_\n"
      "8\tChicago\tChicago\tPROPN\tNNP\t_\t0\t_\t_\tEntity=(3-place-new-nnnnn-cf3-1-sgl)2)\n"
      "9\tand\tand\tCCONJ\tCC\t_\t0\t_\t_\t_\n"
      "10\tfriends\tfriend\tNOUN\tNNS\t_\t0\t_\t_\tEntity=(4-person-new-nnnnn-cf4-1-sgl)\n\n");
  auto s = read_conllu(in, "gum");
  ASSERT_TRUE(s) << s.error().to_string();
  EXPECT_EQ(
      gum_entity_tags((*s)[0]),
      (std::vector<std::string>{"O", "O", "B-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"}));
}

TEST(CorpusTest, Iob2RoundTripKeepsCommentsAndColumns) {
  const std::string text = "# sent_id = a\n1\tPutin\tB-PER\t-\tx\n2\tspoke\tO\n\n";
  std::istringstream in(text);
  auto s = read_iob2(in, "x.iob2");
  ASSERT_TRUE(s);
  std::ostringstream out;
  write_iob2(out, *s);
  EXPECT_EQ(out.str(), text);
}

}  // namespace
}  // namespace kg::extract
