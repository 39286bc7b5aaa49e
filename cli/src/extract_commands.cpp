// The language-core subcommands: parse, ner, train, eval.

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <kg/extract/annotator.hpp>
#include <kg/extract/conllu.hpp>
#include <kg/extract/document.hpp>
#include <kg/extract/evaluate.hpp>
#include <kg/extract/models.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/extract/reader.hpp>
#include <kg/extract/train.hpp>
#include <memory>
#include <sstream>

#include "commands.hpp"

namespace kg::cli {
namespace {

using kg::extract::Article;

struct ExtractOptions {
  std::string file = "-";
  std::string input = "text";
  std::string models;
  std::string data;
  std::string out;
  std::uint64_t seed = 1;
  std::vector<std::string> only;
  std::string wordnet = kg::extract::kDefaultWordNetDir;
  std::string vectors = kg::extract::default_vectors_file();
  std::string gazetteers = kg::extract::default_name_lists_file();
};

std::string default_data_dir() {
  if (const char* env = std::getenv("KG_DATA_DIR"); env != nullptr && *env != '\0') return env;
  return "../shared/data";
}

// Reads the input as text articles: one plain-text article, or JSON Lines when asked.
std::vector<Article> read_articles(const ExtractOptions& o) {
  if (o.input == "jsonl") {
    std::string bytes;
    if (o.file == "-") {
      bytes = kg::extract::read_stream(std::cin);
    } else {
      std::ifstream in(o.file, std::ios::binary);
      if (!in)
        fail_command(
            make_error(Error::Code::kNotFound, "cannot open file", o.file, 0, 0, "check the path"));
      bytes = kg::extract::read_stream(in);
    }
    auto v = kg::extract::read_articles_jsonl(bytes, o.file);
    if (!v) fail_command(v.error());
    return std::move(*v);
  }
  auto a = kg::extract::read_article_file(o.file);
  if (!a) fail_command(a.error());
  return {std::move(*a)};
}

std::vector<kg::extract::ConlluSentence> read_conllu_input(const std::string& file) {
  Result<std::vector<kg::extract::ConlluSentence>> r;
  if (file == "-") {
    r = kg::extract::read_conllu(std::cin, "-");
  } else {
    r = kg::extract::read_conllu_file(file);
  }
  if (!r) fail_command(r.error());
  return std::move(*r);
}

// Output goes to standard output as each sentence or document is done, so memory
// does not grow with the output. It is gathered per document in `out` first: one
// write per document instead of many small ones through the synced std::cout.
void emit(std::ostringstream& out) {
  std::cout << out.view();
  out.str({});
}

// A failed write (full disk, closed pipe) is an error, not a silent short output.
void finish_stdout() {
  std::cout.flush();
  if (!std::cout) fail_command(make_error(Error::Code::kIo, "cannot write to stdout"));
}

kg::extract::Document run_pipeline(const kg::extract::Pipeline& p, Article& a) {
  kg::extract::Document doc(std::move(a.text), a.body_begin);
  doc.id = a.id;
  doc.date = a.date;
  doc.title = a.title;
  p.run(doc);
  return doc;
}

void parse_command(const ExtractOptions& o) {
  std::ostringstream out;
  if (o.input == "conllu") {
    kg::extract::AnnotatorOptions ao;
    ao.model_dir = o.models;
    auto annotator = kg::extract::SentenceAnnotator::load(ao);
    if (!annotator) fail_command(annotator.error());
    auto sentences = read_conllu_input(o.file);
    for (auto& s : sentences) {
      annotator->annotate(s);
      kg::extract::write_conllu(out, s);
      emit(out);
    }
  } else {
    kg::extract::PipelineOptions po;
    po.model_dir = o.models;
    auto pipeline = kg::extract::load_pipeline(po);
    if (!pipeline) fail_command(pipeline.error());
    for (auto& a : read_articles(o)) {
      for (const auto& note : a.notes) std::cerr << "kg: note: " << note << '\n';
      const auto doc = run_pipeline(*pipeline, a);
      for (std::size_t i = 0; i < doc.sentences().size(); ++i) {
        auto s = kg::extract::to_conllu(doc, i);
        if (i == 0) {
          std::vector<std::string> head{"# newdoc id = " + (doc.id.empty() ? "doc" : doc.id)};
          if (!doc.date.empty()) head.push_back("# date = " + doc.date);
          s.comments.insert(s.comments.begin(), head.begin(), head.end());
        }
        kg::extract::write_conllu(out, s);
      }
      emit(out);
    }
  }
  finish_stdout();
}

void ner_command(const ExtractOptions& o) {
  std::ostringstream out;
  if (o.input == "iob2") {
    kg::extract::AnnotatorOptions ao;
    ao.model_dir = o.models;
    ao.parse = false;
    auto annotator = kg::extract::SentenceAnnotator::load(ao);
    if (!annotator) fail_command(annotator.error());
    Result<std::vector<kg::extract::IobSentence>> iob;
    if (o.file == "-") {
      iob = kg::extract::read_iob2(std::cin, "-");
    } else {
      std::ifstream in(o.file, std::ios::binary);
      if (!in)
        fail_command(
            make_error(Error::Code::kNotFound, "cannot open file", o.file, 0, 0, "check the path"));
      iob = kg::extract::read_iob2(in, o.file);
    }
    if (!iob) fail_command(iob.error());
    // Whole documents ("# newdoc"), so that a name found once is found where it recurs.
    const auto starts = kg::extract::iob2_document_starts(*iob);
    for (std::size_t d = 0; d + 1 < starts.size(); ++d) {
      std::vector<std::vector<std::string>> words;
      for (std::size_t k = starts[d]; k < starts[d + 1]; ++k) {
        words.emplace_back();
        for (const auto& r : (*iob)[k].rows) words.back().push_back(r[1]);
      }
      const auto tags = annotator->entity_tags_document(words);
      for (std::size_t k = starts[d]; k < starts[d + 1]; ++k) {
        auto& rows = (*iob)[k].rows;
        for (std::size_t i = 0; i < rows.size(); ++i) {
          if (rows[i].size() < 3) rows[i].resize(3);
          rows[i][2] = tags[k - starts[d]][i];
        }
      }
      const std::vector<kg::extract::IobSentence> done(
          std::make_move_iterator(iob->begin() + static_cast<std::ptrdiff_t>(starts[d])),
          std::make_move_iterator(iob->begin() + static_cast<std::ptrdiff_t>(starts[d + 1])));
      kg::extract::write_iob2(out, done);
      emit(out);
    }
  } else {
    kg::extract::PipelineOptions po;
    po.model_dir = o.models;
    po.parse = false;
    po.lemmatize = false;
    po.tag = false;
    auto pipeline = kg::extract::load_pipeline(po);
    if (!pipeline) fail_command(pipeline.error());
    for (auto& a : read_articles(o)) {
      std::vector<kg::extract::IobSentence> sentences;
      for (const auto& note : a.notes) std::cerr << "kg: note: " << note << '\n';
      const auto doc = run_pipeline(*pipeline, a);
      for (std::size_t i = 0; i < doc.sentences().size(); ++i) {
        const auto& span = doc.sentences()[i];
        kg::extract::IobSentence s;
        std::string text(doc.text_of(span));
        for (auto& c : text) {
          if (c == '\n' || c == '\t' || c == '\r') c = ' ';
        }
        s.comments.push_back("# sent_id = " + (doc.id.empty() ? std::string("s") : doc.id) + "-" +
                             std::to_string(i + 1));
        s.comments.push_back("# text = " + text);
        for (auto k = span.token_begin; k < span.token_end; ++k) {
          const auto& t = doc.tokens()[k];
          // The third column carries only PER/ORG/LOC; NORP marks are not UNER tags.
          const std::string tag = t.ner == "B-NORP" ? "O" : t.ner;
          s.rows.push_back(
              {std::to_string(k - span.token_begin + 1), std::string(doc.text_of(t)), tag});
        }
        sentences.push_back(std::move(s));
      }
      kg::extract::write_iob2(out, sentences);
      emit(out);
    }
  }
  finish_stdout();
}

void train_command(const ExtractOptions& o) {
  kg::extract::TrainOptions t;
  t.data_dir = o.data.empty() ? default_data_dir() : o.data;
  t.out_dir = o.out.empty() ? kg::extract::find_model_dir() : o.out;
  t.seed = o.seed;
  t.wordnet_dir = o.wordnet == "none" ? std::string() : o.wordnet;
  t.vectors_file = o.vectors == "none" ? std::string() : o.vectors;
  t.name_lists_file = o.gazetteers == "none" ? std::string() : o.gazetteers;
  Result<void> r;
  if (o.only.empty()) {
    r = kg::extract::train_all(t, &std::cerr);
  } else {
    for (const auto& step : o.only) {
      if (step == "tokenizer") r = kg::extract::train_tokenizer(t, &std::cerr);
      if (step == "tagger") r = kg::extract::train_tagger(t, &std::cerr);
      if (step == "lemmatizer") r = kg::extract::train_lemmatizer(t, &std::cerr);
      if (step == "ner") r = kg::extract::train_ner(t, &std::cerr);
      if (step == "parser") r = kg::extract::train_parser(t, &std::cerr);
      if (!r) break;
    }
  }
  if (!r) fail_command(r.error());
  std::cerr << "kg: models written to " << t.out_dir << '\n';
}

void eval_command(const ExtractOptions& o) {
  const std::string data = o.data.empty() ? default_data_dir() : o.data;
  std::ostringstream out;
  if (auto r = kg::extract::evaluate_all(data, o.models, out); !r) fail_command(r.error());
  std::cout << out.str() << std::flush;
}

}  // namespace

void register_extract_commands(CLI::App& app) {
  auto opts = std::make_shared<ExtractOptions>();

  auto* parse = app.add_subcommand(
      "parse", "Tokenize, tag, lemmatize, parse and find entities; writes CoNLL-U");
  parse->add_option("file", opts->file, "input file, or - for standard input")
      ->capture_default_str();
  parse
      ->add_option("--input", opts->input,
                   "text (an article), jsonl (one article per line) or conllu (keeps the "
                   "given tokenization)")
      ->check(CLI::IsMember({"text", "jsonl", "conllu"}))
      ->capture_default_str();
  parse->add_option("--models", opts->models,
                    "model directory (default: $KG_MODEL_DIR or built in)");
  parse->callback([opts] { parse_command(*opts); });

  auto* ner = app.add_subcommand("ner", "Find PER/ORG/LOC entities; writes the UNER IOB2 format");
  ner->add_option("file", opts->file, "input file, or - for standard input")->capture_default_str();
  ner->add_option("--input", opts->input,
                  "text (an article), jsonl or iob2 (tokens given, tag written in column 3)")
      ->check(CLI::IsMember({"text", "jsonl", "iob2"}))
      ->capture_default_str();
  ner->add_option("--models", opts->models, "model directory");
  ner->callback([opts] { ner_command(*opts); });

  auto* train = app.add_subcommand("train", "Rebuild every language model from the corpora");
  train->add_option("--data", opts->data,
                    "corpus directory (ud_english_ewt, ud_english_gum, uner_english_ewt, "
                    "gazetteer_*; default $KG_DATA_DIR or ../shared/data)");
  train->add_option("--out", opts->out,
                    "where to write the model files (default: model directory)");
  train->add_option("--seed", opts->seed, "random seed (same seed and data: same files)")
      ->capture_default_str();
  train
      ->add_option("--only", opts->only, "train only these: tokenizer tagger lemmatizer ner parser")
      ->check(CLI::IsMember({"tokenizer", "tagger", "lemmatizer", "ner", "parser"}));
  train
      ->add_option("--wordnet", opts->wordnet,
                   "WordNet 3 database for the tagger's word lexicon (Debian wordnet-base); "
                   "none: train without it")
      ->capture_default_str();
  train
      ->add_option("--vectors", opts->vectors,
                   "word vectors for word clusters (scripts/fetch-vectors.sh fetches them; "
                   "or GloVe's text format); none: train without them")
      ->capture_default_str();
  train
      ->add_option("--gazetteers", opts->gazetteers,
                   "name lists for the entity recogniser (scripts/fetch-gazetteers.sh fetches "
                   "them); none: train without them")
      ->capture_default_str();
  train->callback([opts] { train_command(*opts); });

  auto* eval =
      app.add_subcommand("eval", "Score the models on the dev sets (UD EWT, GUM, UNER EWT)");
  eval->add_option("--data", opts->data,
                   "corpus directory (default $KG_DATA_DIR or ../shared/data)");
  eval->add_option("--models", opts->models, "model directory");
  eval->callback([opts] { eval_command(*opts); });
}

}  // namespace kg::cli
