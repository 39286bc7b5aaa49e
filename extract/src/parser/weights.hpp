#pragma once
// Perceptron weights of the parser: a growable table used while training
// (current weights plus the sums needed for averaging) and the compact,
// read-only table of averaged, pruned, quantized weights kept in the model file.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace kg::extract::parser {

/// Quantized weights: the largest averaged weight becomes 2^kWeightBits units (24 signed
/// bits hold it with margin), so transition scores are in units of that size.
constexpr int kWeightBits = 22;

/// Read-only averaged weights. A feature key (64-bit hash) maps through an
/// open-addressing table (linear probing; the start slot is the low 32 bits of
/// the key scaled to the table size) of buckets `(fingerprint << 32) | begin` to a run of
/// `entries`: entries[begin] is the count, then one `(weight << 8) | class`
/// word per class with a non-zero weight (weight is a signed 24-bit integer).
class CompactWeights {
 public:
  /// Adds the weights of `n` features to `scores` (one per class).
  void score(const std::uint64_t* features, int n, std::int32_t* scores) const;

  [[nodiscard]] int classes() const { return classes_; }
  [[nodiscard]] std::size_t features() const { return features_; }
  [[nodiscard]] std::size_t entries() const { return entries_.size() - features_; }

  int classes_ = 0;
  std::size_t features_ = 0;
  /// Start slot of a key in a table of `size` buckets.
  static std::uint64_t slot(std::uint64_t key, std::uint64_t size) {
    return ((key & 0xFFFFFFFFULL) * size) >> 32;
  }

  std::vector<std::uint64_t> buckets_;  // 0 = empty; at least one is empty
  std::vector<std::uint32_t> entries_;
};

/// Weights being trained, with lazy averaging (Daumé's trick with timestamps).
class TrainWeights {
 public:
  explicit TrainWeights(int classes);

  /// Adds the current weights of `n` features to `scores`.
  void score(const std::uint64_t* features, int n, float* scores) const;
  /// Adds `delta` to the weight of every feature for `cls`.
  void update(const std::uint64_t* features, int n, int cls, float delta);
  /// Advances the averaging clock by one training instance.
  void tick() { ++now_; }
  /// The averaged weights; those with |w| < prune are dropped, and so are
  /// features updated fewer than `min_updates` times (rare, barely trained).
  [[nodiscard]] CompactWeights average(double prune, int min_updates) const;
  [[nodiscard]] std::size_t features() const { return rows_.size(); }

 private:
  struct Entry {
    double total = 0;  // sum of the weight over time up to `stamp`
    std::int64_t stamp = 0;
    float weight = 0;
    std::uint32_t cls = 0;
  };
  [[nodiscard]] std::int64_t find(std::uint64_t key) const;
  std::uint32_t find_or_insert(std::uint64_t key);
  void grow();

  int classes_;
  std::int64_t now_ = 0;
  std::vector<std::uint64_t> keys_;  // 0 = empty slot
  std::vector<std::uint32_t> slot_row_;
  std::vector<std::uint64_t> row_key_;
  std::vector<std::vector<Entry>> rows_;
  std::vector<std::uint32_t> row_updates_;
};

}  // namespace kg::extract::parser
