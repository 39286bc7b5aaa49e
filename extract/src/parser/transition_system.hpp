#pragma once
// Arc-hybrid transition system (Kuhlmann, Gomez-Rodriguez & Satta 2011) with the
// root word attached last, and the feature templates scored by the perceptron.
//
// Words are numbered 1..n, 0 is the artificial root (bottom of the stack) and
// n+1 stands for "no such word" so feature code never branches on absence.
// Transitions (classes): 0 = SHIFT, 1+l = LEFT with label l (pop s0, head b0),
// 1+L+l = RIGHT with label l (pop s0, head s1). The root word is attached to 0
// only when the buffer is empty and it is the last word on the stack, so every
// terminal state is a single-rooted tree.

#include <algorithm>
#include <cstdint>
#include <vector>

#include "hashing.hpp"

namespace kg::extract::parser {

/// What the features know about one word.
struct WordAttrs {
  std::uint64_t form = 0;  // lower-cased form, digits folded
  std::uint64_t lemma = 0;
  std::uint64_t xpos = 0;
  std::uint64_t upos = 0;
  std::uint64_t suffix = 0;  // last three bytes of the normalised form
  std::uint64_t shape = 0;   // capitalisation, digits, hyphen, punctuation bits
  std::uint64_t amb = 0;     // tag-ambiguity class of the form (tags it takes in training)
  std::uint64_t c0 = 0;      // word cluster of the form: coarse,
  std::uint64_t c1 = 0;      // middle
  std::uint64_t c2 = 0;      // and finest level
};

/// Optional feature sets after the base templates (bits of `sets` in State::features).
enum : unsigned {
  kAmbiguitySet = 1,  // tag-ambiguity classes (feature set 3)
  kClusterSet = 2,    // word clusters
  kLexiconSet = 4,    // WordNet classes in the ambiguity-class templates (not with set 1)
  kBeamSet = 8,       // in the file only: beam width and temperature follow (no features)
};

constexpr int kMaxFeatures = 136;

class State {
 public:
  void init(int n, int labels) {
    n_ = n;
    labels_ = labels;
    const auto size = static_cast<std::size_t>(n + 2);
    stack_.clear();
    stack_.reserve(size);
    stack_.push_back(0);
    b_ = 1;
    head_.assign(size, -1);
    label_.assign(size, labels);  // `labels` = "no label" in features
    lc1_.assign(size, n + 1);
    lc2_.assign(size, n + 1);
    rc1_.assign(size, n + 1);
    rc2_.assign(size, n + 1);
    nl_.assign(size, 0);
    nr_.assign(size, 0);
    lset_.assign(size, 0);
    rset_.assign(size, 0);
    in_stack_.assign(size, 0);
    in_stack_[0] = 1;
  }

  [[nodiscard]] bool terminal() const { return b_ > n_ && stack_.size() == 1; }
  [[nodiscard]] int none() const { return n_ + 1; }
  [[nodiscard]] int n() const { return n_; }
  [[nodiscard]] int b() const { return b_; }
  [[nodiscard]] std::size_t depth() const { return stack_.size(); }
  [[nodiscard]] int s(std::size_t i) const {
    return stack_.size() > i ? stack_[stack_.size() - 1 - i] : n_ + 1;
  }
  [[nodiscard]] int buf(int i) const { return b_ + i <= n_ ? b_ + i : n_ + 1; }
  [[nodiscard]] bool in_stack(int i) const { return in_stack_[static_cast<std::size_t>(i)] != 0; }
  [[nodiscard]] int head(int i) const { return head_[static_cast<std::size_t>(i)]; }
  [[nodiscard]] int label(int i) const { return label_[static_cast<std::size_t>(i)]; }

  [[nodiscard]] bool can_shift() const { return b_ <= n_; }
  [[nodiscard]] bool can_left() const { return stack_.size() >= 2 && b_ <= n_; }
  [[nodiscard]] bool can_right_word() const { return stack_.size() >= 3; }
  [[nodiscard]] bool can_right_root() const { return stack_.size() == 2 && b_ > n_; }

  void apply(int cls) {
    if (cls == 0) {
      in_stack_[static_cast<std::size_t>(b_)] = 1;
      stack_.push_back(b_++);
    } else if (cls <= labels_) {
      const int d = pop();
      add_arc(b_, d, cls - 1);
    } else {
      const int d = pop();
      add_arc(stack_.back(), d, cls - 1 - labels_);
    }
  }

  /// Writes the feature hashes of this state; returns their count.
  /// Writes the feature fingerprints of this state: the base templates, then those of the
  /// optional sets in `sets`; returns their number.
  int features(const WordAttrs* w, std::uint64_t* out, unsigned sets) const;

 private:
  int pop() {
    const int d = stack_.back();
    stack_.pop_back();
    in_stack_[static_cast<std::size_t>(d)] = 0;
    return d;
  }
  void add_arc(int h, int d, int l) {
    const auto hu = static_cast<std::size_t>(h);
    head_[static_cast<std::size_t>(d)] = h;
    label_[static_cast<std::size_t>(d)] = l;
    if (d < h) {
      ++nl_[hu];
      lset_[hu] |= 1ULL << (l & 63);
      if (lc1_[hu] > n_ || d < lc1_[hu]) {
        lc2_[hu] = lc1_[hu];
        lc1_[hu] = d;
      } else if (lc2_[hu] > n_ || d < lc2_[hu]) {
        lc2_[hu] = d;
      }
    } else {
      ++nr_[hu];
      rset_[hu] |= 1ULL << (l & 63);
      if (rc1_[hu] > n_ || d > rc1_[hu]) {
        rc2_[hu] = rc1_[hu];
        rc1_[hu] = d;
      } else if (rc2_[hu] > n_ || d > rc2_[hu]) {
        rc2_[hu] = d;
      }
    }
  }

  int n_ = 0;
  int labels_ = 0;
  int b_ = 1;
  std::vector<int> stack_;
  std::vector<int> head_, label_, lc1_, lc2_, rc1_, rc2_, nl_, nr_;
  std::vector<std::uint64_t> lset_, rset_;
  std::vector<std::uint8_t> in_stack_;
};

namespace detail {
inline std::uint64_t f(std::uint64_t id, std::uint64_t a) {
  return mix64(mix64(id * 0x9e3779b97f4a7c15ULL) ^ a) | 1ULL;
}
inline std::uint64_t f(std::uint64_t id, std::uint64_t a, std::uint64_t b) {
  return mix64(mix64(mix64(id * 0x9e3779b97f4a7c15ULL) ^ a) + b) | 1ULL;
}
inline std::uint64_t f(std::uint64_t id, std::uint64_t a, std::uint64_t b, std::uint64_t c) {
  return mix64(mix64(mix64(mix64(id * 0x9e3779b97f4a7c15ULL) ^ a) + b) ^ c) | 1ULL;
}
inline std::uint64_t f(std::uint64_t id, std::uint64_t a, std::uint64_t b, std::uint64_t c,
                       std::uint64_t d) {
  return mix64(mix64(mix64(mix64(mix64(id * 0x9e3779b97f4a7c15ULL) ^ a) + b) ^ c) + d) | 1ULL;
}
inline std::uint64_t bucket_distance(int d) {
  if (d <= 0) return 0;
  if (d <= 5) return static_cast<std::uint64_t>(d);
  if (d <= 10) return 6;
  return 7;
}
}  // namespace detail

inline int State::features(const WordAttrs* w, std::uint64_t* out, unsigned sets) const {
  using detail::f;
  const int s0 = s(0), s1 = s(1), s2 = s(2);
  const int b0 = buf(0), b1 = buf(1), b2 = buf(2);
  const auto z = [](int i) { return static_cast<std::size_t>(i); };
  const int s0l = lc1_[z(s0)], s0l2 = lc2_[z(s0)], s0r = rc1_[z(s0)], s0r2 = rc2_[z(s0)];
  const int b0l = lc1_[z(b0)], b0l2 = lc2_[z(b0)];
  const int s1l = lc1_[z(s1)], s1r = rc1_[z(s1)];
  const WordAttrs &S0 = w[s0], &S1 = w[s1], &S2 = w[s2], &B0 = w[b0], &B1 = w[b1], &B2 = w[b2];
  const WordAttrs &S0L = w[s0l], &S0L2 = w[s0l2], &S0R = w[s0r], &S0R2 = w[s0r2];
  const WordAttrs &B0L = w[b0l], &B0L2 = w[b0l2], &S1L = w[s1l], &S1R = w[s1r];
  const auto lab = [&](int i) { return static_cast<std::uint64_t>(label_[z(i)]) + 7777; };
  const std::uint64_t d = (s0 <= n_ && b0 <= n_) ? detail::bucket_distance(b0 - s0) : 0;
  const std::uint64_t d1 = (s1 <= n_ && s0 <= n_) ? detail::bucket_distance(s0 - s1) : 0;
  const std::uint64_t s0vl = static_cast<std::uint64_t>(nl_[z(s0)]);
  const std::uint64_t s0vr = static_cast<std::uint64_t>(nr_[z(s0)]);
  const std::uint64_t b0vl = static_cast<std::uint64_t>(nl_[z(b0)]);
  const std::uint64_t s1vl = static_cast<std::uint64_t>(nl_[z(s1)]);
  const std::uint64_t s1vr = static_cast<std::uint64_t>(nr_[z(s1)]);
  int k = 0;
  out[k++] = f(0, 0);  // bias
  // Unigrams.
  out[k++] = f(1, S0.form);
  out[k++] = f(2, S0.xpos);
  out[k++] = f(3, S0.form, S0.xpos);
  out[k++] = f(4, S0.lemma);
  out[k++] = f(5, S0.upos);
  out[k++] = f(6, B0.form);
  out[k++] = f(7, B0.xpos);
  out[k++] = f(8, B0.form, B0.xpos);
  out[k++] = f(9, B0.lemma);
  out[k++] = f(10, B0.upos);
  out[k++] = f(11, B1.form);
  out[k++] = f(12, B1.xpos);
  out[k++] = f(13, B1.form, B1.xpos);
  out[k++] = f(14, B1.upos);
  out[k++] = f(15, B2.form);
  out[k++] = f(16, B2.xpos);
  out[k++] = f(17, S1.form);
  out[k++] = f(18, S1.xpos);
  out[k++] = f(19, S1.form, S1.xpos);
  out[k++] = f(20, S1.upos);
  out[k++] = f(21, S1.lemma);
  out[k++] = f(22, S2.xpos);
  out[k++] = f(23, S2.form);
  // Pairs.
  out[k++] = f(24, S0.form, S0.xpos, B0.form, B0.xpos);
  out[k++] = f(25, S0.form, S0.xpos, B0.form);
  out[k++] = f(26, S0.form, B0.form, B0.xpos);
  out[k++] = f(27, S0.form, S0.xpos, B0.xpos);
  out[k++] = f(28, S0.xpos, B0.form, B0.xpos);
  out[k++] = f(29, S0.form, B0.form);
  out[k++] = f(30, S0.xpos, B0.xpos);
  out[k++] = f(31, B0.xpos, B1.xpos);
  out[k++] = f(32, S0.lemma, B0.lemma);
  out[k++] = f(33, S0.upos, B0.upos);
  out[k++] = f(34, S1.xpos, S0.xpos);
  out[k++] = f(35, S1.form, S0.form);
  out[k++] = f(36, S1.form, S1.xpos, S0.xpos);
  out[k++] = f(37, S1.xpos, S0.form, S0.xpos);
  out[k++] = f(38, S0.lemma, B0.xpos);
  out[k++] = f(39, S0.xpos, B0.lemma);
  out[k++] = f(40, S1.lemma, S0.lemma);
  // Tag trigrams.
  out[k++] = f(41, B0.xpos, B1.xpos, B2.xpos);
  out[k++] = f(42, S0.xpos, B0.xpos, B1.xpos);
  out[k++] = f(43, S1.xpos, S0.xpos, B0.xpos);
  out[k++] = f(44, S0.xpos, S0L.xpos, B0.xpos);
  out[k++] = f(45, S0.xpos, S0R.xpos, B0.xpos);
  out[k++] = f(46, S0.xpos, B0.xpos, B0L.xpos);
  out[k++] = f(47, S0.xpos, S0L.xpos, S0L2.xpos);
  out[k++] = f(48, S0.xpos, S0R.xpos, S0R2.xpos);
  out[k++] = f(49, B0.xpos, B0L.xpos, B0L2.xpos);
  out[k++] = f(50, S2.xpos, S1.xpos, S0.xpos);
  out[k++] = f(51, S1.xpos, S1R.xpos, S0.xpos);
  out[k++] = f(52, S1.xpos, S1L.xpos, S0.xpos);
  out[k++] = f(53, S0.upos, B0.upos, B1.upos);
  out[k++] = f(54, S1.upos, S0.upos, B0.upos);
  // Distance.
  out[k++] = f(55, S0.form, d);
  out[k++] = f(56, S0.xpos, d);
  out[k++] = f(57, B0.form, d);
  out[k++] = f(58, B0.xpos, d);
  out[k++] = f(59, S0.form, B0.form, d);
  out[k++] = f(60, S0.xpos, B0.xpos, d);
  out[k++] = f(61, S1.xpos, S0.xpos, d1);
  out[k++] = f(62, S1.form, S0.form, d1);
  // Valency.
  out[k++] = f(63, S0.form, s0vr);
  out[k++] = f(64, S0.xpos, s0vr);
  out[k++] = f(65, S0.form, s0vl);
  out[k++] = f(66, S0.xpos, s0vl);
  out[k++] = f(67, B0.form, b0vl);
  out[k++] = f(68, B0.xpos, b0vl);
  out[k++] = f(69, S1.xpos, s1vr);
  out[k++] = f(70, S1.xpos, s1vl);
  // Children.
  out[k++] = f(71, S0L.form);
  out[k++] = f(72, S0L.xpos);
  out[k++] = f(73, lab(s0l));
  out[k++] = f(74, S0R.form);
  out[k++] = f(75, S0R.xpos);
  out[k++] = f(76, lab(s0r));
  out[k++] = f(77, B0L.form);
  out[k++] = f(78, B0L.xpos);
  out[k++] = f(79, lab(b0l));
  out[k++] = f(80, lab(s1r));
  out[k++] = f(81, lab(s1l));
  out[k++] = f(82, S0L2.form);
  out[k++] = f(83, S0L2.xpos);
  out[k++] = f(84, lab(s0l2));
  out[k++] = f(85, S0R2.form);
  out[k++] = f(86, S0R2.xpos);
  out[k++] = f(87, lab(s0r2));
  out[k++] = f(88, B0L2.form);
  out[k++] = f(89, B0L2.xpos);
  out[k++] = f(90, lab(b0l2));
  out[k++] = f(91, S0.xpos, lab(s0l), lab(s0l2));
  out[k++] = f(92, S0.xpos, lab(s0r), lab(s0r2));
  out[k++] = f(93, B0.xpos, lab(b0l), lab(b0l2));
  // Label sets.
  out[k++] = f(94, S0.form, lset_[z(s0)]);
  out[k++] = f(95, S0.xpos, lset_[z(s0)]);
  out[k++] = f(96, S0.form, rset_[z(s0)]);
  out[k++] = f(97, S0.xpos, rset_[z(s0)]);
  out[k++] = f(98, B0.form, lset_[z(b0)]);
  out[k++] = f(99, B0.xpos, lset_[z(b0)]);
  out[k++] = f(100, S1.xpos, rset_[z(s1)]);
  // Lexical attachment preferences with the children already found.
  out[k++] = f(101, S0.lemma, S0R.lemma);
  out[k++] = f(102, S0.lemma, B0.xpos, B1.xpos);
  out[k++] = f(103, S1.lemma, S0.xpos, B0.xpos);
  // Spelling, for words the tagger or the training data do not know well.
  out[k++] = f(104, S0.suffix);
  out[k++] = f(105, B0.suffix);
  out[k++] = f(106, S0.shape, B0.shape);
  out[k++] = f(107, B0.shape, B0.xpos);
  out[k++] = f(108, B1.suffix);
  if ((sets & (kAmbiguitySet | kLexiconSet)) != 0) {
    // Tag-ambiguity classes (treebank or WordNet): what the word could be, whatever the
    // tagger chose.
    out[k++] = f(109, S0.amb);
    out[k++] = f(110, B0.amb);
    out[k++] = f(111, B1.amb);
    out[k++] = f(112, S1.amb);
    out[k++] = f(113, S0.amb, B0.amb);
    out[k++] = f(114, S0.amb, S0.xpos, B0.xpos);
    out[k++] = f(115, S0.xpos, B0.amb, B0.xpos);
    out[k++] = f(116, B0.amb, B1.amb);
    out[k++] = f(117, S1.amb, S0.amb);
  }
  if ((sets & kClusterSet) == 0) return k;
  // Word clusters: how words the treebanks rarely show behave in a large corpus.
  out[k++] = f(118, S0.c2);
  out[k++] = f(119, B0.c2);
  out[k++] = f(120, S0.c1);
  out[k++] = f(121, B0.c1);
  out[k++] = f(122, B1.c1);
  out[k++] = f(123, S1.c1);
  out[k++] = f(124, S0.c1, B0.c1);
  out[k++] = f(125, S0.c2, B0.xpos);
  out[k++] = f(126, S0.xpos, B0.c2);
  out[k++] = f(127, S1.c1, S0.c1);
  out[k++] = f(128, S0.c0, B0.c0, d);
  out[k++] = f(129, S0.c1, S0R.c1);
  return k;
}

}  // namespace kg::extract::parser
