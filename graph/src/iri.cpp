#include <algorithm>
#include <array>
#include <kg/graph/iri.hpp>

namespace kg {
namespace {

bool is_unreserved_ascii(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

void append_pct(std::string& out, unsigned char c) {
  static constexpr std::array<char, 16> kHex = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 0xF];
}

// Length of a well-formed UTF-8 sequence starting at s[i], or 0.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

}  // namespace

std::string percent_encode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (is_unreserved_ascii(c)) {
        out += static_cast<char>(c);
      } else {
        append_pct(out, c);
      }
      ++i;
      continue;
    }
    // Non-ASCII: well-formed UTF-8 is legal in an IRI (ucschar); stray bytes are not.
    const std::size_t n = utf8_length(text, i);
    if (n == 0) {
      append_pct(out, c);
      ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string slug(std::string_view name) {
  std::string collapsed;
  collapsed.reserve(name.size());
  bool pending_space = false;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '_') {
      pending_space = !collapsed.empty();
      continue;
    }
    if (pending_space) {
      collapsed += '_';
      pending_space = false;
    }
    collapsed += ch;
  }
  if (collapsed.empty()) return "_";
  return percent_encode(collapsed);
}

bool has_scheme(std::string_view iri) {
  const auto colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    const char c = iri[i];
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return false;
  }
  return true;
}

bool is_valid_iri(std::string_view iri) {
  if (!has_scheme(iri)) return false;
  return std::none_of(iri.begin(), iri.end(),
                      [](char c) { return is_forbidden_in_iri(static_cast<unsigned char>(c)); });
}

std::uint64_t stable_hash(std::string_view text, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex64(std::uint64_t value) {
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[value & 0xF];
    value >>= 4;
  }
  return out;
}

std::string entity_iri(std::string_view name, std::string_view base) {
  return std::string(base) + "entity/" + slug(name);
}

std::string document_iri(std::string_view id, std::string_view base) {
  return std::string(base) + "doc/" + slug(id);
}

}  // namespace kg
