// The fast path of the N-Triples / N-Quads model reader: one line, one statement, read
// without serd's byte-at-a-time machinery. Every rule here is at least as strict as
// serd's (read_n3_statement / read_nquadsDoc in strict mode) plus the readers' term
// check, so what is accepted reads to the same terms either way; whatever is not
// accepted goes to serd (see ntriples_line.hpp).

#include "ntriples_line.hpp"

#include <array>
#include <kg/graph/iri.hpp>

namespace kg::exporters::detail {
namespace {

// Byte classes inside <...>: 0 kept as is, 1 the closing '>', 2 refused here
// (controls, space, <"{}|^`\ - serd refuses them too, or '\' starts an escape
// that serd decodes), 3 the start of a multi-byte UTF-8 sequence.
constexpr std::array<std::uint8_t, 256> kIriClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      t[u] = 3;
    } else if (u == '>') {
      t[u] = 1;
    } else if (is_forbidden_in_iri(u)) {
      t[u] = 2;
    }
  }
  return t;
}();

// Byte classes inside "...": 0 kept, 1 the closing '"', 2 refused here (controls:
// serd refuses line ends; others are rare enough for serd to read), 3 UTF-8 start,
// 4 '\' (an escape).
constexpr std::array<std::uint8_t, 256> kLiteralClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      t[u] = 3;
    } else if (u == '"') {
      t[u] = 1;
    } else if (u < 0x20) {
      t[u] = 2;
    } else if (u == '\\') {
      t[u] = 4;
    }
  }
  return t;
}();

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class LineReader {
 public:
  LineReader(std::string_view line, std::string& scratch) : s_(line), scratch_(scratch) {}

  [[nodiscard]] bool at_end() const { return i_ >= s_.size(); }
  [[nodiscard]] char peek() const { return s_[i_]; }
  void skip() { ++i_; }

  // Skips spaces and tabs; how many there were.
  std::size_t blanks() {
    const std::size_t from = i_;
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t')) ++i_;
    return i_ - from;
  }

  // A comment to the end of the line that serd skips the same way (it would stop
  // at a NUL or a carriage return).
  [[nodiscard]] bool comment() const {
    return s_.find_first_of(std::string_view("\0\r", 2), i_) == std::string_view::npos;
  }

  // <absolute IRI> without escapes, valid UTF-8.
  bool iri(std::string_view& out) {
    if (at_end() || s_[i_] != '<') return false;
    const std::size_t begin = ++i_;
    while (i_ < s_.size()) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      switch (kIriClass[c]) {
        case 0:
          ++i_;
          continue;
        case 1:
          out = s_.substr(begin, i_ - begin);
          ++i_;
          return has_scheme(out);
        case 3: {
          const std::size_t n = utf8_sequence(s_, i_);
          if (n == 0) return false;
          i_ += n;
          continue;
        }
        default:
          return false;
      }
    }
    return false;
  }

  // _:label with an ASCII label serd reads the same way ([A-Za-z0-9_] then
  // [A-Za-z0-9_-]*), followed by a blank.
  bool blank(std::string_view& out) {
    if (i_ + 2 >= s_.size() || s_[i_] != '_' || s_[i_ + 1] != ':') return false;
    const std::size_t begin = i_ + 2;
    i_ = begin;
    auto name_char = [](char c) { return is_alpha(c) || is_digit(c) || c == '_'; };
    if (!name_char(s_[i_])) return false;
    ++i_;
    while (i_ < s_.size() && (name_char(s_[i_]) || s_[i_] == '-')) ++i_;
    if (i_ >= s_.size() || (s_[i_] != ' ' && s_[i_] != '\t')) return false;
    out = s_.substr(begin, i_ - begin);
    return true;
  }

  // "text" with the escapes \t \b \n \r \f \" \' \\ (not \u: serd decodes those),
  // then @lang or ^^<datatype> or nothing, followed by a blank or '.'.
  bool literal(LineTerm& out) {
    if (at_end() || s_[i_] != '"') return false;
    const std::size_t begin = ++i_;
    bool escaped = false;
    for (;;) {
      if (i_ >= s_.size()) return false;
      const auto c = static_cast<unsigned char>(s_[i_]);
      const std::uint8_t cls = kLiteralClass[c];
      if (cls == 0) {
        if (escaped) scratch_ += static_cast<char>(c);
        ++i_;
        continue;
      }
      if (cls == 1) break;
      if (cls == 3) {
        const std::size_t n = utf8_sequence(s_, i_);
        if (n == 0) return false;
        if (escaped) scratch_.append(s_.substr(i_, n));
        i_ += n;
        continue;
      }
      if (cls != 4 || i_ + 1 >= s_.size()) return false;
      if (!escaped) {
        escaped = true;
        scratch_.assign(s_.substr(begin, i_ - begin));
      }
      char decoded = 0;
      switch (s_[i_ + 1]) {
        case 't':
          decoded = '\t';
          break;
        case 'b':
          decoded = '\b';
          break;
        case 'n':
          decoded = '\n';
          break;
        case 'r':
          decoded = '\r';
          break;
        case 'f':
          decoded = '\f';
          break;
        case '"':
        case '\'':
        case '\\':
          decoded = s_[i_ + 1];
          break;
        default:
          return false;
      }
      scratch_ += decoded;
      i_ += 2;
    }
    out.kind = Term::Kind::kLiteral;
    out.value = escaped ? std::string_view(scratch_) : s_.substr(begin, i_ - begin);
    out.datatype = {};
    out.language = {};
    ++i_;  // the closing quote
    if (i_ < s_.size() && s_[i_] == '@') {
      const std::size_t tag = ++i_;
      if (i_ >= s_.size() || !is_alpha(s_[i_])) return false;
      while (i_ < s_.size() && is_alpha(s_[i_])) ++i_;
      while (i_ < s_.size() && s_[i_] == '-') {
        const std::size_t part = ++i_;
        while (i_ < s_.size() && (is_alpha(s_[i_]) || is_digit(s_[i_]))) ++i_;
        if (i_ == part) return false;
      }
      out.language = s_.substr(tag, i_ - tag);
    } else if (i_ + 1 < s_.size() && s_[i_] == '^' && s_[i_ + 1] == '^') {
      i_ += 2;
      if (!iri(out.datatype)) return false;
    }
    return i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '.');
  }

  bool subject(LineTerm& out) {
    out.datatype = {};
    out.language = {};
    if (!at_end() && s_[i_] == '_') {
      out.kind = Term::Kind::kBlank;
      return blank(out.value);
    }
    out.kind = Term::Kind::kIri;
    return iri(out.value);
  }

  bool object(LineTerm& out) {
    if (!at_end() && s_[i_] == '"') return literal(out);
    return subject(out);
  }

 private:
  std::string_view s_;
  std::string& scratch_;
  std::size_t i_ = 0;
};

}  // namespace

LineResult read_ntriples_line(std::string_view line, bool quads, std::string& scratch,
                              LineStatement& out) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  LineReader r(line, scratch);
  r.blanks();
  if (r.at_end()) return LineResult::kNothing;
  if (r.peek() == '#') return r.comment() ? LineResult::kNothing : LineResult::kUnsure;
  if (!r.subject(out.subject) || r.blanks() == 0) return LineResult::kUnsure;
  out.predicate.kind = Term::Kind::kIri;
  if (!r.iri(out.predicate.value) || r.blanks() == 0) return LineResult::kUnsure;
  if (!r.object(out.object)) return LineResult::kUnsure;
  const bool blank_before = r.blanks() > 0;
  out.graph = {};
  if (quads && blank_before && !r.at_end() && (r.peek() == '<' || r.peek() == '_')) {
    if (!r.subject(out.graph)) return LineResult::kUnsure;
    r.blanks();
  }
  if (r.at_end() || r.peek() != '.') return LineResult::kUnsure;
  r.skip();
  r.blanks();
  if (r.at_end()) return LineResult::kStatement;
  return r.peek() == '#' && r.comment() ? LineResult::kStatement : LineResult::kUnsure;
}

}  // namespace kg::exporters::detail
