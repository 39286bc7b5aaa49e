#include <algorithm>
#include <array>
#include <fstream>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/tagger.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "case_profile.hpp"
#include "features.hpp"
#include "perceptron.hpp"
#include "util/binary_io.hpp"
#include "util/text.hpp"
#include "word_clusters.hpp"
#include "word_lexicon.hpp"

namespace kg::extract {

namespace {
constexpr char kMagic[] = "KGNER5";
constexpr std::size_t kMaxPhrase = 6;
// Kinds of the name lists (NerTrainOptions::name_lists_tsv), one bit each.
constexpr std::array<std::string_view, 6> kNameListKinds = {"city", "region", "place",
                                                            "org",  "first",  "last"};
// Marks a phrase that begins a longer listed phrase (it may be listed itself as well).
constexpr std::uint8_t kListedPrefix = 0x80;
constexpr std::uint64_t kGenreSalt = 0x67656e7265ULL;
// BILOU classes: 0 = O, then per type B, I, L (last), U (unit). Spans are decoded with
// Viterbi over the transitions BILOU allows, so a started name always ends.
const std::vector<std::string> kTypes = {"PER", "ORG", "LOC"};
constexpr int kClassCount = 13;
constexpr int kStart = kClassCount;  // "previous class" at the sentence start
const std::array<std::string_view, kClassCount + 1> kClassNames = {
    "O",     "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG",
    "L-ORG", "U-ORG", "B-LOC", "I-LOC", "L-LOC", "U-LOC", "<S>"};

char part_of(int cls) { return cls == 0 || cls >= kClassCount ? 'O' : "BILU"[(cls - 1) % 4]; }
int type_of(int cls) { return cls == 0 || cls >= kClassCount ? -1 : (cls - 1) / 4; }
int class_id(int type, char part) {
  return 1 + type * 4 + static_cast<int>(std::string_view("BILU").find(part));
}

bool allowed(int prev, int cls) {
  const char pp = part_of(prev);
  const char cp = part_of(cls);
  if (pp == 'B' || pp == 'I') return (cp == 'I' || cp == 'L') && type_of(prev) == type_of(cls);
  return cp == 'O' || cp == 'B' || cp == 'U';
}
bool can_end(int cls) {
  const char p = part_of(cls);
  return p == 'O' || p == 'L' || p == 'U';
}

// Words that are never part of a person's name.
bool inside_no_person(std::string_view key) {
  return key == "'s" || key == "\u2019s" || key == "and" || key == "of";
}

// BIO tags (B-X, I-X, O; unknown types are O) to BILOU class ids.
std::vector<int> bilou_classes(const std::vector<std::string>& tags) {
  const auto type_index = [](const std::string& t) -> int {
    if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-') return -1;
    for (std::size_t k = 0; k < kTypes.size(); ++k) {
      if (t.compare(2, std::string::npos, kTypes[k]) == 0) return static_cast<int>(k);
    }
    return -1;
  };
  std::vector<int> out(tags.size(), 0);
  for (std::size_t i = 0; i < tags.size();) {
    const int t = type_index(tags[i]);
    if (t < 0) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < tags.size() && tags[j][0] == 'I' && type_index(tags[j]) == t) ++j;
    if (j == i + 1) {
      out[i] = class_id(t, 'U');
    } else {
      out[i] = class_id(t, 'B');
      for (std::size_t k = i + 1; k + 1 < j; ++k) out[k] = class_id(t, 'I');
      out[j - 1] = class_id(t, 'L');
    }
    i = j;
  }
  return out;
}

std::string bio_tag(int cls) {
  const char p = part_of(cls);
  if (p == 'O') return "O";
  const std::string& t = kTypes[static_cast<std::size_t>(type_of(cls))];
  return (p == 'B' || p == 'U' ? "B-" : "I-") + t;
}

// Best allowed class sequence for emission scores e[i*K + c] and transition scores
// t[(i*(K+1) + prev)*K + c].
std::vector<int> viterbi(std::size_t n, const std::vector<double>& e,
                         const std::vector<double>& t) {
  constexpr int K = kClassCount;
  std::vector<int> out(n, 0);
  if (n == 0) return out;
  constexpr double kNeg = -1e300;
  std::vector<double> score(n * K, kNeg);
  std::vector<int> back(n * K, 0);
  for (int c = 0; c < K; ++c) {
    if (allowed(kStart, c)) score[c] = e[c] + t[static_cast<std::size_t>(kStart) * K + c];
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (int c = 0; c < K; ++c) {
      double best = kNeg;
      int arg = 0;
      for (int p = 0; p < K; ++p) {
        const double sp = score[(i - 1) * K + p];
        if (sp <= kNeg || !allowed(p, c)) continue;
        const double v = sp + t[(i * (K + 1) + p) * K + c];
        if (v > best) {
          best = v;
          arg = p;
        }
      }
      if (best > kNeg) {
        score[i * K + c] = best + e[i * K + c];
        back[i * K + c] = arg;
      }
    }
  }
  double best = kNeg;
  int arg = 0;
  for (int c = 0; c < K; ++c) {
    const double v = score[(n - 1) * K + c];
    if (can_end(c) && v > best) {
      best = v;
      arg = c;
    }
  }
  for (std::size_t i = n; i-- > 0;) {
    out[i] = arg;
    arg = back[i * K + arg];
  }
  return out;
}

std::vector<std::string> split_spaces(std::string_view s) {
  std::vector<std::string> out;
  std::size_t p = 0;
  while (p < s.size()) {
    while (p < s.size() && s[p] == ' ') ++p;
    std::size_t q = p;
    while (q < s.size() && s[q] != ' ') ++q;
    if (q > p) out.emplace_back(s.substr(p, q - p));
    p = q;
  }
  return out;
}

std::vector<std::string> parse_csv_line(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

bool latin_capitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

// The longest listed phrases of up to kMaxPhrase words, left to right. `find(start,
// length, phrase)` gives the phrase's bits (phrase: the word keys joined by ' '): nonzero
// kinds when it is listed, and kListedPrefix when a longer listed phrase may start with
// it (a phrase only grows while that bit is set). `mark(start, length, kinds)` gets each
// phrase found.
template <class Find, class Mark>
void longest_phrases(const std::vector<detail::WordInfo>& w, Find&& find, Mark&& mark) {
  std::string phrase;
  for (std::size_t i = 0; i < w.size();) {
    std::size_t best = 0;
    std::uint8_t kinds = 0;
    phrase.clear();
    for (std::size_t len = 1; len <= kMaxPhrase && i + len <= w.size(); ++len) {
      if (len > 1) phrase += ' ';
      phrase += w[i + len - 1].key;
      const std::uint8_t bits = find(i, len, phrase);
      if ((bits & ~kListedPrefix) != 0) {
        best = len;
        kinds = static_cast<std::uint8_t>(bits & ~kListedPrefix);
      }
      if ((bits & kListedPrefix) == 0) break;
    }
    if (best == 0) {
      ++i;
      continue;
    }
    mark(i, best, kinds);
    i += best;
  }
}

}  // namespace

namespace detail {

// The phrase keys a listed name matches, as word keys joined by ' ': the name split at
// spaces, and also with hyphens and a final "'s" as words of their own, as UD English
// tokenizes them ("Coca-Cola" -> "coca-cola" and "coca - cola").
std::vector<std::string> name_list_keys(std::string_view name) {
  const auto key_of = [](const std::vector<std::string>& parts) {
    std::string key;
    for (const auto& part : parts) {
      if (!key.empty()) key += ' ';
      key += detail::word_info(part).key;
    }
    return key;
  };
  const auto words = split_spaces(detail::normalize_form(name));
  if (words.empty() || words.size() > kMaxPhrase) return {};
  std::vector<std::string> split;
  for (const auto& w : words) {
    std::string_view rest(w);
    std::string_view clitic;
    if (rest.size() > 2 && rest.substr(rest.size() - 2) == "'s") {
      clitic = rest.substr(rest.size() - 2);
      rest.remove_suffix(2);
    }
    std::size_t p = 0;
    while (p <= rest.size()) {
      const auto q = std::min(rest.find('-', p), rest.size());
      if (q > p) split.emplace_back(rest.substr(p, q - p));
      if (q < rest.size()) split.emplace_back("-");
      p = q + 1;
    }
    if (!clitic.empty()) split.emplace_back(clitic);
  }
  std::vector<std::string> out{key_of(words)};
  if (split.size() <= kMaxPhrase && split != words) out.push_back(key_of(split));
  return out;
}

}  // namespace detail

struct EntityRecognizer::Impl {
  std::unordered_set<std::string> places;  // lower-case phrases, tokens joined by ' '
  std::unordered_map<std::string, std::string> demonyms;  // "Russian" -> "Russia"
  std::unordered_set<std::string> first_names;
  std::unordered_set<std::string> last_names;
  detail::NameKinds wordnet_names;  // optional: kinds of the names WordNet knows
  // Optional: name lists (GeoNames cities and regions, first and last names, organisations,
  // places), lower-case phrases of word keys joined by ' ' -> bit set of kNameListKinds.
  std::unordered_map<std::string, std::uint8_t> name_lists;
  detail::WordClusters clusters;     // optional: word clusters from word vectors
  detail::CaseProfile case_profile;  // capitalisation away from the sentence start
  bool uses_pos = false;             // trained with UPOS features (NerSentence::upos)
  detail::LinearModel model;         // first pass
  detail::LinearModel second;        // second pass (stacked); no classes when absent

  [[nodiscard]] std::string_view case_of(const detail::WordInfo& x) const {
    return case_profile.class_of(x);
  }

  [[nodiscard]] std::string name_kind_of(const std::string& key) const {
    const auto it = wordnet_names.find(key);
    return it == wordnet_names.end() ? std::string("-") : detail::name_kind_text(it->second);
  }

  // Per-token gazetteer marks: 'B'/'I' place phrase, or '-'.
  std::vector<char> place_marks(const std::vector<detail::WordInfo>& w) const {
    std::vector<char> marks(w.size(), '-');
    longest_phrases(
        w,
        [&](std::size_t, std::size_t, const std::string& phrase) {
          // The place set does not know which phrases start longer ones: try every length.
          return static_cast<std::uint8_t>(kListedPrefix | (places.count(phrase) ? 1 : 0));
        },
        [&](std::size_t i, std::size_t len, std::uint8_t) {
          marks[i] = 'B';
          for (std::size_t k = 1; k < len; ++k) marks[i + k] = 'I';
        });
    return marks;
  }

  /// Per-sentence inputs computed once.
  struct Prepared {
    std::vector<detail::WordInfo> info;
    std::vector<char> marks;
    // Name lists: per word, the kinds of the longest listed phrase it is part of with its
    // position there ("B"/"I"/"L"/"U" then two hex digits), and the kinds of the word alone.
    std::vector<std::array<char, 4>> listed_phrase;
    std::vector<std::array<char, 3>> listed_word;
    std::string_view title;
    bool other_genre = false;
    std::vector<std::string_view> upos;  // UPOS of each word, when the model uses them
    // Second pass only: first-pass classes of this sentence, and per word how often the
    // first pass tagged the same word elsewhere in the document as O, PER, ORG, LOC.
    std::vector<int> first;
    std::vector<std::array<std::uint16_t, 4>> elsewhere;
  };

  // Longest listed phrases, left to right, and the kinds of single words.
  void mark_listed(Prepared& p) const {
    const auto& w = p.info;
    static constexpr char kHex[] = "0123456789abcdef";
    const auto text = [](char pos, std::uint8_t kinds) {
      return std::array<char, 4>{pos, kHex[kinds >> 4], kHex[kinds & 15], '\0'};
    };
    p.listed_phrase.assign(w.size(), text('-', 0));
    p.listed_word.assign(w.size(), {'0', '0', '\0'});
    if (name_lists.empty()) return;
    // One look-up per word; phrases grow only while they start a longer listed one.
    std::vector<std::uint8_t> bits(w.size(), 0);
    for (std::size_t i = 0; i < w.size(); ++i) {
      if (const auto it = name_lists.find(w[i].key); it != name_lists.end()) {
        bits[i] = it->second;
        const auto kinds = static_cast<std::uint8_t>(it->second & ~kListedPrefix);
        p.listed_word[i] = {kHex[kinds >> 4], kHex[kinds & 15], '\0'};
      }
    }
    longest_phrases(
        w,
        [&](std::size_t i, std::size_t len, const std::string& phrase) -> std::uint8_t {
          if (len == 1) return bits[i];
          const auto it = name_lists.find(phrase);
          return it == name_lists.end() ? 0 : it->second;
        },
        [&](std::size_t i, std::size_t len, std::uint8_t kinds) {
          if (len == 1) {
            p.listed_phrase[i] = text('U', kinds);
            return;
          }
          p.listed_phrase[i] = text('B', kinds);
          for (std::size_t k = 1; k + 1 < len; ++k) p.listed_phrase[i + k] = text('I', kinds);
          p.listed_phrase[i + len - 1] = text('L', kinds);
        });
  }

  // Features of word i that do not depend on the previous class.
  void features(const Prepared& p, std::size_t i, detail::FeatureSet& f) const {
    const auto& w = p.info;
    const auto& marks = p.marks;
    const std::string_view title = p.title;
    f.clear();
    static const detail::WordInfo kStart{"<S>", "<s>", "<S>"};
    static const detail::WordInfo kEnd{"</S>", "</s>", "</S>"};
    const auto at = [&](long k) -> const detail::WordInfo& {
      const long j = static_cast<long>(i) + k;
      if (j < 0) return kStart;
      if (j >= static_cast<long>(w.size())) return kEnd;
      return w[static_cast<std::size_t>(j)];
    };
    const auto mark_at = [&](long k) -> std::string_view {
      const long j = static_cast<long>(i) + k;
      if (j < 0 || j >= static_cast<long>(marks.size())) return "<>";
      const char m = marks[static_cast<std::size_t>(j)];
      return m == 'B' ? "B" : m == 'I' ? "I" : "-";
    };
    const auto name_mark = [&](const detail::WordInfo& x) -> std::string_view {
      const bool fn = first_names.count(x.raw) > 0;
      const bool ln = last_names.count(x.raw) > 0;
      return fn && ln ? "FL" : fn ? "F" : ln ? "L" : "-";
    };
    const auto& cur = w[i];
    f.add(0, "");
    f.add(1, cur.key);
    f.add(2, cur.raw);
    f.add(3, cur.shape);
    f.add(4, detail::utf8_prefix(cur.raw, 1));
    f.add(5, detail::utf8_prefix(cur.key, 3));
    f.add(6, detail::utf8_suffix(cur.key, 2));
    f.add(7, detail::utf8_suffix(cur.key, 3));
    f.add(8, detail::utf8_suffix(cur.key, 4));
    f.add(9, at(-1).key);
    f.add(10, at(-2).key);
    f.add(11, at(1).key);
    f.add(12, at(2).key);
    f.add(13, at(-1).shape);
    f.add(14, at(1).shape);
    f.add(23, mark_at(0));
    f.add(24, mark_at(-1), mark_at(0), mark_at(1));
    f.add(25, demonyms.count(cur.raw) ? "D" : "-");
    f.add(26, name_mark(cur));
    f.add(27, name_mark(at(-1)), name_mark(cur), name_mark(at(1)));
    f.add(28, i == 0 ? "first" : "mid", cur.shape);
    f.add(29, at(-1).key, cur.key);
    f.add(30, cur.key, at(1).key);
    f.add(32, mark_at(0), cur.shape);
    f.add(33, at(-1).raw);
    f.add(34, at(1).raw);
    f.add(35, at(-1).shape, cur.shape, at(1).shape);
    f.add(36, case_of(cur));
    f.add(37, case_of(cur), detail::utf8_prefix(cur.shape, 1));
    f.add(38, case_of(at(-1)), case_of(cur), case_of(at(1)));
    f.add(39, at(-1).key, cur.shape);
    f.add(40, at(1).key, cur.shape);
    f.add(43, title, case_of(cur), detail::utf8_prefix(cur.shape, 1));
    f.add(44, at(-2).shape, at(-1).shape, cur.shape);
    f.add(45, cur.shape, at(1).shape, at(2).shape);
    f.add(46, at(3).key);
    f.add(47, at(-3).key);
    f.add(48, detail::utf8_suffix(at(1).key, 3));
    f.add(49, detail::utf8_suffix(at(-1).key, 3));
    if (!wordnet_names.empty()) {
      // The kinds of WordNet's names, looked up once per word in prepare().
      const auto wn = [](const detail::WordInfo& x) -> std::string_view {
        return x.lex.empty() ? std::string_view("-") : std::string_view(x.lex);
      };
      f.add(50, wn(cur));
      f.add(51, wn(at(-1)), wn(cur), wn(at(1)));
      f.add(52, wn(cur), case_of(cur), detail::utf8_prefix(cur.shape, 1));
    }
    if (!clusters.empty()) {
      // Cluster codes are looked up once per word in prepare().
      const auto cl = detail::cluster_text;
      f.add(70, cl(cur, 0));
      f.add(71, cl(cur, 1));
      f.add(72, cl(cur, 2));
      f.add(73, cl(at(-1), 1));
      f.add(74, cl(at(1), 1));
      f.add(75, cl(at(-1), 2));
      f.add(76, cl(at(1), 2));
      f.add(77, cl(cur, 1), case_of(cur), detail::utf8_prefix(cur.shape, 1));
      f.add(78, cl(cur, 2), case_of(cur));
      f.add(79, cl(at(-1), 0), cl(cur, 0), cl(at(1), 0));
    }
    if (!p.upos.empty()) {
      const auto pos = [&](long k) -> std::string_view {
        const long j = static_cast<long>(i) + k;
        if (j < 0 || j >= static_cast<long>(p.upos.size())) return "<>";
        return p.upos[static_cast<std::size_t>(j)];
      };
      f.add(90, pos(0));
      f.add(91, pos(-1), pos(0), pos(1));
      f.add(92, pos(0), case_of(cur), detail::utf8_prefix(cur.shape, 1));
      f.add(93, pos(-1), pos(0));
      f.add(94, pos(0), pos(1));
    }
    if (!name_lists.empty()) {
      const auto phrase = [&](long k) -> std::string_view {
        const long j = static_cast<long>(i) + k;
        if (j < 0 || j >= static_cast<long>(w.size())) return "<>";
        return p.listed_phrase[static_cast<std::size_t>(j)].data();
      };
      const auto word = [&](long k) -> std::string_view {
        const long j = static_cast<long>(i) + k;
        if (j < 0 || j >= static_cast<long>(w.size())) return "<>";
        return p.listed_word[static_cast<std::size_t>(j)].data();
      };
      f.add(80, phrase(0));
      f.add(81, phrase(0), case_of(cur), detail::utf8_prefix(cur.shape, 1));
      f.add(82, phrase(-1), phrase(0), phrase(1));
      f.add(83, word(0));
      f.add(84, word(-1), word(0), word(1));
      f.add(85, word(0), case_of(cur), detail::utf8_prefix(cur.shape, 1));
    }
  }

  // Features of word i joined with the previous class p (kStart at the sentence start).
  static void transition_features(const Prepared& p, std::size_t i, int prev,
                                  detail::FeatureSet& f) {
    f.clear();
    const std::string_view t1 = kClassNames[static_cast<std::size_t>(prev)];
    f.add(19, t1);
    f.add(21, t1, p.info[i].key);
    f.add(22, t1, p.info[i].shape);
  }

  // The second pass sees the first pass's classes around the word and its verdicts on
  // the same word elsewhere in the document ("Miramar" tagged LOC twice before).
  static void stacked_features(const Prepared& p, std::size_t i, detail::FeatureSet& f) {
    static const char* const kKinds[] = {"O", "PER", "ORG", "LOC"};
    const auto cls = [&](long k) -> std::string_view {
      const long j = static_cast<long>(i) + k;
      if (j < 0 || j >= static_cast<long>(p.first.size())) return "<>";
      return kClassNames[static_cast<std::size_t>(p.first[static_cast<std::size_t>(j)])];
    };
    f.add(60, cls(0));
    f.add(61, cls(-1), cls(0), cls(1));
    f.add(62, cls(0), p.info[i].shape);
    const auto& c = p.elsewhere[i];
    const int total = c[0] + c[1] + c[2] + c[3];
    if (total == 0) {
      f.add(63, "none");
      return;
    }
    std::size_t best = 0;
    for (std::size_t k = 1; k < 4; ++k) {
      if (c[k] > c[best]) best = k;
    }
    f.add(63, kKinds[best]);
    f.add(64, kKinds[best], cls(0));
    for (std::size_t k = 1; k < 4; ++k) {
      if (c[k] > 0) f.add(65, kKinds[k], 2 * c[k] >= total ? "most" : "some");
    }
  }

  // Fills first/elsewhere of the sentences of one document from first-pass classes.
  static void attach_first_pass(std::vector<Prepared*>& doc,
                                const std::vector<std::vector<int>>& first) {
    std::unordered_map<std::string_view, std::array<std::uint16_t, 4>> counts;
    for (std::size_t s = 0; s < doc.size(); ++s) {
      for (std::size_t i = 0; i < first[s].size(); ++i) {
        auto& c = counts[doc[s]->info[i].key];
        auto& slot = c[static_cast<std::size_t>(type_of(first[s][i]) + 1)];
        if (slot < 0xffff) ++slot;
      }
    }
    for (std::size_t s = 0; s < doc.size(); ++s) {
      auto& p = *doc[s];
      p.first = first[s];
      p.elsewhere.assign(p.info.size(), {});
      for (std::size_t i = 0; i < p.info.size(); ++i) {
        auto c = counts[p.info[i].key];
        --c[static_cast<std::size_t>(type_of(p.first[i]) + 1)];
        p.elsewhere[i] = c;
      }
    }
  }

  void all_features(const Prepared& p, std::size_t i, detail::FeatureSet& f) const {
    features(p, i, f);
    if (!p.first.empty()) stacked_features(p, i, f);
    if (p.other_genre) f.add_salted_copies(kGenreSalt);
  }

  [[nodiscard]] Prepared prepare(const std::vector<std::string_view>& words) const {
    Prepared p;
    p.info.reserve(words.size());
    for (const auto w : words) {
      p.info.push_back(detail::word_info(w));
      if (!wordnet_names.empty()) p.info.back().lex = name_kind_of(p.info.back().key);
      if (!clusters.empty()) p.info.back().cluster = clusters.code(p.info.back().key);
    }
    p.marks = place_marks(p.info);
    mark_listed(p);
    p.title = detail::capitalisation_profile(p.info);
    return p;
  }

  // Emission and transition scores. `emit(features, out)` adds K scores to out;
  // `transitions(features, prevs, out)` adds the K scores of features[j] to row prevs[j]
  // of out, the (K + 1) x K transition block of one word: the features of all previous
  // classes at a word come in one call, so a model can look them up in one batch.
  template <class Emit, class Transitions>
  void score_matrices(const Prepared& p, Emit&& emit, Transitions&& transitions,
                      std::vector<double>& e, std::vector<double>& t) const {
    constexpr std::size_t K = kClassCount;
    const std::size_t n = p.info.size();
    e.assign(n * K, 0.0);
    t.assign(n * (K + 1) * K, 0.0);
    detail::FeatureSet f;
    std::vector<std::uint64_t> tf;
    std::vector<std::size_t> prevs;
    for (std::size_t i = 0; i < n; ++i) {
      all_features(p, i, f);
      emit(f.values(), &e[i * K]);
      tf.clear();
      prevs.clear();
      for (std::size_t prev = 0; prev <= K; ++prev) {
        if (i == 0 ? prev != K : prev == K) continue;
        transition_features(p, i, static_cast<int>(prev), f);
        for (const auto v : f.values()) {
          tf.push_back(v);
          prevs.push_back(prev);
        }
      }
      transitions(tf, prevs, &t[i * (K + 1) * K]);
    }
  }

  // Viterbi over the averaged model's scores. Each row sums its features in float in the
  // same order as one feature set at a time would.
  std::vector<int> decode(const Prepared& p, const detail::LinearModel& m) const {
    constexpr std::size_t K = kClassCount;
    std::vector<double> e;
    std::vector<double> t;
    std::vector<float> buf(K);
    std::vector<float> tbuf((K + 1) * K);
    std::vector<float*> rows;
    score_matrices(
        p,
        [&](const std::vector<std::uint64_t>& f, double* out) {
          std::fill(buf.begin(), buf.end(), 0.0F);
          m.add_scores(f, buf.data());
          for (std::size_t c = 0; c < K; ++c) out[c] += buf[c];
        },
        [&](const std::vector<std::uint64_t>& f, const std::vector<std::size_t>& prevs,
            double* out) {
          std::fill(tbuf.begin(), tbuf.end(), 0.0F);
          rows.clear();
          for (const auto prev : prevs) rows.push_back(&tbuf[prev * K]);
          m.add_scores(f, rows.data());
          for (std::size_t c = 0; c < tbuf.size(); ++c) out[c] += tbuf[c];
        },
        e, t);
    // A person's name does not run through a possessive or a conjunction: "FTU 's Kwok
    // Wai-keung and DAB 's Horace Cheung" are two people of two groups, "Leung Yiu-chung of
    // NWSC" a person of a party (no person's name in UNER or GUM training data has them).
    for (std::size_t i = 0; i < p.info.size(); ++i) {
      if (!inside_no_person(p.info[i].key)) continue;
      for (const char part : {'B', 'I', 'L', 'U'})
        e[i * K + static_cast<std::size_t>(class_id(0, part))] = -1e300;
    }
    return viterbi(p.info.size(), e, t);
  }

  // Both passes over one document.
  // The inputs of sentence s, with its UPOS when the model uses them and they are given.
  [[nodiscard]] Prepared prepare(const std::vector<std::vector<std::string_view>>& sentences,
                                 const std::vector<std::vector<std::string_view>>* upos,
                                 std::size_t s) const {
    Prepared p = prepare(sentences[s]);
    if (uses_pos && upos != nullptr && s < upos->size() &&
        (*upos)[s].size() == sentences[s].size()) {
      p.upos = (*upos)[s];
    }
    return p;
  }

  std::vector<std::vector<int>> decode_document(
      const std::vector<std::vector<std::string_view>>& sentences,
      const std::vector<std::vector<std::string_view>>* upos) const {
    std::vector<std::vector<int>> classes;
    classes.reserve(sentences.size());
    if (second.n_classes() == 0) {
      // One pass: each sentence's inputs are dropped once it is decoded, so a long
      // document does not hold them all at once.
      for (std::size_t s = 0; s < sentences.size(); ++s) {
        classes.push_back(decode(prepare(sentences, upos, s), model));
      }
      return classes;
    }
    std::vector<Prepared> prepared;
    prepared.reserve(sentences.size());
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      prepared.push_back(prepare(sentences, upos, s));
      classes.push_back(decode(prepared.back(), model));
    }
    std::vector<Prepared*> doc;
    for (auto& p : prepared) doc.push_back(&p);
    attach_first_pass(doc, classes);
    for (std::size_t s = 0; s < prepared.size(); ++s) classes[s] = decode(prepared[s], second);
    return classes;
  }
};

EntityRecognizer::EntityRecognizer() : impl_(std::make_shared<Impl>()) {}

std::vector<std::string> EntityRecognizer::tag(const std::vector<std::string_view>& words,
                                               const std::vector<std::string_view>& upos) const {
  const std::vector<std::vector<std::string_view>> tags{upos};
  return tag_document({words}, upos.empty() ? nullptr : &tags).front();
}

bool EntityRecognizer::uses_pos() const { return impl_->uses_pos; }

namespace {

// Spreads each name the model found to untagged recurrences of the same words in the
// document (web text and news repeat a name, and the model misses some repeats when
// their context is poor), also where the model found only part of the name there.
// Longer names first; a recurrence must start with a word that is not usually lower
// case, so that common words are not turned into names.
void spread_names(const std::vector<std::vector<std::string_view>>& sentences,
                  std::vector<std::vector<int>>& classes, const detail::CaseProfile& case_profile) {
  // Compared in lower case: "Miramar" found once is also "MIRAMAR" and "miramar".
  std::vector<std::vector<std::string>> lower(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (const auto w : sentences[s]) lower[s].push_back(detail::to_lower(w));
  }
  std::map<std::vector<std::string>, std::array<int, 3>> names;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto& c = classes[s];
    for (std::size_t i = 0; i < c.size(); ++i) {
      const char p = part_of(c[i]);
      if (p != 'B' && p != 'U') continue;
      std::size_t j = i + 1;
      if (p == 'B') {
        while (j < c.size() && part_of(c[j]) == 'I') ++j;
        ++j;
      }
      const std::vector<std::string> words(lower[s].begin() + static_cast<long>(i),
                                           lower[s].begin() + static_cast<long>(j));
      ++names[words][static_cast<std::size_t>(type_of(c[i]))];
      i = j - 1;
    }
  }
  if (names.empty()) return;
  // Candidates by their first word, longest first: one look-up per word keeps long
  // documents linear in their length.
  std::unordered_map<std::string_view, std::vector<std::pair<const std::vector<std::string>*, int>>>
      by_first;
  for (const auto& [words, votes] : names) {
    const auto best = std::max_element(votes.begin(), votes.end()) - votes.begin();
    const std::string_view first = case_profile.class_of(detail::word_info(words.front()));
    if (first == "c1" || first == "c2") continue;
    by_first[words.front()].emplace_back(&words, static_cast<int>(best));
  }
  for (auto& [first, candidates] : by_first) {
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
      return a.first->size() > b.first->size();
    });
  }
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    auto& c = classes[s];
    const auto& w = lower[s];
    for (std::size_t i = 0; i < w.size(); ++i) {
      // A recurrence starts outside any name, or where a name starts.
      if (part_of(c[i]) == 'I' || part_of(c[i]) == 'L') continue;
      const auto it = by_first.find(w[i]);
      if (it == by_first.end()) continue;
      for (const auto& [words, type] : it->second) {
        const std::size_t n = words->size();
        if (i + n > w.size()) continue;
        // The same words, untagged or holding only shorter names wholly inside them
        // ("vladimir [putin]" after "[Vladimir Putin]"), with at least one untagged word.
        bool same = true;
        bool untagged = false;
        for (std::size_t k = 0; k < n && same; ++k) {
          same = w[i + k] == (*words)[k];
          untagged = untagged || c[i + k] == 0;
        }
        const bool inside =
            i + n == w.size() || (part_of(c[i + n]) != 'I' && part_of(c[i + n]) != 'L');
        if (!same || !untagged || !inside) continue;
        if (n == 1) {
          c[i] = class_id(type, 'U');
        } else {
          c[i] = class_id(type, 'B');
          for (std::size_t k = 1; k + 1 < n; ++k) c[i + k] = class_id(type, 'I');
          c[i + n - 1] = class_id(type, 'L');
        }
        i += n - 1;
        break;
      }
    }
  }
}

}  // namespace

std::vector<std::vector<std::string>> EntityRecognizer::tag_document(
    const std::vector<std::vector<std::string_view>>& sentences,
    const std::vector<std::vector<std::string_view>>* upos) const {
  auto classes = impl_->decode_document(sentences, upos);
  spread_names(sentences, classes, impl_->case_profile);
  std::vector<std::vector<std::string>> out(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (const int c : classes[s]) out[s].push_back(bio_tag(c));
  }
  return out;
}

std::vector<std::vector<std::string>> EntityRecognizer::tag_document(
    const std::vector<std::vector<std::string_view>>& sentences, const Tagger& tagger) const {
  if (!impl_->uses_pos) return tag_document(sentences);
  std::vector<std::vector<std::string>> upos(sentences.size());
  std::vector<std::vector<std::string_view>> views;
  std::vector<std::string> xpos;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    tagger.tag(sentences[k], upos[k], xpos);
    views.emplace_back(upos[k].begin(), upos[k].end());
  }
  return tag_document(sentences, &views);
}

std::string EntityRecognizer::demonym_country(std::string_view word) const {
  const auto it = impl_->demonyms.find(std::string(word));
  return it == impl_->demonyms.end() ? std::string() : it->second;
}

void EntityRecognizer::process(Document& doc) const {
  auto& tokens = doc.tokens();
  auto& entities = doc.entities();
  entities.clear();
  // UPOS only for a recogniser trained with them, and only when the tagger has run.
  const bool tagged = impl_->uses_pos && (doc.assigned() & kTags) != 0;
  std::vector<std::vector<std::string_view>> sentences;
  std::vector<std::vector<std::string_view>> upos;
  for (const auto& s : doc.sentences()) {
    sentences.emplace_back();
    if (tagged) upos.emplace_back();
    for (auto i = s.token_begin; i < s.token_end; ++i) {
      sentences.back().push_back(tokens[i].norm);
      if (tagged) upos.back().push_back(tokens[i].upos);
    }
  }
  const auto tags = tag_document(sentences, tagged ? &upos : nullptr);
  std::size_t sentence_index = 0;
  for (const auto& s : doc.sentences()) {
    const auto& cls = tags[sentence_index++];
    for (auto i = s.token_begin; i < s.token_end; ++i) tokens[i].ner = cls[i - s.token_begin];
    for (auto i = s.token_begin; i < s.token_end;) {
      const std::string& tag = tokens[i].ner;
      if (tag == "O") {
        const auto country = demonym_country(tokens[i].norm);
        if (!country.empty()) {
          tokens[i].ner = "B-NORP";
          entities.push_back({i, i + 1, tokens[i].start, tokens[i].end, "NORP", country});
        }
        ++i;
        continue;
      }
      const std::string label = tag.substr(2);
      auto j = i + 1;
      while (j < s.token_end && tokens[j].ner == "I-" + label) ++j;
      entities.push_back({i, j, tokens[i].start, tokens[j - 1].end, label, {}});
      i = j;
    }
  }
  doc.mark_assigned(kEntities);
}

Result<EntityRecognizer> EntityRecognizer::train(const std::vector<NerSentence>& train,
                                                 const std::vector<NerSentence>* dev,
                                                 const NerTrainOptions& options,
                                                 std::ostream* log) {
  auto impl = std::make_shared<Impl>();
  if (!options.countries_json.empty()) {
    std::ifstream in(options.countries_json, std::ios::binary);
    if (!in) {
      return fail(Error::Code::kNotFound, "cannot open country gazetteer", options.countries_json,
                  0, 0, "pass --data with gazetteer_countries_mledoze/countries.json");
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
      return fail(Error::Code::kParse, std::string("invalid JSON: ") + e.what(),
                  options.countries_json, 0, 0, "restore the original countries.json");
    }
    const auto add_place = [&](const std::string& name) {
      if (name.size() < 3 || name.find(',') != std::string::npos) return;
      std::string key;
      for (const auto& part : split_spaces(detail::normalize_form(name))) {
        if (!key.empty()) key += ' ';
        key += detail::word_info(part).key;
      }
      if (!key.empty()) impl->places.insert(key);
    };
    // Sovereign states first so that "American" names the United States, not a territory.
    const auto independent = [](const nlohmann::json& c) {
      return c.contains("independent") && c["independent"].is_boolean() &&
             c["independent"].get<bool>();
    };
    std::vector<const nlohmann::json*> countries;
    for (const auto& c : j) {
      if (c.is_object() && independent(c)) countries.push_back(&c);
    }
    for (const auto& c : j) {
      if (c.is_object() && !independent(c)) countries.push_back(&c);
    }
    for (const auto* cp : countries) {
      const auto& c = *cp;
      if (!c.contains("name")) continue;
      const std::string common = c["name"].value("common", "");
      add_place(common);
      add_place(c["name"].value("official", ""));
      if (c.contains("altSpellings")) {
        for (const auto& a : c["altSpellings"]) {
          if (a.is_string() && a.get<std::string>().size() >= 4) add_place(a.get<std::string>());
        }
      }
      if (c.contains("capital")) {
        for (const auto& a : c["capital"]) {
          if (a.is_string()) add_place(a.get<std::string>());
        }
      }
      if (c.contains("demonyms") && c["demonyms"].contains("eng")) {
        for (const char* g : {"m", "f"}) {
          const std::string d = c["demonyms"]["eng"].value(g, "");
          if (d.size() < 3 || d.find(' ') != std::string::npos) continue;
          impl->demonyms.emplace(d, common);
          if (d.back() != 's' && d.back() != 'h') impl->demonyms.emplace(d + "s", common);
        }
      }
    }
  }
  if (!options.politicians_csv.empty()) {
    std::ifstream in(options.politicians_csv, std::ios::binary);
    if (!in) {
      return fail(Error::Code::kNotFound, "cannot open politician gazetteer",
                  options.politicians_csv, 0, 0,
                  "pass --data with gazetteer_politicians_wikidata/*.csv");
    }
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const auto cols = parse_csv_line(line);
      if (cols.size() < 4) continue;
      const auto parts = split_spaces(cols[3]);
      if (parts.size() < 2) continue;
      if (latin_capitalized(parts.front())) impl->first_names.insert(parts.front());
      if (latin_capitalized(parts.back())) impl->last_names.insert(parts.back());
    }
  }

  if (!options.wordnet_dir.empty()) {
    auto names = detail::read_wordnet_names(options.wordnet_dir);
    if (!names) return tl::unexpected(names.error());
    impl->wordnet_names = std::move(*names);
  }
  if (!options.name_lists_tsv.empty()) {
    std::ifstream in(options.name_lists_tsv, std::ios::binary);
    if (!in) {
      return fail(Error::Code::kNotFound, "cannot open name lists", options.name_lists_tsv, 0, 0,
                  "run scripts/fetch-gazetteers.sh, or pass --gazetteers none");
    }
    std::string line;
    std::size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      const auto tab = line.find('\t');
      const auto kind = std::find(kNameListKinds.begin(), kNameListKinds.end(),
                                  std::string_view(line).substr(0, tab));
      if (tab == std::string::npos || kind == kNameListKinds.end()) {
        return fail(Error::Code::kParse, "expected a line \"kind<TAB>name\"",
                    options.name_lists_tsv, line_no, 1,
                    "kinds are city, region, place, org, first, last; rerun "
                    "scripts/fetch-gazetteers.sh");
      }
      const auto bit = static_cast<std::uint8_t>(1U << (kind - kNameListKinds.begin()));
      for (const auto& key : detail::name_list_keys(line.substr(tab + 1))) {
        impl->name_lists[key] |= bit;
        for (auto space = key.find(' '); space != std::string::npos;
             space = key.find(' ', space + 1)) {
          impl->name_lists[key.substr(0, space)] |= kListedPrefix;
        }
      }
    }
    if (log) *log << "ner: " << impl->name_lists.size() << " listed names\n";
  }
  if (!options.vectors_file.empty()) {
    auto clusters = detail::WordClusters::from_vectors(options.vectors_file);
    if (!clusters) return tl::unexpected(clusters.error());
    impl->clusters = std::move(*clusters);
    if (log) *log << "ner: " << impl->clusters.size() << " words in clusters\n";
  }

  for (const auto& s : train) {
    for (std::size_t i = 1; i < s.words.size(); ++i) {
      const auto info = detail::word_info(detail::normalize_form(s.words[i]));
      impl->case_profile.count(info);
    }
  }
  impl->case_profile.finish();
  impl->uses_pos =
      std::any_of(train.begin(), train.end(), [](const NerSentence& s) { return !s.upos.empty(); });
  std::vector<Impl::Prepared> prepared;
  std::vector<std::vector<int>> gold;
  std::vector<std::size_t> doc_of;  // document index of each sentence
  std::vector<std::string> norms;
  for (std::size_t k = 0; k < train.size(); ++k) {
    norms.clear();
    for (const auto& w : train[k].words) norms.push_back(detail::normalize_form(w));
    const std::vector<std::string_view> views(norms.begin(), norms.end());
    prepared.push_back(impl->prepare(views));
    prepared.back().other_genre = train[k].other_genre;
    if (impl->uses_pos && train[k].upos.size() == train[k].words.size()) {
      prepared.back().upos.assign(train[k].upos.begin(), train[k].upos.end());
    }
    gold.push_back(bilou_classes(train[k].tags));
    const bool starts = k == 0 || train[k].starts_document;
    doc_of.push_back(k == 0 ? 0 : doc_of.back() + (starts ? 1 : 0));
  }
  // Structured perceptron on the sentences `which`: decode the whole sentence, then move
  // the weights from the features of the predicted path to those of the gold path where
  // the two differ.
  const auto fit = [&](const std::vector<std::size_t>& which, std::uint64_t seed,
                       const char* what) {
    detail::PerceptronTrainer trainer(kClassCount);
    detail::SplitMix64 rng(seed);
    std::vector<std::size_t> order = which;
    std::vector<double> e;
    std::vector<double> t;
    std::vector<double> buf;
    detail::FeatureSet f;
    const auto score = [&](const std::vector<std::uint64_t>& feats, double* out) {
      trainer.scores(feats, buf);
      for (std::size_t c = 0; c < buf.size(); ++c) out[c] += buf[c];
    };
    // The weights are integers while training, so any order of adding gives the same sums.
    const auto score_rows = [&](const std::vector<std::uint64_t>& feats,
                                const std::vector<std::size_t>& prevs, double* out) {
      for (std::size_t j = 0; j < feats.size(); ++j) {
        trainer.scores(std::span(&feats[j], 1), buf);
        for (std::size_t c = 0; c < buf.size(); ++c) out[prevs[j] * kClassCount + c] += buf[c];
      }
    };
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      rng.shuffle(order);
      for (const auto k : order) {
        const auto& p = prepared[k];
        const auto& g = gold[k];
        const std::size_t n = p.info.size();
        impl->score_matrices(p, score, score_rows, e, t);
        const auto pred = viterbi(n, e, t);
        if (pred != g) {
          for (std::size_t i = 0; i < n; ++i) {
            const int gp = i > 0 ? g[i - 1] : kStart;
            const int pp = i > 0 ? pred[i - 1] : kStart;
            if (g[i] == pred[i] && gp == pp) continue;
            impl->all_features(p, i, f);
            trainer.update(f.values(), g[i], pred[i]);
            Impl::transition_features(p, i, gp, f);
            trainer.add(f.values(), g[i], 1);
            Impl::transition_features(p, i, pp, f);
            trainer.add(f.values(), pred[i], -1);
          }
        }
        for (std::size_t i = 0; i < n; ++i) trainer.tick();
      }
      if (log) *log << "ner " << what << " epoch " << epoch + 1 << " done\n";
    }
    return trainer.average(options.prune);
  };
  std::vector<std::size_t> all(prepared.size());
  for (std::size_t k = 0; k < all.size(); ++k) all[k] = k;
  impl->model = fit(all, options.seed, "first pass");
  if (options.second_pass) {
    // The second pass learns from first-pass classes as they are on unseen text: each
    // half of the documents is tagged by a first pass trained on the other half.
    std::vector<std::vector<int>> first(prepared.size());
    for (std::size_t half = 0; half < 2; ++half) {
      std::vector<std::size_t> rest;
      for (const auto k : all) {
        if (doc_of[k] % 2 != half) rest.push_back(k);
      }
      const auto m = fit(rest, options.seed + 1 + half, "jackknife");
      for (const auto k : all) {
        if (doc_of[k] % 2 == half) first[k] = impl->decode(prepared[k], m);
      }
    }
    for (std::size_t k = 0; k < prepared.size();) {
      std::size_t j = k;
      std::vector<Impl::Prepared*> doc;
      std::vector<std::vector<int>> classes;
      while (j < prepared.size() && doc_of[j] == doc_of[k]) {
        doc.push_back(&prepared[j]);
        classes.push_back(first[j]);
        ++j;
      }
      Impl::attach_first_pass(doc, classes);
      k = j;
    }
    impl->second = fit(all, options.seed + 3, "second pass");
  }
  EntityRecognizer ner;
  ner.impl_ = impl;
  if (dev && log) {
    SpanScores scores;
    for (const auto& s : *dev) {
      std::vector<std::string> norms;
      for (const auto& w : s.words) norms.push_back(detail::normalize_form(w));
      std::vector<std::string_view> words(norms.begin(), norms.end());
      const std::vector<std::string_view> upos(s.upos.begin(), s.upos.end());
      scores.add(s.tags, ner.tag(words, upos));
    }
    *log << "ner dev F1 " << 100.0 * scores.total.f1() << " (" << impl->model.n_weights()
         << " weights)\n";
  }
  return ner;
}

Result<void> EntityRecognizer::save(const std::string& path) const {
  detail::BinaryWriter w;
  w.str(kMagic);
  w.strings(detail::sorted_strings(impl_->places));
  std::vector<std::pair<std::string, std::string>> dem(impl_->demonyms.begin(),
                                                       impl_->demonyms.end());
  std::sort(dem.begin(), dem.end());
  w.pod(static_cast<std::uint32_t>(dem.size()));
  for (const auto& [k, v] : dem) {
    w.str(k);
    w.str(v);
  }
  w.strings(detail::sorted_strings(impl_->first_names));
  w.strings(detail::sorted_strings(impl_->last_names));
  impl_->case_profile.save(w);
  impl_->model.save(w);
  // Bit 0: a second pass follows; bit 1: WordNet's names follow; bit 2: word clusters
  // follow; bit 3: the name lists follow (files without them load); bit 4: the model
  // uses UPOS features.
  const bool two = impl_->second.n_classes() > 0;
  const bool names = !impl_->wordnet_names.empty();
  const bool clusters = !impl_->clusters.empty();
  const bool lists = !impl_->name_lists.empty();
  w.pod(static_cast<std::uint8_t>((two ? 1 : 0) | (names ? 2 : 0) | (clusters ? 4 : 0) |
                                  (lists ? 8 : 0) | (impl_->uses_pos ? 16 : 0)));
  if (two) impl_->second.save(w);
  if (names) w.string_map(impl_->wordnet_names);
  if (clusters) impl_->clusters.save(w);
  if (lists) {
    std::vector<std::pair<std::string, std::uint8_t>> v(impl_->name_lists.begin(),
                                                        impl_->name_lists.end());
    std::sort(v.begin(), v.end());
    w.pod(static_cast<std::uint32_t>(v.size()));
    for (const auto& [k, bits] : v) {
      w.str(k);
      w.pod(bits);
    }
  }
  return detail::write_file_atomic(path, w.bytes());
}

Result<EntityRecognizer> EntityRecognizer::load(const std::string& path) {
  auto bytes = detail::read_file_bytes(path);
  if (!bytes) return tl::unexpected(bytes.error());
  detail::BinaryReader r(*bytes, path);
  std::string magic;
  if (!r.str(magic) || magic != kMagic) return tl::unexpected(r.error("not an NER model"));
  auto impl = std::make_shared<Impl>();
  std::vector<std::string> v;
  if (!r.strings(v)) return tl::unexpected(r.error("places"));
  impl->places.insert(v.begin(), v.end());
  std::uint32_t n = 0;
  if (!r.pod(n)) return tl::unexpected(r.error("demonyms"));
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string k;
    std::string c;
    if (!r.str(k) || !r.str(c)) return tl::unexpected(r.error("demonyms"));
    impl->demonyms.emplace(std::move(k), std::move(c));
  }
  if (!r.strings(v)) return tl::unexpected(r.error("first names"));
  impl->first_names.insert(v.begin(), v.end());
  if (!r.strings(v)) return tl::unexpected(r.error("last names"));
  impl->last_names.insert(v.begin(), v.end());
  if (!impl->case_profile.load(r)) return tl::unexpected(r.error("case profile"));
  if (!impl->model.load(r) || impl->model.n_classes() != kClassCount) {
    return tl::unexpected(r.error("weights"));
  }
  std::uint8_t two = 0;
  if (!r.pod(two) || two > 31) return tl::unexpected(r.error("second pass flag"));
  impl->uses_pos = (two & 16) != 0;
  if ((two & 1) != 0 && (!impl->second.load(r) || impl->second.n_classes() != kClassCount)) {
    return tl::unexpected(r.error("second-pass weights"));
  }
  if ((two & 2) != 0 && !r.string_map(impl->wordnet_names)) {
    return tl::unexpected(r.error("WordNet names"));
  }
  if ((two & 4) != 0 && !impl->clusters.load(r)) return tl::unexpected(r.error("word clusters"));
  if ((two & 8) != 0) {
    std::uint32_t count = 0;
    if (!r.pod(count)) return tl::unexpected(r.error("name lists"));
    impl->name_lists.reserve(count);
    std::string key;
    for (std::uint32_t i = 0; i < count; ++i) {
      std::uint8_t bits = 0;
      if (!r.str(key) || !r.pod(bits) || bits == 0 ||
          (bits & ~kListedPrefix) >= (1U << kNameListKinds.size())) {
        return tl::unexpected(r.error("name lists"));
      }
      impl->name_lists.emplace(key, bits);
    }
  }
  EntityRecognizer ner;
  ner.impl_ = std::move(impl);
  return ner;
}

double SpanScores::Counts::precision() const {
  return predicted ? static_cast<double>(correct) / static_cast<double>(predicted) : 0.0;
}
double SpanScores::Counts::recall() const {
  return gold ? static_cast<double>(correct) / static_cast<double>(gold) : 0.0;
}
double SpanScores::Counts::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void SpanScores::add(const std::vector<std::string>& gold,
                     const std::vector<std::string>& predicted) {
  using Span = std::tuple<std::size_t, std::size_t, std::string>;
  const auto spans = [](const std::vector<std::string>& tags) {
    std::set<Span> out;
    for (std::size_t i = 0; i < tags.size();) {
      if (tags[i].size() < 3 || tags[i] == "O") {
        ++i;
        continue;
      }
      const std::string type = tags[i].substr(2);
      std::size_t j = i + 1;
      while (j < tags.size() && tags[j] == "I-" + type) ++j;
      out.emplace(i, j, type);
      i = j;
    }
    return out;
  };
  const auto g = spans(gold);
  const auto p = spans(predicted);
  const auto counts = [&](const std::string& type) -> Counts& {
    for (auto& [t, c] : by_type) {
      if (t == type) return c;
    }
    by_type.emplace_back(type, Counts{});
    std::sort(by_type.begin(), by_type.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [t, c] : by_type) {
      if (t == type) return c;
    }
    return total;
  };
  for (const auto& s : g) {
    ++total.gold;
    ++counts(std::get<2>(s)).gold;
    if (p.count(s)) {
      ++total.correct;
      ++counts(std::get<2>(s)).correct;
    }
  }
  for (const auto& s : p) {
    ++total.predicted;
    ++counts(std::get<2>(s)).predicted;
  }
}

}  // namespace kg::extract
