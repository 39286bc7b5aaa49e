#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <kg/extract/dependency_parser.hpp>
#include <limits>
#include <map>
#include <ostream>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "hashing.hpp"
#include "punctuation.hpp"
#include "transition_system.hpp"
#include "weights.hpp"
#include "word_clusters.hpp"
#include "word_lexicon.hpp"

namespace kg::extract {

struct DependencyParser::Model {
  std::vector<std::string> labels;  // sorted; transitions index them
  int root_label = 0;
  parser::CompactWeights weights;
  // Tag-ambiguity class of each frequent training word (normalised-form hash -> hash of
  // the XPOS tags it takes, e.g. "NN|VB"): a cue that does not depend on the tagger's
  // choice, so the parser can tell a confidently tagged word from a coin toss.
  std::unordered_map<std::uint64_t, std::uint64_t> ambiguity;
  // Word cluster of each form in the clusters' vocabulary (normalised-form hash -> code of
  // detail::WordClusters).
  detail::ClusterCodeTable clusters;
  // Parts of speech WordNet knows for each word (kLexiconSet): the word's class takes the
  // place of the treebank ambiguity class.
  detail::WordLexicon lexicon;
  unsigned sets = 0;  // optional feature sets (parser::kAmbiguitySet, kClusterSet)
  DependencyParser::Decoding decoding;  // greedy unless a beam is stored (kBeamSet)
};

namespace {

using parser::State;
using parser::WordAttrs;

constexpr std::string_view kMagic = "KGDEPAR1";
// Format 3 names its optional feature sets (a bit mask) and stores a table for each.
constexpr std::uint32_t kFormatVersion = 3;
// Bumped whenever the feature templates or word normalisation change, so an
// old model is rejected instead of silently parsing badly.
constexpr std::uint32_t kFeatureVersion = 4;
// Files of format 1 / feature set 2 (no optional set) and of format 2 / feature set 3
// (the ambiguity classes only) still load and are written in their own format.
constexpr std::uint32_t kOldFormatVersion = 1;
constexpr std::uint32_t kOldFeatureVersion = 2;
constexpr std::uint32_t kAmbiguityFormatVersion = 2;
constexpr std::uint32_t kAmbiguityFeatureVersion = 3;

static_assert(std::endian::native == std::endian::little,
              "the parser model file is little-endian; add byte swapping for this target");

// Lower-cases ASCII letters and folds digits to '0', so "1999" and "2017"
// share statistics; other UTF-8 bytes are kept.
std::string normalise(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    } else if (c >= '0' && c <= '9') {
      c = '0';
    }
  }
  return out;
}

constexpr std::uint64_t kFormSeed = 0x11;
constexpr std::uint64_t kLemmaSeed = 0x22;
constexpr std::uint64_t kXposSeed = 0x33;
constexpr std::uint64_t kUposSeed = 0x44;
constexpr std::uint64_t kSuffixSeed = 0x55;
constexpr std::uint64_t kAmbiguitySeed = 0x66;
constexpr std::uint64_t kClusterSeed = 0x77;
// Words seen fewer times than this in training get the "unknown" ambiguity class.
constexpr std::uint32_t kAmbiguityMinCount = 3;

std::uint64_t shape_of(std::string_view form) {
  std::uint64_t bits = 0;
  bool all_upper = form.size() > 1;
  for (std::size_t i = 0; i < form.size(); ++i) {
    const auto c = static_cast<unsigned char>(form[i]);
    const bool upper = c >= 'A' && c <= 'Z';
    if (i == 0 && upper) bits |= 1;
    if (!upper) all_upper = false;
    if (c >= '0' && c <= '9') bits |= 4;
    if (c == '-') bits |= 8;
    if (c < 128 && std::ispunct(c) != 0 && c != '-') bits |= 16;
    if (c >= 128) bits |= 32;
  }
  if (all_upper) bits |= 2;
  return bits + 1;
}

WordAttrs attrs_of(const ConlluToken& t, const DependencyParser::Model& m) {
  const auto& ambiguity = m.ambiguity;
  WordAttrs a;
  const std::string form = normalise(t.form);
  a.form = parser::hash_bytes(form, kFormSeed);
  // An unknown lemma ("_") falls back to the form so the features stay useful.
  a.lemma =
      parser::hash_bytes(t.lemma == "_" || t.lemma.empty() ? form : normalise(t.lemma), kLemmaSeed);
  a.xpos = parser::hash_bytes(t.xpos, kXposSeed);
  a.upos = parser::hash_bytes(t.upos, kUposSeed);
  a.suffix = parser::hash_bytes(
      std::string_view(form).substr(form.size() - std::min<std::size_t>(form.size(), 3)),
      kSuffixSeed);
  a.shape = shape_of(t.form);
  const auto it = ambiguity.find(a.form);
  // Unknown words: their shape stands in for the class.
  a.amb = it != ambiguity.end() ? it->second : mix64(kAmbiguitySeed ^ a.shape);
  if ((m.sets & parser::kLexiconSet) != 0) {
    std::string lower(t.form);
    for (char& c : lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    const std::string cls = m.lexicon.classify(lower);
    // Words WordNet does not know: their shape stands in for the class.
    a.amb = cls == "-" ? mix64(kAmbiguitySeed ^ a.shape) : parser::hash_bytes(cls, kAmbiguitySeed);
  }
  if (!m.clusters.empty()) {
    const std::uint16_t code = m.clusters.find(a.form);
    // Words without a cluster: their shape stands in for it.
    const std::uint64_t base = code != 0 ? 1000U + code : a.shape;
    a.c0 = mix64(kClusterSeed ^ (code ? detail::WordClusters::level_id(code, 0) + 1000U : base));
    a.c1 =
        mix64((kClusterSeed + 1) ^ (code ? detail::WordClusters::level_id(code, 1) + 1000U : base));
    a.c2 = mix64((kClusterSeed + 2) ^ base);
  }
  return a;
}

// attrs[0] is the root, attrs[n+1] the "no word" filler.
std::vector<WordAttrs> sentence_attrs(const ConlluSentence& s, const DependencyParser::Model& m) {
  std::vector<WordAttrs> out;
  out.reserve(s.tokens.size() + 2);
  out.push_back(
      WordAttrs{parser::hash_bytes("<root>", kFormSeed), parser::hash_bytes("<root>", kLemmaSeed),
                parser::hash_bytes("<root>", kXposSeed), parser::hash_bytes("<root>", kUposSeed)});
  for (const auto& t : s.tokens) out.push_back(attrs_of(t, m));
  out.push_back(
      WordAttrs{parser::hash_bytes("<none>", kFormSeed), parser::hash_bytes("<none>", kLemmaSeed),
                parser::hash_bytes("<none>", kXposSeed), parser::hash_bytes("<none>", kUposSeed)});
  return out;
}

// Calls f(cls) for every transition valid in `st`, the root constraint included: SHIFT,
// then LEFT and then RIGHT with every relation but root, or only RIGHT-root when one word
// is left.
template <class F>
void for_each_valid(const State& st, int labels, int root_label, F&& f) {
  if (st.can_right_root()) {
    f(1 + labels + root_label);
    return;
  }
  if (st.can_shift()) f(0);
  if (st.can_left()) {
    for (int l = 0; l < labels; ++l) {
      if (l != root_label) f(1 + l);
    }
  }
  if (st.can_right_word()) {
    for (int l = 0; l < labels; ++l) {
      if (l != root_label) f(1 + labels + l);
    }
  }
}

// Best valid transition under integer scores (the first of equal ones).
int best_valid(const State& st, const std::int32_t* scores, int labels, int root_label) {
  int best = -1;
  for_each_valid(st, labels, root_label, [&](int c) {
    if (best < 0 || scores[c] > scores[best]) best = c;
  });
  return best;
}

// Beam search: the `width` transition sequences of highest probability, a transition's
// log-probability being the log-softmax of temperature * score over the valid
// transitions. Every sequence has 2n transitions, so their probabilities compare.
// Ties go to the earlier beam item, then to the lower transition, so the result is
// deterministic.
State beam_parse(const DependencyParser::Model& m, const std::vector<WordAttrs>& attrs, int n) {
  const int labels = static_cast<int>(m.labels.size());
  const int classes = m.weights.classes();
  const auto width = static_cast<std::size_t>(m.decoding.beam);
  const double t = m.decoding.temperature;
  std::vector<State> cur(width);
  std::vector<State> nxt(width);
  std::vector<double> cur_score(width, 0.0);
  std::vector<double> nxt_score(width, 0.0);
  std::size_t live = 1;
  cur[0].init(n, labels);
  std::uint64_t feats[parser::kMaxFeatures];
  std::vector<std::int32_t> scores(static_cast<std::size_t>(classes));
  struct Cand {
    double score;
    std::uint32_t item;
    std::int32_t cls;
  };
  const auto better = [](const Cand& a, const Cand& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.item != b.item ? a.item < b.item : a.cls < b.cls;
  };
  std::vector<Cand> cands;
  std::vector<Cand> own;  // one state's best transitions
  while (!cur[0].terminal()) {
    cands.clear();
    for (std::size_t k = 0; k < live; ++k) {
      const State& st = cur[k];
      const int nf = st.features(attrs.data(), feats, m.sets);
      std::fill(scores.begin(), scores.end(), 0);
      m.weights.score(feats, nf, scores.data());
      const auto each_valid = [&](auto&& f) { for_each_valid(st, labels, m.root_label, f); };
      std::int32_t top = std::numeric_limits<std::int32_t>::min();
      each_valid([&](int c) { top = std::max(top, scores[static_cast<std::size_t>(c)]); });
      double z = 0.0;
      own.clear();
      each_valid([&](int c) {
        const double x = t * (scores[static_cast<std::size_t>(c)] - top);
        if (x > -30.0) z += std::exp(x);  // the rest add less than 1e-13 each
        const Cand cand{x, static_cast<std::uint32_t>(k), c};
        // Only a state's own best `width` transitions can be among the beam's best.
        if (own.size() < width) {
          own.push_back(cand);
          std::push_heap(own.begin(), own.end(), better);
        } else if (better(cand, own.front())) {
          std::pop_heap(own.begin(), own.end(), better);
          own.back() = cand;
          std::push_heap(own.begin(), own.end(), better);
        }
      });
      const double norm = std::log(z);
      for (auto cand : own) {
        cand.score = cur_score[k] + cand.score - norm;
        cands.push_back(cand);
      }
    }
    const std::size_t keep = std::min(width, cands.size());
    std::partial_sort(cands.begin(), cands.begin() + static_cast<std::ptrdiff_t>(keep), cands.end(),
                      better);
    for (std::size_t c = 0; c < keep; ++c) {
      nxt[c] = cur[cands[c].item];  // copy-assignment reuses the vectors' storage
      nxt[c].apply(cands[c].cls);
      nxt_score[c] = cands[c].score;
    }
    live = keep;
    std::swap(cur, nxt);
    std::swap(cur_score, nxt_score);
  }
  return std::move(cur[0]);
}

void parse_with(const DependencyParser::Model& m, ConlluSentence& sentence) {
  const int n = static_cast<int>(sentence.tokens.size());
  if (n == 0) return;
  const int labels = static_cast<int>(m.labels.size());
  const std::vector<WordAttrs> attrs = sentence_attrs(sentence, m);
  State st;
  if (m.decoding.beam > 1) {
    st = beam_parse(m, attrs, n);
  } else {
    st.init(n, labels);
    std::uint64_t feats[parser::kMaxFeatures];
    std::vector<std::int32_t> scores(static_cast<std::size_t>(m.weights.classes()));
    while (!st.terminal()) {
      const int nf = st.features(attrs.data(), feats, m.sets);
      std::fill(scores.begin(), scores.end(), 0);
      m.weights.score(feats, nf, scores.data());
      st.apply(best_valid(st, scores.data(), labels, m.root_label));
    }
  }
  for (int i = 1; i <= n; ++i) {
    auto& t = sentence.tokens[static_cast<std::size_t>(i - 1)];
    t.head = st.head(i);
    t.deprel = m.labels[static_cast<std::size_t>(st.label(i))];
  }
  parser::attach_punctuation(sentence);
}

// ---------------------------------------------------------------- training

// Lifts non-projective arcs (shortest first) to the grandparent until the tree
// is projective; the arc-hybrid oracle is exact only for projective trees.
void projectivize(std::vector<int>& head) {
  const int n = static_cast<int>(head.size()) - 1;
  const auto dominated = [&](int h, int k) {
    for (int x = k; x != 0; x = head[static_cast<std::size_t>(x)]) {
      if (x == h) return true;
    }
    return h == 0;
  };
  for (int guard = 0; guard < n * n + 1; ++guard) {
    int worst = -1;
    int worst_len = std::numeric_limits<int>::max();
    for (int d = 1; d <= n; ++d) {
      const int h = head[static_cast<std::size_t>(d)];
      const int lo = std::min(h, d), hi = std::max(h, d);
      if (hi - lo >= worst_len) continue;
      for (int k = lo + 1; k < hi; ++k) {
        if (!dominated(h, k)) {
          worst = d;
          worst_len = hi - lo;
          break;
        }
      }
    }
    if (worst < 0) return;
    const auto w = static_cast<std::size_t>(worst);
    head[w] = head[static_cast<std::size_t>(head[w])];
  }
}

struct TrainSentence {
  const ConlluSentence* source = nullptr;
  std::vector<WordAttrs> attrs;  // gold tags
  std::vector<int> head;         // gold, projectivized; index 0 unused
  std::vector<int> label;
  std::vector<std::vector<int>> children;  // sorted
  std::vector<std::uint64_t> form_key;     // for tag noise
};

// Tags a word form takes in the training data, to draw realistic tagging errors.
struct TagAlternative {
  std::uint64_t xpos;
  std::uint64_t upos;
  std::uint32_t count;
};

class Oracle {
 public:
  Oracle(const TrainSentence& s, int labels) : s_(s), labels_(labels) {}

  // Cost (gold arcs made unreachable) of every transition; -1 when invalid.
  void costs(const State& st, int root_label, std::vector<int>& out) const {
    std::fill(out.begin(), out.end(), -1);
    const int s0 = st.s(0), s1 = st.s(1), b0 = st.buf(0), b = st.b();
    const auto deps_in_buffer = [&](int w) {
      const auto& c = s_.children[static_cast<std::size_t>(w)];
      return static_cast<int>(c.end() - std::lower_bound(c.begin(), c.end(), b));
    };
    if (st.can_shift()) {
      int cost = 0;
      const int h = s_.head[static_cast<std::size_t>(b0)];
      if (h != s0 && h < b0 && st.in_stack(h)) ++cost;
      for (int c : s_.children[static_cast<std::size_t>(b0)]) {
        if (c >= b0) break;
        if (st.in_stack(c)) ++cost;
      }
      out[0] = cost;
    }
    if (st.can_left()) {
      const int h = s_.head[static_cast<std::size_t>(s0)];
      int cost = deps_in_buffer(s0);
      if (h == s1 || h > b0) ++cost;
      const int gold_label = s_.label[static_cast<std::size_t>(s0)];
      for (int l = 0; l < labels_; ++l) {
        if (l == root_label) continue;
        out[static_cast<std::size_t>(1 + l)] = cost + (h == b0 && l != gold_label ? 1 : 0);
      }
    }
    const bool right_root = st.can_right_root();
    if (right_root || st.can_right_word()) {
      const int h = s_.head[static_cast<std::size_t>(s0)];
      int cost = deps_in_buffer(s0);
      if (h >= b) ++cost;
      const int gold_label = s_.label[static_cast<std::size_t>(s0)];
      for (int l = 0; l < labels_; ++l) {
        if ((l == root_label) != right_root) continue;
        out[static_cast<std::size_t>(1 + labels_ + l)] =
            cost + (h == s1 && l != gold_label ? 1 : 0);
      }
    }
  }

 private:
  const TrainSentence& s_;
  int labels_;
};

std::string format_scores(const AttachmentScores& s) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "UAS %.2f LAS %.2f (CoNLL18 %.2f, no punct %.2f) words %zu",
                s.uas(), s.las(), s.las_universal(), s.las_no_punct(), s.words);
  return buf;
}

// ---------------------------------------------------------------- file format

class Writer {
 public:
  void bytes(const void* p, std::size_t n) {
    const auto* c = static_cast<const char*>(p);
    data_.insert(data_.end(), c, c + n);
  }
  template <class T>
  void pod(T v) {
    bytes(&v, sizeof v);
  }
  void str(const std::string& s) {
    pod(static_cast<std::uint32_t>(s.size()));
    bytes(s.data(), s.size());
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    pod(static_cast<std::uint64_t>(v.size()));
    bytes(v.data(), v.size() * sizeof(T));
  }
  std::vector<char>& data() { return data_; }

 private:
  std::vector<char> data_;
};

class Reader {
 public:
  Reader(const char* p, std::size_t n) : p_(p), n_(n) {}
  bool bytes(void* out, std::size_t n) {
    if (n > n_ - pos_) return false;
    std::memcpy(out, p_ + pos_, n);
    pos_ += n;
    return true;
  }
  template <class T>
  bool pod(T& v) {
    return bytes(&v, sizeof v);
  }
  bool str(std::string& s) {
    std::uint32_t len = 0;
    if (!pod(len) || len > n_ - pos_) return false;
    s.assign(p_ + pos_, len);
    pos_ += len;
    return true;
  }
  template <class T>
  bool vec(std::vector<T>& v) {
    std::uint64_t len = 0;
    if (!pod(len) || len > (n_ - pos_) / sizeof(T)) return false;
    v.resize(static_cast<std::size_t>(len));
    return bytes(v.data(), v.size() * sizeof(T));
  }
  [[nodiscard]] bool at_end() const { return pos_ == n_; }

 private:
  const char* p_;
  std::size_t n_;
  std::size_t pos_ = 0;
};

// Sorted (key, value) pairs as one key, value, key, value ... run for the file.
template <class V>
std::vector<std::uint64_t> interleave(const std::vector<std::pair<std::uint64_t, V>>& pairs) {
  std::vector<std::uint64_t> out;
  out.reserve(2 * pairs.size());
  for (const auto& [key, value] : pairs) {
    out.push_back(key);
    out.push_back(value);
  }
  return out;
}

std::uint64_t checksum(const char* p, std::size_t n) {
  return parser::hash_bytes(std::string_view(p, n), 0x5eed);
}

}  // namespace

// ---------------------------------------------------------------- scores

AttachmentScores& AttachmentScores::operator+=(const AttachmentScores& o) {
  words += o.words;
  head_correct += o.head_correct;
  label_correct += o.label_correct;
  universal_correct += o.universal_correct;
  words_no_punct += o.words_no_punct;
  label_correct_no_punct += o.label_correct_no_punct;
  return *this;
}

Result<AttachmentScores> score_attachments(const std::vector<ConlluSentence>& gold,
                                           const std::vector<ConlluSentence>& predicted) {
  if (gold.size() != predicted.size()) {
    return fail(Error::Code::kInvalidArgument,
                "gold has " + std::to_string(gold.size()) + " sentences but the parse has " +
                    std::to_string(predicted.size()),
                {}, 0, 0, "score parses of the same sentences, with gold tokenization");
  }
  const auto universal = [](const std::string& r) {
    return std::string_view(r).substr(0, r.find(':'));
  };
  AttachmentScores s;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    const auto& g = gold[i].tokens;
    const auto& p = predicted[i].tokens;
    if (g.size() != p.size()) {
      return fail(Error::Code::kInvalidArgument,
                  "sentence " + std::to_string(i + 1) + " has " + std::to_string(g.size()) +
                      " gold words but " + std::to_string(p.size()) + " parsed words",
                  {}, 0, 0, "score parses of the same sentences, with gold tokenization");
    }
    for (std::size_t j = 0; j < g.size(); ++j) {
      const bool head = g[j].head == p[j].head;
      const bool label = head && g[j].deprel == p[j].deprel;
      const bool punct = g[j].upos == "PUNCT";
      ++s.words;
      s.head_correct += head ? 1 : 0;
      s.label_correct += label ? 1 : 0;
      s.universal_correct += head && universal(g[j].deprel) == universal(p[j].deprel) ? 1 : 0;
      if (!punct) {
        ++s.words_no_punct;
        s.label_correct_no_punct += label ? 1 : 0;
      }
    }
  }
  return s;
}

// ---------------------------------------------------------------- parser

DependencyParser::DependencyParser() = default;

DependencyParser::DependencyParser(std::shared_ptr<const Model> model) : model_(std::move(model)) {}

std::vector<std::string> DependencyParser::relations() const {
  return model_ ? model_->labels : std::vector<std::string>{};
}

DependencyParser::Decoding DependencyParser::decoding() const {
  return model_ ? model_->decoding : Decoding{};
}

void DependencyParser::set_decoding(const Decoding& d) {
  if (!model_) return;
  // The model is shared by copies of this parser: give this one its own.
  auto copy = std::make_shared<Model>(*model_);
  copy->decoding = d;
  if (copy->decoding.beam < 1) copy->decoding.beam = 1;
  model_ = std::move(copy);
}

DependencyParser::Decoding DependencyParser::tune_beam(int beam,
                                                       const std::vector<ConlluSentence>& dev_gold,
                                                       const std::vector<ConlluSentence>& dev_input,
                                                       std::ostream* log) {
  if (!model_ || beam <= 1) {
    set_decoding({});
    return decoding();
  }
  // Temperatures in units of the largest weight: the softmax of t * score is as sharp
  // for every model whatever its weight scale.
  static const double kGrid[] = {2.0, 2.5, 3.0, 3.5, 4.0, 4.5};
  const double unit = 1.0 / static_cast<double>(1 << parser::kWeightBits);
  // One copy of the model for this parser (as set_decoding makes), whose decoding each
  // grid point then sets in place.
  auto own = std::make_shared<Model>(*model_);
  model_ = own;
  Decoding best{beam, kGrid[0] * unit};
  double best_las = -1.0;
  for (const double g : kGrid) {
    own->decoding = {beam, g * unit};
    std::vector<ConlluSentence> parsed = dev_input;
    for (auto& s : parsed) {
      for (auto& t : s.tokens) t.head = -1;
    }
    parse(parsed);
    const auto sc = score_attachments(dev_gold, parsed);
    if (!sc) continue;
    if (log) {
      *log << "parser: beam " << beam << " temperature " << g << "/2^" << parser::kWeightBits
           << ": dev UAS " << std::fixed << std::setprecision(2) << sc->uas() << " LAS "
           << sc->las() << "\n";
    }
    if (sc->las() > best_las) {
      best_las = sc->las();
      best = {beam, g * unit};
    }
  }
  own->decoding = best;
  return best;
}

std::size_t DependencyParser::weight_count() const {
  return model_ ? model_->weights.entries() : 0;
}

void DependencyParser::parse(ConlluSentence& sentence) const {
  if (sentence.tokens.empty()) return;
  if (!model_) {
    for (std::size_t i = 0; i < sentence.tokens.size(); ++i) {
      sentence.tokens[i].head = i == 0 ? 0 : 1;
      sentence.tokens[i].deprel = i == 0 ? "root" : "dep";
    }
    return;
  }
  parse_with(*model_, sentence);
}

namespace {

// Whether the tree keeps tokens [b, e) together: one of them attaches outside, and no
// word outside attaches to any of the others.
bool kept_whole(const ConlluSentence& s, std::size_t b, std::size_t e) {
  const auto inside = [&](int head) {  // 1-based head; 0 is the root, outside
    return head > static_cast<int>(b) && head <= static_cast<int>(e);
  };
  int out = -1;
  for (std::size_t i = b; i < e; ++i) {
    if (inside(s.tokens[i].head)) continue;
    if (out >= 0) return false;
    out = static_cast<int>(i);
  }
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    if (i >= b && i < e) continue;
    const int h = s.tokens[i].head;
    if (inside(h) && h - 1 != out) return false;
  }
  return out >= 0;
}

}  // namespace

void DependencyParser::parse(ConlluSentence& sentence, const std::vector<Name>& names) const {
  parse(sentence);
  const std::size_t n = sentence.tokens.size();
  // unit[i]: the word of the reduced sentence that token i belongs to; the names kept.
  std::vector<std::size_t> unit(n);
  std::vector<const Name*> kept;
  std::vector<char> taken(n, 0);
  bool split = false;
  for (const auto& name : names) {
    if (name.end > n || name.begin + 2 > name.end) continue;
    bool ok = true;
    for (std::size_t i = name.begin; i < name.end && ok; ++i) {
      ok = taken[i] == 0 && sentence.tokens[i].upos == "PROPN";
    }
    if (!ok) continue;
    for (std::size_t i = name.begin; i < name.end; ++i) taken[i] = 1;
    split = split || !kept_whole(sentence, name.begin, name.end);
    kept.push_back(&name);
  }
  // A sentence whose parse keeps every name whole keeps that parse; otherwise all its
  // names are parsed as words.
  if (!split) return;
  std::sort(kept.begin(), kept.end(),
            [](const Name* a, const Name* b) { return a->begin < b->begin; });
  // The reduced sentence: a name becomes its head word.
  ConlluSentence reduced;
  std::vector<std::size_t> head_token;  // reduced word -> token that carries its arc
  std::size_t k = 0;
  for (std::size_t i = 0; i < n;) {
    if (k < kept.size() && kept[k]->begin == i) {
      const Name& name = *kept[k++];
      const std::size_t h = name.person ? name.begin : name.end - 1;
      for (std::size_t j = name.begin; j < name.end; ++j) unit[j] = reduced.tokens.size();
      reduced.tokens.push_back(sentence.tokens[h]);
      head_token.push_back(h);
      i = name.end;
    } else {
      unit[i] = reduced.tokens.size();
      reduced.tokens.push_back(sentence.tokens[i]);
      head_token.push_back(i);
      ++i;
    }
  }
  parse(reduced);
  for (std::size_t i = 0; i < n; ++i) {
    auto& t = sentence.tokens[i];
    const std::size_t u = unit[i];
    const std::size_t h = head_token[u];
    if (h != i) {  // a word of a name other than its head
      t.head = static_cast<int>(h) + 1;
      t.deprel = h < i ? "flat" : "compound";
      continue;
    }
    const auto& r = reduced.tokens[u];
    t.head =
        r.head == 0 ? 0 : static_cast<int>(head_token[static_cast<std::size_t>(r.head - 1)]) + 1;
    t.deprel = r.deprel;
  }
}

void DependencyParser::parse(std::vector<ConlluSentence>& sentences) const {
  for (auto& s : sentences) parse(s);
}

DependencyParser DependencyParser::train(const std::vector<ConlluSentence>& train,
                                         const std::vector<ConlluSentence>* dev,
                                         const ParserTrainOptions& options, std::ostream* log) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  // Relations, sorted so the model does not depend on the order of the data.
  std::map<std::string, int> label_ids;
  label_ids["root"] = 0;
  for (const auto& s : train) {
    for (const auto& t : s.tokens) {
      if (t.head >= 0 && t.deprel != "_") label_ids.emplace(t.deprel, 0);
    }
  }
  auto model = std::make_shared<Model>();
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(model->labels.size());
    model->labels.push_back(name);
  }
  if (model->labels.size() > 127) {
    throw std::length_error("more than 127 dependency relations in the training data");
  }
  model->root_label = label_ids["root"];
  const int labels = static_cast<int>(model->labels.size());
  const int classes = 1 + 2 * labels;

  if (!options.vectors_file.empty()) {
    auto clusters = detail::WordClusters::from_vectors(options.vectors_file);
    if (!clusters) throw std::runtime_error(clusters.error().to_string());
    // Of two words with the same normalised form ("1999", "2017") the first in word
    // order wins (a stable sort by key keeps that order).
    std::vector<std::pair<std::uint64_t, std::uint16_t>> pairs;
    for (const auto& [word, code] : clusters->sorted()) {
      pairs.emplace_back(parser::hash_bytes(normalise(word), kFormSeed), code);
    }
    std::stable_sort(pairs.begin(), pairs.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    model->clusters.build(pairs);
    model->sets |= parser::kClusterSet;
  }
  if (!options.wordnet_dir.empty()) {
    auto lexicon = detail::WordLexicon::read_wordnet(options.wordnet_dir);
    if (!lexicon) throw std::runtime_error(lexicon.error().to_string());
    model->lexicon = std::move(*lexicon);
    model->sets |= parser::kLexiconSet;
  }
  if (options.ambiguity_classes && options.wordnet_dir.empty()) {
    model->sets |= parser::kAmbiguitySet;
    // Ambiguity classes: the XPOS tags (each at least 5 % of the word's occurrences)
    // of every normalised form seen kAmbiguityMinCount times or more.
    std::map<std::string, std::map<std::string, std::uint32_t>> counts;
    for (const auto& s : train) {
      for (const auto& t : s.tokens) ++counts[normalise(t.form)][t.xpos];
    }
    for (const auto& [form, tags] : counts) {
      std::uint32_t total = 0;
      for (const auto& [x, c] : tags) total += c;
      if (total < kAmbiguityMinCount) continue;
      std::string cls;
      for (const auto& [x, c] : tags) {
        if (c * 20 < total) continue;
        if (!cls.empty()) cls += '|';
        cls += x;
      }
      model->ambiguity.emplace(parser::hash_bytes(form, kFormSeed),
                               parser::hash_bytes(cls, kAmbiguitySeed));
    }
  }

  // Gold trees.
  std::vector<TrainSentence> data;
  std::unordered_map<std::uint64_t, std::vector<TagAlternative>> tag_alternatives;
  std::size_t skipped = 0, lifted = 0, words = 0;
  for (const auto& s : train) {
    const int n = static_cast<int>(s.tokens.size());
    bool ok = n > 0;
    int roots = 0;
    for (const auto& t : s.tokens) {
      if (t.head < 0 || t.head > n || t.deprel == "_") ok = false;
      if (t.head == 0) ++roots;
    }
    if (!ok || roots != 1) {
      ++skipped;
      continue;
    }
    TrainSentence ts;
    ts.source = &s;
    ts.attrs = sentence_attrs(s, *model);
    ts.head.assign(static_cast<std::size_t>(n + 1), 0);
    ts.label.assign(static_cast<std::size_t>(n + 1), 0);
    for (int i = 1; i <= n; ++i) {
      const auto& t = s.tokens[static_cast<std::size_t>(i - 1)];
      ts.head[static_cast<std::size_t>(i)] = t.head;
      // Root words always carry "root" so the attach-to-root move is unambiguous.
      ts.label[static_cast<std::size_t>(i)] = t.head == 0 ? model->root_label : label_ids[t.deprel];
      ts.form_key.push_back(ts.attrs[static_cast<std::size_t>(i)].form);
    }
    // Cycles would make the oracle loop; such trees are not trees.
    bool cyclic = false;
    for (int i = 1; i <= n && !cyclic; ++i) {
      int x = i;
      for (int steps = 0; x != 0; ++steps) {
        if (steps > n) {
          cyclic = true;
          break;
        }
        x = ts.head[static_cast<std::size_t>(x)];
      }
    }
    if (cyclic) {
      ++skipped;
      continue;
    }
    const std::vector<int> before = ts.head;
    projectivize(ts.head);
    if (ts.head != before) ++lifted;
    ts.children.assign(static_cast<std::size_t>(n + 2), {});
    for (int i = 1; i <= n; ++i)
      ts.children[static_cast<std::size_t>(ts.head[static_cast<std::size_t>(i)])].push_back(i);
    for (int i = 1; i <= n; ++i) {
      const auto& a = ts.attrs[static_cast<std::size_t>(i)];
      auto& alts = tag_alternatives[a.form];
      auto it = std::find_if(alts.begin(), alts.end(), [&](const TagAlternative& x) {
        return x.xpos == a.xpos && x.upos == a.upos;
      });
      if (it == alts.end()) {
        alts.push_back(TagAlternative{a.xpos, a.upos, 1});
      } else {
        ++it->count;
      }
    }
    words += static_cast<std::size_t>(n);
    data.push_back(std::move(ts));
  }
  if (log) {
    *log << "parser: " << data.size() << " training sentences (" << words << " words, " << lifted
         << " projectivized, " << skipped << " skipped), " << labels << " relations\n";
  }

  parser::TrainWeights weights(classes);
  parser::Rng rng(options.seed);
  std::vector<std::size_t> order(data.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<float> scores(static_cast<std::size_t>(classes));
  std::vector<int> costs(static_cast<std::size_t>(classes));
  std::uint64_t feats[parser::kMaxFeatures];
  std::vector<WordAttrs> noisy;
  double best_las = -1;
  int best_epoch = -1;
  State st;

  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
    std::size_t states = 0, errors = 0;
    const bool explore = epoch >= options.explore_from_epoch;
    for (const std::size_t idx : order) {
      const TrainSentence& ts = data[idx];
      const int n = static_cast<int>(ts.head.size()) - 1;
      noisy = ts.attrs;
      for (int i = 1; i <= n; ++i) {
        auto& a = noisy[static_cast<std::size_t>(i)];
        if (options.lemma_noise > 0 && rng.uniform() < options.lemma_noise) {
          a.lemma = parser::hash_bytes(
              normalise(ts.source->tokens[static_cast<std::size_t>(i - 1)].form), kLemmaSeed);
        }
        if (options.tag_noise <= 0 || rng.uniform() >= options.tag_noise) continue;
        const auto it = tag_alternatives.find(a.form);
        if (it == tag_alternatives.end() || it->second.size() < 2) continue;
        std::uint64_t total = 0;
        for (const auto& alt : it->second) {
          if (alt.xpos != a.xpos || alt.upos != a.upos) total += alt.count;
        }
        if (total == 0) continue;
        std::uint64_t pick = rng.below(total);
        for (const auto& alt : it->second) {
          if (alt.xpos == a.xpos && alt.upos == a.upos) continue;
          if (pick < alt.count) {
            a.xpos = alt.xpos;
            a.upos = alt.upos;
            break;
          }
          pick -= alt.count;
        }
      }
      Oracle oracle(ts, labels);
      st.init(n, labels);
      while (!st.terminal()) {
        const int nf = st.features(noisy.data(), feats, model->sets);
        std::fill(scores.begin(), scores.end(), 0.0F);
        weights.score(feats, nf, scores.data());
        oracle.costs(st, model->root_label, costs);
        int pred = -1, gold = -1, min_cost = std::numeric_limits<int>::max();
        for (int c = 0; c < classes; ++c) {
          const int cost = costs[static_cast<std::size_t>(c)];
          if (cost < 0) continue;
          if (pred < 0 ||
              scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(pred)])
            pred = c;
          min_cost = std::min(min_cost, cost);
        }
        for (int c = 0; c < classes; ++c) {
          if (costs[static_cast<std::size_t>(c)] != min_cost) continue;
          if (gold < 0 ||
              scores[static_cast<std::size_t>(c)] > scores[static_cast<std::size_t>(gold)])
            gold = c;
        }
        ++states;
        int next = pred;
        if (costs[static_cast<std::size_t>(pred)] != min_cost) {
          ++errors;
          weights.update(feats, nf, gold, 1.0F);
          weights.update(feats, nf, pred, -1.0F);
          if (!explore || rng.uniform() >= options.explore_probability) next = gold;
        }
        weights.tick();
        st.apply(next);
      }
    }
    const double secs = std::chrono::duration<double>(Clock::now() - started).count();
    if (log) {
      *log << "parser: epoch " << epoch + 1 << "/" << options.epochs << " train error "
           << std::fixed << std::setprecision(2)
           << 100.0 * static_cast<double>(errors) /
                  static_cast<double>(std::max<std::size_t>(states, 1))
           << "% features " << weights.features() << " time " << std::setprecision(1) << secs
           << "s";
    }
    if (dev != nullptr && !dev->empty()) {
      auto candidate = std::make_shared<Model>(*model);
      candidate->weights = weights.average(options.prune_threshold, options.min_feature_updates);
      std::vector<ConlluSentence> parsed = *dev;
      for (auto& s : parsed) parse_with(*candidate, s);
      const auto sc = score_attachments(*dev, parsed);
      const double las = sc ? sc->las() : 0.0;
      if (log && sc) *log << " dev " << format_scores(*sc);
      if (!options.select_best_epoch || las > best_las) {
        best_las = las;
        best_epoch = epoch;
        model = std::move(candidate);
      }
    }
    if (log) *log << std::endl;
  }
  if (dev == nullptr || dev->empty()) {
    model->weights = weights.average(options.prune_threshold, options.min_feature_updates);
  } else if (log && options.select_best_epoch) {
    *log << "parser: keeping epoch " << best_epoch + 1 << " (dev LAS " << std::fixed
         << std::setprecision(2) << best_las << ")\n";
  }
  if (log) {
    *log << "parser: model has " << model->weights.features() << " features, "
         << model->weights.entries() << " weights\n";
  }
  return DependencyParser(std::move(model));
}

Result<void> DependencyParser::save(const std::string& path) const {
  if (!model_) {
    return fail(Error::Code::kInvalidArgument, "no parser model to save", path, 0, 0,
                "train or load a model first");
  }
  Writer w;
  w.bytes(kMagic.data(), kMagic.size());
  // Models of the older feature sets are written in their own format, byte for byte.
  const bool beam = model_->decoding.beam > 1;
  const unsigned sets = model_->sets | (beam ? parser::kBeamSet : 0U);
  const std::uint32_t format = sets == 0                       ? kOldFormatVersion
                               : sets == parser::kAmbiguitySet ? kAmbiguityFormatVersion
                                                               : kFormatVersion;
  w.pod(format);
  w.pod(format == kOldFormatVersion         ? kOldFeatureVersion
        : format == kAmbiguityFormatVersion ? kAmbiguityFeatureVersion
                                            : kFeatureVersion);
  w.pod(static_cast<std::uint32_t>(model_->labels.size()));
  for (const auto& l : model_->labels) w.str(l);
  w.pod(static_cast<std::uint32_t>(model_->root_label));
  if (format == kFormatVersion) w.pod(static_cast<std::uint32_t>(sets));
  if ((sets & parser::kAmbiguitySet) != 0) {
    // Sorted (form, class) pairs, so the file does not depend on the hash table's order.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> pairs(model_->ambiguity.begin(),
                                                               model_->ambiguity.end());
    std::sort(pairs.begin(), pairs.end());
    w.vec(interleave(pairs));
  }
  if ((sets & parser::kClusterSet) != 0) w.vec(interleave(model_->clusters.pairs()));
  if ((sets & parser::kLexiconSet) != 0) {
    detail::BinaryWriter lex;
    model_->lexicon.save(lex);
    w.str(lex.bytes());
  }
  if (beam) {
    w.pod(static_cast<std::uint32_t>(model_->decoding.beam));
    w.pod(model_->decoding.temperature);
  }
  w.pod(static_cast<std::uint32_t>(model_->weights.classes_));
  w.pod(static_cast<std::uint64_t>(model_->weights.features_));
  w.vec(model_->weights.buckets_);
  w.vec(model_->weights.entries_);
  const std::uint64_t sum = checksum(w.data().data(), w.data().size());
  w.pod(sum);

  const std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return fail(Error::Code::kIo, "cannot create the parser model file", tmp, 0, 0,
                  "check that the folder exists and is writable");
    }
    out.write(w.data().data(), static_cast<std::streamsize>(w.data().size()));
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return fail(Error::Code::kIo, "cannot write the parser model file", tmp, 0, 0,
                  "check free disk space");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return fail(Error::Code::kIo, "cannot rename the temporary parser model into place", path, 0, 0,
                "check that the folder is writable");
  }
  return {};
}

Result<DependencyParser> DependencyParser::load(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return fail(Error::Code::kInvalidArgument, "the parser model path is a folder", path, 0, 0,
                "give the path of parser.bin itself");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Error::Code::kNotFound, "cannot open the dependency parser model", path, 0, 0,
                "rebuild it with extract_parser_train (see extract/models/PARSER.md) or pass "
                "the right path");
  }
  // One read of the whole file: much faster than stream iterators on tens of MB.
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  std::vector<char> data(size > 0 ? static_cast<std::size_t>(size) : 0);
  if (size < 0 || !in.read(data.data(), static_cast<std::streamsize>(data.size()))) {
    return fail(Error::Code::kIo, "cannot read the dependency parser model", path, 0, 0,
                "check the file's permissions");
  }
  const auto corrupt = [&](const std::string& what) {
    return fail(Error::Code::kParse, "not a valid dependency parser model: " + what, path, 0, 0,
                "the file is truncated or corrupt; rebuild it with extract_parser_train");
  };
  if (data.size() < kMagic.size() + sizeof(std::uint64_t) ||
      std::string_view(data.data(), kMagic.size()) != kMagic) {
    return corrupt("wrong magic bytes");
  }
  std::uint64_t stored_sum = 0;
  std::memcpy(&stored_sum, data.data() + data.size() - sizeof stored_sum, sizeof stored_sum);
  const std::size_t body = data.size() - sizeof stored_sum;
  if (checksum(data.data(), body) != stored_sum) return corrupt("checksum mismatch");
  Reader r(data.data() + kMagic.size(), body - kMagic.size());
  std::uint32_t format = 0, features_version = 0, nlabels = 0, root = 0, classes = 0;
  std::uint64_t nfeatures = 0;
  if (!r.pod(format) || (format != kFormatVersion && format != kOldFormatVersion &&
                         format != kAmbiguityFormatVersion)) {
    return corrupt("unsupported format version");
  }
  if (!r.pod(features_version) ||
      features_version != (format == kOldFormatVersion         ? kOldFeatureVersion
                           : format == kAmbiguityFormatVersion ? kAmbiguityFeatureVersion
                                                               : kFeatureVersion)) {
    return corrupt("model made for another feature set");
  }
  auto model = std::make_shared<Model>();
  if (!r.pod(nlabels) || nlabels == 0 || nlabels > 127) return corrupt("bad relation count");
  model->labels.resize(nlabels);
  for (auto& l : model->labels) {
    if (!r.str(l)) return corrupt("truncated relation list");
  }
  if (!r.pod(root) || root >= nlabels) return corrupt("bad root relation");
  model->root_label = static_cast<int>(root);
  std::uint32_t sets =
      format == kOldFormatVersion ? 0U : static_cast<std::uint32_t>(parser::kAmbiguitySet);
  if (format == kFormatVersion &&
      (!r.pod(sets) ||
       (sets & ~(parser::kAmbiguitySet | parser::kClusterSet | parser::kLexiconSet |
                 parser::kBeamSet)) != 0 ||
       ((sets & parser::kAmbiguitySet) != 0 && (sets & parser::kLexiconSet) != 0))) {
    return corrupt("unknown feature sets");
  }
  model->sets = sets & ~static_cast<std::uint32_t>(parser::kBeamSet);
  std::vector<std::uint64_t> amb;
  if ((sets & parser::kAmbiguitySet) != 0 && (!r.vec(amb) || amb.size() % 2 != 0)) {
    return corrupt("truncated ambiguity classes");
  }
  model->ambiguity.reserve(amb.size() / 2);
  for (std::size_t i = 0; i < amb.size(); i += 2) model->ambiguity.emplace(amb[i], amb[i + 1]);
  std::vector<std::uint64_t> cl;
  if ((sets & parser::kClusterSet) != 0 && (!r.vec(cl) || cl.size() % 2 != 0)) {
    return corrupt("truncated word clusters");
  }
  std::vector<std::pair<std::uint64_t, std::uint16_t>> pairs;
  pairs.reserve(cl.size() / 2);
  for (std::size_t i = 0; i < cl.size(); i += 2) {
    if (cl[i + 1] == 0 || cl[i + 1] > detail::WordClusters::kMaxCode) {
      return corrupt("word cluster out of range");
    }
    pairs.emplace_back(cl[i], static_cast<std::uint16_t>(cl[i + 1]));
  }
  model->clusters.build(pairs);
  if ((sets & parser::kLexiconSet) != 0) {
    std::string lex;
    if (!r.str(lex)) return corrupt("truncated word lexicon");
    detail::BinaryReader lr(lex, path);
    if (!model->lexicon.load(lr)) return corrupt("bad word lexicon");
  }
  if ((sets & parser::kBeamSet) != 0) {
    std::uint32_t width = 0;
    double temperature = 0.0;
    if (!r.pod(width) || !r.pod(temperature)) return corrupt("truncated decoding");
    if (width < 2 || width > 64 || !(temperature > 0.0) || !std::isfinite(temperature)) {
      return corrupt("bad beam width or temperature");
    }
    model->decoding.beam = static_cast<int>(width);
    model->decoding.temperature = temperature;
  }
  if (!r.pod(classes) || classes != 1 + 2 * nlabels) return corrupt("bad transition count");
  model->weights.classes_ = static_cast<int>(classes);
  if (!r.pod(nfeatures)) return corrupt("truncated header");
  model->weights.features_ = static_cast<std::size_t>(nfeatures);
  if (!r.vec(model->weights.buckets_) || !r.vec(model->weights.entries_) || !r.at_end()) {
    return corrupt("truncated weights");
  }
  // Validate every reference so a damaged file can never index out of bounds.
  const auto& buckets = model->weights.buckets_;
  const auto& entries = model->weights.entries_;
  if (buckets.empty()) return corrupt("bad table size");
  std::size_t used = 0;
  for (const std::uint64_t b : buckets) {
    if (b == 0) continue;
    ++used;
    const auto begin = static_cast<std::uint32_t>(b);
    if (begin >= entries.size()) return corrupt("weight index out of range");
    const std::uint32_t count = entries[begin];
    if (count == 0 || count > classes || count > entries.size() - begin - 1) {
      return corrupt("weight run out of range");
    }
    for (std::uint32_t j = 1; j <= count; ++j) {
      if ((entries[begin + j] & 0xFFU) >= classes) return corrupt("transition out of range");
    }
  }
  if (used != nfeatures || used == buckets.size()) return corrupt("feature count mismatch");
  return DependencyParser(std::move(model));
}

}  // namespace kg::extract
