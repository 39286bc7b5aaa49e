// Trains the dependency parser from UD English EWT + GUM train, saves it, and
// scores it on EWT dev and GUM dev (gold tokens; gold tags, and predicted tags
// when tagged copies of the dev files are given, e.g. from `kg parse --input
// conllu`; these then also choose the epoch), with parse speed and model load time.
// The word vectors default to those of `kg train` (--vectors none: without them);
// --wordnet DIR adds the WordNet classes (measured, not shipped: see PARSER.md).
//
//   extract_parser_train [--data DIR] [--out FILE] [--epochs N] [--seed S]
//                        [--limit SENTENCES] [--model FILE (evaluate only)]
//                        [--ambiguity-classes] [--vectors FILE|none] [--wordnet DIR]
//                        [--dev-tagged-ewt FILE --dev-tagged-gum FILE]
//                        [--jackknife FOLDS [--jackknife-epochs N]] (train on predicted tags)
//                        [--ner FILE] (with predicted tags, also parse the names that
//                        entity recogniser finds whole, as the pipeline does)
//                        [--beam K [--temperature T]] (beam search; the temperature is
//                        chosen on the dev sets unless given; saved with --out)

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <kg/extract/conllu.hpp>
#include <kg/extract/dependency_parser.hpp>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/lemmatizer.hpp>
#include <kg/extract/tagger.hpp>
#include <kg/extract/train.hpp>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "../extract/src/util/text.hpp"

namespace {

namespace fs = std::filesystem;
using kg::extract::ConlluSentence;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

bool read_into(const std::string& path, std::vector<ConlluSentence>& out) {
  auto r = kg::extract::read_conllu_file(path);
  if (!r) {
    std::cerr << "error: " << r.error().to_string() << "\n";
    return false;
  }
  for (auto& s : *r) out.push_back(std::move(s));
  return true;
}

bool read_dir(const std::string& dir, std::vector<ConlluSentence>& out) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.path().extension() == ".conllu") files.push_back(e.path().string());
  }
  if (ec) {
    std::cerr << "error: " << dir << ": " << ec.message() << "\n";
    return false;
  }
  std::sort(files.begin(), files.end());  // directory order is not stable
  for (const auto& f : files) {
    if (!read_into(f, out)) return false;
  }
  return true;
}

std::size_t count_words(const std::vector<ConlluSentence>& s) {
  std::size_t n = 0;
  for (const auto& x : s) n += x.tokens.size();
  return n;
}

// Copies gold heads and relations onto tagged copies of the same sentences.
bool copy_trees(const std::vector<ConlluSentence>& gold, std::vector<ConlluSentence>& tagged) {
  if (gold.size() != tagged.size()) return false;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    if (gold[i].tokens.size() != tagged[i].tokens.size()) return false;
    for (std::size_t j = 0; j < gold[i].tokens.size(); ++j) {
      tagged[i].tokens[j].head = gold[i].tokens[j].head;
      tagged[i].tokens[j].deprel = gold[i].tokens[j].deprel;
    }
  }
  return true;
}

// Jackknifing: replaces the tags and lemmas of each of `folds` slices of the
// training data by those of a tagger and lemmatizer trained on the other slices,
// so the parser learns from tags as wrong as those it will see at run time.
void jackknife(std::vector<ConlluSentence>& train, int folds, int epochs, std::uint64_t seed) {
  const auto k = static_cast<std::size_t>(folds);
  for (std::size_t f = 0; f < k; ++f) {
    std::vector<ConlluSentence> rest;
    for (std::size_t i = 0; i < train.size(); ++i) {
      if (i % k != f) rest.push_back(train[i]);
    }
    kg::extract::TaggerTrainOptions options;
    options.epochs = epochs;
    options.seed = seed;
    const auto t0 = Clock::now();
    const auto tagger = kg::extract::Tagger::train(rest, nullptr, options, nullptr);
    const auto lemmatizer = kg::extract::Lemmatizer::train(rest);
    std::size_t words = 0, upos_ok = 0;
    for (std::size_t i = f; i < train.size(); i += k) {
      ConlluSentence copy = train[i];
      tagger.tag(copy);
      lemmatizer.lemmatize(copy);
      for (std::size_t j = 0; j < copy.tokens.size(); ++j) {
        auto& t = train[i].tokens[j];
        ++words;
        upos_ok += t.upos == copy.tokens[j].upos ? 1 : 0;
        t.upos = copy.tokens[j].upos;
        t.xpos = copy.tokens[j].xpos;
        t.lemma = copy.tokens[j].lemma;
      }
    }
    std::fprintf(stderr, "jackknife fold %zu/%zu: UPOS %.2f%% on %zu words, %.1f s\n", f + 1, k,
                 100.0 * static_cast<double>(upos_ok) / static_cast<double>(words), words,
                 seconds_since(t0));
  }
}

// The multi-word names the entity recogniser finds in each sentence, for parsing them whole
// as the pipeline does.
std::vector<std::vector<kg::extract::DependencyParser::Name>> names_of(
    const kg::extract::EntityRecognizer& ner, const std::vector<ConlluSentence>& sentences) {
  std::vector<std::vector<kg::extract::DependencyParser::Name>> out;
  for (const auto& s : sentences) {
    std::vector<std::string> norms;
    for (const auto& t : s.tokens) norms.push_back(kg::extract::detail::normalize_form(t.form));
    const std::vector<std::string_view> words(norms.begin(), norms.end());
    std::vector<std::string_view> upos;
    for (const auto& t : s.tokens) upos.push_back(t.upos);
    const auto tags = ner.tag(words, upos);
    out.emplace_back();
    for (std::size_t i = 0; i < tags.size();) {
      if (tags[i].size() < 3 || tags[i][0] != 'B') {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < tags.size() && tags[j] == "I-" + tags[i].substr(2)) ++j;
      out.back().push_back({i, j, tags[i].substr(2) == "PER"});
      i = j;
    }
  }
  return out;
}

void report(const char* name, const kg::extract::DependencyParser& parser,
            const std::vector<ConlluSentence>& gold, const std::vector<ConlluSentence>& input,
            const std::vector<std::vector<kg::extract::DependencyParser::Name>>* names = nullptr) {
  std::vector<ConlluSentence> parsed = input;
  for (auto& s : parsed) {
    for (auto& t : s.tokens) {
      t.head = -1;
      t.deprel.assign(1, '_');  // not = "_": GCC 12 -Wrestrict false positive
    }
  }
  const auto t0 = Clock::now();
  if (names == nullptr) {
    parser.parse(parsed);
  } else {
    for (std::size_t i = 0; i < parsed.size(); ++i) parser.parse(parsed[i], (*names)[i]);
  }
  const double secs = seconds_since(t0);
  const auto sc = kg::extract::score_attachments(gold, parsed);
  if (!sc) {
    std::cerr << "error: " << sc.error().to_string() << "\n";
    return;
  }
  std::printf(
      "%-22s UAS %6.2f  LAS %6.2f  LAS(CoNLL18) %6.2f  LAS(no punct) %6.2f  %zu words  %.0f "
      "words/s\n",
      name, sc->uas(), sc->las(), sc->las_universal(), sc->las_no_punct(), sc->words,
      static_cast<double>(sc->words) / secs);
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = KG_SHARED_DATA_DIR;
  std::string out = "parser.bin";
  std::string model_path;
  std::string tagged_ewt, tagged_gum;
  std::string ner_path;  // with predicted tags, also parse the names it finds whole
  kg::extract::ParserTrainOptions options;
  options.vectors_file = kg::extract::default_vectors_file();  // as `kg train`
  long limit = -1;
  int beam = 1;
  double temperature = 0.0;
  bool out_given = false;
  int jackknife_folds = 0;
  int jackknife_epochs = 5;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "error: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data") {
      data = next();
    } else if (a == "--out") {
      out = next();
      out_given = true;
    } else if (a == "--beam") {
      beam = std::stoi(next());
    } else if (a == "--temperature") {
      temperature = std::stod(next());
    } else if (a == "--epochs") {
      options.epochs = std::stoi(next());
    } else if (a == "--seed") {
      options.seed = std::stoull(next());
    } else if (a == "--limit") {
      limit = std::stol(next());
    } else if (a == "--model") {
      model_path = next();
    } else if (a == "--tag-noise") {
      options.tag_noise = std::stod(next());
    } else if (a == "--lemma-noise") {
      options.lemma_noise = std::stod(next());
    } else if (a == "--prune") {
      options.prune_threshold = std::stod(next());
    } else if (a == "--explore") {
      options.explore_probability = std::stod(next());
    } else if (a == "--ambiguity-classes") {
      options.ambiguity_classes = true;
    } else if (a == "--vectors") {
      options.vectors_file = next();
      if (options.vectors_file == "none") options.vectors_file.clear();
    } else if (a == "--wordnet") {
      options.wordnet_dir = next();
      if (options.wordnet_dir == "none") options.wordnet_dir.clear();
    } else if (a == "--jackknife") {
      jackknife_folds = std::stoi(next());
    } else if (a == "--jackknife-epochs") {
      jackknife_epochs = std::stoi(next());
    } else if (a == "--dev-tagged-ewt") {
      tagged_ewt = next();
    } else if (a == "--dev-tagged-gum") {
      tagged_gum = next();
    } else if (a == "--ner") {
      ner_path = next();
    } else {
      std::cerr
          << "usage: extract_parser_train [--data DIR] [--out FILE] [--epochs N] [--seed S]"
             " [--limit N] [--model FILE] [--tag-noise P] [--lemma-noise P] [--prune W]"
             " [--explore P] [--ambiguity-classes] [--dev-tagged-ewt FILE] [--dev-tagged-gum FILE]"
             " [--jackknife FOLDS] [--jackknife-epochs N] [--beam K [--temperature T]]\n";
      return 2;
    }
  }
  std::vector<ConlluSentence> ewt_dev, gum_dev;
  if (!read_into(data + "/ud_english_ewt/en_ewt-ud-dev.conllu", ewt_dev) ||
      !read_dir(data + "/ud_english_gum/dev", gum_dev)) {
    return 1;
  }

  // The epoch and the beam's temperature are chosen on dev; with tagged dev files, on
  // predicted tags (gold trees copied over), since that is what the parser sees at run
  // time.
  std::vector<ConlluSentence> dev;
  for (const auto& [gold, path] :
       {std::pair{&ewt_dev, tagged_ewt}, std::pair{&gum_dev, tagged_gum}}) {
    std::vector<ConlluSentence> tagged;
    if (!path.empty() && !read_into(path, tagged)) return 1;
    if (!path.empty() && !copy_trees(*gold, tagged)) {
      std::cerr << "error: " << path << " does not have the sentences and words of the dev file\n";
      return 1;
    }
    const auto& use = path.empty() ? *gold : tagged;
    dev.insert(dev.end(), use.begin(), use.end());
  }

  kg::extract::DependencyParser parser;
  if (model_path.empty()) {
    std::vector<ConlluSentence> train;
    if (!read_into(data + "/ud_english_ewt/en_ewt-ud-train.conllu", train) ||
        !read_dir(data + "/ud_english_gum/train", train)) {
      return 1;
    }
    if (limit >= 0 && static_cast<std::size_t>(limit) < train.size()) {
      train.resize(static_cast<std::size_t>(limit));
    }
    if (jackknife_folds > 1) jackknife(train, jackknife_folds, jackknife_epochs, options.seed);
    const auto t0 = Clock::now();
    parser = kg::extract::DependencyParser::train(train, &dev, options, &std::cerr);
    std::printf("training: %zu sentences, %zu words, %d epochs, %.1f s\n", train.size(),
                count_words(train), options.epochs, seconds_since(t0));
    if (auto saved = parser.save(out); !saved) {
      std::cerr << "error: " << saved.error().to_string() << "\n";
      return 1;
    }
    model_path = out;
  }
  const auto t0 = Clock::now();
  auto loaded = kg::extract::DependencyParser::load(model_path);
  const double load_secs = seconds_since(t0);
  if (!loaded) {
    std::cerr << "error: " << loaded.error().to_string() << "\n";
    return 1;
  }
  parser = std::move(*loaded);
  if (beam > 1) {
    // The temperature is chosen on the dev sets, unless --temperature sets it.
    if (temperature > 0.0) {
      parser.set_decoding({beam, temperature});
    } else {
      parser.tune_beam(beam, dev, dev, &std::cerr);
    }
    const auto d = parser.decoding();
    std::printf("decoding: beam %d, temperature %.6g\n", d.beam, d.temperature);
    if (out_given) {
      if (auto saved = parser.save(out); !saved) {
        std::cerr << "error: " << saved.error().to_string() << "\n";
        return 1;
      }
      model_path = out;
    }
  }
  std::printf("model: %s, %.1f MB, %zu weights, %zu relations, loaded in %.3f s\n",
              model_path.c_str(), static_cast<double>(fs::file_size(model_path)) / 1e6,
              parser.weight_count(), parser.relations().size(), load_secs);
  report("EWT dev (gold tags)", parser, ewt_dev, ewt_dev);
  report("GUM dev (gold tags)", parser, gum_dev, gum_dev);
  for (const auto& [name, path, gold] : {std::tuple{"EWT dev (pred tags)", tagged_ewt, &ewt_dev},
                                         std::tuple{"GUM dev (pred tags)", tagged_gum, &gum_dev}}) {
    if (path.empty()) continue;
    std::vector<ConlluSentence> tagged;
    if (!read_into(path, tagged)) return 1;
    report(name, parser, *gold, tagged);
    if (!ner_path.empty()) {
      auto ner = kg::extract::EntityRecognizer::load(ner_path);
      if (!ner) {
        std::cerr << "error: " << ner.error().to_string() << "\n";
        return 1;
      }
      const auto names = names_of(*ner, tagged);
      report((std::string(name) + " names whole").c_str(), parser, *gold, tagged, &names);
    }
  }
  return 0;
}
