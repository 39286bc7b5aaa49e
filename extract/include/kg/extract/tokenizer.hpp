#pragma once
/// Tokenizer and sentence splitter following UD English (EWT/GUM) conventions:
/// clitics split as multiword tokens ("don't" -> "do" "n't", "Assad's" -> "Assad" "'s"),
/// hyphenated compounds split except for prefixes the treebanks keep ("anti-war"),
/// abbreviations and initials keep their period ("U.S.", "p.m.", "Dr."), URLs, e-mail
/// addresses, #hashtags and @mentions stay whole, emoji are one token each.
/// The exception tables and the sentence-boundary classifier are learned from treebanks.

#include <kg/extract/conllu.hpp>
#include <kg/extract/document.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/graph/error.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

/// Options for Tokenizer::train.
struct TokenizerTrainOptions {
  int epochs = 8;
  std::uint64_t seed = 1;
};

/// A learned tokenizer + sentence splitter. Cheap to copy (shares its tables).
class Tokenizer {
 public:
  Tokenizer();
  /// Loads a model written by save(); errors name the file.
  static Result<Tokenizer> load(const std::string& path);
  /// Writes the model atomically.
  Result<void> save(const std::string& path) const;
  /// Learns abbreviations, multiword-token splits, hyphen exceptions and the sentence
  /// boundary classifier from gold CoNLL-U documents (each a list of sentences).
  static Tokenizer train(const std::vector<std::vector<ConlluSentence>>& documents,
                         const TokenizerTrainOptions& options);

  /// Tokenizes text[begin, end) into words with absolute offsets (no sentence split).
  [[nodiscard]] std::vector<Token> tokenize(std::string_view text, std::size_t begin,
                                            std::size_t end) const;
  /// Tokenizes doc.text() from doc.begin() and splits it into sentences.
  void process(Document& doc) const;

  /// True when `word` (e.g. "Dr.", "U.S.") keeps its final period.
  [[nodiscard]] bool is_abbreviation(std::string_view word) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Pipeline component wrapping a Tokenizer (assigns kTokens | kSentences).
class TokenizerComponent : public Component {
 public:
  explicit TokenizerComponent(Tokenizer tokenizer) : tokenizer_(std::move(tokenizer)) {}
  [[nodiscard]] std::string_view name() const override { return "tokenizer"; }
  [[nodiscard]] unsigned needs() const override { return kNoAttributes; }
  [[nodiscard]] unsigned assigns() const override { return kTokens | kSentences; }
  void process(Document& doc) const override { tokenizer_.process(doc); }

 private:
  Tokenizer tokenizer_;
};

}  // namespace kg::extract
