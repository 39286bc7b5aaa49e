#pragma once
// Averaged perceptron: a sparse trainer (feature -> the few classes it ever
// voted for) and a compact, quantised linear model for inference. Both are
// deterministic: integer updates, sorted keys on save, no hash-order output.

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

#include "util/binary_io.hpp"

namespace kg::extract::detail {

/// Inference-time multi-class linear model over hashed features.
class LinearModel {
 public:
  LinearModel() = default;
  [[nodiscard]] int n_classes() const { return n_classes_; }
  /// Adds the weight of each feature to scores[0..n_classes).
  void add_scores(std::span<const std::uint64_t> features, float* scores) const;
  /// Adds the weight of features[i] to rows[i][0..n_classes): many small feature sets
  /// (one per row) looked up in one batch.
  void add_scores(std::span<const std::uint64_t> features, float* const* rows) const;
  /// The best class (lowest index on ties) for the features.
  [[nodiscard]] int predict(std::span<const std::uint64_t> features, std::vector<float>& buf) const;
  [[nodiscard]] std::size_t n_features() const { return keys_.size(); }
  [[nodiscard]] std::size_t n_weights() const { return weights_.size(); }

  void save(BinaryWriter& out) const;
  bool load(BinaryReader& in);

 private:
  friend class PerceptronTrainer;
  void build_table();
  template <class Row>
  void accumulate(std::span<const std::uint64_t> features, Row&& row) const;
  static constexpr std::uint32_t kNoRow = 0xFFFFFFFFU;

  int n_classes_ = 0;
  float scale_ = 1.0F;
  std::vector<std::uint64_t> keys_;     // sorted feature hashes
  std::vector<std::uint32_t> offsets_;  // CSR offsets into classes_/weights_, size keys_+1
  std::vector<std::uint16_t> classes_;
  std::vector<std::int16_t> weights_;      // quantised, value = weight * scale_
  std::vector<std::uint64_t> table_keys_;  // open addressing, 0 = empty
  std::vector<std::uint32_t> table_rows_;
  std::uint64_t mask_ = 0;
};

/// Sparse averaged-perceptron trainer.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int n_classes) : n_classes_(n_classes) {}
  /// Current (not averaged) scores, written to out (resized to n_classes).
  void scores(std::span<const std::uint64_t> features, std::vector<double>& out) const;
  [[nodiscard]] int predict(std::span<const std::uint64_t> features,
                            std::vector<double>& buf) const;
  /// Perceptron update towards truth and away from guess (no-op when equal).
  void update(std::span<const std::uint64_t> features, int truth, int guess);
  /// Adds delta to the weight of each feature for one class (structured updates, where
  /// the gold and predicted sequences disagree on features, not only on the class).
  void add(std::span<const std::uint64_t> features, int cls, int delta);
  /// Advances the averaging clock by one training instance.
  void tick() { ++clock_; }
  /// Averaged weights with |w| < prune dropped, quantised to 16 bits.
  [[nodiscard]] LinearModel average(double prune) const;

 private:
  struct Entry {
    std::uint16_t cls;
    std::int32_t w;
    std::int64_t u;
  };
  int n_classes_;
  std::int64_t clock_ = 1;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
  std::vector<std::vector<Entry>> rows_;
};

/// Deterministic shuffling independent of the standard library implementation.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      const std::size_t j = static_cast<std::size_t>(next() % i);
      std::swap(v[i - 1], v[j]);
    }
  }

 private:
  std::uint64_t state_;
};

}  // namespace kg::extract::detail
