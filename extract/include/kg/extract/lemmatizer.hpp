#pragma once
/// Lemmatizer learned from UD treebanks: an exception table keyed on (form, XPOS) for
/// words the rules get wrong, and suffix-rewrite rules keyed on (form suffix, XPOS)
/// ("running"/VBG: strip "ning" -> "run"), longest matching suffix first.

#include <kg/extract/conllu.hpp>
#include <kg/extract/document.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/graph/error.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {
namespace detail {
struct WordNetLemmas;
}

/// A trained lemmatizer. Cheap to copy; thread-safe.
class Lemmatizer {
 public:
  Lemmatizer();
  static Result<Lemmatizer> load(const std::string& path);
  Result<void> save(const std::string& path) const;
  /// Learns rules and exceptions from gold (form, xpos, lemma) triples.
  static Lemmatizer train(const std::vector<ConlluSentence>& train);
  /// The same, checking the rules' lemmas against WordNet's lemmas and irregular forms
  /// (a WordNet 3 database directory such as /usr/share/wordnet; empty: no check): of the
  /// rules for a word's suffixes, the longest whose lemma WordNet or the training data
  /// knows wins ("bombed" -> "bomb", not "bom").
  static Result<Lemmatizer> train(const std::vector<ConlluSentence>& train,
                                  const std::string& wordnet_dir);
  /// The lemma of a normalised form with its tags.
  [[nodiscard]] std::string lemmatize(std::string_view form, std::string_view upos,
                                      std::string_view xpos) const;
  /// Sets the lemma of every token from its form and tags.
  void lemmatize(ConlluSentence& sentence) const;
  void process(Document& doc) const;

  struct Impl;

 private:
  static Lemmatizer train_with(const std::vector<ConlluSentence>& train,
                               const detail::WordNetLemmas* lexicon);
  std::shared_ptr<const Impl> impl_;
};

/// Pipeline component wrapping a Lemmatizer (needs kTags, assigns kLemmas).
class LemmatizerComponent : public Component {
 public:
  explicit LemmatizerComponent(Lemmatizer lemmatizer) : lemmatizer_(std::move(lemmatizer)) {}
  [[nodiscard]] std::string_view name() const override { return "lemmatizer"; }
  [[nodiscard]] unsigned needs() const override { return kTokens | kSentences | kTags; }
  [[nodiscard]] unsigned assigns() const override { return kLemmas; }
  void process(Document& doc) const override { lemmatizer_.process(doc); }

 private:
  Lemmatizer lemmatizer_;
};

}  // namespace kg::extract
