#include "util/text.hpp"

namespace kg::extract::detail {

bool is_letter_cp(char32_t c) {
  if (c < 0x80) return is_ascii_alpha(c);
  if (c == 0xAA || c == 0xB5 || c == 0xBA) return true;
  if (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) return true;
  if (c >= 0x250 && c <= 0x2FF) return true;   // IPA and modifier letters
  if (c >= 0x370 && c <= 0x1FFF) return true;  // Greek .. Latin extended additional
  if (c >= 0x2C00 && c <= 0x2DFF) return true;
  if (c >= 0x3040 && c <= 0x9FFF) return true;  // CJK
  if (c >= 0xAC00 && c <= 0xD7AF) return true;  // Hangul
  if (c >= 0xF900 && c <= 0xFAFF) return true;
  return false;
}

bool is_upper_cp(char32_t c) {
  if (c >= 'A' && c <= 'Z') return true;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 0;
  if (c >= 0x391 && c <= 0x3A9) return true;
  if (c >= 0x410 && c <= 0x42F) return true;
  return false;
}

bool is_lower_cp(char32_t c) {
  if (c >= 'a' && c <= 'z') return true;
  if (c >= 0xDF && c <= 0xFF && c != 0xF7) return true;
  if (c >= 0x100 && c <= 0x17F) return (c % 2) == 1;
  if (c >= 0x3B1 && c <= 0x3C9) return true;
  if (c >= 0x430 && c <= 0x44F) return true;
  return false;
}

bool is_emoji_cp(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) ||
         (c >= 0x2B00 && c <= 0x2BFF) || (c >= 0x1F1E6 && c <= 0x1F1FF);
}

bool is_emoji_modifier_cp(char32_t c) {
  return c == 0x200D || c == 0xFE0F || c == 0xFE0E || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3;
}

std::string normalize_form(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += s[i];
      ++i;
      continue;
    }
    std::size_t len = 1;
    const char32_t c = decode_utf8(s, i, len);
    switch (c) {
      case 0x2018:
      case 0x2019:
      case 0x201A:
      case 0x201B:
      case 0x2032:
      case 0xB4:
      case 0x60:
        out += '\'';
        break;
      case 0x201C:
      case 0x201D:
      case 0x201E:
      case 0x201F:
      case 0x2033:
      case 0xAB:
      case 0xBB:
        out += '"';
        break;
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2212:
        out += '-';
        break;
      case 0x2014:
      case 0x2015:
        out += "--";
        break;
      case 0x2026:
        out += "...";
        break;
      case 0xA0:
        out += ' ';
        break;
      default:
        out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out += static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    std::size_t len = 1;
    char32_t c = decode_utf8(s, i, len);
    if ((c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
        (c >= 0x410 && c <= 0x42F)) {
      c += 0x20;
    } else if (c >= 0x100 && c <= 0x17F && (c % 2) == 0) {
      c += 1;
    }
    append_utf8(out, c);
    i += len;
  }
  return out;
}

std::string word_shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t c = decode_utf8(s, i, len);
    i += len;
    char k;
    if (is_digit(c)) {
      k = 'd';
    } else if (is_upper_cp(c)) {
      k = 'X';
    } else if (is_letter_cp(c)) {
      k = 'x';
    } else if (c < 0x80) {
      k = static_cast<char>(c);
    } else {
      k = '*';
    }
    if (k == last) {
      if (++run > 3) continue;
    } else {
      run = 0;
      last = k;
    }
    out += k;
  }
  return out;
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string_view utf8_suffix(std::string_view s, std::size_t n) {
  std::size_t i = s.size();
  std::size_t count = 0;
  while (i > 0 && count < n) {
    --i;
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++count;
  }
  return s.substr(i);
}

std::string_view utf8_prefix(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  std::size_t count = 0;
  while (i < s.size()) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) break;
      ++count;
    }
    ++i;
  }
  return s.substr(0, i);
}

}  // namespace kg::extract::detail
