#pragma once
// Little-endian binary model files: a writer that builds the bytes in memory
// and commits them atomically, and a bounds-checked reader over a loaded file.

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <kg/graph/error.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace kg::extract::detail {

class BinaryWriter {
 public:
  template <class T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const char*>(&v);
    bytes_.append(p, sizeof(T));
  }
  void str(std::string_view s) {
    pod(static_cast<std::uint32_t>(s.size()));
    bytes_.append(s);
  }
  template <class T>
  void vec(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    pod(static_cast<std::uint64_t>(v.size()));
    if (!v.empty()) bytes_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void strings(const std::vector<std::string>& v) {
    pod(static_cast<std::uint32_t>(v.size()));
    for (const auto& s : v) str(s);
  }
  /// A map from strings to trivially copyable values: the count, then (key, value) pairs
  /// in key order, so the bytes do not depend on the map's iteration order.
  template <class Map>
  void string_map(const Map& m) {
    std::vector<std::pair<std::string_view, typename Map::mapped_type>> sorted(m.begin(), m.end());
    std::sort(sorted.begin(), sorted.end());
    pod(static_cast<std::uint32_t>(sorted.size()));
    for (const auto& [k, v] : sorted) {
      str(k);
      pod(v);
    }
  }
  [[nodiscard]] const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

class BinaryReader {
 public:
  BinaryReader(std::string_view data, std::string source)
      : data_(data), source_(std::move(source)) {}
  template <class T>
  bool pod(T& v) {
    if (data_.size() - pos_ < sizeof(T)) return fail();
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool str(std::string& s) {
    std::uint32_t n = 0;
    if (!pod(n) || data_.size() - pos_ < n) return fail();
    s.assign(data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <class T>
  bool vec(std::vector<T>& v) {
    std::uint64_t n = 0;
    if (!pod(n) || (data_.size() - pos_) / sizeof(T) < n) return fail();
    v.resize(n);
    if (n > 0) std::memcpy(v.data(), data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool strings(std::vector<std::string>& v) {
    std::uint32_t n = 0;
    if (!pod(n)) return false;
    v.resize(n);
    for (auto& s : v) {
      if (!str(s)) return false;
    }
    return true;
  }
  /// Reads what BinaryWriter::string_map wrote into `m`.
  template <class Map>
  bool string_map(Map& m) {
    std::uint32_t n = 0;
    if (!pod(n)) return false;
    // Each entry takes at least 5 bytes: a corrupt count must not reserve gigabytes.
    m.reserve(std::min<std::size_t>(n, (data_.size() - pos_) / 5));
    for (std::uint32_t i = 0; i < n; ++i) {
      std::string k;
      typename Map::mapped_type v{};
      if (!str(k) || !pod(v)) return false;
      m.emplace(std::move(k), v);
    }
    return true;
  }
  [[nodiscard]] bool ok() const { return ok_; }
  [[nodiscard]] Error error(std::string what) const {
    return make_error(Error::Code::kParse, "corrupt or truncated model file: " + what, source_, 0,
                      0, "rebuild the models with `kg train`");
  }

 private:
  bool fail() {
    ok_ = false;
    return false;
  }
  std::string_view data_;
  std::string source_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

/// Reads a whole file into memory.
Result<std::string> read_file_bytes(const std::string& path);

/// Writes bytes to path atomically (temporary file in the same directory, then rename).
Result<void> write_file_atomic(const std::string& path, std::string_view bytes);

}  // namespace kg::extract::detail
