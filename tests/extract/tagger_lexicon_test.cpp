// The tagger's WordNet lexicon: what WordNet says a word can be decides words the
// training data never showed, and the lexicon travels in the model file.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <kg/extract/conllu.hpp>
#include <kg/extract/models.hpp>
#include <kg/extract/tagger.hpp>
#include <kg/extract/train.hpp>

#include "wordnet_test_support.hpp"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;
using testing_support::MiniWordNet;
using testing_support::write_mini_wordnet;

// Made-up words, nouns and verbs in a checkerboard of syllables, so that no spelling
// feature tells a noun from a verb: only the lexicon does.
std::vector<std::string> made_up_words(int parity) {
  static const char* const kSyllables[] = {"ka", "lo", "mi", "nu", "pe", "ro", "si", "tu"};
  std::vector<std::string> out;
  for (int i = 0; i < 64; ++i) {
    if ((i + i / 8) % 2 == parity)
      out.push_back(std::string(kSyllables[i / 8]) + kSyllables[i % 8]);
  }
  return out;
}
const std::vector<std::string> kNouns = made_up_words(0);
const std::vector<std::string> kVerbs = made_up_words(1);

// One-word sentences ("cat ."), so that the context says nothing about the tag; every
// word also comes with an "-s" (plural noun, third-person verb).
std::vector<ConlluSentence> training_sentences() {
  std::vector<ConlluSentence> out;
  const auto add = [&](const std::string& form, const char* upos, const char* xpos) {
    ConlluSentence s;
    ConlluToken t;
    t.form = form;
    t.upos = upos;
    t.xpos = xpos;
    s.tokens.push_back(t);
    ConlluToken p;
    p.form = ".";
    p.upos = "PUNCT";
    p.xpos = ".";
    s.tokens.push_back(p);
    out.push_back(s);
  };
  for (int rep = 0; rep < 2; ++rep) {
    for (const auto& w : kNouns) {
      add(w, "NOUN", "NN");
      add(w + "s", "NOUN", "NNS");
    }
    for (const auto& w : kVerbs) {
      add(w, "VERB", "VB");
      add(w + "s", "VERB", "VBZ");
    }
  }
  return out;
}

class TaggerLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kg_tagger_lexicon_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Trains on the one-word sentences with a WordNet that lists `noun` as a noun and
  // `verb` as a verb (neither occurs in the training data).
  Tagger train_with(const std::string& noun, const std::string& verb, const std::string& name) {
    MiniWordNet wn;
    wn.nouns = kNouns;
    wn.nouns.push_back(noun);
    wn.verbs = kVerbs;
    wn.verbs.push_back(verb);
    write_mini_wordnet(dir_ / name, wn);
    TaggerTrainOptions o;
    o.epochs = 4;
    o.wordnet_dir = (dir_ / name).string();
    return Tagger::train(training_sentences(), nullptr, o, nullptr);
  }

  static std::string upos_of(const Tagger& t, std::string_view word) {
    std::vector<std::string> upos;
    std::vector<std::string> xpos;
    t.tag({word, "."}, upos, xpos);
    return upos[0];
  }

  fs::path dir_;
};

TEST_F(TaggerLexiconTest, UnseenWordsTakeTheirTagFromWordNet) {
  const Tagger a = train_with("quov", "jux", "a");
  EXPECT_EQ(upos_of(a, "quov"), "NOUN");
  EXPECT_EQ(upos_of(a, "jux"), "VERB");
  // The same words with their WordNet entries swapped swap their tags: the lexicon,
  // not the spelling, decides.
  const Tagger b = train_with("jux", "quov", "b");
  EXPECT_EQ(upos_of(b, "jux"), "NOUN");
  EXPECT_EQ(upos_of(b, "quov"), "VERB");
}

TEST_F(TaggerLexiconTest, InflectedFormsAreFoundFromTheirBase) {
  // "juxs" is not in WordNet, but its base "jux" is a noun there; "quovs" is the
  // third person of a verb. Both are unseen; the spelling alone cannot tell them apart.
  const Tagger a = train_with("jux", "quov", "c");
  EXPECT_EQ(upos_of(a, "juxs"), "NOUN");
  EXPECT_EQ(upos_of(a, "quovs"), "VERB");
}

TEST_F(TaggerLexiconTest, TheLexiconIsSavedWithTheModel) {
  const Tagger a = train_with("quov", "jux", "d");
  const std::string path = (dir_ / "tagger.bin").string();
  ASSERT_TRUE(a.save(path));
  fs::remove_all(dir_ / "d");  // the model must not need the database any more
  auto loaded = Tagger::load(path);
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(upos_of(*loaded, "quov"), "NOUN");
  EXPECT_EQ(upos_of(*loaded, "jux"), "VERB");
}

TEST_F(TaggerLexiconTest, MissingWordNetIsAnErrorWithAHint) {
  const fs::path data = KG_SHARED_DATA_DIR;
  if (!fs::exists(data / "ud_english_ewt" / "en_ewt-ud-train.conllu")) {
    GTEST_SKIP() << "corpora not found under " << data;
  }
  TrainOptions o;
  o.data_dir = data.string();
  o.out_dir = (dir_ / "out").string();
  o.limit = 2;
  o.wordnet_dir = (dir_ / "no-wordnet-here").string();
  auto r = train_tagger(o, nullptr);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Error::Code::kNotFound);
  EXPECT_NE(r.error().file.find("no-wordnet-here"), std::string::npos);
  EXPECT_NE(r.error().to_string().find("wordnet-base"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "out" / kTaggerModel));
}

}  // namespace
}  // namespace kg::extract
