// Trains the entity recogniser (UNER English EWT train + GUM train entity names, with
// the gazetteers) and scores it on UNER EWT dev, exact spans per type (conlleval style).
//
//   extract_ner_train [--data DIR] [--out DIR] [--epochs N] [--seed S] [--limit N]
//                     [--wordnet DIR|none] (default /usr/share/wordnet, as `kg train`)
//                     [--vectors FILE|none] (default: as `kg train`)
//                     [--gazetteers FILE|none] (default: as `kg train`)
//                     [--pos-folds K] (train with UPOS features, jackknifed in K folds)
//                     [--tagger FILE] (the tagger whose UPOS the dev sets get; default:
//                     tagger.bin of the model directory)
//   extract_ner_train [--data DIR] --model FILE        (score a model only)
//   extract_ner_train [--data DIR] --eval-all MODELDIR (all dev scores, as `kg eval`)
//
// The model is written to DIR/ner.bin (default: a temporary directory), as `kg train
// --only ner` does.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/evaluate.hpp>
#include <kg/extract/models.hpp>
#include <kg/extract/tagger.hpp>
#include <kg/extract/train.hpp>
#include <map>
#include <string>
#include <vector>

#include "../extract/src/util/text.hpp"

int main(int argc, char** argv) {
  namespace fs = std::filesystem;
  kg::extract::TrainOptions o;
  o.data_dir = KG_SHARED_DATA_DIR;
  o.out_dir = (fs::temp_directory_path() / "kg_ner_train").string();
  o.vectors_file = kg::extract::default_vectors_file();  // as `kg train`
  o.name_lists_file = kg::extract::default_name_lists_file();
  std::string model_path;  // evaluate only
  std::string tagger_path =
      (fs::path(kg::extract::find_model_dir()) / kg::extract::kTaggerModel).string();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    const std::string v = argv[i + 1];
    if (a == "--data") {
      o.data_dir = v;
    } else if (a == "--out") {
      o.out_dir = v;
    } else if (a == "--epochs") {
      o.ner_epochs = std::atoi(v.c_str());
    } else if (a == "--seed") {
      o.seed = std::strtoull(v.c_str(), nullptr, 10);
    } else if (a == "--eval-all") {
      // Every dev-set score of a model directory, as `kg eval` prints them.
      if (auto ok = kg::extract::evaluate_all(o.data_dir, v, std::cout); !ok) {
        std::cerr << "error: " << ok.error().to_string() << "\n";
        return 1;
      }
      return 0;
    } else if (a == "--model") {
      model_path = v;
    } else if (a == "--wordnet") {
      o.wordnet_dir = v == "none" ? std::string() : v;
    } else if (a == "--vectors") {
      o.vectors_file = v == "none" ? std::string() : v;
    } else if (a == "--gazetteers") {
      o.name_lists_file = v == "none" ? std::string() : v;
    } else if (a == "--pos-folds") {
      o.ner_pos_folds = std::atoi(v.c_str());
    } else if (a == "--tagger") {
      tagger_path = v;
    } else if (a == "--limit") {
      o.limit = std::strtoull(v.c_str(), nullptr, 10);
    } else {
      std::cerr << "unknown option " << a << "\n";
      return 2;
    }
  }
  const auto t0 = std::chrono::steady_clock::now();
  if (model_path.empty()) {
    if (auto ok = kg::extract::train_ner(o, &std::cerr); !ok) {
      std::cerr << "error: " << ok.error().to_string() << "\n";
      return 1;
    }
  }
  const double train_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const std::string model =
      model_path.empty() ? (fs::path(o.out_dir) / kg::extract::kNerModel).string() : model_path;
  auto ner = kg::extract::EntityRecognizer::load(model);
  if (!ner) {
    std::cerr << "error: " << ner.error().to_string() << "\n";
    return 1;
  }
  // UPOS as the pipeline gives them, for a recogniser trained with them.
  auto tagger = kg::extract::Tagger::load(tagger_path);
  if (ner->uses_pos() && !tagger) {
    std::cerr << "error: " << tagger.error().to_string() << "\n";
    return 1;
  }
  const auto tag_document = [&](const std::vector<std::vector<std::string_view>>& views) {
    return tagger ? ner->tag_document(views, *tagger) : ner->tag_document(views);
  };
  auto files = kg::extract::corpus_files(o.data_dir, "dev");
  if (!files) {
    std::cerr << "error: " << files.error().to_string() << "\n";
    return 1;
  }
  std::ifstream in(files->uner, std::ios::binary);
  auto dev = kg::extract::read_iob2(in, files->uner);
  if (!dev) {
    std::cerr << "error: " << dev.error().to_string() << "\n";
    return 1;
  }
  kg::extract::SpanScores sc;
  auto tagged = *dev;
  // Documents as the treebank marks them ("# newdoc"), tagged as a whole.
  std::vector<std::size_t> starts;
  for (std::size_t k = 0; k < dev->size(); ++k) {
    bool newdoc = k == 0;
    for (const auto& c : (*dev)[k].comments) newdoc = newdoc || c.rfind("# newdoc", 0) == 0;
    if (newdoc) starts.push_back(k);
  }
  starts.push_back(dev->size());
  for (std::size_t d = 0; d + 1 < starts.size(); ++d) {
    std::vector<std::vector<std::string>> norms;
    for (std::size_t k = starts[d]; k < starts[d + 1]; ++k) {
      norms.emplace_back();
      for (const auto& r : (*dev)[k].rows) {
        norms.back().push_back(kg::extract::detail::normalize_form(r[1]));
      }
    }
    std::vector<std::vector<std::string_view>> views;
    for (const auto& n : norms) views.emplace_back(n.begin(), n.end());
    const auto predicted = tag_document(views);
    for (std::size_t k = starts[d]; k < starts[d + 1]; ++k) {
      std::vector<std::string> tags;
      for (const auto& r : (*dev)[k].rows) tags.push_back(r.size() > 2 ? r[2] : "O");
      const auto& p = predicted[k - starts[d]];
      sc.add(kg::extract::clean_uner_tags(tags), p);
      auto& rows = tagged[k].rows;
      for (std::size_t j = 0; j < rows.size() && j < p.size(); ++j) {
        rows[j].resize(std::max<std::size_t>(rows[j].size(), 3));
        rows[j][2] = p[j];
      }
    }
  }
  {
    std::ofstream pred_out(fs::path(o.out_dir) / "uner-dev-predicted.iob2", std::ios::binary);
    kg::extract::write_iob2(pred_out, tagged);
  }
  std::printf("UNER EWT dev: P %.2f R %.2f F1 %.2f (train %.1f s)\n", 100 * sc.total.precision(),
              100 * sc.total.recall(), 100 * sc.total.f1(), train_s);
  for (const auto& [type, c] : sc.by_type) {
    std::printf("  %s: P %.2f R %.2f F1 %.2f (gold %zu, predicted %zu)\n", type.c_str(),
                100 * c.precision(), 100 * c.recall(), 100 * c.f1(), c.gold, c.predicted);
  }
  // A second view: GUM dev's names (news, interviews, biographies, travel guides ...), as
  // training converts GUM's entity annotations, each document tagged as a whole.
  auto gum = kg::extract::read_documents(files->gum);
  if (!gum) {
    std::cerr << "error: " << gum.error().to_string() << "\n";
    return 1;
  }
  kg::extract::SpanScores gs;
  std::map<std::string, kg::extract::SpanScores> by_genre;  // "news" of "GUM_news_iodine"
  for (const auto& doc : *gum) {
    std::string genre = doc.empty() ? "" : doc.front().comment_value("newdoc id");
    if (genre.starts_with("GUM_")) genre = genre.substr(4, genre.find('_', 4) - 4);
    std::vector<std::vector<std::string>> norms;
    for (const auto& s : doc) {
      norms.emplace_back();
      for (const auto& t : s.tokens)
        norms.back().push_back(kg::extract::detail::normalize_form(t.form));
    }
    std::vector<std::vector<std::string_view>> views;
    for (const auto& n : norms) views.emplace_back(n.begin(), n.end());
    const auto predicted = tag_document(views);
    for (std::size_t k = 0; k < doc.size(); ++k) {
      const auto gold = kg::extract::gum_entity_tags(doc[k]);
      gs.add(gold, predicted[k]);
      by_genre[genre].add(gold, predicted[k]);
    }
  }
  std::printf("GUM dev names: P %.2f R %.2f F1 %.2f\n", 100 * gs.total.precision(),
              100 * gs.total.recall(), 100 * gs.total.f1());
  for (const auto& [type, c] : gs.by_type) {
    std::printf("  %s: P %.2f R %.2f F1 %.2f (gold %zu, predicted %zu)\n", type.c_str(),
                100 * c.precision(), 100 * c.recall(), 100 * c.f1(), c.gold, c.predicted);
  }
  for (const auto& [genre, sc] : by_genre) {
    std::printf("  genre %s: P %.2f R %.2f F1 %.2f (gold %zu, predicted %zu)\n", genre.c_str(),
                100 * sc.total.precision(), 100 * sc.total.recall(), 100 * sc.total.f1(),
                sc.total.gold, sc.total.predicted);
  }
  return 0;
}
