#include "curie.hpp"

#include <algorithm>
#include <cstdint>

namespace kg::ontology::detail {
namespace {

// Decodes one UTF-8 code point at `pos`; false on a malformed sequence.
bool next_code_point(std::string_view s, std::size_t& pos, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[pos]);
  std::size_t len = 0;
  if (b0 < 0x80) {
    cp = b0;
    len = 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    cp = b0 & 0x1F;
    len = 2;
  } else if ((b0 & 0xF0) == 0xE0) {
    cp = b0 & 0x0F;
    len = 3;
  } else if ((b0 & 0xF8) == 0xF0) {
    cp = b0 & 0x07;
    len = 4;
  } else {
    return false;
  }
  if (pos + len > s.size()) return false;
  for (std::size_t i = 1; i < len; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (b & 0x3F);
  }
  pos += len;
  return true;
}

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

bool is_pn_chars_base(char32_t c) {
  return in(c, 'A', 'Z') || in(c, 'a', 'z') || in(c, 0xC0, 0xD6) || in(c, 0xD8, 0xF6) ||
         in(c, 0xF8, 0x2FF) || in(c, 0x370, 0x37D) || in(c, 0x37F, 0x1FFF) ||
         in(c, 0x200C, 0x200D) || in(c, 0x2070, 0x218F) || in(c, 0x2C00, 0x2FEF) ||
         in(c, 0x3001, 0xD7FF) || in(c, 0xF900, 0xFDCF) || in(c, 0xFDF0, 0xFFFD) ||
         in(c, 0x10000, 0xEFFFF);
}
bool is_pn_chars_u(char32_t c) { return is_pn_chars_base(c) || c == '_'; }
bool is_pn_chars(char32_t c) {
  return is_pn_chars_u(c) || c == '-' || in(c, '0', '9') || c == 0xB7 || in(c, 0x300, 0x36F) ||
         in(c, 0x203F, 0x2040);
}
bool is_hex(char c) {
  return in(static_cast<unsigned char>(c), '0', '9') || in(c | 0x20, 'a', 'f');
}

}  // namespace

bool is_pn_prefix(std::string_view name) {
  if (name.empty()) return true;  // the empty prefix ":" is legal Turtle
  std::size_t pos = 0;
  char32_t c = 0;
  if (!next_code_point(name, pos, c) || !is_pn_chars_base(c)) return false;
  char32_t last = c;
  while (pos < name.size()) {
    if (!next_code_point(name, pos, c) || !(is_pn_chars(c) || c == '.')) return false;
    last = c;
  }
  return last != '.';
}

bool is_pn_local(std::string_view name) {
  std::size_t pos = 0;
  bool first = true;
  char32_t last = 0;
  while (pos < name.size()) {
    if (name[pos] == '%') {  // PLX: a percent escape is kept as is
      if (pos + 2 >= name.size() || !is_hex(name[pos + 1]) || !is_hex(name[pos + 2])) {
        return false;
      }
      pos += 3;
      last = '%';
      first = false;
      continue;
    }
    char32_t c = 0;
    if (!next_code_point(name, pos, c)) return false;
    const bool ok = first ? (is_pn_chars_u(c) || c == ':' || in(c, '0', '9'))
                          : (is_pn_chars(c) || c == '.' || c == ':');
    if (!ok) return false;
    last = c;
    first = false;
  }
  return last != '.';
}

std::string compact_iri(const std::vector<std::pair<std::string, std::string>>& prefixes,
                        const std::vector<std::size_t>& by_length, std::string_view iri) {
  for (std::size_t i : by_length) {
    const auto& [prefix, ns] = prefixes[i];
    if (iri.size() >= ns.size() && iri.compare(0, ns.size(), ns) == 0) {
      std::string_view local = iri.substr(ns.size());
      if (is_pn_local(local)) {
        std::string out;
        out.reserve(prefix.size() + 1 + local.size());
        out.append(prefix).push_back(':');
        out.append(local);
        return out;
      }
    }
  }
  return {};
}

std::vector<std::size_t> order_by_namespace_length(
    const std::vector<std::pair<std::string, std::string>>& prefixes) {
  std::vector<std::size_t> order(prefixes.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return prefixes[a].second.size() > prefixes[b].second.size();
  });
  return order;
}

}  // namespace kg::ontology::detail
