#pragma once
// Private to kg_exporters: a strict reader for the common shape of one N-Triples or
// N-Quads line, for the model reader's fast path (rdf_reader.cpp). It accepts only
// lines that serd reads to the same statement, and says "unsure" for anything else
// (escapes \u, comments inside a statement, relative IRIs, unusual blank node labels,
// control characters, invalid UTF-8, syntax errors ...): the caller then hands the
// rest of the input, from that line on, to serd, which reads it or reports the error
// exactly as it always did.

#include <cstddef>
#include <kg/graph/model.hpp>
#include <string>
#include <string_view>

namespace kg::exporters::detail {

// Length of the valid UTF-8 sequence starting at `s[i]`, or 0 when it is not one
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
inline std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + n > s.size() || b(i + 1) < lo || b(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (b(i + k) < 0x80 || b(i + k) > 0xBF) return 0;
  }
  return n;
}

// One term of a line; views into the line or into the parser's scratch buffer.
struct LineTerm {
  Term::Kind kind = Term::Kind::kIri;
  std::string_view value;
  std::string_view datatype;
  std::string_view language;
};

// The statement of one line; `graph.value` is empty for the default graph.
struct LineStatement {
  LineTerm subject;
  LineTerm predicate;
  LineTerm object;
  LineTerm graph;
};

enum class LineResult {
  kStatement,  // `out` holds the line's statement
  kNothing,    // a blank or comment-only line
  kUnsure,     // not read here: let the full parser read from this line on
};

// Reads one line (without its '\n'; a final '\r' is allowed). `quads` allows a graph
// label after the object (N-Quads). Unescaped literal text goes to `scratch`, which
// the views in `out` may point into until the next call.
LineResult read_ntriples_line(std::string_view line, bool quads, std::string& scratch,
                              LineStatement& out);

}  // namespace kg::exporters::detail
