// The lemmatizer's suffix rules, and the WordNet lexicon that checks their guesses.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <kg/extract/lemmatizer.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "wordnet_test_support.hpp"

namespace fs = std::filesystem;
using kg::extract::ConlluSentence;
using kg::extract::ConlluToken;
using kg::extract::Lemmatizer;

namespace {

ConlluToken token(const std::string& form, const std::string& lemma, const std::string& xpos) {
  ConlluToken t;
  t.form = form;
  t.lemma = lemma;
  t.upos = xpos[0] == 'V' ? "VERB" : xpos[0] == 'N' ? "NOUN" : "ADJ";
  t.xpos = xpos;
  return t;
}

// Past tenses whose rules, learned from their suffixes, mislead on words never seen:
// "-ked" strips "ed" ("looked"), so "provoked" would become "provok"; "-bed" strips "d"
// ("described"), so "bombed" would become "bombe".
std::vector<ConlluSentence> past_tenses() {
  ConlluSentence s;
  for (const auto& [form, lemma] :
       std::vector<std::pair<std::string, std::string>>{{"looked", "look"},
                                                        {"walked", "walk"},
                                                        {"jumped", "jump"},
                                                        {"kicked", "kick"},
                                                        {"described", "describe"},
                                                        {"subscribed", "subscribe"},
                                                        {"bigger", "big"},
                                                        {"taller", "tall"}}) {
    s.tokens.push_back(token(form, lemma, form.ends_with("er") ? "JJR" : "VBD"));
  }
  return {s};
}

std::string read_bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class LemmatizerLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("kg_lemmatizer_" + std::to_string(::getpid()));
    kg::extract::testing_support::MiniWordNet wn;
    wn.nouns = {"bombe"};
    wn.verbs = {"look", "walk", "jump", "kick", "describe", "subscribe", "provoke", "bomb", "flee"};
    wn.adjectives = {"big", "tall", "rude"};
    wn.irregular_verbs = {"fled flee"};
    kg::extract::testing_support::write_mini_wordnet(dir_ / "wordnet", wn);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(LemmatizerLexiconTest, RulesAloneGuessFromTheLongestSuffix) {
  const auto lem = Lemmatizer::train(past_tenses());
  EXPECT_EQ(lem.lemmatize("looked", "VERB", "VBD"), "look");
  EXPECT_EQ(lem.lemmatize("provoked", "VERB", "VBD"), "provok");
  EXPECT_EQ(lem.lemmatize("bombed", "VERB", "VBD"), "bombe");
}

TEST_F(LemmatizerLexiconTest, TheLexiconPicksTheRuleWhoseLemmaIsAWord) {
  auto lem = Lemmatizer::train(past_tenses(), (dir_ / "wordnet").string());
  ASSERT_TRUE(lem) << lem.error().to_string();
  // "bombe" is a noun in the lexicon, not a verb: the shorter suffix's rule wins.
  EXPECT_EQ(lem->lemmatize("bombed", "VERB", "VBD"), "bomb");
  // No rule gives a known verb: WordNet's detachment rules do ("-ed" -> "-e").
  EXPECT_EQ(lem->lemmatize("provoked", "VERB", "VBD"), "provoke");
  EXPECT_EQ(lem->lemmatize("ruder", "ADJ", "JJR"), "rude");
  // Irregular forms come from the exception lists.
  EXPECT_EQ(lem->lemmatize("fled", "VERB", "VBD"), "flee");
  // Words the lexicon does not know keep the longest suffix's guess; training words and
  // proper nouns are as before.
  EXPECT_EQ(lem->lemmatize("zorked", "VERB", "VBD"), "zork");
  EXPECT_EQ(lem->lemmatize("looked", "VERB", "VBD"), "look");
  EXPECT_EQ(lem->lemmatize("Provoked", "PROPN", "NNP"), "Provoked");
}

TEST_F(LemmatizerLexiconTest, IrregularFormsPreferTheTrainingDataAndOverruleItsSlips) {
  auto sentences = past_tenses();
  // An annotation slip WordNet's exception list contradicts, and a base the training data
  // spells the American way where WordNet lists the British spelling first.
  sentences[0].tokens.push_back(token("spled", "splead", "VBD"));
  sentences[0].tokens.push_back(token("instil", "instill", "VB"));
  kg::extract::testing_support::MiniWordNet wn;
  wn.verbs = {"look",      "walk",   "jump",    "kick", "describe",
              "subscribe", "instil", "instill", "splee"};
  wn.irregular_verbs = {"spled splee", "instilled instil instill"};
  kg::extract::testing_support::write_mini_wordnet(dir_ / "wordnet2", wn);
  auto lem = Lemmatizer::train(sentences, (dir_ / "wordnet2").string());
  ASSERT_TRUE(lem) << lem.error().to_string();
  EXPECT_EQ(lem->lemmatize("spled", "VERB", "VBD"), "splee");
  EXPECT_EQ(lem->lemmatize("instilled", "VERB", "VBD"), "instill");
  // Without the lexicon the training data's lemma stands.
  EXPECT_EQ(Lemmatizer::train(sentences).lemmatize("spled", "VERB", "VBD"), "splead");
}

TEST_F(LemmatizerLexiconTest, TheLexiconIsSavedWithTheModel) {
  auto lem = Lemmatizer::train(past_tenses(), (dir_ / "wordnet").string());
  ASSERT_TRUE(lem) << lem.error().to_string();
  ASSERT_TRUE(lem->save((dir_ / "a.bin").string()));
  fs::remove_all(dir_ / "wordnet");
  auto loaded = Lemmatizer::load((dir_ / "a.bin").string());
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_EQ(loaded->lemmatize("provoked", "VERB", "VBD"), "provoke");
  EXPECT_EQ(loaded->lemmatize("fled", "VERB", "VBD"), "flee");
  ASSERT_TRUE(loaded->save((dir_ / "b.bin").string()));
  const std::string a = read_bytes(dir_ / "a.bin");
  EXPECT_EQ(a, read_bytes(dir_ / "b.bin"));
  // A file cut short is an error naming the file.
  for (const std::size_t keep : {a.size() - 1, a.size() - 9, a.size() / 2}) {
    std::ofstream(dir_ / "cut.bin", std::ios::binary) << a.substr(0, keep);
    auto cut = Lemmatizer::load((dir_ / "cut.bin").string());
    ASSERT_FALSE(cut) << "kept " << keep << " of " << a.size() << " bytes";
    EXPECT_NE(cut.error().to_string().find("cut.bin"), std::string::npos);
  }
}

TEST_F(LemmatizerLexiconTest, MissingWordNetIsAnErrorNamingTheDirectory) {
  auto lem = Lemmatizer::train(past_tenses(), (dir_ / "no-wordnet-here").string());
  ASSERT_FALSE(lem);
  EXPECT_NE(lem.error().to_string().find("no-wordnet-here"), std::string::npos);
}

}  // namespace
