#include "perceptron.hpp"

#include <algorithm>
#include <cmath>

#include "util/text.hpp"

namespace kg::extract::detail {

void LinearModel::build_table() {
  std::size_t cap = 16;
  while (cap < keys_.size() * 2) cap <<= 1;
  table_keys_.assign(cap, 0);
  table_rows_.assign(cap, 0);
  mask_ = cap - 1;
  for (std::uint32_t r = 0; r < keys_.size(); ++r) {
    std::uint64_t slot = mix64(keys_[r]) & mask_;
    while (table_keys_[slot] != 0) slot = (slot + 1) & mask_;
    table_keys_[slot] = keys_[r];
    table_rows_[slot] = r;
  }
}

void LinearModel::add_scores(std::span<const std::uint64_t> features, float* scores) const {
  accumulate(features, [scores](std::size_t) { return scores; });
}

void LinearModel::add_scores(std::span<const std::uint64_t> features, float* const* rows) const {
  accumulate(features, [rows](std::size_t i) { return rows[i]; });
}

template <class Row>
void LinearModel::accumulate(std::span<const std::uint64_t> features, Row&& row) const {
  if (keys_.empty()) return;
  // Features are looked up in batches, in stages, each stage prefetching what the next
  // one reads (table slot, row offsets, weight run), so the cache misses of a batch
  // overlap instead of following one another. Scores are added in feature order, so the
  // sums are the same as one feature at a time.
  constexpr std::size_t kBatch = 64;
  std::uint64_t slot[kBatch];
  std::uint32_t found[kBatch];
  for (std::size_t base = 0; base < features.size(); base += kBatch) {
    const std::size_t n = std::min(kBatch, features.size() - base);
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t f = features[base + i] == 0 ? 1 : features[base + i];
      slot[i] = mix64(f) & mask_;
      __builtin_prefetch(&table_keys_[slot[i]]);
      __builtin_prefetch(&table_rows_[slot[i]]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t f = features[base + i] == 0 ? 1 : features[base + i];
      std::uint64_t at = slot[i];
      found[i] = kNoRow;
      while (true) {
        const std::uint64_t k = table_keys_[at];
        if (k == f) {
          found[i] = table_rows_[at];
          __builtin_prefetch(&offsets_[found[i]]);
          break;
        }
        if (k == 0) break;
        at = (at + 1) & mask_;
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (found[i] == kNoRow) continue;
      const std::uint32_t b = offsets_[found[i]];
      __builtin_prefetch(&classes_[b]);
      __builtin_prefetch(&weights_[b]);
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (found[i] == kNoRow) continue;
      const std::uint32_t r = found[i];
      float* scores = row(base + i);
      for (std::uint32_t e = offsets_[r]; e < offsets_[r + 1]; ++e) {
        scores[classes_[e]] += static_cast<float>(weights_[e]) * scale_;
      }
    }
  }
}

int LinearModel::predict(std::span<const std::uint64_t> features, std::vector<float>& buf) const {
  buf.assign(static_cast<std::size_t>(n_classes_), 0.0F);
  add_scores(features, buf.data());
  return static_cast<int>(std::max_element(buf.begin(), buf.end()) - buf.begin());
}

void LinearModel::save(BinaryWriter& out) const {
  out.pod(static_cast<std::int32_t>(n_classes_));
  out.pod(scale_);
  out.vec(keys_);
  out.vec(offsets_);
  // One byte per class id when it fits: a quarter of the file for the taggers.
  const bool narrow = n_classes_ <= 256;
  out.pod(static_cast<std::uint8_t>(narrow ? 1 : 2));
  if (narrow) {
    const std::vector<std::uint8_t> small(classes_.begin(), classes_.end());
    out.vec(small);
  } else {
    out.vec(classes_);
  }
  out.vec(weights_);
}

bool LinearModel::load(BinaryReader& in) {
  std::int32_t n = 0;
  std::uint8_t width = 0;
  if (!in.pod(n) || !in.pod(scale_) || !in.vec(keys_) || !in.vec(offsets_) || !in.pod(width)) {
    return false;
  }
  if (width == 1) {
    std::vector<std::uint8_t> small;
    if (!in.vec(small)) return false;
    classes_.assign(small.begin(), small.end());
  } else if (width != 2 || !in.vec(classes_)) {
    return false;
  }
  if (!in.vec(weights_)) return false;
  n_classes_ = n;
  if (offsets_.size() != keys_.size() + 1 || classes_.size() != weights_.size() ||
      offsets_.back() != weights_.size()) {
    return false;
  }
  for (const auto c : classes_) {
    if (c >= n_classes_) return false;
  }
  build_table();
  return true;
}

void PerceptronTrainer::scores(std::span<const std::uint64_t> features,
                               std::vector<double>& out) const {
  out.assign(static_cast<std::size_t>(n_classes_), 0.0);
  for (std::uint64_t f : features) {
    if (f == 0) f = 1;
    const auto it = index_.find(f);
    if (it == index_.end()) continue;
    for (const auto& e : rows_[it->second]) out[e.cls] += e.w;
  }
}

int PerceptronTrainer::predict(std::span<const std::uint64_t> features,
                               std::vector<double>& buf) const {
  scores(features, buf);
  return static_cast<int>(std::max_element(buf.begin(), buf.end()) - buf.begin());
}

namespace {

template <class Entry>
void bump(std::vector<Entry>& row, int cls, int delta, std::int64_t clock) {
  for (auto& e : row) {
    if (e.cls == cls) {
      e.w += delta;
      e.u += clock * delta;
      return;
    }
  }
  row.push_back({static_cast<std::uint16_t>(cls), delta, clock * delta});
}

}  // namespace

void PerceptronTrainer::update(std::span<const std::uint64_t> features, int truth, int guess) {
  if (truth == guess) return;
  for (std::uint64_t f : features) {
    if (f == 0) f = 1;
    auto [it, inserted] = index_.try_emplace(f, static_cast<std::uint32_t>(rows_.size()));
    if (inserted) rows_.emplace_back();
    auto& row = rows_[it->second];
    bump(row, truth, 1, clock_);
    if (guess >= 0) bump(row, guess, -1, clock_);
  }
}

void PerceptronTrainer::add(std::span<const std::uint64_t> features, int cls, int delta) {
  for (std::uint64_t f : features) {
    if (f == 0) f = 1;
    auto [it, inserted] = index_.try_emplace(f, static_cast<std::uint32_t>(rows_.size()));
    if (inserted) rows_.emplace_back();
    bump(rows_[it->second], cls, delta, clock_);
  }
}

LinearModel PerceptronTrainer::average(double prune) const {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> order(index_.begin(), index_.end());
  std::sort(order.begin(), order.end());
  const double c = static_cast<double>(clock_);
  double max_abs = 0.0;
  struct Kept {
    std::uint16_t cls;
    double w;
  };
  std::vector<std::uint64_t> keys;
  std::vector<std::vector<Kept>> kept_rows;
  for (const auto& [key, row_index] : order) {
    std::vector<Kept> kept;
    for (const auto& e : rows_[row_index]) {
      const double avg = static_cast<double>(e.w) - static_cast<double>(e.u) / c;
      if (std::fabs(avg) < prune) continue;
      kept.push_back({e.cls, avg});
      max_abs = std::max(max_abs, std::fabs(avg));
    }
    if (kept.empty()) continue;
    std::sort(kept.begin(), kept.end(), [](const Kept& a, const Kept& b) { return a.cls < b.cls; });
    keys.push_back(key);
    kept_rows.push_back(std::move(kept));
  }
  LinearModel m;
  m.n_classes_ = n_classes_;
  m.scale_ = max_abs > 0 ? static_cast<float>(max_abs / 32767.0) : 1.0F;
  m.keys_ = std::move(keys);
  m.offsets_.push_back(0);
  for (const auto& row : kept_rows) {
    for (const auto& k : row) {
      m.classes_.push_back(k.cls);
      m.weights_.push_back(
          static_cast<std::int16_t>(std::lround(k.w / static_cast<double>(m.scale_))));
    }
    m.offsets_.push_back(static_cast<std::uint32_t>(m.classes_.size()));
  }
  m.build_table();
  return m;
}

}  // namespace kg::extract::detail
