// The shipped parser model (extract/models/parser.bin) on sentences written for
// the test, with given tags: structure is asserted, not scores. Also training
// reproducibility on a slice of UD English EWT when ../shared/data is present.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <kg/extract/conllu.hpp>
#include <kg/extract/dependency_parser.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kg::extract::ConlluSentence;
using kg::extract::DependencyParser;

const std::string kModel = std::string(KG_SOURCE_DIR) + "/extract/models/parser.bin";

// "form/LEMMA/UPOS/XPOS" items separated by spaces.
ConlluSentence tagged(const std::string& text) {
  ConlluSentence s;
  std::istringstream in(text);
  std::string item;
  while (in >> item) {
    kg::extract::ConlluToken t;
    std::istringstream parts(item);
    std::getline(parts, t.form, '/');
    std::getline(parts, t.lemma, '/');
    std::getline(parts, t.upos, '/');
    std::getline(parts, t.xpos, '/');
    s.tokens.push_back(t);
  }
  return s;
}

class ShippedParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(kModel)) return;
    auto r = DependencyParser::load(kModel);
    ASSERT_TRUE(r.has_value()) << r.error().to_string();
    parser_ = new DependencyParser(std::move(*r));
  }
  static void TearDownTestSuite() {
    delete parser_;
    parser_ = nullptr;
  }
  void SetUp() override {
    if (parser_ == nullptr) GTEST_SKIP() << "no model at " << kModel;
  }
  // 1-based index of the word with this form (first occurrence).
  static int word(const ConlluSentence& s, const std::string& form) {
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      if (s.tokens[i].form == form) return static_cast<int>(i + 1);
    }
    ADD_FAILURE() << "no word " << form;
    return -1;
  }
  // The word of the span [first, last] whose head lies outside it (UD names are
  // head-first `flat`, but the test only cares that the span hangs together).
  static int span_head(const ConlluSentence& s, int first, int last) {
    int head = -1;
    for (int i = first; i <= last; ++i) {
      const int h = s.tokens[static_cast<std::size_t>(i - 1)].head;
      if (h < first || h > last) {
        EXPECT_EQ(head, -1) << "span " << first << ".." << last << " has two outside heads";
        head = i;
      }
    }
    return head;
  }
  static const kg::extract::ConlluToken& tok(const ConlluSentence& s, int i) {
    return s.tokens[static_cast<std::size_t>(i - 1)];
  }
  static DependencyParser* parser_;
};

DependencyParser* ShippedParserTest::parser_ = nullptr;

const char* const kSummitSentence =
    "Donald/Donald/PROPN/NNP Trump/Trump/PROPN/NNP and/and/CCONJ/CC "
    "Vladimir/Vladimir/PROPN/NNP Putin/Putin/PROPN/NNP met/meet/VERB/VBD "
    "Friday/Friday/PROPN/NNP in/in/ADP/IN Hamburg/Hamburg/PROPN/NNP ././PUNCT/.";

TEST_F(ShippedParserTest, CoordinatedSubjectsOfMeet) {
  auto s = tagged(kSummitSentence);
  parser_->parse(s);
  const int met = word(s, "met");
  EXPECT_EQ(tok(s, met).head, 0);
  EXPECT_EQ(tok(s, met).deprel, "root");
  const int trump = span_head(s, 1, 2);
  const int putin = span_head(s, 4, 5);
  ASSERT_GT(trump, 0);
  ASSERT_GT(putin, 0);
  EXPECT_EQ(tok(s, trump).head, met);
  EXPECT_EQ(tok(s, trump).deprel, "nsubj");
  EXPECT_EQ(tok(s, putin).head, trump);
  EXPECT_EQ(tok(s, putin).deprel, "conj");
  EXPECT_EQ(tok(s, word(s, "and")).head, putin);
  EXPECT_EQ(tok(s, word(s, "and")).deprel, "cc");
  EXPECT_EQ(tok(s, word(s, "Friday")).head, met);
  EXPECT_EQ(tok(s, word(s, "Friday")).deprel.substr(0, 3), "obl");
  EXPECT_EQ(tok(s, word(s, "in")).head, word(s, "Hamburg"));
  EXPECT_EQ(tok(s, word(s, "in")).deprel, "case");
}

// The greedy parser attached the place after a bare temporal noun ("Friday in Hamburg")
// to the noun as nmod; the beam keeps the reading with the place on the verb.
TEST_F(ShippedParserTest, PlaceAfterBareDayAttachesToVerb) {
  auto s = tagged(kSummitSentence);
  parser_->parse(s);
  EXPECT_EQ(tok(s, word(s, "Hamburg")).head, word(s, "met"));
  EXPECT_EQ(tok(s, word(s, "Hamburg")).deprel, "obl");
}

// Quoted speech: the quotes and the comma inside them belong to the quoted clause, the
// final period to the sentence, and no mark has dependents (the UD punctuation rules the
// parser applies after each parse).
TEST_F(ShippedParserTest, QuotedSpeechPunctuationFollowsTheGuidelines) {
  auto s = tagged(
      "\"/\"/PUNCT/`` We/we/PRON/PRP agreed/agree/VERB/VBD ,/,/PUNCT/, \"/\"/PUNCT/'' "
      "Putin/Putin/PROPN/NNP said/say/VERB/VBD ././PUNCT/.");
  parser_->parse(s);
  const int said = word(s, "said");
  const int agreed = word(s, "agreed");
  EXPECT_EQ(tok(s, said).head, 0);
  EXPECT_EQ(tok(s, agreed).head, said);
  EXPECT_EQ(tok(s, agreed).deprel, "ccomp");
  EXPECT_EQ(tok(s, 1).head, agreed);
  EXPECT_EQ(tok(s, 4).head, agreed);
  EXPECT_EQ(tok(s, 5).head, agreed);
  EXPECT_EQ(tok(s, 8).head, said);
  for (const auto& t : s.tokens) {
    if (t.head > 0) {
      EXPECT_NE(tok(s, t.head).upos, "PUNCT") << t.form << " hangs on a mark";
    }
  }
}

TEST_F(ShippedParserTest, PlaceAttachesToVerb) {
  auto s = tagged(
      "Trump/Trump/PROPN/NNP met/meet/VERB/VBD Putin/Putin/PROPN/NNP in/in/ADP/IN "
      "Hamburg/Hamburg/PROPN/NNP on/on/ADP/IN Friday/Friday/PROPN/NNP ././PUNCT/.");
  parser_->parse(s);
  const int met = word(s, "met");
  EXPECT_EQ(tok(s, word(s, "Putin")).head, met);
  EXPECT_EQ(tok(s, word(s, "Putin")).deprel, "obj");
  EXPECT_EQ(tok(s, word(s, "Hamburg")).head, met);
  EXPECT_EQ(tok(s, word(s, "Hamburg")).deprel, "obl");
  EXPECT_EQ(tok(s, word(s, "Friday")).head, met);
  EXPECT_EQ(tok(s, word(s, "Friday")).deprel, "obl");
}

TEST_F(ShippedParserTest, PassiveSubjectAndAgent) {
  auto s = tagged(
      "The/the/DET/DT treaty/treaty/NOUN/NN was/be/AUX/VBD signed/sign/VERB/VBN by/by/ADP/IN "
      "both/both/DET/DT leaders/leader/NOUN/NNS ././PUNCT/.");
  parser_->parse(s);
  const int signed_ = word(s, "signed");
  EXPECT_EQ(tok(s, signed_).head, 0);
  EXPECT_EQ(tok(s, word(s, "treaty")).head, signed_);
  EXPECT_EQ(tok(s, word(s, "treaty")).deprel, "nsubj:pass");
  EXPECT_EQ(tok(s, word(s, "was")).deprel, "aux:pass");
  EXPECT_EQ(tok(s, word(s, "leaders")).head, signed_);
  EXPECT_EQ(tok(s, word(s, "leaders")).deprel, "obl:agent");
}

TEST_F(ShippedParserTest, ReportedSpeechWithParticleVerb) {
  auto s = tagged(
      "The/the/DET/DT minister/minister/NOUN/NN said/say/VERB/VBD Russia/Russia/PROPN/NNP "
      "would/would/AUX/MD pull/pull/VERB/VB out/out/ADP/RP its/its/PRON/PRP$ "
      "troops/troop/NOUN/NNS ././PUNCT/.");
  parser_->parse(s);
  const int said = word(s, "said"), pull = word(s, "pull");
  EXPECT_EQ(tok(s, said).head, 0);
  EXPECT_EQ(tok(s, word(s, "minister")).head, said);
  EXPECT_EQ(tok(s, word(s, "minister")).deprel, "nsubj");
  EXPECT_EQ(tok(s, pull).head, said);
  EXPECT_EQ(tok(s, pull).deprel, "ccomp");
  EXPECT_EQ(tok(s, word(s, "Russia")).head, pull);
  EXPECT_EQ(tok(s, word(s, "out")).head, pull);
  EXPECT_EQ(tok(s, word(s, "out")).deprel, "compound:prt");
  EXPECT_EQ(tok(s, word(s, "troops")).deprel, "obj");
  EXPECT_EQ(tok(s, word(s, "its")).deprel, "nmod:poss");
}

TEST(ParserTrainingTest, EwtSliceTrainsToByteIdenticalModels) {
  const std::string train =
      std::string(KG_SHARED_DATA_DIR) + "/ud_english_ewt/en_ewt-ud-train.conllu";
  if (!fs::exists(train)) GTEST_SKIP() << "UD English EWT not found at " << train;
  auto data = kg::extract::read_conllu_file(train);
  ASSERT_TRUE(data.has_value()) << data.error().to_string();
  data->resize(std::min<std::size_t>(data->size(), 300));
  kg::extract::ParserTrainOptions options;
  options.epochs = 2;
  options.seed = 3;
  const fs::path dir = fs::temp_directory_path() / "kg_parser_model_test_repro";
  fs::create_directories(dir);
  std::string bytes[2];
  for (int run = 0; run < 2; ++run) {
    const auto path = (dir / ("m" + std::to_string(run) + ".bin")).string();
    ASSERT_TRUE(DependencyParser::train(*data, nullptr, options, nullptr).save(path));
    std::ifstream in(path, std::ios::binary);
    bytes[run].assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  EXPECT_GT(bytes[0].size(), 1000U);
  EXPECT_EQ(bytes[0], bytes[1]);
}

}  // namespace
