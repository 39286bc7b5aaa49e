// Dependency parser: well-formed trees on any input, reproducible training,
// model file errors, attachment scoring. Uses a tiny corpus written for the test
// (tests/data/extract/parser_tiny.conllu), so nothing here needs ../shared/data.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <kg/extract/conllu.hpp>
#include <kg/extract/dependency_parser.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "vectors_test_support.hpp"
#include "wordnet_test_support.hpp"

namespace {

namespace fs = std::filesystem;
using kg::extract::ConlluSentence;
using kg::extract::ConlluToken;
using kg::extract::DependencyParser;
using kg::extract::ParserTrainOptions;

std::vector<ConlluSentence> tiny_corpus() {
  auto r =
      kg::extract::read_conllu_file(std::string(KG_TEST_DATA_DIR) + "/extract/parser_tiny.conllu");
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  return r ? *r : std::vector<ConlluSentence>{};
}

DependencyParser tiny_parser(std::uint64_t seed = 1, bool ambiguity_classes = false) {
  ParserTrainOptions options;
  options.epochs = 5;
  options.seed = seed;
  options.ambiguity_classes = ambiguity_classes;
  options.prune_threshold = 0.0;  // a five-epoch run on eight sentences has small weights
  return DependencyParser::train(tiny_corpus(), nullptr, options, nullptr);
}

// Both parsers give the same trees on the tiny corpus.
void expect_same_trees(const DependencyParser& a, const DependencyParser& b) {
  auto x = tiny_corpus();
  auto y = tiny_corpus();
  a.parse(x);
  b.parse(y);
  for (std::size_t i = 0; i < x.size(); ++i) {
    for (std::size_t j = 0; j < x[i].tokens.size(); ++j) {
      EXPECT_EQ(x[i].tokens[j].head, y[i].tokens[j].head);
      EXPECT_EQ(x[i].tokens[j].deprel, y[i].tokens[j].deprel);
    }
  }
}

ConlluSentence sentence_of(const std::vector<std::string>& forms, const std::string& tag = "_") {
  ConlluSentence s;
  for (const auto& f : forms) {
    ConlluToken t;
    t.form = f;
    t.upos = tag;
    t.xpos = tag;
    s.tokens.push_back(t);
  }
  return s;
}

// A single-rooted tree: heads in range, one root labelled "root", no cycles.
::testing::AssertionResult is_tree(const ConlluSentence& s) {
  const int n = static_cast<int>(s.tokens.size());
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    const auto& t = s.tokens[static_cast<std::size_t>(i)];
    if (t.head < 0 || t.head > n || t.head == i + 1) {
      return ::testing::AssertionFailure() << "word " << i + 1 << " has head " << t.head;
    }
    if (t.deprel.empty() || t.deprel == "_") {
      return ::testing::AssertionFailure() << "word " << i + 1 << " has no relation";
    }
    if (t.head == 0) {
      ++roots;
      if (t.deprel != "root") {
        return ::testing::AssertionFailure() << "root word labelled " << t.deprel;
      }
    } else if (t.deprel == "root") {
      return ::testing::AssertionFailure() << "non-root word " << i + 1 << " labelled root";
    }
    int x = i + 1;
    for (int steps = 0; x != 0; ++steps) {
      if (steps > n) return ::testing::AssertionFailure() << "cycle through word " << i + 1;
      x = s.tokens[static_cast<std::size_t>(x - 1)].head;
    }
  }
  if (roots != 1) return ::testing::AssertionFailure() << roots << " roots";
  return ::testing::AssertionSuccess();
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

class ParserFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_parser_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path dir_;
};

TEST(DependencyParserTest, TrainedOnTinyCorpusReparsesItsTrainingSentences) {
  const auto parser = tiny_parser();
  ASSERT_TRUE(parser.has_model());
  auto parsed = tiny_corpus();
  parser.parse(parsed);
  const auto scores = kg::extract::score_attachments(tiny_corpus(), parsed);
  ASSERT_TRUE(scores.has_value());
  // The perceptron separates eight short sentences it was trained on.
  EXPECT_GT(scores->uas(), 90.0);
  EXPECT_GT(scores->las(), 85.0);
}

TEST(DependencyParserTest, KnowsRelationSubtypesFromTrainingData) {
  const auto rels = tiny_parser().relations();
  for (const char* r : {"nsubj:pass", "compound:prt", "obl:unmarked", "root"}) {
    EXPECT_NE(std::find(rels.begin(), rels.end(), r), rels.end()) << r;
  }
}

TEST(DependencyParserTest, OneWordSentenceIsRoot) {
  const auto parser = tiny_parser();
  auto s = sentence_of({"Hello"}, "UH");
  parser.parse(s);
  EXPECT_TRUE(is_tree(s));
  EXPECT_EQ(s.tokens[0].head, 0);
}

TEST(DependencyParserTest, LongSentenceOfUnknownWordsIsATree) {
  const auto parser = tiny_parser();
  std::vector<std::string> forms;
  for (int i = 0; i < 200; ++i) forms.push_back("zq" + std::to_string(i * 7919 % 1000));
  auto s = sentence_of(forms);
  parser.parse(s);
  EXPECT_TRUE(is_tree(s));
}

TEST(DependencyParserTest, MixedTagsAndPunctuationGiveATree) {
  const auto parser = tiny_parser();
  auto s = sentence_of({".", ".", "the", ",", "cat", "!", "sat", "?"});
  const char* tags[] = {"PUNCT", "PUNCT", "DET", "PUNCT", "NOUN", "PUNCT", "VERB", "PUNCT"};
  for (std::size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].upos = tags[i];
  parser.parse(s);
  EXPECT_TRUE(is_tree(s));
}

TEST(DependencyParserTest, ReparsingOverwritesExistingHeads) {
  const auto parser = tiny_parser();
  auto s = sentence_of({"Dogs", "bark", "."});
  for (auto& t : s.tokens) {
    t.head = 3;
    t.deprel = "junk";
  }
  parser.parse(s);
  EXPECT_TRUE(is_tree(s));
}

TEST(DependencyParserTest, EmptySentenceIsLeftAlone) {
  const auto parser = tiny_parser();
  ConlluSentence s;
  parser.parse(s);
  EXPECT_TRUE(s.tokens.empty());
}

TEST(DependencyParserTest, ParserWithoutModelStillBuildsATree) {
  const DependencyParser parser;
  EXPECT_FALSE(parser.has_model());
  auto s = sentence_of({"a", "b", "c"});
  parser.parse(s);
  EXPECT_TRUE(is_tree(s));
}

TEST(DependencyParserTest, TrainingSkipsSentencesWithoutHeads) {
  auto data = tiny_corpus();
  data.push_back(sentence_of({"no", "heads", "here"}));  // heads are -1
  ParserTrainOptions options;
  options.epochs = 2;
  const auto parser = DependencyParser::train(data, nullptr, options, nullptr);
  auto s = sentence_of({"no", "heads", "here"});
  parser.parse(s);
  EXPECT_TRUE(is_tree(s));
}

TEST_F(ParserFileTest, SameDataAndSeedGiveByteIdenticalModels) {
  ASSERT_TRUE(tiny_parser(7).save((dir_ / "a.bin").string()));
  ASSERT_TRUE(tiny_parser(7).save((dir_ / "b.bin").string()));
  const std::string a = read_bytes(dir_ / "a.bin");
  EXPECT_FALSE(a.empty());
  EXPECT_EQ(a, read_bytes(dir_ / "b.bin"));
}

TEST_F(ParserFileTest, SavedModelLoadsAndParsesTheSame) {
  const auto parser = tiny_parser();
  const auto path = (dir_ / "m.bin").string();
  ASSERT_TRUE(parser.save(path));
  for (const auto& e : fs::directory_iterator(dir_)) {
    EXPECT_EQ(e.path().filename(), "m.bin") << "temporary file left behind";
  }
  auto loaded = DependencyParser::load(path);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  EXPECT_EQ(loaded->relations(), parser.relations());
  expect_same_trees(parser, *loaded);
}

// Feature set 3 keeps its ambiguity table in the file (format 2): retraining gives the
// same bytes, and the loaded model parses as the trained one.
TEST_F(ParserFileTest, AmbiguityClassModelRoundTrips) {
  const auto parser = tiny_parser(3, true);
  ASSERT_TRUE(parser.save((dir_ / "a.bin").string()));
  ASSERT_TRUE(tiny_parser(3, true).save((dir_ / "b.bin").string()));
  ASSERT_TRUE(tiny_parser(3, false).save((dir_ / "c.bin").string()));
  const std::string a = read_bytes(dir_ / "a.bin");
  EXPECT_EQ(a, read_bytes(dir_ / "b.bin"));
  EXPECT_NE(a, read_bytes(dir_ / "c.bin"));
  auto loaded = DependencyParser::load((dir_ / "a.bin").string());
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  expect_same_trees(parser, *loaded);
}

// Word clusters and the WordNet lexicon travel in the file (format 3): retraining gives
// the same bytes, and the loaded model parses as the trained one.
TEST_F(ParserFileTest, ClusterAndLexiconModelRoundTrips) {
  kg::extract::testing_support::MiniVectors v;
  v.groups = {{"cat", "mat", "law", "book", "senate"},
              {"sat", "passed", "gave", "visited"},
              {"john", "smith", "mary", "jones", "paris"}};
  kg::extract::testing_support::write_glove_text(dir_ / "vectors.txt", v);
  kg::extract::testing_support::MiniWordNet wn;
  wn.nouns = {"cat", "mat", "law", "book"};
  wn.verbs = {"sit", "pass", "give", "visit"};
  wn.irregular_verbs = {"sat", "gave"};
  kg::extract::testing_support::write_mini_wordnet(dir_ / "wordnet", wn);
  const auto train = [&] {
    ParserTrainOptions options;
    options.epochs = 5;
    options.seed = 3;
    options.prune_threshold = 0.0;
    options.vectors_file = (dir_ / "vectors.txt").string();
    options.wordnet_dir = (dir_ / "wordnet").string();
    return DependencyParser::train(tiny_corpus(), nullptr, options, nullptr);
  };
  const auto parser = train();
  ASSERT_TRUE(parser.save((dir_ / "a.bin").string()));
  ASSERT_TRUE(train().save((dir_ / "b.bin").string()));
  ASSERT_TRUE(tiny_parser(3).save((dir_ / "c.bin").string()));
  const std::string a = read_bytes(dir_ / "a.bin");
  EXPECT_EQ(a, read_bytes(dir_ / "b.bin"));
  EXPECT_GT(a.size(), read_bytes(dir_ / "c.bin").size()) << "the tables are in the file";
  fs::remove(dir_ / "vectors.txt");
  fs::remove_all(dir_ / "wordnet");
  auto loaded = DependencyParser::load((dir_ / "a.bin").string());
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  expect_same_trees(parser, *loaded);
  // A damaged table is refused, not read out of bounds.
  std::string cut = a.substr(0, 60);
  write_bytes(dir_ / "cut.bin", cut);
  EXPECT_FALSE(DependencyParser::load((dir_ / "cut.bin").string()).has_value());
}

// Names found by the entity recogniser stay whole: their words attach inside the name as
// UD joins names, and nothing outside attaches to a word inside a name but its head.
// Beam search (width 4, a temperature of the tuning grid) keeps every parse a tree, on
// the corpus and on hard input, and still reparses the training sentences.
TEST(DependencyParserTest, BeamSearchGivesTrees) {
  auto parser = tiny_parser();
  parser.set_decoding({4, 3.0 / (1 << 22)});
  EXPECT_EQ(parser.decoding().beam, 4);
  auto parsed = tiny_corpus();
  parser.parse(parsed);
  for (const auto& s : parsed) EXPECT_TRUE(is_tree(s));
  const auto scores = kg::extract::score_attachments(tiny_corpus(), parsed);
  ASSERT_TRUE(scores.has_value());
  EXPECT_GT(scores->uas(), 90.0);
  std::vector<std::string> forms;
  for (int i = 0; i < 120; ++i) forms.push_back("zq" + std::to_string(i * 7919 % 1000));
  auto s = sentence_of(forms);
  parser.parse(s);
  EXPECT_TRUE(is_tree(s));
  auto p = sentence_of({".", ".", "the", ",", "cat", "!", "sat", "?"});
  parser.parse(p);
  EXPECT_TRUE(is_tree(p));
}

// Width 1 is the greedy parser, whatever the temperature.
TEST(DependencyParserTest, BeamOfOneIsGreedy) {
  const auto greedy = tiny_parser();
  auto one = tiny_parser();
  one.set_decoding({1, 5.0 / (1 << 22)});
  expect_same_trees(greedy, one);
}

// tune_beam keeps the temperature whose LAS on the dev set is best: none of the grid's
// temperatures (the same grid, in units of the largest weight) does better.
TEST(DependencyParserTest, TunedBeamHasTheBestDevLas) {
  auto parser = tiny_parser();
  const auto dev = tiny_corpus();
  const auto chosen = parser.tune_beam(3, dev, dev, nullptr);
  EXPECT_EQ(chosen.beam, 3);
  EXPECT_EQ(parser.decoding().beam, 3);
  EXPECT_GT(chosen.temperature, 0.0);
  const auto las_with = [&](double t) {
    auto copy = parser;
    copy.set_decoding({3, t});
    auto parsed = dev;
    copy.parse(parsed);
    return kg::extract::score_attachments(dev, parsed)->las();
  };
  const double best = las_with(chosen.temperature);
  for (const double g : {2.0, 2.5, 3.0, 3.5, 4.0, 4.5}) {
    EXPECT_GE(best, las_with(g / (1 << 22))) << g;
  }
  EXPECT_EQ(parser.tune_beam(1, dev, dev, nullptr).beam, 1);
}

TEST(DependencyParserTest, NamesAreParsedWhole) {
  const auto parser = tiny_parser();
  auto s = sentence_of({"Updated", "ET", "Donald", "Trump", "and", "Vladimir", "Putin", "met", "in",
                        "the", "United", "States", "."},
                       "PROPN");
  for (const std::size_t i : {0U, 7U}) s.tokens[i].upos = "VERB";
  s.tokens[4].upos = "CCONJ";
  s.tokens[8].upos = "ADP";
  s.tokens[9].upos = "DET";
  s.tokens[12].upos = "PUNCT";
  using Name = DependencyParser::Name;
  const std::vector<Name> names = {{2, 4, true}, {5, 7, true}, {10, 12, false}};
  parser.parse(s, names);
  ASSERT_TRUE(is_tree(s));
  const auto head = [&](std::size_t i) { return s.tokens[i].head; };  // 1-based head
  EXPECT_EQ(head(3), 3);                                              // Trump -> Donald
  EXPECT_EQ(s.tokens[3].deprel, "flat");
  EXPECT_EQ(head(6), 6);  // Putin -> Vladimir
  EXPECT_EQ(s.tokens[6].deprel, "flat");
  EXPECT_EQ(head(10), 12);  // United -> States
  EXPECT_EQ(s.tokens[10].deprel, "compound");
  for (const std::size_t inner : {3U, 6U, 10U}) {
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      if (i != inner) {
        EXPECT_NE(head(i), static_cast<int>(inner) + 1) << i << " -> " << inner;
      }
    }
  }
  for (const auto& n : names) {
    const std::size_t h = n.person ? n.begin : n.end - 1;
    const int out = head(h);
    EXPECT_TRUE(out == 0 || out - 1 < static_cast<int>(n.begin) ||
                out - 1 >= static_cast<int>(n.end))
        << "the head of a name attaches outside it";
  }
}

TEST(DependencyParserTest, NamesWithOtherWordsOrOverlapsAreParsedAsUsual) {
  const auto parser = tiny_parser();
  auto plain = sentence_of({"Bank", "of", "America", "and", "John", "Smith", "met"}, "PROPN");
  plain.tokens[1].upos = "ADP";
  plain.tokens[3].upos = "CCONJ";
  plain.tokens[6].upos = "VERB";
  auto with = plain;
  parser.parse(plain);
  // "Bank of America" holds a preposition; the other two overlap or run past the end.
  parser.parse(with, {{0, 3, false}, {4, 6, true}, {5, 7, true}, {6, 9, true}});
  ASSERT_TRUE(is_tree(with));
  for (std::size_t i : {0U, 1U, 2U}) {
    EXPECT_EQ(with.tokens[i].deprel == "compound" && with.tokens[i].head == 3,
              plain.tokens[i].deprel == "compound" && plain.tokens[i].head == 3);
  }
  EXPECT_EQ(with.tokens[5].head, 5);
  EXPECT_EQ(with.tokens[5].deprel, "flat");
}

// The beam width and temperature travel in the file: the loaded model decodes as the
// saved one, and the same model made greedy again saves byte for byte as the greedy file.
TEST_F(ParserFileTest, BeamDecodingRoundTrips) {
  auto parser = tiny_parser();
  const auto greedy_path = (dir_ / "greedy.bin").string();
  ASSERT_TRUE(parser.save(greedy_path));
  parser.set_decoding({3, 3.5 / (1 << 22)});
  const auto path = (dir_ / "beam.bin").string();
  ASSERT_TRUE(parser.save(path));
  auto loaded = DependencyParser::load(path);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  EXPECT_EQ(loaded->decoding().beam, 3);
  EXPECT_DOUBLE_EQ(loaded->decoding().temperature, 3.5 / (1 << 22));
  expect_same_trees(parser, *loaded);
  EXPECT_NE(read_bytes(path), read_bytes(greedy_path));
  loaded->set_decoding({});
  const auto again = (dir_ / "again.bin").string();
  ASSERT_TRUE(loaded->save(again));
  EXPECT_EQ(read_bytes(again), read_bytes(greedy_path));
}

TEST_F(ParserFileTest, MissingFileIsNotFound) {
  const auto path = (dir_ / "absent.bin").string();
  auto r = DependencyParser::load(path);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, kg::Error::Code::kNotFound);
  EXPECT_EQ(r.error().file, path);
  EXPECT_FALSE(r.error().hint.empty());
}

TEST_F(ParserFileTest, FolderIsNotAModel) {
  auto r = DependencyParser::load(dir_.string());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, kg::Error::Code::kInvalidArgument);
}

TEST_F(ParserFileTest, TruncatedFilesAreParseErrors) {
  const auto path = (dir_ / "m.bin").string();
  ASSERT_TRUE(tiny_parser().save(path));
  const std::string good = read_bytes(path);
  for (std::size_t keep : {std::size_t{0}, std::size_t{4}, std::size_t{8}, std::size_t{40},
                           good.size() / 2, good.size() - 1}) {
    write_bytes(path, good.substr(0, keep));
    auto r = DependencyParser::load(path);
    ASSERT_FALSE(r.has_value()) << "kept " << keep << " bytes";
    EXPECT_EQ(r.error().code, kg::Error::Code::kParse);
    EXPECT_EQ(r.error().file, path);
  }
}

TEST_F(ParserFileTest, FlippedByteIsDetected) {
  const auto path = (dir_ / "m.bin").string();
  ASSERT_TRUE(tiny_parser().save(path));
  std::string bytes = read_bytes(path);
  for (std::size_t pos : {std::size_t{9}, bytes.size() / 3, bytes.size() - 12}) {
    std::string bad = bytes;
    bad[pos] = static_cast<char>(bad[pos] ^ 0x5A);
    write_bytes(path, bad);
    auto r = DependencyParser::load(path);
    ASSERT_FALSE(r.has_value()) << "flipped byte " << pos;
    EXPECT_EQ(r.error().code, kg::Error::Code::kParse);
  }
}

TEST_F(ParserFileTest, TextFileIsRejected) {
  const auto path = (dir_ / "model.txt").string();
  write_bytes(path, "this is not a parser model\n");
  auto r = DependencyParser::load(path);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().to_string().find("not a valid dependency parser model"), std::string::npos);
}

TEST_F(ParserFileTest, SavingIntoMissingFolderFails) {
  auto r = tiny_parser().save((dir_ / "no" / "such" / "dir" / "m.bin").string());
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, kg::Error::Code::kIo);
}

TEST_F(ParserFileTest, SavingEmptyParserFails) {
  auto r = DependencyParser().save((dir_ / "m.bin").string());
  ASSERT_FALSE(r.has_value());
  EXPECT_FALSE(fs::exists(dir_ / "m.bin"));
}

TEST(AttachmentScoresTest, CountsHeadsLabelsAndPunctuation) {
  auto gold = tiny_corpus();
  ASSERT_FALSE(gold.empty());
  auto pred = gold;
  auto& words = pred[0].tokens;   // The cat sat on the mat .
  words[0].head = 3;              // wrong head
  words[1].deprel = "obj";        // right head, wrong relation
  words[5].deprel = "obl:npmod";  // right head, wrong subtype only
  words[6].head = 6;              // wrong head on punctuation
  const auto s = kg::extract::score_attachments(gold, pred);
  ASSERT_TRUE(s.has_value());
  std::size_t total = 0;
  for (const auto& g : gold) total += g.tokens.size();
  EXPECT_EQ(s->words, total);
  EXPECT_EQ(s->head_correct, total - 2);
  EXPECT_EQ(s->label_correct, total - 4);
  EXPECT_EQ(s->universal_correct, total - 3);
  EXPECT_EQ(s->words - s->words_no_punct, 8U);  // one full stop per sentence
  EXPECT_EQ(s->label_correct_no_punct, s->words_no_punct - 3);
}

TEST(AttachmentScoresTest, MismatchedSentencesAreAnError) {
  auto gold = tiny_corpus();
  auto pred = gold;
  pred[1].tokens.pop_back();
  EXPECT_FALSE(kg::extract::score_attachments(gold, pred).has_value());
  pred.pop_back();
  EXPECT_FALSE(kg::extract::score_attachments(gold, pred).has_value());
}

}  // namespace
