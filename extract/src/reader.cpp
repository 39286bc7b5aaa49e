#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <kg/extract/reader.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "util/binary_io.hpp"
#include "util/text.hpp"

namespace kg::extract {
namespace {

bool valid_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (d[i] < '0' || d[i] > '9') return false;
  }
  const int month = (d[5] - '0') * 10 + (d[6] - '0');
  const int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

}  // namespace

Result<void> validate_utf8(std::string_view s, std::string_view source_name) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t min = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
      cp = c & 0x07;
    }
    bool ok = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      if ((b & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (!ok) {
      const auto [line, column] = text_position(s, i);
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      return fail(Error::Code::kEncoding,
                  "invalid UTF-8 byte " + std::string(hex) + " at byte offset " + std::to_string(i),
                  std::string(source_name), line, column,
                  "convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8`");
    }
    i += len;
  }
  return {};
}

Result<Article> read_article(std::string text, std::string_view source_name) {
  // A UTF-16 or UTF-32 byte-order mark would otherwise be reported as a stray byte
  // with a Latin-1 hint; name the encoding so the suggested conversion works.
  const std::string_view head(text.data(), std::min<std::size_t>(text.size(), 4));
  const char* wide = head.starts_with(std::string_view("\xFF\xFE\0\0", 4))   ? "UTF-32LE"
                     : head.starts_with(std::string_view("\0\0\xFE\xFF", 4)) ? "UTF-32BE"
                     : head.starts_with("\xFF\xFE")                          ? "UTF-16LE"
                     : head.starts_with("\xFE\xFF")                          ? "UTF-16BE"
                                                                             : nullptr;
  if (wide != nullptr) {
    return fail(Error::Code::kEncoding,
                std::string("the file is ") + wide + " (byte-order mark), not UTF-8",
                std::string(source_name), 1, 1,
                std::string("convert it to UTF-8, e.g. `iconv -f ") + wide + " -t utf-8`");
  }
  if (auto ok = validate_utf8(text, source_name); !ok) return tl::unexpected(ok.error());
  // NUL is valid UTF-8 but never part of an article: it means binary data.
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    const auto [line, column] = text_position(text, nul);
    return fail(Error::Code::kEncoding,
                "NUL byte at byte offset " + std::to_string(nul) + ": binary data, not text",
                std::string(source_name), line, column, "give a plain-text UTF-8 article");
  }
  Article a;
  a.text = std::move(text);
  std::size_t p = 0;
  if (a.text.compare(0, 3, "\xEF\xBB\xBF") == 0) p = 3;
  while (p < a.text.size() && (a.text[p] == ' ' || a.text[p] == '\t')) ++p;
  bool blank = true;
  for (const char c : a.text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      blank = false;
      break;
    }
  }
  if (blank) {
    return fail(Error::Code::kParse, "empty article: no text to read", std::string(source_name), 1,
                1, "give a file with a `date YYYY-MM-DD title` line followed by the text");
  }
  const std::string_view v = a.text;
  if (v.substr(p, 5) == "date " || v.substr(p, 5) == "date\t") {
    std::size_t q = p + 5;
    while (q < v.size() && (v[q] == ' ' || v[q] == '\t')) ++q;
    const std::string_view d = v.substr(q, 10);
    if (valid_date(d) && (q + 10 == v.size() || v[q + 10] == ' ' || v[q + 10] == '\t' ||
                          v[q + 10] == '\n' || v[q + 10] == '\r')) {
      a.date = std::string(d);
      std::size_t body = q + 10;
      while (body < v.size() && (v[body] == ' ' || v[body] == '\t')) ++body;
      a.body_begin = body;
      std::size_t eol = v.find('\n', body);
      if (eol == std::string_view::npos) eol = v.size();
      std::string_view title = v.substr(body, eol - body);
      while (!title.empty() && (title.back() == '\r' || title.back() == ' '))
        title.remove_suffix(1);
      a.title = std::string(title);
    } else {
      a.notes.push_back(std::string(source_name) +
                        ": first line starts with 'date' but no valid YYYY-MM-DD follows; "
                        "document date unknown");
    }
  } else {
    a.notes.push_back(std::string(source_name) +
                      ": no 'date YYYY-MM-DD' header line; document date unknown");
  }
  if (a.body_begin == 0) a.body_begin = p;
  if (source_name != "-") a.id = std::filesystem::path(std::string(source_name)).stem().string();
  return a;
}

std::string read_stream(std::istream& in) {
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

Result<Article> read_article_file(const std::string& path) {
  if (path == "-") return read_article(read_stream(std::cin), "-");
  auto bytes = detail::read_file_bytes(path);
  if (!bytes) return tl::unexpected(bytes.error());
  return read_article(std::move(*bytes), path);
}

Result<std::vector<Article>> read_articles_jsonl(std::string_view bytes,
                                                 std::string_view source_name) {
  if (auto ok = validate_utf8(bytes, source_name); !ok) return tl::unexpected(ok.error());
  std::vector<Article> out;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    std::size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
      return fail(Error::Code::kParse, std::string("invalid JSON: ") + e.what(),
                  std::string(source_name), line_no, e.byte,
                  "give one JSON object per line with fields id, date, title, text");
    }
    if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
      return fail(Error::Code::kParse, "JSON line has no string field \"text\"",
                  std::string(source_name), line_no, 1,
                  "give one JSON object per line with fields id, date, title, text");
    }
    Article a;
    const auto get = [&](const char* key) {
      return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : std::string();
    };
    a.id = get("id");
    a.title = get("title");
    a.text = get("text");
    a.date = get("date");
    if (a.date.size() > 10 && a.date[10] == 'T') a.date.resize(10);
    if (!a.date.empty() && !valid_date(a.date)) {
      return fail(Error::Code::kParse, "\"date\" is not YYYY-MM-DD: '" + a.date + "'",
                  std::string(source_name), line_no, 1, "write dates as ISO 8601 YYYY-MM-DD");
    }
    if (a.date.empty()) a.notes.push_back("line " + std::to_string(line_no) + ": no date");
    out.push_back(std::move(a));
  }
  if (out.empty()) {
    return fail(Error::Code::kParse, "empty JSON Lines input: no article", std::string(source_name),
                1, 1, "give one JSON object per line with fields id, date, title, text");
  }
  return out;
}

NormalizedText normalize_for_matching(std::string_view text) {
  NormalizedText n;
  n.text.reserve(text.size());
  n.offsets.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    if (static_cast<unsigned char>(text[i]) >= 0x80) detail::decode_utf8(text, i, len);
    if (len > text.size() - i) len = text.size() - i;
    const std::string piece = detail::normalize_form(text.substr(i, len));
    for (std::size_t k = 0; k < piece.size(); ++k) n.offsets.push_back(i);
    n.text += piece;
    i += len;
  }
  n.offsets.push_back(text.size());
  return n;
}

}  // namespace kg::extract
