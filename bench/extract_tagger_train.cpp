// Trains the part-of-speech tagger from UD English EWT + GUM train (as `kg train --only
// tagger` does), saves it, and scores it on EWT dev and GUM dev (gold tokens). With
// --tagged-dir it also writes the dev files tagged and lemmatized (gold trees kept), the
// input extract_parser_train --dev-tagged-ewt/--dev-tagged-gum expects.
//
//   extract_tagger_train [--data DIR] [--out FILE] [--epochs N] [--folds K] [--seed S]
//                        [--feature-set 1|2] [--dev-epochs] [--model FILE (evaluate only)]
//                        [--tagged-dir DIR --lemmatizer FILE]
//                        [--wordnet DIR|none] (default /usr/share/wordnet, as `kg train`)
//                        [--vectors FILE|none] (default: as `kg train`)

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <kg/extract/conllu.hpp>
#include <kg/extract/lemmatizer.hpp>
#include <kg/extract/tagger.hpp>
#include <kg/extract/train.hpp>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using kg::extract::ConlluSentence;
using Clock = std::chrono::steady_clock;

bool read_split(const std::string& data, const std::string& split, bool gum,
                std::vector<ConlluSentence>& out) {
  auto files = kg::extract::corpus_files(data, split);
  if (!files) {
    std::cerr << "error: " << files.error().to_string() << "\n";
    return false;
  }
  auto docs = kg::extract::read_documents(gum ? files->gum : files->ewt);
  if (!docs) {
    std::cerr << "error: " << docs.error().to_string() << "\n";
    return false;
  }
  for (auto& d : *docs) {
    for (auto& s : d) out.push_back(std::move(s));
  }
  return true;
}

void score(const char* name, const kg::extract::Tagger& tagger,
           const std::vector<ConlluSentence>& gold) {
  std::size_t n = 0, upos = 0, xpos = 0;
  const auto t0 = Clock::now();
  for (auto s : gold) {
    const auto& g = s;
    ConlluSentence copy = s;
    tagger.tag(copy);
    for (std::size_t i = 0; i < g.tokens.size(); ++i, ++n) {
      upos += copy.tokens[i].upos == g.tokens[i].upos ? 1 : 0;
      xpos += copy.tokens[i].xpos == g.tokens[i].xpos ? 1 : 0;
    }
  }
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("%-10s UPOS %6.2f  XPOS %6.2f  %zu words  %.0f words/s\n", name,
              100.0 * static_cast<double>(upos) / static_cast<double>(n),
              100.0 * static_cast<double>(xpos) / static_cast<double>(n), n,
              static_cast<double>(n) / secs);
}

bool write_tagged(const std::string& path, const kg::extract::Tagger& tagger,
                  const kg::extract::Lemmatizer& lemmatizer, std::vector<ConlluSentence> sents) {
  for (auto& s : sents) {
    tagger.tag(s);
    lemmatizer.lemmatize(s);
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  kg::extract::write_conllu(out, sents);
  out.close();
  if (!out) {
    std::cerr << "error: cannot write " << path << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = KG_SHARED_DATA_DIR;
  std::string out = "tagger.bin";
  std::string model_path;
  std::string tagged_dir;
  std::string lemmatizer_path;
  kg::extract::TaggerTrainOptions options;
  options.wordnet_dir = kg::extract::kDefaultWordNetDir;  // as `kg train`
  options.vectors_file = kg::extract::default_vectors_file();
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
    } else if (a == "--epochs") {
      options.epochs = std::stoi(next());
    } else if (a == "--folds") {
      options.folds = std::stoi(next());
    } else if (a == "--seed") {
      options.seed = std::stoull(next());
    } else if (a == "--feature-set") {
      options.extra_features = std::stoi(next()) >= 2;
    } else if (a == "--dev-epochs") {
      options.log_dev_epochs = true;
    } else if (a == "--model") {
      model_path = next();
    } else if (a == "--tagged-dir") {
      tagged_dir = next();
    } else if (a == "--lemmatizer") {
      lemmatizer_path = next();
    } else if (a == "--wordnet") {
      options.wordnet_dir = next();
      if (options.wordnet_dir == "none") options.wordnet_dir.clear();
    } else if (a == "--vectors") {
      options.vectors_file = next();
      if (options.vectors_file == "none") options.vectors_file.clear();
    } else {
      std::cerr
          << "usage: extract_tagger_train [--data DIR] [--out FILE] [--epochs N]"
             " [--folds K] [--seed S] [--feature-set 1|2] [--dev-epochs] [--model FILE]"
             " [--tagged-dir DIR --lemmatizer FILE] [--wordnet DIR|none] [--vectors FILE|none]\n";
      return 2;
    }
  }
  std::vector<ConlluSentence> ewt_dev, gum_dev;
  if (!read_split(data, "dev", false, ewt_dev) || !read_split(data, "dev", true, gum_dev)) return 1;
  kg::extract::Tagger tagger;
  if (model_path.empty()) {
    std::vector<ConlluSentence> train;
    if (!read_split(data, "train", false, train) || !read_split(data, "train", true, train)) {
      return 1;
    }
    const auto t0 = Clock::now();
    tagger = kg::extract::Tagger::train(train, &ewt_dev, options, &std::cerr);
    std::printf("training: %zu sentences, %d epochs, %d folds, %.1f s\n", train.size(),
                options.epochs, options.folds,
                std::chrono::duration<double>(Clock::now() - t0).count());
    if (auto saved = tagger.save(out); !saved) {
      std::cerr << "error: " << saved.error().to_string() << "\n";
      return 1;
    }
    model_path = out;
  }
  const auto t0 = Clock::now();
  auto loaded = kg::extract::Tagger::load(model_path);
  if (!loaded) {
    std::cerr << "error: " << loaded.error().to_string() << "\n";
    return 1;
  }
  std::printf("model: %s, %.1f MB, loaded in %.3f s\n", model_path.c_str(),
              static_cast<double>(fs::file_size(model_path)) / 1e6,
              std::chrono::duration<double>(Clock::now() - t0).count());
  tagger = *loaded;
  score("EWT dev", tagger, ewt_dev);
  score("GUM dev", tagger, gum_dev);
  if (!tagged_dir.empty()) {
    auto lemmatizer = kg::extract::Lemmatizer::load(lemmatizer_path);
    if (!lemmatizer) {
      std::cerr << "error: " << lemmatizer.error().to_string() << "\n";
      return 1;
    }
    if (!write_tagged(tagged_dir + "/ewt-dev.tagged.conllu", tagger, *lemmatizer, ewt_dev) ||
        !write_tagged(tagged_dir + "/gum-dev.tagged.conllu", tagger, *lemmatizer, gum_dev)) {
      return 1;
    }
  }
  return 0;
}
