#pragma once
// Small UTF-8 and character-class helpers shared by the reader, tokenizer and
// feature extractors. Kept private: callers outside extract/ see only offsets.

#include <cstddef>
#include <cstdint>
#include <kg/graph/iri.hpp>
#include <string>
#include <string_view>

namespace kg::extract::detail {

/// Decodes the code point starting at s[i] (assumes valid UTF-8); sets `len`.
inline char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  auto cont = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<char32_t>(static_cast<unsigned char>(s[i + k]) & 0x3F)
                            : char32_t{0};
  };
  if ((c >> 5) == 0x6) {
    len = 2;
    return (static_cast<char32_t>(c & 0x1F) << 6) | cont(1);
  }
  if ((c >> 4) == 0xE) {
    len = 3;
    return (static_cast<char32_t>(c & 0x0F) << 12) | (cont(1) << 6) | cont(2);
  }
  len = 4;
  return (static_cast<char32_t>(c & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// Unicode white space that separates tokens (ASCII, NBSP, the U+2000 block, ideographic).
inline bool is_space_cp(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
         c == 0x3000 || c == 0x1680 || c == 0x85;
}

/// Zero-width characters that never form a token on their own.
inline bool is_invisible_cp(char32_t c) {
  return c == 0x200B || c == 0xFEFF || c == 0x2060 || c == 0x200C;
}

inline bool is_ascii_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

/// Letters: ASCII letters and everything non-ASCII that is not punctuation, symbol or space.
bool is_letter_cp(char32_t c);
bool is_upper_cp(char32_t c);
bool is_lower_cp(char32_t c);
/// Pictographs and other emoji-like symbols tokenized one per token.
bool is_emoji_cp(char32_t c);
/// Emoji modifiers (skin tones, variation selectors, ZWJ) that attach to the previous emoji.
bool is_emoji_modifier_cp(char32_t c);

/// Straightens curly quotes, maps dashes/ellipsis to the ASCII spellings used by the
/// UD treebanks ("–" -> "-", "—" -> "--", "…" -> "..."). Used for model input and matching.
std::string normalize_form(std::string_view s);

/// ASCII lower-casing plus the Latin-1/Latin Extended-A upper-case letters.
std::string to_lower(std::string_view s);

/// "Xxxx", "dd", "X.X." ...: character classes with runs longer than 4 collapsed.
std::string word_shape(std::string_view s);

/// Deterministic 64-bit FNV-1a hash, the feature hash used by every model file.
inline std::uint64_t fnv1a(std::string_view s, std::uint64_t h = 0xcbf29ce484222325ULL) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

using kg::mix64;  // spreads feature hashes over open-addressing tables

/// The number of UTF-8 code points in s.
std::size_t utf8_length(std::string_view s);
/// The last n code points of s (all of s when shorter).
std::string_view utf8_suffix(std::string_view s, std::size_t n);
/// The first n code points of s.
std::string_view utf8_prefix(std::string_view s, std::size_t n);

}  // namespace kg::extract::detail
