#include <algorithm>
#include <kg/extract/tagger.hpp>
#include <map>
#include <ostream>
#include <stdexcept>
#include <unordered_map>

#include "case_profile.hpp"
#include "features.hpp"
#include "perceptron.hpp"
#include "util/binary_io.hpp"
#include "util/text.hpp"
#include "word_clusters.hpp"
#include "word_lexicon.hpp"

namespace kg::extract {

struct Tagger::Impl {
  std::vector<std::string> classes;                        // "UPOS\tXPOS"
  std::vector<std::string> upos;                           // per class
  std::vector<std::string> xpos;                           // per class
  std::unordered_map<std::string, int> tagdict;            // frequent unambiguous words
  std::unordered_map<std::string, std::string> ambiguity;  // key -> "NN|VB"
  detail::CaseProfile case_profile;  // capitalisation away from the sentence start
  detail::LinearModel model;         // pass 1: left context only
  detail::LinearModel model2;        // pass 2: also the pass-1 tags of the words to the right
  bool stacked = false;
  bool extra_features = false;    // feature set 2: wider word and capitalisation context
  detail::WordLexicon lexicon;    // optional: WordNet parts of speech of each word
  detail::WordClusters clusters;  // optional: word clusters from word vectors

  // Word infos of a sentence, with lexicon classes when the model has a lexicon.
  void infos_of(const std::vector<std::string_view>& words,
                std::vector<detail::WordInfo>& info) const {
    info.clear();
    info.reserve(words.size());
    for (const auto w : words) {
      info.push_back(detail::word_info(w));
      if (!lexicon.empty()) info.back().lex = lexicon.classify(info.back().key);
      if (!clusters.empty()) info.back().cluster = clusters.code(info.back().key);
    }
  }

  [[nodiscard]] std::string_view case_of(const detail::WordInfo& x) const {
    return case_profile.class_of(x);
  }

  [[nodiscard]] std::string_view amb(const std::string& key) const {
    const auto it = ambiguity.find(key);
    return it == ambiguity.end() ? std::string_view("?") : std::string_view(it->second);
  }

  void features(const std::vector<detail::WordInfo>& w, std::size_t i, std::string_view t1,
                std::string_view t2, std::string_view title, const std::vector<int>* right,
                detail::FeatureSet& f) const {
    f.clear();
    const auto& cur = w[i];
    static const detail::WordInfo kStart{"<S>", "<s>", "<S>"};
    static const detail::WordInfo kEnd{"</S>", "</s>", "</S>"};
    const auto at = [&](long k) -> const detail::WordInfo& {
      const long j = static_cast<long>(i) + k;
      if (j < 0) return kStart;
      if (j >= static_cast<long>(w.size())) return kEnd;
      return w[static_cast<std::size_t>(j)];
    };
    f.add(0, "");
    f.add(1, cur.key);
    f.add(2, cur.raw);
    f.add(3, detail::utf8_suffix(cur.key, 1));
    f.add(4, detail::utf8_suffix(cur.key, 2));
    f.add(5, detail::utf8_suffix(cur.key, 3));
    f.add(6, detail::utf8_suffix(cur.key, 4));
    f.add(7, detail::utf8_prefix(cur.raw, 1));
    f.add(8, detail::utf8_prefix(cur.key, 2));
    f.add(9, detail::utf8_prefix(cur.key, 3));
    f.add(10, cur.shape);
    f.add(11, t1);
    f.add(12, t2);
    f.add(13, t1, t2);
    f.add(14, t1, cur.key);
    f.add(15, at(-1).key);
    f.add(16, detail::utf8_suffix(at(-1).key, 3));
    f.add(17, at(-2).key);
    f.add(18, at(1).key);
    f.add(19, detail::utf8_suffix(at(1).key, 3));
    f.add(20, at(2).key);
    f.add(21, amb(at(1).key));
    f.add(22, amb(at(2).key));
    f.add(23, amb(cur.key));
    f.add(24, at(-1).key, cur.key);
    f.add(25, cur.key, at(1).key);
    f.add(26, t1, amb(at(1).key));
    f.add(27, amb(cur.key), amb(at(1).key));
    f.add(28, i == 0 ? "first" : "mid", cur.shape);
    f.add(29, t1, detail::utf8_suffix(cur.key, 3));
    f.add(30, at(1).shape);
    f.add(31, at(-1).shape, cur.shape);
    f.add(32, t1, cur.shape);
    f.add(33, at(-1).key, t1);
    f.add(34, cur.key, amb(at(1).key));
    f.add(35, t1, at(1).key);
    f.add(36, detail::utf8_suffix(at(1).key, 2), amb(at(1).key));
    f.add(37, amb(at(-1).key), t1, amb(cur.key));
    const std::string_view cap = detail::utf8_prefix(cur.shape, 1);
    f.add(38, case_of(cur), cap);
    f.add(39, title, case_of(cur), cap);
    f.add(40, case_of(at(1)), detail::utf8_prefix(at(1).shape, 1));
    f.add(41, t1, case_of(cur), cap);
    if (extra_features) {
      // Words on both sides (particles, "up"/"in" as ADV or ADP), the run of capitals
      // around the word (names come in runs; PROPN against NOUN is the commonest error).
      f.add(42, at(-1).key, at(1).key);
      f.add(43, at(1).key, at(2).key);
      f.add(44, amb(at(-1).key));
      f.add(45, detail::utf8_prefix(at(-1).shape, 1), cap, detail::utf8_prefix(at(1).shape, 1));
      f.add(46, case_of(at(-1)), case_of(cur), case_of(at(1)));
      f.add(47, detail::utf8_suffix(cur.key, 5));
    }
    if (!lexicon.empty()) {
      f.add(62, cur.lex);
      f.add(63, cur.lex, cap);
      f.add(64, at(1).lex);
      f.add(65, t1, cur.lex);
      f.add(66, cur.lex, detail::utf8_suffix(cur.key, 2));
      f.add(67, amb(cur.key), cur.lex);
      f.add(68, at(-1).lex, cur.lex);
    }
    if (!clusters.empty()) {
      const auto cl = detail::cluster_text;
      f.add(70, cl(cur, 0));
      f.add(71, cl(cur, 1));
      f.add(72, cl(cur, 2));
      f.add(73, cl(at(1), 1));
      f.add(74, cl(at(-1), 1));
      f.add(75, t1, cl(cur, 1));
      f.add(76, cl(cur, 2), cap);
      f.add(77, cl(at(1), 2));
    }
    if (right != nullptr) {
      const auto tag_at = [&](std::size_t j) -> std::string_view {
        return j < right->size() ? std::string_view(xpos[static_cast<std::size_t>((*right)[j])])
                                 : std::string_view("</S>");
      };
      const std::string_view r0 = tag_at(i);
      const std::string_view r1 = tag_at(i + 1);
      const std::string_view r2 = tag_at(i + 2);
      f.add(50, r0);
      f.add(51, r1);
      f.add(52, r1, r2);
      f.add(53, t1, r1);
      f.add(54, cur.key, r1);
      f.add(55, r0, r1);
      f.add(56, t1, r0, r1);
      f.add(57, cur.key, r0);
      if (extra_features) {
        f.add(58, r0, detail::utf8_suffix(cur.key, 3));
        f.add(59, amb(cur.key), r0, r1);
        f.add(60, r2);
        f.add(61, at(1).key, r1);
      }
      if (!lexicon.empty()) f.add(69, cur.lex, r0, r1);
    }
  }

  // One greedy left-to-right pass with `m`; `right` (pass-1 tags) only for pass 2.
  void pass(const detail::LinearModel& m, const std::vector<detail::WordInfo>& info,
            std::string_view title, const std::vector<int>* right, std::vector<int>& out) const {
    out.assign(info.size(), 0);
    detail::FeatureSet f;
    std::vector<float> buf;
    for (std::size_t i = 0; i < info.size(); ++i) {
      const auto it = tagdict.find(info[i].raw);
      if (it != tagdict.end()) {
        out[i] = it->second;
        continue;
      }
      const std::string_view t1 =
          i > 0 ? std::string_view(xpos[static_cast<std::size_t>(out[i - 1])]) : "<S>";
      const std::string_view t2 =
          i > 1 ? std::string_view(xpos[static_cast<std::size_t>(out[i - 2])]) : "<S>";
      features(info, i, t1, t2, title, right, f);
      out[i] = m.predict(f.values(), buf);
    }
  }

  // Greedy decoding (one or two passes); class indices out.
  void decode(const std::vector<std::string_view>& words, std::vector<int>& out) const {
    std::vector<detail::WordInfo> info;
    infos_of(words, info);
    const std::string_view title = detail::capitalisation_profile(info);
    pass(model, info, title, nullptr, out);
    if (stacked) {
      const std::vector<int> first = out;
      pass(model2, info, title, &first, out);
    }
  }
};

namespace {
constexpr char kMagic[] = "KGTAG4";

// UPOS accuracy of a model on gold-tagged sentences, in percent.
double dev_upos(const Tagger::Impl& impl, const std::vector<ConlluSentence>& dev) {
  std::size_t ok = 0;
  std::size_t n = 0;
  std::vector<std::string> norms;
  std::vector<std::string_view> words;
  std::vector<int> cls;
  for (const auto& s : dev) {
    norms.clear();
    for (const auto& t : s.tokens) norms.push_back(detail::normalize_form(t.form));
    words.assign(norms.begin(), norms.end());
    impl.decode(words, cls);
    for (std::size_t i = 0; i < s.tokens.size(); ++i, ++n) {
      ok += impl.upos[static_cast<std::size_t>(cls[i])] == s.tokens[i].upos;
    }
  }
  return n ? 100.0 * static_cast<double>(ok) / static_cast<double>(n) : 0.0;
}
}  // namespace

Tagger::Tagger() : impl_(std::make_shared<Impl>()) {}

void Tagger::tag(const std::vector<std::string_view>& words, std::vector<std::string>& upos,
                 std::vector<std::string>& xpos) const {
  std::vector<int> cls;
  impl_->decode(words, cls);
  upos.resize(words.size());
  xpos.resize(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) {
    upos[i] = impl_->upos[static_cast<std::size_t>(cls[i])];
    xpos[i] = impl_->xpos[static_cast<std::size_t>(cls[i])];
  }
}

void Tagger::tag(ConlluSentence& s) const {
  std::vector<std::string> norms;
  norms.reserve(s.tokens.size());
  for (const auto& t : s.tokens) norms.push_back(detail::normalize_form(t.form));
  std::vector<std::string_view> words(norms.begin(), norms.end());
  std::vector<std::string> upos;
  std::vector<std::string> xpos;
  tag(words, upos, xpos);
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    s.tokens[i].upos = std::move(upos[i]);
    s.tokens[i].xpos = std::move(xpos[i]);
  }
}

void Tagger::process(Document& doc) const {
  auto& tokens = doc.tokens();
  std::vector<std::string_view> words;
  std::vector<int> cls;
  for (const auto& s : doc.sentences()) {
    words.clear();
    for (auto i = s.token_begin; i < s.token_end; ++i) words.push_back(tokens[i].norm);
    impl_->decode(words, cls);
    for (auto i = s.token_begin; i < s.token_end; ++i) {
      const auto c = static_cast<std::size_t>(cls[i - s.token_begin]);
      tokens[i].upos = impl_->upos[c];
      tokens[i].xpos = impl_->xpos[c];
    }
  }
  doc.mark_assigned(kTags);
}

Tagger Tagger::train(const std::vector<ConlluSentence>& train,
                     const std::vector<ConlluSentence>* dev, const TaggerTrainOptions& options,
                     std::ostream* log) {
  auto impl = std::make_shared<Impl>();
  impl->extra_features = options.extra_features;
  if (!options.wordnet_dir.empty()) {
    auto lex = detail::WordLexicon::read_wordnet(options.wordnet_dir);
    if (!lex) throw std::runtime_error(lex.error().to_string());
    impl->lexicon = std::move(*lex);
  }
  if (!options.vectors_file.empty()) {
    auto clusters = detail::WordClusters::from_vectors(options.vectors_file);
    if (!clusters) throw std::runtime_error(clusters.error().to_string());
    impl->clusters = std::move(*clusters);
  }
  std::map<std::string, int> class_index;
  std::map<std::string, std::map<int, int>> raw_counts;
  std::map<std::string, std::map<std::string, int>> key_counts;
  struct Sent {
    std::vector<std::string> norms;
    std::vector<int> gold;
  };
  std::vector<Sent> data;
  for (const auto& s : train) {
    Sent d;
    for (const auto& t : s.tokens) {
      const std::string joint = t.upos + "\t" + t.xpos;
      auto [it, inserted] = class_index.try_emplace(joint, 0);
      (void)inserted;
      d.norms.push_back(detail::normalize_form(t.form));
      d.gold.push_back(0);
    }
    data.push_back(std::move(d));
  }
  int next = 0;
  for (auto& [name, idx] : class_index) {
    idx = next++;
    impl->classes.push_back(name);
    const auto tab = name.find('\t');
    impl->upos.push_back(name.substr(0, tab));
    impl->xpos.push_back(name.substr(tab + 1));
  }
  for (std::size_t k = 0; k < train.size(); ++k) {
    for (std::size_t i = 0; i < train[k].tokens.size(); ++i) {
      const auto& t = train[k].tokens[i];
      const int c = class_index.at(t.upos + "\t" + t.xpos);
      data[k].gold[i] = c;
      ++raw_counts[data[k].norms[i]][c];
      ++key_counts[detail::word_info(data[k].norms[i]).key][t.upos + "_" + t.xpos];
    }
  }
  for (const auto& [w, counts] : raw_counts) {
    int total = 0;
    int best = 0;
    int best_c = 0;
    for (const auto& [c, n] : counts) {
      total += n;
      if (n > best) {
        best = n;
        best_c = c;
      }
    }
    if (total >= 20 && best * 1000 >= total * 995) impl->tagdict.emplace(w, best_c);
  }
  for (const auto& [w, counts] : key_counts) {
    int total = 0;
    for (const auto& [x, n] : counts) total += n;
    if (total < 3) continue;
    std::string amb;
    for (const auto& [x, n] : counts) {
      if (n * 20 < total) continue;
      if (!amb.empty()) amb += '|';
      amb += x;
    }
    impl->ambiguity.emplace(w, amb);
  }

  for (const auto& d : data) {
    for (std::size_t i = 1; i < d.norms.size(); ++i) {
      const auto info = detail::word_info(d.norms[i]);
      impl->case_profile.count(info);
    }
  }
  impl->case_profile.finish();
  std::vector<std::vector<detail::WordInfo>> infos(data.size());
  std::vector<std::string_view> titles(data.size());
  for (std::size_t k = 0; k < data.size(); ++k) {
    const std::vector<std::string_view> words(data[k].norms.begin(), data[k].norms.end());
    impl->infos_of(words, infos[k]);
    titles[k] = detail::capitalisation_profile(infos[k]);
  }
  // Trains one pass on the sentences `subset`; `right` holds pass-1 tags for pass 2.
  const auto train_pass = [&](const std::vector<std::size_t>& subset,
                              const std::vector<std::vector<int>>* right, const std::string& name) {
    detail::PerceptronTrainer trainer(static_cast<int>(impl->classes.size()));
    detail::SplitMix64 rng(options.seed);
    std::vector<std::size_t> order = subset;
    detail::FeatureSet f;
    std::vector<double> buf;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      rng.shuffle(order);
      std::size_t correct = 0;
      std::size_t total = 0;
      for (const auto k : order) {
        const auto& d = data[k];
        std::vector<int> pred(d.norms.size(), 0);
        for (std::size_t i = 0; i < d.norms.size(); ++i) {
          const auto it = impl->tagdict.find(d.norms[i]);
          if (it != impl->tagdict.end()) {
            pred[i] = it->second;
            continue;
          }
          const std::string_view t1 =
              i > 0 ? std::string_view(impl->xpos[static_cast<std::size_t>(pred[i - 1])]) : "<S>";
          const std::string_view t2 =
              i > 1 ? std::string_view(impl->xpos[static_cast<std::size_t>(pred[i - 2])]) : "<S>";
          impl->features(infos[k], i, t1, t2, titles[k], right ? &(*right)[k] : nullptr, f);
          const int guess = trainer.predict(f.values(), buf);
          trainer.update(f.values(), d.gold[i], guess);
          trainer.tick();
          pred[i] = guess;
          correct += guess == d.gold[i];
          ++total;
        }
      }
      if (log) {
        *log << "tagger " << name << " epoch " << epoch + 1 << ": train accuracy "
             << (total ? 100.0 * static_cast<double>(correct) / static_cast<double>(total) : 0.0)
             << "%";
        // Dev accuracy after each epoch of the final pass, to choose the epoch count.
        const bool final_pass = right != nullptr || !options.stacked;
        if (dev && options.log_dev_epochs && final_pass) {
          auto probe = std::make_shared<Impl>(*impl);
          (right ? probe->model2 : probe->model) = trainer.average(options.prune);
          probe->stacked = right != nullptr;
          *log << ", dev UPOS " << dev_upos(*probe, *dev) << "%";
        }
        *log << "\n";
      }
    }
    return trainer.average(options.prune);
  };
  std::vector<std::size_t> all(data.size());
  for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
  impl->model = train_pass(all, nullptr, "pass 1");
  if (options.stacked) {
    // Pass 2 learns from pass-1 tags predicted on held-out folds (jackknifing), so that
    // it trusts them as much as they deserve on unseen text.
    std::vector<std::vector<int>> right(data.size());
    const int folds = std::max(2, options.folds);
    for (int fold = 0; fold < folds; ++fold) {
      std::vector<std::size_t> in;
      std::vector<std::size_t> out;
      for (const auto k : all)
        (static_cast<int>(k % static_cast<std::size_t>(folds)) == fold ? out : in).push_back(k);
      const auto m = train_pass(in, nullptr, "fold " + std::to_string(fold + 1));
      for (const auto k : out) impl->pass(m, infos[k], titles[k], nullptr, right[k]);
    }
    impl->model2 = train_pass(all, &right, "pass 2");
    impl->stacked = true;
  }
  Tagger tagger;
  tagger.impl_ = impl;
  if (dev && log) {
    std::size_t ok_u = 0;
    std::size_t ok_x = 0;
    std::size_t n = 0;
    for (auto s : *dev) {
      const auto gold = s;
      tagger.tag(s);
      for (std::size_t i = 0; i < s.tokens.size(); ++i) {
        ok_u += s.tokens[i].upos == gold.tokens[i].upos;
        ok_x += s.tokens[i].xpos == gold.tokens[i].xpos;
        ++n;
      }
    }
    *log << "tagger dev: UPOS " << 100.0 * static_cast<double>(ok_u) / static_cast<double>(n)
         << "% XPOS " << 100.0 * static_cast<double>(ok_x) / static_cast<double>(n) << "% ("
         << impl->model.n_features() << " features, " << impl->model.n_weights() << " weights)\n";
  }
  return tagger;
}

Result<void> Tagger::save(const std::string& path) const {
  detail::BinaryWriter w;
  w.str(kMagic);
  w.strings(impl_->classes);
  std::vector<std::pair<std::string, int>> td(impl_->tagdict.begin(), impl_->tagdict.end());
  std::sort(td.begin(), td.end());
  w.pod(static_cast<std::uint32_t>(td.size()));
  for (const auto& [k, v] : td) {
    w.str(k);
    w.pod(static_cast<std::int32_t>(v));
  }
  std::vector<std::pair<std::string, std::string>> amb(impl_->ambiguity.begin(),
                                                       impl_->ambiguity.end());
  std::sort(amb.begin(), amb.end());
  w.pod(static_cast<std::uint32_t>(amb.size()));
  for (const auto& [k, v] : amb) {
    w.str(k);
    w.str(v);
  }
  impl_->case_profile.save(w);
  impl_->model.save(w);
  // Bit 0: second pass present; bit 1: feature set 2 (files without it keep loading);
  // bit 2: a word lexicon follows the weights; bit 3: word clusters follow.
  w.pod(static_cast<std::uint8_t>((impl_->stacked ? 1 : 0) | (impl_->extra_features ? 2 : 0) |
                                  (impl_->lexicon.empty() ? 0 : 4) |
                                  (impl_->clusters.empty() ? 0 : 8)));
  if (impl_->stacked) impl_->model2.save(w);
  if (!impl_->lexicon.empty()) impl_->lexicon.save(w);
  if (!impl_->clusters.empty()) impl_->clusters.save(w);
  return detail::write_file_atomic(path, w.bytes());
}

Result<Tagger> Tagger::load(const std::string& path) {
  auto bytes = detail::read_file_bytes(path);
  if (!bytes) return tl::unexpected(bytes.error());
  detail::BinaryReader r(*bytes, path);
  std::string magic;
  if (!r.str(magic) || magic != kMagic) return tl::unexpected(r.error("not a tagger model"));
  auto impl = std::make_shared<Impl>();
  if (!r.strings(impl->classes)) return tl::unexpected(r.error("classes"));
  for (const auto& c : impl->classes) {
    const auto tab = c.find('\t');
    impl->upos.push_back(c.substr(0, tab));
    impl->xpos.push_back(tab == std::string::npos ? c : c.substr(tab + 1));
  }
  std::uint32_t n = 0;
  if (!r.pod(n)) return tl::unexpected(r.error("tag dictionary"));
  impl->tagdict.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string k;
    std::int32_t v = 0;
    if (!r.str(k) || !r.pod(v) || v < 0 || v >= static_cast<std::int32_t>(impl->classes.size())) {
      return tl::unexpected(r.error("tag dictionary"));
    }
    impl->tagdict.emplace(std::move(k), v);
  }
  if (!r.pod(n)) return tl::unexpected(r.error("ambiguity classes"));
  impl->ambiguity.reserve(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string k;
    std::string v;
    if (!r.str(k) || !r.str(v)) return tl::unexpected(r.error("ambiguity classes"));
    impl->ambiguity.emplace(std::move(k), std::move(v));
  }
  if (!impl->case_profile.load(r)) return tl::unexpected(r.error("case profile"));
  if (!impl->model.load(r) || impl->model.n_classes() != static_cast<int>(impl->classes.size())) {
    return tl::unexpected(r.error("weights"));
  }
  std::uint8_t stacked = 0;
  if (!r.pod(stacked)) return tl::unexpected(r.error("second pass"));
  if (stacked > 15) return tl::unexpected(r.error("unknown tagger flags"));
  impl->stacked = (stacked & 1) != 0;
  impl->extra_features = (stacked & 2) != 0;
  if (impl->stacked && (!impl->model2.load(r) ||
                        impl->model2.n_classes() != static_cast<int>(impl->classes.size()))) {
    return tl::unexpected(r.error("second-pass weights"));
  }
  if ((stacked & 4) != 0 && !impl->lexicon.load(r)) return tl::unexpected(r.error("word lexicon"));
  if ((stacked & 8) != 0 && !impl->clusters.load(r))
    return tl::unexpected(r.error("word clusters"));
  Tagger t;
  t.impl_ = std::move(impl);
  return t;
}

}  // namespace kg::extract
