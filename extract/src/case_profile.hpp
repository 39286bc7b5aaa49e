#pragma once
// How often each word is capitalised away from the sentence start, learned
// from training text: a feature shared by the tagger and the entity recogniser.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "features.hpp"
#include "util/binary_io.hpp"

namespace kg::extract::detail {

/// Classes 1 (rarely capitalised) .. 4 (always); 0 for words seen fewer than twice.
class CaseProfile {
 public:
  /// Counts one word that is not the first of its sentence (training only).
  void count(const WordInfo& info) {
    if (info.shape.empty() || (info.shape[0] != 'X' && info.shape[0] != 'x')) return;
    auto& c = counts_[info.key];
    c.first += info.shape[0] == 'X';
    ++c.second;
  }

  /// Turns the counts into classes.
  void finish() {
    for (const auto& [k, c] : counts_) {
      if (c.second < 2) continue;
      const double r = static_cast<double>(c.first) / c.second;
      classes_.emplace(k, r < 0.1 ? 1 : r < 0.5 ? 2 : r < 0.9 ? 3 : 4);
    }
    counts_.clear();
  }

  /// The feature value of a word: "?" when unknown, else "c1" .. "c4".
  [[nodiscard]] std::string_view class_of(const WordInfo& x) const {
    static const char* const kNames[] = {"?", "c1", "c2", "c3", "c4"};
    const auto it = classes_.find(x.key);
    return kNames[it == classes_.end() ? 0 : it->second];
  }

  /// Writes the classes sorted by word, so equal profiles give equal bytes.
  void save(BinaryWriter& w) const {
    std::vector<std::pair<std::string, std::uint8_t>> cp(classes_.begin(), classes_.end());
    std::sort(cp.begin(), cp.end());
    w.pod(static_cast<std::uint32_t>(cp.size()));
    for (const auto& [k, v] : cp) {
      w.str(k);
      w.pod(v);
    }
  }

  /// Reads what save() wrote; false when the bytes are malformed.
  bool load(BinaryReader& r) {
    std::uint32_t n = 0;
    if (!r.pod(n)) return false;
    for (std::uint32_t i = 0; i < n; ++i) {
      std::string k;
      std::uint8_t c = 0;
      if (!r.str(k) || !r.pod(c) || c > 4) return false;
      classes_.emplace(std::move(k), c);
    }
    return true;
  }

 private:
  std::unordered_map<std::string, std::pair<int, int>> counts_;  // key -> (capitalised, all)
  std::unordered_map<std::string, std::uint8_t> classes_;
};

/// The elements of a set, sorted: deterministic model files from unordered sets.
template <class Set>
std::vector<std::string> sorted_strings(const Set& s) {
  std::vector<std::string> v(s.begin(), s.end());
  std::sort(v.begin(), v.end());
  return v;
}

}  // namespace kg::extract::detail
