#pragma once
/// Scoring on the treebank dev sets: tags, lemmas and attachment from gold tokens, the same
/// from raw text aligned by character offsets (CoNLL 2018 shared-task style F1), and
/// exact-span entity F1 (conlleval style).

#include <cstddef>
#include <iosfwd>
#include <kg/extract/annotator.hpp>
#include <kg/extract/conllu.hpp>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/extract/train.hpp>
#include <string>
#include <vector>

namespace kg::extract {

/// Accuracies over gold tokens (counts of correct words).
struct GoldTokenScores {
  std::size_t words = 0;
  std::size_t upos = 0;
  std::size_t xpos = 0;
  std::size_t lemma = 0;
  std::size_t uas = 0;
  std::size_t las = 0;
  bool parsed = false;
  [[nodiscard]] double pct(std::size_t n) const {
    return words ? 100.0 * static_cast<double>(n) / static_cast<double>(words) : 0.0;
  }
};

/// Raw-text scores: each metric is an F1 over gold and predicted words.
struct RawTextScores {
  std::size_t gold_words = 0;
  std::size_t system_words = 0;
  std::size_t words = 0;  ///< words with identical character spans
  std::size_t gold_sentences = 0;
  std::size_t system_sentences = 0;
  std::size_t sentences = 0;
  std::size_t upos = 0;
  std::size_t xpos = 0;
  std::size_t lemma = 0;
  std::size_t uas = 0;
  std::size_t las = 0;
  bool parsed = false;
  /// F1 of a count of correct words.
  [[nodiscard]] double f1(std::size_t correct) const;
  [[nodiscard]] double sentence_f1() const;
};

/// Annotates copies of the gold sentences and counts agreement (full deprel for LAS).
GoldTokenScores evaluate_gold_tokens(const SentenceAnnotator& annotator,
                                     const std::vector<ConlluSentence>& gold);

/// Rebuilds each document's text from its `# text` comments (sentences joined by a space,
/// paragraphs by a blank line), runs the pipeline and aligns words by character offsets.
RawTextScores evaluate_raw_text(const Pipeline& pipeline,
                                const std::vector<std::vector<ConlluSentence>>& documents);

/// Exact-span F1 of predicted entity tags against gold IOB2 sentences (UNER tags cleaned).
SpanScores evaluate_entities(const SentenceAnnotator& annotator,
                             const std::vector<IobSentence>& gold);

/// Runs every evaluation on the dev split under data_dir and writes a report to out.
Result<void> evaluate_all(const std::string& data_dir, const std::string& model_dir,
                          std::ostream& out);

}  // namespace kg::extract
