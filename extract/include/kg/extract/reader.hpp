#pragma once
/// Article input: UTF-8 validation, the `date YYYY-MM-DD` header of our
/// plain-text articles, JSON Lines (`{"id","date","title","text"}`) and a
/// normalised copy of the text for matching that maps back to original offsets.

#include <cstddef>
#include <iosfwd>
#include <kg/graph/error.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

/// One article. Offsets used anywhere in extract/ are byte offsets into `text`.
struct Article {
  std::string id;     ///< file stem, JSON "id", or empty
  std::string date;   ///< YYYY-MM-DD from the header or JSON, empty when unknown
  std::string title;  ///< rest of the header line, JSON "title", or empty
  std::string text;   ///< the original bytes (for plain text: the whole file, header included)
  /// Where the language pipeline starts reading: just after `date YYYY-MM-DD ` for
  /// plain-text articles with a header (the title sentence is part of the body), else 0.
  std::size_t body_begin = 0;
  /// Non-fatal remarks, e.g. that no date header was found.
  std::vector<std::string> notes;
};

/// Checks that bytes are well-formed UTF-8 (no overlongs, surrogates or values past
/// U+10FFFF). The error is kEncoding and names the byte offset and line/column.
Result<void> validate_utf8(std::string_view bytes, std::string_view source_name);

/// Parses a plain-text article. A first line `date YYYY-MM-DD rest` (leading spaces and
/// a UTF-8 BOM allowed) sets date and title; without it a note is recorded.
/// Empty or all-blank input is an error.
Result<Article> read_article(std::string text, std::string_view source_name);

/// Reads a plain-text article file ("-" for standard input).
Result<Article> read_article_file(const std::string& path);

/// Parses JSON Lines, one article object per line (blank lines skipped). Errors name the line.
Result<std::vector<Article>> read_articles_jsonl(std::string_view bytes,
                                                 std::string_view source_name);

/// Reads a whole stream (for "-" inputs).
std::string read_stream(std::istream& in);

/// Text normalised for matching (curly quotes straightened, dashes and ellipsis in ASCII),
/// with the original byte offset of every normalised byte.
struct NormalizedText {
  std::string text;
  std::vector<std::size_t> offsets;  ///< offsets[i] = original offset of text[i]; size text+1
  /// Original offset for a normalised offset (end offsets map to the end of the source char).
  [[nodiscard]] std::size_t original(std::size_t normalized_offset) const {
    return offsets[normalized_offset];
  }
};

/// Normalises text for matching; original offsets are kept in the result.
NormalizedText normalize_for_matching(std::string_view text);

}  // namespace kg::extract
