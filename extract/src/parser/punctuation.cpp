#include "punctuation.hpp"

#include <string_view>
#include <vector>

namespace kg::extract::parser {

namespace {

// The closing mark of an opening quote or bracket, or "" for other forms.
std::string_view closing_of(std::string_view form) {
  if (form == "(") return ")";
  if (form == "[") return "]";
  if (form == "{") return "}";
  if (form == "\"") return "\"";
  if (form == "'") return "'";
  if (form == "\xE2\x80\x9C") return "\xE2\x80\x9D";  // “ ”
  if (form == "\xE2\x80\x98") return "\xE2\x80\x99";  // ‘ ’
  return {};
}

bool is_final(std::string_view form) { return form == "." || form == "?" || form == "!"; }

enum class Pair : unsigned char { kNone, kOpening, kClosing };

// The tree: words 1..n, head[0] unused (the root).
class Tree {
 public:
  explicit Tree(const ConlluSentence& s)
      : n_(static_cast<int>(s.tokens.size())),
        head_(static_cast<std::size_t>(n_) + 1, 0),
        punct_(static_cast<std::size_t>(n_) + 1, 0),
        first_(static_cast<std::size_t>(n_) + 1, 0),
        last_(static_cast<std::size_t>(n_) + 1, 0),
        mark_(static_cast<std::size_t>(n_) + 1, 0) {
    for (int i = 1; i <= n_; ++i) {
      const auto& t = s.tokens[static_cast<std::size_t>(i - 1)];
      head_[static_cast<std::size_t>(i)] = t.head;
      punct_[static_cast<std::size_t>(i)] = t.upos == "PUNCT" ? 1 : 0;
    }
  }

  [[nodiscard]] int size() const { return n_; }
  [[nodiscard]] int head(int i) const { return head_[static_cast<std::size_t>(i)]; }
  void set_head(int i, int h) {
    head_[static_cast<std::size_t>(i)] = h;
    spans_known_ = false;
  }
  [[nodiscard]] bool punct(int i) const { return punct_[static_cast<std::size_t>(i)] != 0; }

  // Whether a is x or one of x's ancestors (the root, 0, is everyone's ancestor).
  [[nodiscard]] bool dominates(int a, int x) const {
    for (int steps = 0; steps <= n_ + 1; ++steps) {
      if (x == a) return true;
      if (x <= 0) return false;
      x = head(x);
    }
    return false;  // a cycle; not reached for a tree
  }

  // First and last word of the subtree of i (i included); computed for all words at
  // once and kept until a head changes.
  [[nodiscard]] int first(int i) const {
    update_spans();
    return first_[static_cast<std::size_t>(i)];
  }
  [[nodiscard]] int last(int i) const {
    update_spans();
    return last_[static_cast<std::size_t>(i)];
  }

  // Whether the arc into i spans a word its head does not dominate.
  [[nodiscard]] bool nonprojective(int i) const {
    const int h = head(i);
    if (h <= 0) return false;
    const int lo = h < i ? h : i;
    const int hi = h < i ? i : h;
    for (int j = lo + 1; j < hi; ++j) {
      if (!dominates(h, j)) return true;
    }
    return false;
  }

  // Whether i lies under an arc whose head is not one of i's ancestors.
  [[nodiscard]] bool in_gap(int i) const {
    if (i <= 0) return false;
    ++stamp_;
    int x = i;
    for (int steps = 0; steps <= n_ && x > 0; ++steps) {
      mark_[static_cast<std::size_t>(x)] = stamp_;
      x = head(x);
    }
    mark_[0] = stamp_;
    for (int j = 1; j <= n_; ++j) {
      const int h = head(j);
      const bool spans = (j < i && h > i) || (j > i && h < i);
      if (spans && mark_[static_cast<std::size_t>(h)] != stamp_) return true;
    }
    return false;
  }

  [[nodiscard]] bool causes_gap(int i) const { return in_gap(i) && !in_gap(head(i)); }

  // Whether every word reaches the root.
  [[nodiscard]] bool acyclic() const {
    for (int i = 1; i <= n_; ++i) {
      if (!dominates(0, i)) return false;
    }
    return true;
  }

  // Whether attaching i to c keeps the tree projective around i.
  bool projective_under(int i, int c) {
    const int orig = head(i);
    set_head(i, c);
    const bool ok = !nonprojective(i) && !causes_gap(i);
    set_head(i, orig);
    return ok;
  }

 private:
  void update_spans() const {
    if (spans_known_) return;
    for (int i = 0; i <= n_; ++i) {
      first_[static_cast<std::size_t>(i)] = i;
      last_[static_cast<std::size_t>(i)] = i;
    }
    for (int j = 1; j <= n_; ++j) {
      int x = head(j);
      for (int steps = 0; steps <= n_ && x > 0; ++steps) {
        auto& f = first_[static_cast<std::size_t>(x)];
        auto& l = last_[static_cast<std::size_t>(x)];
        f = j < f ? j : f;
        l = j > l ? j : l;
        x = head(x);
      }
    }
    spans_known_ = true;
  }

  int n_;
  std::vector<int> head_;
  std::vector<unsigned char> punct_;
  mutable std::vector<int> first_;
  mutable std::vector<int> last_;
  mutable bool spans_known_ = false;
  mutable std::vector<int> mark_;  // in_gap's ancestor marks, by stamp
  mutable int stamp_ = 0;
};

void fix_pair(Tree& t, std::vector<Pair>& pair, int open, int close) {
  std::vector<int> heads;
  std::vector<int> punct_heads;
  for (int j = open + 1; j < close; ++j) {
    const int h = t.head(j);
    if (h < open || h > close) (t.punct(j) ? punct_heads : heads).push_back(j);
  }
  if (heads.empty()) heads = punct_heads;  // only marks inside: attach to a mark
  if (heads.empty()) return;               // "()": an ordinary mark
  const int open_head = t.head(open);
  const int close_head = t.head(close);
  t.set_head(open, heads.front());
  t.set_head(close, heads.back());
  pair[static_cast<std::size_t>(open)] = Pair::kOpening;
  pair[static_cast<std::size_t>(close)] = Pair::kClosing;
  // Rare non-projective trees inside the pair ("the (lack of) reproducibility"): move a
  // mark to the nearest word inside that leaves no gap.
  if (t.causes_gap(open)) {
    t.set_head(open, open + 1);
    while (t.head(open) < close - 1 &&
           (t.punct(t.head(open)) || t.nonprojective(open) || t.causes_gap(open))) {
      t.set_head(open, t.head(open) + 1);
    }
  }
  if (t.causes_gap(close)) {
    t.set_head(close, close - 1);
    while (t.head(close) > open + 1 &&
           (t.punct(t.head(close)) || t.nonprojective(close) || t.causes_gap(close))) {
      t.set_head(close, t.head(close) - 1);
    }
  }
  // Marks hung on marks inside the pair can close a cycle: then the pair stays as it was.
  if (!t.acyclic()) {
    t.set_head(open, open_head);
    t.set_head(close, close_head);
    pair[static_cast<std::size_t>(open)] = Pair::kNone;
    pair[static_cast<std::size_t>(close)] = Pair::kNone;
  }
}

// Attaches a mark that is not one of a pair; false when it is left as it was (an
// abbreviation's dot, a mark working as a pair, no word to attach to).
bool fix_subordinate(Tree& t, const std::vector<Pair>& pair, const ConlluSentence& s, int i) {
  const std::string_view form = s.tokens[static_cast<std::size_t>(i - 1)].form;
  if (form == "." && t.head(i) == i - 1) return false;  // an abbreviation's or ordinal's dot
  const int p = t.head(i);
  // Commas or dashes around a unit, both attached to its head, work as a pair.
  if (p > 0) {
    const int a = t.first(p);
    const int b = t.last(p);
    bool contiguous = true;
    for (int j = a; j <= b && contiguous; ++j) contiguous = t.dominates(p, j);
    if ((i == a || i == b) && contiguous && a != b && t.punct(a) && t.punct(b) && t.head(a) == p &&
        t.head(b) == p) {
      return false;
    }
  }
  // The nearest words on each side, past other marks; a sentence-final mark looks left only.
  const int n = t.size();
  int l = i - 1;
  int r = is_final(form) ? 0 : i + 1;
  while (l > 0 && t.punct(l)) {
    if (pair[static_cast<std::size_t>(l)] == Pair::kOpening && t.head(l) != i) {
      l = 0;
      break;
    }
    --l;
  }
  while (r > 0 && r <= n && t.punct(r)) {
    if (pair[static_cast<std::size_t>(r)] == Pair::kClosing && t.head(r) != i) {
      r = 0;
      break;
    }
    ++r;
  }
  if (r > n) r = 0;
  // Climb while the head stays on the same side and the subtree does not cross the mark.
  std::vector<int> left;
  std::vector<int> right;
  if (l > 0) {
    left.push_back(l);
    for (int steps = 0; steps < n && t.head(l) > 0 && t.head(l) < i && t.last(l) < i; ++steps) {
      l = t.head(l);
      left.push_back(l);
    }
  }
  if (r > 0) {
    right.push_back(r);
    for (int steps = 0; steps < n && t.head(r) > 0 && t.head(r) > i && t.first(r) > i; ++steps) {
      r = t.head(r);
      right.push_back(r);
    }
  }
  const auto keep_projective = [&](std::vector<int>& path) {
    std::vector<int> kept;
    for (int c : path) {
      if (!t.dominates(i, c) && t.projective_under(i, c)) kept.push_back(c);
    }
    path.swap(kept);
  };
  keep_projective(left);
  keep_projective(right);
  const int lc = left.empty() ? 0 : left.back();
  const int rc = right.empty() ? 0 : right.back();
  int cand = 0;
  std::vector<int> path;
  if (lc > 0 && rc > 0 && t.dominates(rc, lc)) {  // the lower of the two
    cand = lc;
    path = left;
  } else if (lc > 0 && rc > 0 && t.dominates(lc, rc)) {
    cand = rc;
    path = right;
  } else {
    cand = lc > 0 ? lc : rc;
    path = left;
    path.insert(path.end(), right.begin(), right.end());
  }
  if (cand == 0) return false;
  bool on_path = false;
  for (int c : path) on_path = on_path || c == p;
  if (!on_path) t.set_head(i, cand);
  return true;
}

}  // namespace

void attach_punctuation(ConlluSentence& sentence) {
  Tree t(sentence);
  const int n = t.size();
  if (n == 0) return;
  for (int i = 1; i <= n; ++i) {
    if (t.head(i) < 0 || t.head(i) > n) return;  // not a parsed tree: leave it alone
  }
  for (int i = 1; i <= n; ++i) {
    if (!t.dominates(0, i)) return;  // a cycle
  }
  // 1. Marks have no dependents: theirs move up to the mark's head.
  for (int i = 1; i <= n; ++i) {
    for (int steps = 0; steps < n && t.head(i) > 0 && t.punct(t.head(i)); ++steps) {
      t.set_head(i, t.head(t.head(i)));
    }
  }
  // 2. Quotes and brackets attach to the head of what they enclose.
  std::vector<Pair> pair(static_cast<std::size_t>(n) + 1, Pair::kNone);
  for (int open = 1; open <= n; ++open) {
    if (pair[static_cast<std::size_t>(open)] == Pair::kClosing) continue;
    const auto& form = sentence.tokens[static_cast<std::size_t>(open - 1)].form;
    const std::string_view close_form = closing_of(form);
    if (close_form.empty()) continue;
    // Only marks tagged PUNCT pair up: an inch mark (17" wheels) or an apostrophe is a
    // word, and may have dependents of its own.
    if (!t.punct(open)) continue;
    int level = 0;
    for (int j = open + 1; j <= n; ++j) {
      const auto& f = sentence.tokens[static_cast<std::size_t>(j - 1)].form;
      if (f == close_form) {
        if (level == 0) {
          if (!t.punct(j)) break;
          fix_pair(t, pair, open, j);
          break;
        }
        --level;
      } else if (f == form) {
        ++level;
      }
    }
  }
  // 3. Every other mark.
  std::vector<char> attached(static_cast<std::size_t>(n) + 1, 0);
  for (int i = 1; i <= n; ++i) {
    if (!t.punct(i) || pair[static_cast<std::size_t>(i)] != Pair::kNone) continue;
    attached[static_cast<std::size_t>(i)] = fix_subordinate(t, pair, sentence, i) ? 1 : 0;
  }
  if (!t.acyclic()) return;  // not reached: every step above keeps the tree a tree
  // 4. One word on the root (step 1 can leave several when a mark was the root).
  int root = 0;
  for (int i = 1; i <= n; ++i) {
    if (t.head(i) != 0) continue;
    if (root == 0 || (sentence.tokens[static_cast<std::size_t>(root - 1)].deprel != "root" &&
                      sentence.tokens[static_cast<std::size_t>(i - 1)].deprel == "root")) {
      root = i;
    }
  }
  for (int i = 1; i <= n; ++i) {
    if (t.head(i) == 0 && i != root) t.set_head(i, root);
  }
  for (int i = 1; i <= n; ++i) {
    auto& tok = sentence.tokens[static_cast<std::size_t>(i - 1)];
    tok.head = t.head(i);
    if (i == root) {
      tok.deprel = "root";
    } else if (tok.deprel == "root") {
      tok.deprel = t.punct(i) ? "punct" : "parataxis";
    } else if (attached[static_cast<std::size_t>(i)] != 0) {
      tok.deprel = "punct";
    }
  }
}

}  // namespace kg::extract::parser
