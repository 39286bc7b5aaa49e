// The entity recogniser's part-of-speech features: a model trained with the tagger's UPOS
// (NerSentence::upos) uses them to decide, keeps that in its file, and the pipeline runs
// the tagger before it.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/pipeline.hpp>

#include "extract_test_support.hpp"
#include "ner_test_support.hpp"

namespace kg::extract {
namespace {

namespace fs = std::filesystem;

// Every made-up word is a name (B-PER) where the tagger calls it a proper noun and no name
// where it calls it a common noun: only the UPOS tell the two apart.
std::vector<NerSentence> sentences_told_apart_by_upos() {
  std::vector<NerSentence> out;
  for (int parity : {0, 1}) {
    for (const auto& w : testing_support::made_up_names(parity)) {
      for (const bool proper : {true, false}) {
        NerSentence s;
        s.words = {w, "."};
        s.tags = {proper ? "B-PER" : "O", "O"};
        s.upos = {proper ? "PROPN" : "NOUN", "PUNCT"};
        out.push_back(s);
      }
    }
  }
  return out;
}

EntityRecognizer train(const std::vector<NerSentence>& sentences) {
  NerTrainOptions o;
  o.epochs = 4;
  auto ner = EntityRecognizer::train(sentences, nullptr, o, nullptr);
  EXPECT_TRUE(ner) << ner.error().to_string();
  return ner ? *ner : EntityRecognizer();
}

TEST(NerPosTest, TheTaggersUposDecide) {
  const auto ner = train(sentences_told_apart_by_upos());
  ASSERT_TRUE(ner.uses_pos());
  for (const std::string_view w : {"Kaka", "Lolo", "Tutu"}) {
    EXPECT_EQ(ner.tag({w, "."}, {"PROPN", "PUNCT"})[0], "B-PER") << w;
    EXPECT_EQ(ner.tag({w, "."}, {"NOUN", "PUNCT"})[0], "O") << w;
  }
}

TEST(NerPosTest, AModelWithoutUposSaysSo) {
  auto sentences = sentences_told_apart_by_upos();
  for (auto& s : sentences) s.upos.clear();
  EXPECT_FALSE(train(sentences).uses_pos());
}

TEST(NerPosTest, TheFlagIsSavedWithTheModel) {
  const fs::path file = fs::temp_directory_path() / ("kg_ner_pos_" + std::to_string(::getpid()));
  const auto ner = train(sentences_told_apart_by_upos());
  ASSERT_TRUE(ner.save(file.string()));
  auto loaded = EntityRecognizer::load(file.string());
  fs::remove(file);
  ASSERT_TRUE(loaded) << loaded.error().to_string();
  EXPECT_TRUE(loaded->uses_pos());
  EXPECT_EQ(loaded->tag({"Kaka", "."}, {"PROPN", "PUNCT"})[0], "B-PER");
  EXPECT_EQ(loaded->tag({"Kaka", "."}, {"NOUN", "PUNCT"})[0], "O");
}

// A pipeline asked for names only still tags first when the shipped recogniser wants UPOS.
TEST(NerPosTest, ThePipelineTagsBeforeARecogniserThatUsesUpos) {
  PipelineOptions po;
  po.model_dir = testing_support::kModelDir;
  po.tag = false;
  po.lemmatize = false;
  po.parse = false;
  auto pipeline = load_pipeline(po);
  ASSERT_TRUE(pipeline) << pipeline.error().to_string();
  auto ner = EntityRecognizer::load(testing_support::kModelDir + "/ner.bin");
  ASSERT_TRUE(ner);
  EXPECT_EQ(pipeline->find("tagger") != nullptr, ner->uses_pos());
  Document doc("Donald Trump and Vladimir Putin met Friday in Hamburg.");
  pipeline->run(doc);
  ASSERT_GE(doc.entities().size(), 3U);
  EXPECT_EQ(doc.entities()[0].label, "PER");
}

}  // namespace
}  // namespace kg::extract
