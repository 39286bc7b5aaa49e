#include <algorithm>
#include <kg/extract/lemmatizer.hpp>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "util/binary_io.hpp"
#include "util/text.hpp"
#include "word_lexicon.hpp"

namespace kg::extract {

namespace {
constexpr char kMagic[] = "KGLEM2";
constexpr char kMagicWithoutLexicon[] = "KGLEM1";
constexpr std::size_t kMaxSuffix = 6;

// A rewrite: take the form (lower-cased when `lower`), drop `strip` bytes, append `append`.
struct Rule {
  bool lower = false;
  std::uint8_t strip = 0;
  std::string append;
  bool operator<(const Rule& o) const {
    return std::tie(lower, strip, append) < std::tie(o.lower, o.strip, o.append);
  }
  bool operator==(const Rule& o) const {
    return lower == o.lower && strip == o.strip && append == o.append;
  }
};

std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  // Do not cut inside a UTF-8 sequence.
  while (n > 0 && n < a.size() && (static_cast<unsigned char>(a[n]) & 0xC0) == 0x80) --n;
  return n;
}

Rule derive_rule(std::string_view form, std::string_view lemma) {
  const std::string lower = detail::to_lower(form);
  const std::size_t cp_keep = common_prefix(form, lemma);
  const std::size_t cp_lower = common_prefix(lower, lemma);
  Rule r;
  // Lower-case lemmas are learned as "lower-case, then edit" so that the same rule also
  // serves capitalised, sentence-initial forms ("Officials" -> "official").
  if (cp_lower > cp_keep || (cp_lower == cp_keep && detail::to_lower(lemma) == lemma)) {
    r.lower = true;
    r.strip = static_cast<std::uint8_t>(std::min<std::size_t>(lower.size() - cp_lower, 255));
    r.append = std::string(lemma.substr(cp_lower));
  } else {
    r.strip = static_cast<std::uint8_t>(std::min<std::size_t>(form.size() - cp_keep, 255));
    r.append = std::string(lemma.substr(cp_keep));
  }
  return r;
}

bool apply_rule(const Rule& r, std::string_view form, std::string& out) {
  std::string base = r.lower ? detail::to_lower(form) : std::string(form);
  if (r.strip > base.size()) return false;
  if (r.strip == base.size() && r.append.empty()) return false;
  base.resize(base.size() - r.strip);
  base += r.append;
  out = std::move(base);
  return true;
}

// The part of speech a lexicon is checked for: 'N', 'V', 'J' or 'R' from the first
// letter of the PTB tag, 0 for the other tags.
char lexicon_pos(std::string_view xpos) {
  if (xpos.empty()) return 0;
  const char c = xpos[0];
  return c == 'N' || c == 'V' || c == 'J' || c == 'R' ? c : 0;
}

// Tags of inflected forms, whose irregular lemmas a lexicon may list ("fled" -> "flee").
bool inflected(std::string_view xpos) {
  return xpos == "VBD" || xpos == "VBN" || xpos == "VBG" || xpos == "VBZ" || xpos == "NNS" ||
         xpos == "JJR" || xpos == "JJS" || xpos == "RBR" || xpos == "RBS";
}

}  // namespace

struct Lemmatizer::Impl {
  std::unordered_map<std::string, Rule> rules;              // xpos \t suffix -> best rule
  std::unordered_map<std::string, std::string> exceptions;  // xpos \t form -> lemma
  // Optional lexicon (WordNet's lemmas and the training lemmas): "Vbomb", part of speech
  // as lexicon_pos() gives it, then the lower-case lemma; and irregular forms ("Vfled" ->
  // "flee"). With it, the longest-suffix rule whose lemma the lexicon knows wins.
  std::unordered_set<std::string> known;
  std::unordered_map<std::string, std::string> irregular;

  std::string by_rules(std::string_view form, std::string_view xpos) const {
    const std::string lower = detail::to_lower(form);
    const char pos = known.empty() ? 0 : lexicon_pos(xpos);
    const bool may_be_irregular = pos != 0 && inflected(xpos);
    std::string probe;
    if (may_be_irregular) {
      probe = pos + lower;
      if (const auto it = irregular.find(probe); it != irregular.end()) return it->second;
    }
    const std::size_t n = detail::utf8_length(lower);
    std::string key(xpos);
    key += '\t';
    const std::size_t base = key.size();
    std::string first;
    bool have_first = false;
    for (std::size_t k = std::min(kMaxSuffix, n > 0 ? n - 1 : 0) + 1; k-- > 0;) {
      key.resize(base);
      key += detail::utf8_suffix(lower, k);
      const auto it = rules.find(key);
      if (it == rules.end()) continue;
      std::string out;
      if (!apply_rule(it->second, form, out)) continue;
      if (pos == 0) return out;
      probe.assign(1, pos);
      probe += detail::to_lower(out);
      if (known.count(probe) > 0) return out;
      if (!have_first) {
        first = std::move(out);
        have_first = true;
      }
    }
    if (may_be_irregular) {
      if (auto found = by_morphy(lower, pos)) return *found;
    }
    return have_first ? first : std::string(form);
  }

  // WordNet's detachment rules (morphy), for inflected words no rule's lemma is known for:
  // the first known base, also with a doubled final consonant undone ("provoked" ->
  // "provoke", "ruder" -> "rude", "stopped" -> "stop").
  [[nodiscard]] std::optional<std::string> by_morphy(const std::string& lower, char pos) const {
    struct Detach {
      char pos;
      const char* suffix;
      const char* ending;
    };
    static constexpr Detach kRules[] = {
        {'N', "s", ""},      {'N', "ses", "s"},   {'N', "xes", "x"},   {'N', "zes", "z"},
        {'N', "ches", "ch"}, {'N', "shes", "sh"}, {'N', "men", "man"}, {'N', "ies", "y"},
        {'V', "s", ""},      {'V', "ies", "y"},   {'V', "es", "e"},    {'V', "es", ""},
        {'V', "ed", "e"},    {'V', "ed", ""},     {'V', "ing", "e"},   {'V', "ing", ""},
        {'J', "er", ""},     {'J', "est", ""},    {'J', "er", "e"},    {'J', "est", "e"},
        {'R', "er", ""},     {'R', "est", ""},    {'R', "er", "e"},    {'R', "est", "e"}};
    std::string probe;
    const auto known_as = [&](const std::string& base) {
      probe.assign(1, pos);
      probe += base;
      return known.count(probe) > 0;
    };
    for (const auto& r : kRules) {
      const std::string_view suffix(r.suffix);
      if (r.pos != pos || lower.size() <= suffix.size() + 1 || !lower.ends_with(suffix)) continue;
      std::string base = lower.substr(0, lower.size() - suffix.size()) + r.ending;
      if (known_as(base)) return base;
      const std::size_t n = base.size();
      if (*r.ending == '\0' && n >= 3 && base[n - 1] == base[n - 2]) {
        base.pop_back();
        if (known_as(base)) return base;
      }
    }
    return std::nullopt;
  }

  std::string lemma(std::string_view form, std::string_view upos, std::string_view xpos) const {
    std::string key(xpos);
    key += '\t';
    key += form;
    if (const auto it = exceptions.find(key); it != exceptions.end()) return it->second;
    if (upos == "PROPN") return std::string(form);
    return by_rules(form, xpos);
  }
};

Lemmatizer::Lemmatizer() : impl_(std::make_shared<Impl>()) {}

std::string Lemmatizer::lemmatize(std::string_view form, std::string_view upos,
                                  std::string_view xpos) const {
  return impl_->lemma(form, upos, xpos);
}

void Lemmatizer::lemmatize(ConlluSentence& s) const {
  for (auto& t : s.tokens) t.lemma = impl_->lemma(detail::normalize_form(t.form), t.upos, t.xpos);
}

void Lemmatizer::process(Document& doc) const {
  for (auto& t : doc.tokens()) t.lemma = impl_->lemma(t.norm, t.upos, t.xpos);
  doc.mark_assigned(kLemmas);
}

Lemmatizer Lemmatizer::train(const std::vector<ConlluSentence>& train) {
  return train_with(train, nullptr);
}

Result<Lemmatizer> Lemmatizer::train(const std::vector<ConlluSentence>& train,
                                     const std::string& wordnet_dir) {
  if (wordnet_dir.empty()) return train_with(train, nullptr);
  auto lexicon = detail::read_wordnet_lemmas(wordnet_dir);
  if (!lexicon) return tl::unexpected(lexicon.error());
  return train_with(train, &*lexicon);
}

Lemmatizer Lemmatizer::train_with(const std::vector<ConlluSentence>& train,
                                  const detail::WordNetLemmas* lexicon) {
  auto impl = std::make_shared<Impl>();
  if (lexicon != nullptr) {
    impl->known.insert(lexicon->lemmas.begin(), lexicon->lemmas.end());
    std::unordered_set<std::string> trained;  // lemmas of the training data
    for (const auto& s : train) {
      for (const auto& t : s.tokens) {
        const char pos = lexicon_pos(t.xpos);
        if (pos == 0 || t.lemma == "_" || t.lemma.empty()) continue;
        trained.insert(pos + detail::to_lower(detail::normalize_form(t.lemma)));
      }
    }
    impl->known.insert(trained.begin(), trained.end());
    // Of the bases WordNet lists for a form, the first the training data uses as a lemma
    // (American spelling: "installed" -> "install", not "instal"), else its first.
    for (const auto& [form, base] : lexicon->irregular) {
      const auto [it, added] = impl->irregular.emplace(form, base);
      if (!added && trained.count(form.substr(0, 1) + it->second) == 0 &&
          trained.count(form.substr(0, 1) + base) > 0) {
        it->second = base;
      }
    }
  }
  std::map<std::string, std::map<Rule, int>> rule_counts;
  std::map<std::string, std::map<std::string, int>> lemma_counts;  // xpos\tform -> lemma counts
  std::map<std::string, std::string> upos_of;
  for (const auto& s : train) {
    for (const auto& t : s.tokens) {
      if (t.lemma == "_" || t.lemma.empty()) continue;
      const std::string form = detail::normalize_form(t.form);
      const std::string lemma = detail::normalize_form(t.lemma);
      auto& seen = lemma_counts[t.xpos + "\t" + form][lemma];
      upos_of[t.xpos + "\t" + form] = t.upos;
      // Rules are counted once per distinct (form, XPOS, lemma): unseen words behave like
      // the many rare words of a suffix, not like its few frequent ones.
      if (seen++ > 0) continue;
      const Rule r = derive_rule(form, lemma);
      const std::string lower = detail::to_lower(form);
      const std::size_t n = detail::utf8_length(lower);
      for (std::size_t k = 0; k <= std::min(kMaxSuffix, n > 0 ? n - 1 : 0); ++k) {
        ++rule_counts[t.xpos + "\t" + std::string(detail::utf8_suffix(lower, k))][r];
      }
    }
  }
  for (const auto& [key, counts] : rule_counts) {
    const auto best =
        std::max_element(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    if (best->second < 2) continue;
    impl->rules.emplace(key, best->first);
  }
  // Drop suffix rules that a shorter suffix already implies.
  std::vector<std::string> keys;
  for (const auto& [k, r] : impl->rules) keys.push_back(k);
  std::sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  for (const auto& k : keys) {
    const auto tab = k.find('\t');
    std::string_view suffix = std::string_view(k).substr(tab + 1);
    if (suffix.empty()) continue;
    const std::string shorter =
        k.substr(0, tab + 1) +
        std::string(detail::utf8_suffix(suffix, detail::utf8_length(suffix) - 1));
    // Longer suffixes are erased first, so each comparison is against a rule that is
    // still equivalent to everything shorter: lookups give the same result without it.
    const auto it = impl->rules.find(shorter);
    if (it != impl->rules.end() && it->second == impl->rules.at(k)) {
      impl->rules.erase(k);
    }
  }
  for (const auto& [key, counts] : lemma_counts) {
    const auto best =
        std::max_element(counts.begin(), counts.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    const auto tab = key.find('\t');
    const std::string form = key.substr(tab + 1);
    const std::string upos = upos_of[key];
    const std::string predicted =
        upos == "PROPN" ? form : impl->by_rules(form, std::string_view(key).substr(0, tab));
    if (predicted == best->first) continue;
    // A training lemma WordNet does not know, for a form whose irregular base it lists, is
    // taken for a slip of the annotation ("fled" -> "flead"): the irregular base stays.
    const std::string_view xpos = std::string_view(key).substr(0, tab);
    const char pos = lexicon_pos(xpos);
    if (lexicon != nullptr && pos != 0 && inflected(xpos) && upos != "PROPN" &&
        impl->irregular.count(pos + detail::to_lower(form)) > 0 &&
        !std::binary_search(lexicon->lemmas.begin(), lexicon->lemmas.end(),
                            pos + detail::to_lower(best->first))) {
      continue;
    }
    impl->exceptions.emplace(key, best->first);
  }
  Lemmatizer l;
  l.impl_ = std::move(impl);
  return l;
}

Result<void> Lemmatizer::save(const std::string& path) const {
  detail::BinaryWriter w;
  w.str(kMagic);
  std::vector<std::string> keys;
  for (const auto& [k, r] : impl_->rules) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  w.pod(static_cast<std::uint32_t>(keys.size()));
  for (const auto& k : keys) {
    const Rule& r = impl_->rules.at(k);
    w.str(k);
    w.pod(static_cast<std::uint8_t>(r.lower));
    w.pod(r.strip);
    w.str(r.append);
  }
  // A string map as a count and its sorted (key, value) pairs.
  const auto write_pairs = [&w](const std::unordered_map<std::string, std::string>& map) {
    std::vector<std::pair<std::string, std::string>> pairs(map.begin(), map.end());
    std::sort(pairs.begin(), pairs.end());
    w.pod(static_cast<std::uint32_t>(pairs.size()));
    for (const auto& [k, v] : pairs) {
      w.str(k);
      w.str(v);
    }
  };
  write_pairs(impl_->exceptions);
  std::vector<std::string> known(impl_->known.begin(), impl_->known.end());
  std::sort(known.begin(), known.end());
  w.strings(known);
  write_pairs(impl_->irregular);
  return detail::write_file_atomic(path, w.bytes());
}

Result<Lemmatizer> Lemmatizer::load(const std::string& path) {
  auto bytes = detail::read_file_bytes(path);
  if (!bytes) return tl::unexpected(bytes.error());
  detail::BinaryReader r(*bytes, path);
  std::string magic;
  if (!r.str(magic) || (magic != kMagic && magic != kMagicWithoutLexicon)) {
    return tl::unexpected(r.error("not a lemmatizer model"));
  }
  auto impl = std::make_shared<Impl>();
  std::uint32_t n = 0;
  if (!r.pod(n)) return tl::unexpected(r.error("rules"));
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string k;
    std::uint8_t lower = 0;
    Rule rule;
    if (!r.str(k) || !r.pod(lower) || !r.pod(rule.strip) || !r.str(rule.append)) {
      return tl::unexpected(r.error("rules"));
    }
    rule.lower = lower != 0;
    impl->rules.emplace(std::move(k), std::move(rule));
  }
  const auto read_pairs = [&r](std::unordered_map<std::string, std::string>& map) {
    std::uint32_t count = 0;
    if (!r.pod(count)) return false;
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string k;
      std::string v;
      if (!r.str(k) || !r.str(v)) return false;
      map.emplace(std::move(k), std::move(v));
    }
    return true;
  };
  if (!read_pairs(impl->exceptions)) return tl::unexpected(r.error("exceptions"));
  if (magic == kMagic) {
    std::vector<std::string> known;
    if (!r.strings(known)) return tl::unexpected(r.error("lexicon"));
    for (const auto& k : known) {
      if (k.size() < 2 || lexicon_pos(k.substr(0, 1)) == 0)
        return tl::unexpected(r.error("lexicon"));
    }
    impl->known.insert(known.begin(), known.end());
    if (!read_pairs(impl->irregular)) return tl::unexpected(r.error("irregular forms"));
  }
  Lemmatizer l;
  l.impl_ = std::move(impl);
  return l;
}

}  // namespace kg::extract
