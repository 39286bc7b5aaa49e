#pragma once
/// Annotates sentences whose tokenization is given (CoNLL-U "gold tokens" or IOB2):
/// tags, lemmas, dependencies and entity tags, with the same models as the pipeline.

#include <kg/extract/conllu.hpp>
#include <kg/graph/error.hpp>
#include <memory>
#include <string>
#include <vector>

namespace kg::extract {

/// Which steps SentenceAnnotator::load prepares.
struct AnnotatorOptions {
  std::string model_dir;  ///< empty: find_model_dir()
  bool parse = true;      ///< needs parser.bin; without it heads stay unknown
  bool ner = true;
};

/// Tagger + lemmatizer + parser + NER over pre-tokenized sentences. Thread-safe.
class SentenceAnnotator {
 public:
  static Result<SentenceAnnotator> load(const AnnotatorOptions& options = {});
  /// Overwrites UPOS, XPOS, lemma, head/deprel (when a parser is loaded) and sets
  /// NER=<BIO tag> in MISC (replacing an earlier NER item) when NER is loaded.
  void annotate(ConlluSentence& sentence) const;
  /// BIO entity tags (PER, ORG, LOC) for pre-tokenized words.
  [[nodiscard]] std::vector<std::string> entity_tags(const std::vector<std::string>& words) const;
  /// BIO entity tags for the pre-tokenized sentences of one document (names found in one
  /// sentence are also tagged where they recur untagged; see EntityRecognizer::tag_document).
  [[nodiscard]] std::vector<std::vector<std::string>> entity_tags_document(
      const std::vector<std::vector<std::string>>& sentences) const;
  /// True when a dependency parser model was loaded.
  [[nodiscard]] bool has_parser() const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

}  // namespace kg::extract
