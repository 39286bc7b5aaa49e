#pragma once
// Hashed feature construction shared by the tagger and the entity recogniser.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "util/text.hpp"
#include "word_clusters.hpp"

namespace kg::extract::detail {

/// Collects hashed features "template=value" without building strings.
class FeatureSet {
 public:
  void clear() { f_.clear(); }
  void add(std::uint32_t templ, std::string_view v) {
    f_.push_back(fnv1a(v, mix64(templ + 0x9e37ULL)));
  }
  void add(std::uint32_t templ, std::string_view a, std::string_view b) {
    std::uint64_t h = fnv1a(a, mix64(templ + 0x9e37ULL));
    h = fnv1a("\x1f", h);
    f_.push_back(fnv1a(b, h));
  }
  void add(std::uint32_t templ, std::string_view a, std::string_view b, std::string_view c) {
    std::uint64_t h = fnv1a(a, mix64(templ + 0x9e37ULL));
    h = fnv1a("\x1f", h);
    h = fnv1a(b, h);
    h = fnv1a("\x1f", h);
    f_.push_back(fnv1a(c, h));
  }
  /// Appends a copy of every feature so far, salted: the copies learn what is peculiar
  /// to one part of the training data (a genre), keeping it out of the shared weights.
  void add_salted_copies(std::uint64_t salt) {
    const std::size_t n = f_.size();
    for (std::size_t k = 0; k < n; ++k) f_.push_back(mix64(f_[k] ^ salt));
  }
  [[nodiscard]] const std::vector<std::uint64_t>& values() const { return f_; }

 private:
  std::vector<std::uint64_t> f_;
};

/// Per-word strings computed once per sentence.
struct WordInfo {
  std::string raw;            // normalised form
  std::string key;            // lower-case, or "#shape" for numbers
  std::string shape;          // word_shape(raw)
  std::string lex;            // WordNet class for the model using one (tagger: parts of speech,
                              // entity recogniser: kinds of name), else empty
  std::uint16_t cluster = 0;  // word-cluster code (WordClusters), for the models using
                              // clusters; 0: none
};

/// The feature text of a word's cluster at a level (0 coarse .. 2 finest), "-" for none.
inline std::string_view cluster_text(const WordInfo& x, int level) {
  return WordClusters::level_text(x.cluster, level);
}

/// How a sentence is capitalised: "title" when most words start with a capital
/// (headlines, where capitals are a weak cue for names and PROPN), "plain", or
/// "short" for sentences under three words.
inline std::string_view capitalisation_profile(const std::vector<WordInfo>& info) {
  std::size_t words = 0;
  std::size_t caps = 0;
  for (const auto& w : info) {
    if (w.shape.empty() || (w.shape[0] != 'X' && w.shape[0] != 'x')) continue;
    ++words;
    caps += w.shape[0] == 'X';
  }
  if (words < 3) return "short";
  return caps * 2 > words ? "title" : "plain";
}

inline WordInfo word_info(std::string_view w) {
  WordInfo info;
  info.raw = std::string(w);
  info.shape = word_shape(w);
  bool digit = false;
  bool alpha = false;
  for (const char c : w) {
    if (c >= '0' && c <= '9') digit = true;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) alpha = true;
  }
  if (digit && !alpha) {
    info.key = "#" + info.shape;
  } else {
    info.key = to_lower(w);
  }
  return info;
}

/// The phrase keys (word keys joined by ' ') a listed name of the entity recogniser's
/// name lists matches: the name split at spaces, and also with hyphens and a final "'s"
/// as words of their own, as UD English tokenizes them. Empty for names of more words
/// than a phrase may have.
std::vector<std::string> name_list_keys(std::string_view name);

}  // namespace kg::extract::detail
