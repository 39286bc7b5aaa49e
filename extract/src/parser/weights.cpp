#include "weights.hpp"

#include <algorithm>
#include <cmath>

namespace kg::extract::parser {
namespace {

std::uint32_t fingerprint(std::uint64_t key) {
  // The low bits pick the bucket, the high 32 bits identify the key in it.
  const auto fp = static_cast<std::uint32_t>(key >> 32);
  return fp == 0 ? 1U : fp;
}

}  // namespace

void CompactWeights::score(const std::uint64_t* features, int n, std::int32_t* scores) const {
  if (buckets_.empty()) return;
  const std::uint64_t size = buckets_.size();
  // Two passes so the memory loads of all features overlap instead of
  // waiting for one cache miss after another.
  std::uint64_t start[256];
  n = std::min(n, 256);
  for (int i = 0; i < n; ++i) {
    start[i] = slot(features[i], size);
    __builtin_prefetch(&buckets_[start[i]]);
  }
  std::uint32_t begins[256];
  int found = 0;
  for (int i = 0; i < n; ++i) {
    const std::uint32_t fp = fingerprint(features[i]);
    std::uint64_t idx = start[i];
    while (true) {
      const std::uint64_t b = buckets_[idx];
      if (b == 0) break;
      if (static_cast<std::uint32_t>(b >> 32) == fp) {
        const auto begin = static_cast<std::uint32_t>(b);
        __builtin_prefetch(&entries_[begin]);
        begins[found++] = begin;
        break;
      }
      idx = idx + 1 == size ? 0 : idx + 1;
    }
  }
  for (int i = 0; i < found; ++i) {
    const std::uint32_t* e = &entries_[begins[i]];
    const std::uint32_t count = e[0];
    for (std::uint32_t j = 1; j <= count; ++j) {
      const std::uint32_t v = e[j];
      scores[v & 0xFFU] += static_cast<std::int32_t>(v) >> 8;
    }
  }
}

TrainWeights::TrainWeights(int classes) : classes_(classes) {
  keys_.assign(1U << 20, 0);
  slot_row_.assign(keys_.size(), 0);
}

std::int64_t TrainWeights::find(std::uint64_t key) const {
  const std::uint64_t mask = keys_.size() - 1;
  std::uint64_t idx = key & mask;
  while (true) {
    const std::uint64_t k = keys_[idx];
    if (k == key) return slot_row_[idx];
    if (k == 0) return -1;
    idx = (idx + 1) & mask;
  }
}

void TrainWeights::grow() {
  std::vector<std::uint64_t> keys(keys_.size() * 2, 0);
  std::vector<std::uint32_t> slot_row(keys.size(), 0);
  const std::uint64_t mask = keys.size() - 1;
  for (std::uint32_t row = 0; row < row_key_.size(); ++row) {
    std::uint64_t idx = row_key_[row] & mask;
    while (keys[idx] != 0) idx = (idx + 1) & mask;
    keys[idx] = row_key_[row];
    slot_row[idx] = row;
  }
  keys_ = std::move(keys);
  slot_row_ = std::move(slot_row);
}

std::uint32_t TrainWeights::find_or_insert(std::uint64_t key) {
  if ((rows_.size() + 1) * 2 > keys_.size()) grow();
  const std::uint64_t mask = keys_.size() - 1;
  std::uint64_t idx = key & mask;
  while (true) {
    const std::uint64_t k = keys_[idx];
    if (k == key) return slot_row_[idx];
    if (k == 0) break;
    idx = (idx + 1) & mask;
  }
  const auto row = static_cast<std::uint32_t>(rows_.size());
  keys_[idx] = key;
  slot_row_[idx] = row;
  row_key_.push_back(key);
  rows_.emplace_back();
  row_updates_.push_back(0);
  return row;
}

void TrainWeights::score(const std::uint64_t* features, int n, float* scores) const {
  for (int i = 0; i < n; ++i) {
    const std::int64_t row = find(features[i]);
    if (row < 0) continue;
    for (const Entry& e : rows_[static_cast<std::size_t>(row)]) scores[e.cls] += e.weight;
  }
}

void TrainWeights::update(const std::uint64_t* features, int n, int cls, float delta) {
  for (int i = 0; i < n; ++i) {
    const std::uint32_t r = find_or_insert(features[i]);
    ++row_updates_[r];
    auto& row = rows_[r];
    auto it = std::find_if(row.begin(), row.end(), [cls](const Entry& e) {
      return e.cls == static_cast<std::uint32_t>(cls);
    });
    if (it == row.end()) {
      row.push_back(Entry{0.0, now_, 0.0F, static_cast<std::uint32_t>(cls)});
      it = row.end() - 1;
    }
    it->total += static_cast<double>(now_ - it->stamp) * it->weight;
    it->stamp = now_;
    it->weight += delta;
  }
}

CompactWeights TrainWeights::average(double prune, int min_updates) const {
  const double now = static_cast<double>(std::max<std::int64_t>(now_, 1));
  // First pass: averaged weights that survive pruning, and their largest magnitude.
  std::vector<std::vector<std::pair<std::uint32_t, double>>> kept(rows_.size());
  double max_abs = 0;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    if (row_updates_[r] < static_cast<std::uint32_t>(std::max(min_updates, 0))) continue;
    for (const Entry& e : rows_[r]) {
      const double avg = (e.total + static_cast<double>(now_ - e.stamp) * e.weight) / now;
      if (std::fabs(avg) < prune) continue;
      kept[r].emplace_back(e.cls, avg);
      max_abs = std::max(max_abs, std::fabs(avg));
    }
    std::sort(kept[r].begin(), kept[r].end());
  }
  CompactWeights out;
  out.classes_ = classes_;
  const double scale = max_abs > 0 ? static_cast<double>(1 << kWeightBits) / max_abs : 1.0;
  std::size_t features = 0;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    std::size_t nonzero = 0;
    for (const auto& [cls, avg] : kept[r]) nonzero += std::lround(avg * scale) != 0 ? 1 : 0;
    if (nonzero > 0) ++features;
  }
  // Load factor 0.75: probes stay short and the table stays small.
  const std::size_t size = features + features / 3 + 1;
  out.buckets_.assign(size, 0);
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    const auto begin = static_cast<std::uint32_t>(out.entries_.size());
    out.entries_.push_back(0);
    std::uint32_t count = 0;
    for (const auto& [cls, avg] : kept[r]) {
      const long q = std::lround(avg * scale);
      if (q == 0) continue;
      out.entries_.push_back((static_cast<std::uint32_t>(static_cast<std::int32_t>(q)) << 8) | cls);
      ++count;
    }
    if (count == 0) {
      out.entries_.pop_back();
      continue;
    }
    out.entries_[begin] = count;
    const std::uint64_t key = row_key_[r];
    std::uint64_t idx = CompactWeights::slot(key, size);
    while (out.buckets_[idx] != 0) idx = idx + 1 == size ? 0 : idx + 1;
    out.buckets_[idx] = (static_cast<std::uint64_t>(fingerprint(key)) << 32) | begin;
  }
  out.features_ = features;
  return out;
}

}  // namespace kg::extract::parser
