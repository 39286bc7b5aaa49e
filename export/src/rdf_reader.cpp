// RDF readers: parse with serd (Turtle, N-Triples, N-Quads; fast, streaming)
// or Raptor (every syntax; RDF/XML always), intern the terms into a compact
// quad table, then map the quads onto a KnowledgeGraph in the shape the
// writers produce (rdf_emit.cpp). Every quad the model does not take exactly
// is kept as an extra, so nothing is dropped and writing it back gives the
// same triples.

#include <raptor2.h>
#include <serd/serd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <istream>
#include <kg/graph/iri.hpp>
#include <kg/graph/vocab.hpp>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "ntriples_line.hpp"
#include "rdf_internal.hpp"

namespace kg::exporters::detail {
namespace {

using Id = std::uint32_t;
constexpr Id kNone = 0;  // also "the default graph"
constexpr std::size_t kReadChunk = 1 << 16;

// ---- the quad table ----------------------------------------------------------

struct TermRec {
  Term::Kind kind = Term::Kind::kIri;
  std::string_view value;
  std::string_view datatype;
  std::string_view language;
};

struct QuadRec {
  Id s;
  Id p;
  Id o;
  Id g;
};

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = utf8_sequence(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

// Why an IRI cannot be kept, or nullptr. Every writer puts IRIs between < and >
// unescaped, so an IRI must hold only what IRIREF allows, and it must be absolute:
// a relative reference written as-is is read back (by kg, serdi and rapper) as a
// bad scheme, and parsers resolve prefixes by concatenation, so a prefix bound to
// a relative reference can still reach here unresolved.
const char* iri_problem(std::string_view iri) {
  if (!valid_utf8(iri)) return "an IRI that is not valid UTF-8";
  for (const char c : iri) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\') {
      return "an IRI with a space, a control character or one of <>\"{}|^`\\";
    }
  }
  if (!has_scheme(iri)) return "a relative IRI that the base does not resolve (no valid scheme)";
  return nullptr;
}

// The part of a term that term_problem refuses (the value, the datatype or the tag).
std::string_view term_culprit(Term::Kind kind, std::string_view value, std::string_view datatype,
                              std::string_view language) {
  if (kind == Term::Kind::kIri || !valid_utf8(value)) return value;
  if (!datatype.empty() && iri_problem(datatype) != nullptr) return datatype;
  return language;
}

// Turtle's and N-Triples' LANGTAG: [a-zA-Z]+ ('-' [a-zA-Z0-9]+)*.
bool valid_language_tag(std::string_view tag) {
  const auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  while (i < tag.size() && letter(tag[i])) ++i;
  if (i == 0) return false;
  while (i < tag.size()) {
    if (tag[i] != '-') return false;
    const std::size_t start = ++i;
    while (i < tag.size() && (letter(tag[i]) || digit(tag[i]))) ++i;
    if (i == start) return false;
  }
  return true;
}

// Why a term cannot be kept, or nullptr: what a reader accepted must be something
// every writer can write and every reader can read back.
const char* term_problem(Term::Kind kind, std::string_view value, std::string_view datatype,
                         std::string_view language) {
  if (kind == Term::Kind::kIri) return iri_problem(value);
  if (!valid_utf8(value)) {
    return kind == Term::Kind::kLiteral ? "a literal that is not valid UTF-8"
                                        : "a blank node label that is not valid UTF-8";
  }
  if (!datatype.empty()) {
    if (const char* why = iri_problem(datatype)) return why;
  }
  if (!valid_utf8(language)) return "a language tag that is not valid UTF-8";
  if (!language.empty() && !valid_language_tag(language)) {
    // RDF/XML's xml:lang may hold anything; no other syntax can write it back.
    return "a language tag that is not letters followed by '-' parts of letters and digits";
  }
  return nullptr;
}

// Interns terms: each distinct term is stored once in an arena and named by
// a 32-bit id, so a million quads cost 16 bytes each. An open-addressing
// table of (hash, stored term) finds a term with two cache misses: the slot,
// then the stored term, whose header (id, lengths, kind) precedes its bytes.
class TermTable {
 public:
  // Small at first (a fuzz input or a small file must not pay for zeroing a big table on
  // every read); reserve() sizes it for a large file up front.
  TermTable() : slots_(1 << 10), mask_((1 << 10) - 1) {
    terms_.emplace_back();  // id 0: no term / the default graph
  }

  // Room for about `terms` distinct terms without growing.
  void reserve(std::size_t terms) {
    while (slots_.size() < terms * 2) grow();
  }

  Id intern(Term::Kind kind, std::string_view value, std::string_view datatype = {},
            std::string_view language = {}) {
    // Language tags are case-insensitive; parsers differ in how they spell
    // them (serd lowercases in N-Quads), so store them lowercased: reading
    // our own output then gives the same tag.
    if (std::any_of(language.begin(), language.end(),
                    [](char c) { return c >= 'A' && c <= 'Z'; })) {
      lang_.assign(language);
      for (char& c : lang_) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
      language = lang_;
    }
    const std::uint64_t h = hash(kind, value, datatype, language);
    std::size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.stored == nullptr) break;
      if (slot.hash == h && matches(slot.stored, kind, value, datatype, language)) {
        return stored_id(slot.stored);
      }
    }
    // A new term: check it once (repeats are found above and cost nothing more).
    // The reason stays until read: a reader stops at the first refused term, and
    // the other terms of the same statement must not clear it.
    if (const char* why = term_problem(kind, value, datatype, language)) {
      problem_ = why;
      return kNone;
    }
    if (value.size() > UINT32_MAX || datatype.size() > UINT32_MAX ||
        language.size() > kMaxLanguage) {
      problem_ = "a term longer than 4 GB";
      return kNone;
    }
    const Id id = static_cast<Id>(terms_.size());
    const std::size_t n = value.size() + datatype.size() + language.size();
    char* header = allocate(kHeader + n);
    const std::array<std::uint32_t, 4> fields{
        id, static_cast<std::uint32_t>(value.size()), static_cast<std::uint32_t>(datatype.size()),
        static_cast<std::uint32_t>(language.size() << 2 | static_cast<std::size_t>(kind))};
    std::memcpy(header, fields.data(), kHeader);
    char* stored = header + kHeader;
    // An empty string_view may hold a null pointer, and memcpy from null is
    // undefined even for zero bytes (UBSan stops on it): copy non-empty parts only.
    const auto copy = [](char* to, std::string_view from) {
      if (!from.empty()) std::memcpy(to, from.data(), from.size());
    };
    copy(stored, value);
    copy(stored + value.size(), datatype);
    copy(stored + value.size() + datatype.size(), language);
    TermRec rec;
    rec.kind = kind;
    rec.value = std::string_view(stored, value.size());
    rec.datatype = std::string_view(stored + value.size(), datatype.size());
    rec.language = std::string_view(stored + value.size() + datatype.size(), language.size());
    terms_.push_back(rec);
    slots_[i] = {h, header};
    if (terms_.size() * 2 > slots_.size()) grow();
    return id;
  }

  // The id of an IRI, or kNone when the input never mentioned it.
  [[nodiscard]] Id find_iri(std::string_view iri) const {
    const std::uint64_t h = hash(Term::Kind::kIri, iri, {}, {});
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.stored == nullptr) return kNone;
      if (slot.hash == h && matches(slot.stored, Term::Kind::kIri, iri, {}, {})) {
        return stored_id(slot.stored);
      }
    }
  }

  // Frees the lookup table once no more terms are interned or looked up
  // (only ids are used from then on): less memory while the graph is built.
  void drop_lookup() {
    std::vector<Slot>().swap(slots_);
    mask_ = 0;
  }

  // Frees everything once no term is used any more.
  void release() {
    drop_lookup();
    std::vector<TermRec>().swap(terms_);
    std::vector<std::unique_ptr<char[]>>().swap(chunks_);
    current_ = nullptr;
    used_ = 0;
  }

  /// Why the last intern() gave kNone: the term cannot be kept (see term_problem).
  [[nodiscard]] const char* problem() const { return problem_; }

  [[nodiscard]] const TermRec& operator[](Id id) const { return terms_[id]; }
  [[nodiscard]] std::size_t size() const { return terms_.size(); }

  // Starts loading the slot where a term with hash `h` is looked up first, and
  // (prefetch_term) the term stored there: a reader that knows its next terms
  // overlaps their cache misses instead of waiting for each in turn.
  void prefetch_slot(std::uint64_t h) const { __builtin_prefetch(&slots_[h & mask_]); }
  void prefetch_term(std::uint64_t h) const {
    if (const char* stored = slots_[h & mask_].stored) __builtin_prefetch(stored);
  }

  static std::uint64_t hash(Term::Kind kind, std::string_view value, std::string_view datatype,
                            std::string_view language) {
    std::uint64_t h = std::hash<std::string_view>{}(value) + static_cast<std::uint64_t>(kind);
    if (!datatype.empty()) h = h * 0x9e3779b97f4a7c15ULL ^ std::hash<std::string_view>{}(datatype);
    if (!language.empty()) h = h * 0xbf58476d1ce4e5b9ULL ^ std::hash<std::string_view>{}(language);
    return h ^ (h >> 29);
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    const char* stored = nullptr;  // the term's header in the arena; nullptr: empty
  };
  // Header of a stored term: id, value length, datatype length, language length << 2 | kind
  // (read with memcpy: the arena keeps no alignment).
  static constexpr std::size_t kHeader = 4 * sizeof(std::uint32_t);
  static constexpr std::size_t kMaxLanguage = UINT32_MAX >> 2;

  static Id stored_id(const char* header) {
    Id id = kNone;
    std::memcpy(&id, header, sizeof id);
    return id;
  }

  static bool matches(const char* header, Term::Kind kind, std::string_view value,
                      std::string_view datatype, std::string_view language) {
    std::array<std::uint32_t, 4> f{};
    std::memcpy(f.data(), header, kHeader);
    if (f[1] != value.size() || f[2] != datatype.size() ||
        f[3] != (language.size() << 2 | static_cast<std::size_t>(kind))) {
      return false;
    }
    const char* p = header + kHeader;
    const auto same = [&p](std::string_view part) {
      const bool equal = part.empty() || std::memcmp(p, part.data(), part.size()) == 0;
      p += part.size();
      return equal;
    };
    return same(value) && same(datatype) && same(language);
  }

  void grow() {
    std::vector<Slot> bigger(slots_.size() * 2);
    const std::size_t mask = bigger.size() - 1;
    for (const Slot& slot : slots_) {
      if (slot.stored == nullptr) continue;
      std::size_t i = slot.hash & mask;
      while (bigger[i].stored != nullptr) i = (i + 1) & mask;
      bigger[i] = slot;
    }
    slots_ = std::move(bigger);
    mask_ = mask;
  }

  char* allocate(std::size_t n) {
    constexpr std::size_t kChunk = 1 << 20;
    if (n > kChunk / 4) {
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(n));
      return chunks_.back().get();
    }
    if (current_ == nullptr || used_ + n > current_size_) {
      // Chunks double from 16 KB to 1 MB, so a small read allocates little; not zeroed.
      if (current_ != nullptr) next_size_ = std::min(next_size_ * 2, kChunk);
      current_size_ = std::max(next_size_, n);
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(current_size_));
      current_ = chunks_.back().get();
      used_ = 0;
    }
    char* p = current_ + used_;
    used_ += n;
    return p;
  }

  std::vector<TermRec> terms_;
  std::vector<Slot> slots_;
  std::size_t mask_;
  std::vector<std::unique_ptr<char[]>> chunks_;
  char* current_ = nullptr;
  std::size_t used_ = 0;
  std::size_t current_size_ = 0;
  std::size_t next_size_ = std::size_t{1} << 14;
  std::string lang_;
  const char* problem_ = nullptr;
};

struct ParsedInput {
  TermTable terms;
  std::vector<QuadRec> quads;
};

// Parsers name anonymous blank nodes themselves (serd "b1", Raptor "genid1");
// serd also renames document labels of that shape ("b1" -> "B1"). Renaming the
// generated ones to "anonN" gives labels that both parsers keep unchanged when
// they read our output again, so write -> read -> write is stable.
std::string_view stable_blank(std::string_view label, std::string_view generated_prefix,
                              std::string& scratch) {
  if (label.size() > generated_prefix.size() && label.starts_with(generated_prefix) &&
      std::all_of(label.begin() + static_cast<std::ptrdiff_t>(generated_prefix.size()), label.end(),
                  [](char c) { return c >= '0' && c <= '9'; })) {
    scratch = "anon";
    scratch += label.substr(generated_prefix.size());
    return scratch;
  }
  return label;
}

// A file path as the path of a file: URI (RFC 8089), percent-encoding the rest.
std::string percent_encode_path(std::string_view path) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string base_for(std::string_view source_name, const ReadOptions& options) {
  if (!options.base.empty()) return options.base;
  if (source_name.empty() || source_name == "-") return "urn:kg:stdin";
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(std::string(source_name), ec);
  const std::string path = ec ? std::string(source_name) : absolute.string();
  return "file://" + percent_encode_path(path);
}

// ---- serd --------------------------------------------------------------------

struct SerdContext {
  ParsedInput* input = nullptr;
  SerdEnv* env = nullptr;
  std::string source;
  std::optional<Error> error;
  std::string s_buf, p_buf, o_buf, g_buf, dt_buf, blank_buf, object_blank_buf;
  std::istream* in = nullptr;
  // Bytes read from `in` already (by the line reader) that serd reads first, and the
  // number of lines before them, added to serd's line numbers.
  std::string_view pending;
  std::size_t line_offset = 0;
  bool stream_failed = false;
  TripleSink* sink = nullptr;  // set when streaming: triples go here, not into `input`
  Id last_subject = kNone;     // the previous statement's subject
  std::array<Id, 64> predicate_cache{};
  bool line_syntax = false;  // N-Triples or N-Quads (no prefixes, one statement per line)
  // The last page handed to serd, and the line and column (from 1) of its first byte:
  // serd reports no position for what it stops at silently or for what the statement
  // callback refuses, so those are placed by looking in this page (see place_*).
  std::string page;
  std::size_t page_line = 1;
  std::size_t page_column = 1;
};

// Line and column (from 1) of byte `offset` of the last page.
std::pair<std::size_t, std::size_t> page_position(const SerdContext& ctx, std::size_t offset) {
  const auto [line, column] = text_position(ctx.page, offset);
  if (line == 1) return {ctx.page_line, ctx.page_column + column - 1};
  return {ctx.page_line + line - 1, column};
}

// Where the last page's first whole line starts (the page may start inside a line).
std::optional<std::size_t> first_line_start(const SerdContext& ctx) {
  if (ctx.page_column == 1) return 0;
  const std::size_t nl = ctx.page.find('\n');
  if (nl == std::string::npos) return std::nullopt;
  return nl;
}

// Where serd's N-Quads reader stopped without a word: the first statement of the last
// page that starts with a byte no statement starts with (serd then returns SERD_FAILURE).
// Statements start at the start of a line or after the '.' that ends the one before; IRIs,
// literals, blank node labels (which may hold a '.') and comments are stepped over.
std::optional<std::size_t> place_bad_statement_start(const SerdContext& ctx) {
  const std::string& page = ctx.page;
  const auto begin = first_line_start(ctx);
  if (!begin) return std::nullopt;
  std::size_t i = *begin;
  const auto name_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-' || c == '.' ||
           c == ':' || static_cast<unsigned char>(c) >= 0x80;
  };
  bool expect_start = true;
  while (i < page.size()) {
    const char c = page[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '\n') {
      expect_start = true;
      ++i;
    } else if (c == '#') {
      // serd ends a comment at a NUL byte too, and then stops at that byte.
      while (i < page.size() && page[i] != '\n' && page[i] != '\0') ++i;
    } else if (expect_start && std::string_view("<_[").find(c) == std::string_view::npos) {
      return i;
    } else if (c == '<') {
      expect_start = false;
      while (i < page.size() && page[i] != '>' && page[i] != '\n') ++i;
      ++i;
    } else if (c == '"') {
      for (++i; i < page.size() && page[i] != '"' && page[i] != '\n'; ++i) {
        if (page[i] == '\\') ++i;
      }
      ++i;
    } else if (c == '_' && i + 1 < page.size() && page[i + 1] == ':') {
      expect_start = false;
      i += 2;
      std::size_t end = i;
      while (end < page.size() && name_char(page[end])) ++end;
      // A label does not end with '.': a last '.' ends the statement.
      if (end > i && page[end - 1] == '.') expect_start = true;
      i = end;
    } else if (c == '.') {
      expect_start = true;
      ++i;
    } else {
      expect_start = false;
      ++i;
    }
  }
  return std::nullopt;
}

// The first place in the last page where `name` stands as a word of its own.
std::optional<std::size_t> place_word(const SerdContext& ctx, std::string_view name) {
  if (name.empty()) return std::nullopt;
  // Words outside IRIs, literals and comments only: the same text inside "..." or <...>
  // is not where serd stopped.
  const std::string& page = ctx.page;
  const auto ends_word = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '"' || c == ',' ||
           c == ';';
  };
  const auto begin = first_line_start(ctx);
  if (!begin) return std::nullopt;
  std::size_t i = *begin;
  while (i < page.size()) {
    const char c = page[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ';') {
      ++i;
    } else if (c == '#') {
      while (i < page.size() && page[i] != '\n') ++i;
    } else if (c == '<') {
      while (i < page.size() && page[i] != '>' && page[i] != '\n') ++i;
      ++i;
    } else if (c == '"') {
      const bool long_string = page.compare(i, 3, "\"\"\"") == 0;
      const std::string_view close = long_string ? "\"\"\"" : "\"";
      for (i += close.size(); i < page.size(); ++i) {
        if (page[i] == '\\') {
          ++i;
        } else if (page.compare(i, close.size(), close) == 0 || (!long_string && page[i] == '\n')) {
          break;
        }
      }
      i += close.size();
    } else {
      std::size_t end = i;
      while (end < page.size() && !ends_word(page[end])) ++end;
      std::string_view word(page.data() + i, end - i);
      std::size_t at = i;
      if (word.starts_with("^^")) {  // a datatype after a literal
        word.remove_prefix(2);
        at += 2;
      }
      if (word == name || (word.size() == name.size() + 1 && word.back() == '.' &&
                           word.substr(0, name.size()) == name)) {
        return at;
      }
      i = end;
    }
  }
  return std::nullopt;
}

// Expands a URI or CURIE node to an absolute IRI; false when a prefix is unknown.
bool expand(SerdContext& ctx, const SerdNode* node, std::string& out, std::string_view& view) {
  const std::string_view text(reinterpret_cast<const char*>(node->buf), node->n_bytes);
  if (node->type == SERD_URI) {
    if (has_scheme(text)) {
      view = text;
      return true;
    }
    SerdNode expanded = serd_env_expand_node(ctx.env, node);
    if (expanded.buf == nullptr) {
      view = text;  // no base: keep it relative; the mapping keeps it as an extra
      return true;
    }
    out.assign(reinterpret_cast<const char*>(expanded.buf), expanded.n_bytes);
    serd_node_free(&expanded);
    view = out;
    return true;
  }
  SerdChunk prefix{};
  SerdChunk suffix{};
  if (serd_env_expand(ctx.env, node, &prefix, &suffix) != SERD_SUCCESS) {
    if (!ctx.error) {
      std::size_t line = 0;
      std::size_t column = 0;
      if (const auto at = place_word(ctx, text)) std::tie(line, column) = page_position(ctx, *at);
      ctx.error =
          ctx.line_syntax
              ? make_error(Error::Code::kParse,
                           "syntax error: '" + std::string(text) +
                               "' is not a term (N-Triples and N-Quads write IRIs in <...>)",
                           ctx.source, line, column,
                           "write the IRI in full between < and >, or a blank node as _:label")
              : make_error(Error::Code::kParse, "undefined prefix in '" + std::string(text) + "'",
                           ctx.source, line, column,
                           "declare it with @prefix before its first use");
    }
    return false;
  }
  out.assign(reinterpret_cast<const char*>(prefix.buf), prefix.len);
  out.append(reinterpret_cast<const char*>(suffix.buf), suffix.len);
  view = out;
  return true;
}

// Records why a term was refused (serd gives no position to a statement
// handler: the error names the term instead); always false.
bool term_rejected(SerdContext& ctx, std::string_view text, const char* why = nullptr) {
  if (why == nullptr) why = ctx.input != nullptr ? ctx.input->terms.problem() : nullptr;
  if (!ctx.error) {
    std::string shown(text.substr(0, 80));
    for (char& c : shown) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) c = '?';
    }
    // Placed at its first appearance in the last page read, as an IRI or a literal if it
    // appears so (serd gives no position here).
    std::size_t line = 0;
    std::size_t column = 0;
    if (!text.empty()) {
      for (const std::string& needle :
           {"<" + std::string(text) + ">", "\"" + std::string(text) + "\"", std::string(text)}) {
        if (const auto at = ctx.page.find(needle); at != std::string::npos) {
          std::tie(line, column) = page_position(ctx, at);
          break;
        }
      }
    }
    ctx.error = make_error(
        Error::Code::kParse,
        std::string(why != nullptr ? why : "a term that cannot be kept") + ": '" + shown + "'",
        ctx.source, line, column,
        "fix or remove this term (IRIs must be absolute, and all text UTF-8)");
  }
  return false;
}

bool serd_term(SerdContext& ctx, const SerdNode* node, std::string& buf, Id& id,
               const SerdNode* datatype = nullptr, const SerdNode* lang = nullptr) {
  const std::string_view text(reinterpret_cast<const char*>(node->buf), node->n_bytes);
  switch (node->type) {
    case SERD_URI:
    case SERD_CURIE: {
      std::string_view iri;
      if (!expand(ctx, node, buf, iri)) return false;
      id = ctx.input->terms.intern(Term::Kind::kIri, iri);
      return id != kNone || term_rejected(ctx, iri);
    }
    case SERD_BLANK:
      id = ctx.input->terms.intern(Term::Kind::kBlank, stable_blank(text, "b", ctx.blank_buf));
      return id != kNone || term_rejected(ctx, text);
    case SERD_LITERAL: {
      std::string_view dt;
      if (datatype != nullptr && datatype->buf != nullptr) {
        if (!expand(ctx, datatype, ctx.dt_buf, dt)) return false;
      }
      std::string_view language;
      if (lang != nullptr && lang->buf != nullptr) {
        language = std::string_view(reinterpret_cast<const char*>(lang->buf), lang->n_bytes);
      }
      id = ctx.input->terms.intern(Term::Kind::kLiteral, text, dt, language);
      return id != kNone ||
             term_rejected(ctx, term_culprit(Term::Kind::kLiteral, text, dt, language));
    }
    case SERD_NOTHING:
      break;
  }
  return false;
}

SerdStatus serd_on_base(void* handle, const SerdNode* uri) {
  auto* ctx = static_cast<SerdContext*>(handle);
  return serd_env_set_base_uri(ctx->env, uri);
}

SerdStatus serd_on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  auto* ctx = static_cast<SerdContext*>(handle);
  return serd_env_set_prefix(ctx->env, name, uri);
}

SerdStatus serd_on_statement(void* handle, SerdStatementFlags /*flags*/, const SerdNode* graph,
                             const SerdNode* subject, const SerdNode* predicate,
                             const SerdNode* object, const SerdNode* datatype,
                             const SerdNode* lang) {
  auto* ctx = static_cast<SerdContext*>(handle);
  QuadRec q{kNone, kNone, kNone, kNone};
  // Triples of one subject mostly come together: reuse its id when the
  // subject is the same absolute IRI as before (no lookup, no hashing).
  const std::string_view subject_text(reinterpret_cast<const char*>(subject->buf),
                                      subject->n_bytes);
  const TermRec& last = ctx->input->terms[ctx->last_subject];
  if (ctx->last_subject != kNone && subject->type == SERD_URI && last.kind == Term::Kind::kIri &&
      last.value == subject_text && has_scheme(subject_text)) {
    q.s = ctx->last_subject;
  } else if (!serd_term(*ctx, subject, ctx->s_buf, q.s)) {
    return SERD_ERR_BAD_CURIE;
  }
  ctx->last_subject = q.s;
  // Few predicates, used over and over: a small cache by length and last bytes.
  const std::string_view predicate_text(reinterpret_cast<const char*>(predicate->buf),
                                        predicate->n_bytes);
  Id* cached = nullptr;
  if (predicate->type == SERD_URI && predicate_text.size() >= 2) {
    const std::size_t n = predicate_text.size();
    cached = &ctx->predicate_cache[(n * 31 + static_cast<unsigned char>(predicate_text[n - 1]) * 7 +
                                    static_cast<unsigned char>(predicate_text[n - 2])) %
                                   ctx->predicate_cache.size()];
    const TermRec& hit = ctx->input->terms[*cached];
    if (*cached != kNone && hit.kind == Term::Kind::kIri && hit.value == predicate_text &&
        has_scheme(predicate_text)) {
      q.p = *cached;
    }
  }
  if (q.p == kNone) {
    if (!serd_term(*ctx, predicate, ctx->p_buf, q.p)) return SERD_ERR_BAD_CURIE;
    if (cached != nullptr) *cached = q.p;
  }
  if (!serd_term(*ctx, object, ctx->o_buf, q.o, datatype, lang)) return SERD_ERR_BAD_CURIE;
  if (graph != nullptr && graph->buf != nullptr && graph->n_bytes > 0) {
    if (!serd_term(*ctx, graph, ctx->g_buf, q.g)) return SERD_ERR_BAD_CURIE;
  }
  ctx->input->quads.push_back(q);
  return SERD_SUCCESS;
}

// A serd node as a term view (IRIs expanded into `buf`); false on an unknown prefix.
bool serd_view(SerdContext& ctx, const SerdNode* node, std::string& buf, TermView& out,
               const SerdNode* datatype = nullptr, const SerdNode* lang = nullptr) {
  const std::string_view text(reinterpret_cast<const char*>(node->buf), node->n_bytes);
  switch (node->type) {
    case SERD_URI:
    case SERD_CURIE:
      out.kind = Term::Kind::kIri;
      return expand(ctx, node, buf, out.value);
    case SERD_BLANK:
      out.kind = Term::Kind::kBlank;
      out.value = text;
      return true;
    case SERD_LITERAL:
      out.kind = Term::Kind::kLiteral;
      out.value = text;
      if (datatype != nullptr && datatype->buf != nullptr) {
        if (!expand(ctx, datatype, ctx.dt_buf, out.datatype)) return false;
      }
      if (lang != nullptr && lang->buf != nullptr) {
        out.language = std::string_view(reinterpret_cast<const char*>(lang->buf), lang->n_bytes);
      }
      return true;
    case SERD_NOTHING:
      break;
  }
  return false;
}

SerdStatus serd_on_stream_statement(void* handle, SerdStatementFlags /*flags*/,
                                    const SerdNode* graph, const SerdNode* subject,
                                    const SerdNode* predicate, const SerdNode* object,
                                    const SerdNode* datatype, const SerdNode* lang) {
  auto* ctx = static_cast<SerdContext*>(handle);
  TermView s;
  TermView p;
  TermView o;
  TermView g;
  if (!serd_view(*ctx, subject, ctx->s_buf, s) || !serd_view(*ctx, predicate, ctx->p_buf, p) ||
      !serd_view(*ctx, object, ctx->o_buf, o, datatype, lang)) {
    return SERD_ERR_BAD_CURIE;
  }
  if (graph != nullptr && graph->buf != nullptr && graph->n_bytes > 0) {
    if (!serd_view(*ctx, graph, ctx->g_buf, g)) return SERD_ERR_BAD_CURIE;
  }
  // Generated blank nodes get the labels the model reader gives them.
  if (s.kind == Term::Kind::kBlank) s.value = stable_blank(s.value, "b", ctx->blank_buf);
  if (o.kind == Term::Kind::kBlank) o.value = stable_blank(o.value, "b", ctx->object_blank_buf);
  if (p.kind != Term::Kind::kIri) return SERD_ERR_BAD_SYNTAX;
  for (const TermView* t : {&s, &p, &o, &g}) {
    if (t == &g && g.value.empty()) continue;
    if (const char* why = term_problem(t->kind, t->value, t->datatype, t->language)) {
      term_rejected(*ctx, term_culprit(t->kind, t->value, t->datatype, t->language), why);
      return SERD_ERR_BAD_SYNTAX;
    }
  }
  ctx->sink->triple(s, p.value, o, g);
  return SERD_SUCCESS;
}

SerdStatus serd_on_error(void* handle, const SerdError* error) {
  auto* ctx = static_cast<SerdContext*>(handle);
  if (ctx->error) return SERD_SUCCESS;
  std::array<char, 512> text{};
  va_list args;
  va_copy(args, *error->args);
  std::vsnprintf(text.data(), text.size(), error->fmt, args);
  va_end(args);
  std::string message(text.data());
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  // (serd counts the columns of its input's first line from 1 and of the others from 0;
  // input handed over from a later line of the file starts with an empty line, so its
  // lines are counted as the file's are.)
  const unsigned column = error->col;
  ctx->error = make_error(Error::Code::kParse, "syntax error: " + message, ctx->source,
                          error->line + ctx->line_offset, column,
                          "fix the RDF at this position (the file is not valid for its syntax)");
  return SERD_SUCCESS;
}

size_t serd_read_istream(void* buf, size_t size, size_t nmemb, void* stream) {
  auto* ctx = static_cast<SerdContext*>(stream);
  // serd takes a short read for the end of the input: fill the whole request.
  auto* out = static_cast<char*>(buf);
  const std::size_t wanted = size * nmemb;
  const std::size_t from_pending = std::min(wanted, ctx->pending.size());
  if (from_pending > 0) std::memcpy(out, ctx->pending.data(), from_pending);
  ctx->pending.remove_prefix(from_pending);
  std::size_t n = from_pending;
  if (n < wanted) {
    ctx->in->read(out + n, static_cast<std::streamsize>(wanted - n));
    n += static_cast<std::size_t>(ctx->in->gcount());
  }
  if (n > 0) {
    // The new page starts where the last one ended.
    std::tie(ctx->page_line, ctx->page_column) = page_position(*ctx, ctx->page.size());
    ctx->page.assign(out, n);
  }
  return n / size;
}

int serd_stream_error(void* stream) {
  auto* ctx = static_cast<SerdContext*>(stream);
  return ctx->in->bad() ? 1 : 0;
}

// `pending` (bytes already taken from `in`, starting a line after `line_offset`
// lines) is read before the rest of `in`.
Result<void> parse_with_serd(std::istream& in, Syntax syntax, const std::string& source,
                             const std::string& base, ParsedInput* input,
                             TripleSink* sink = nullptr, std::string_view pending = {},
                             std::size_t line_offset = 0) {
  SerdContext ctx;
  ctx.input = input;
  ctx.sink = sink;
  ctx.source = source;
  ctx.in = &in;
  ctx.pending = pending;
  ctx.line_offset = line_offset;
  ctx.page_line = line_offset + 1;
  ctx.line_syntax = syntax != Syntax::kTurtle;
  SerdNode base_node =
      serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(base.c_str()));
  std::unique_ptr<SerdEnv, void (*)(SerdEnv*)> env(serd_env_new(&base_node), &serd_env_free);
  ctx.env = env.get();
  const SerdSyntax serd_syntax = syntax == Syntax::kTurtle     ? SERD_TURTLE
                                 : syntax == Syntax::kNTriples ? SERD_NTRIPLES
                                                               : SERD_NQUADS;
  std::unique_ptr<SerdReader, void (*)(SerdReader*)> reader(
      serd_reader_new(serd_syntax, &ctx, nullptr, &serd_on_base, &serd_on_prefix,
                      sink != nullptr ? &serd_on_stream_statement : &serd_on_statement, nullptr),
      &serd_reader_free);
  serd_reader_set_strict(reader.get(), true);
  serd_reader_set_error_sink(reader.get(), &serd_on_error, &ctx);
  const SerdStatus st =
      serd_reader_read_source(reader.get(), &serd_read_istream, &serd_stream_error, &ctx,
                              reinterpret_cast<const uint8_t*>(source.c_str()), kReadChunk);
  if (ctx.error) return tl::unexpected(*ctx.error);
  if (in.bad()) {
    return fail(Error::Code::kIo, "cannot read '" + source + "'", source, 0, 0,
                "check that the file is readable");
  }
  if (st == SERD_FAILURE && syntax == Syntax::kNQuads && !ctx.page.empty()) {
    // serd 0.30's N-Quads reader stops without an error, and with SERD_FAILURE, at a
    // statement that starts with neither an IRI nor a blank node; what follows would
    // be lost, so this is an error like any other.
    if (const auto at = place_bad_statement_start(ctx)) {
      const auto [line, column] = page_position(ctx, *at);
      const auto byte = static_cast<unsigned char>(ctx.page[*at]);
      char shown[16];
      if (byte > 0x20 && byte < 0x7F) {
        std::snprintf(shown, sizeof shown, "'%c'", byte);
      } else {
        std::snprintf(shown, sizeof shown, "byte 0x%02X", byte);
      }
      return fail(Error::Code::kParse,
                  std::string("syntax error: a statement starts with ") + shown +
                      ", not with an IRI in <...> or a blank node _:label",
                  source, line, column,
                  "fix the RDF at this position (the file is not valid for its syntax)");
    }
    // (Not found in the last page: the place is not known, rather than guessed.)
    return fail(Error::Code::kParse,
                "syntax error: a statement starts with neither an IRI nor a blank node", source, 0,
                0, "fix the statement where the graph read so far ends");
  }
  if (st > SERD_FAILURE) {
    return fail(Error::Code::kParse,
                std::string("cannot parse: ") + reinterpret_cast<const char*>(serd_strerror(st)),
                source, 0, 0, "check that the file is valid for its syntax");
  }
  return {};
}

// N-Triples and N-Quads into the quad table: lines in the common shape are read by
// read_ntriples_line, without serd's byte-by-byte reading and node copies. At the
// first line it is unsure of, serd reads the rest of the input from that line on
// (nothing before it carries state into it), so what serd accepts, how it reads it
// and every error it or the term check gives (with its line and column) stay as they
// were; a term the check refuses also goes to serd, which reports it.
Result<void> parse_ntriples_lines(std::istream& in, Syntax syntax, const std::string& source,
                                  const std::string& base, ParsedInput& input) {
  constexpr std::size_t kChunk = 1 << 20;
  // Lines are read in batches: all of a batch's lines are parsed and the lookups of
  // their objects started before any is interned (see TermTable::prefetch_slot).
  constexpr std::size_t kBatch = 32;
  struct Line {
    std::size_t begin = 0;
    std::size_t end = 0;
    LineResult result = LineResult::kUnsure;
    LineStatement statement;
    std::uint64_t object_hash = 0;
    std::string scratch;
  };
  const bool quads = syntax == Syntax::kNQuads;
  // 64 KB for a stream or a small file, 1 MB for a large file; not zeroed, the reads fill it.
  std::size_t capacity = std::size_t{1} << 16;
  std::size_t begin = 0;  // unread bytes are [begin, end)
  std::size_t end = 0;
  std::size_t lines = 0;  // lines read so far
  bool eof = false;
  std::vector<Line> batch(kBatch);
  std::string blank_buf;
  TermTable& terms = input.terms;
  Id last_subject = kNone;
  std::array<Id, 64> predicate_cache{};
  // Room for the quads: a statement takes about 100 bytes of N-Triples.
  if (auto* file = dynamic_cast<std::ifstream*>(&in); file != nullptr) {
    const auto here = file->tellg();
    if (here >= 0 && file->seekg(0, std::ios::end)) {
      const auto size = file->tellg();
      file->seekg(here);
      if (size > here) {
        input.quads.reserve(static_cast<std::size_t>(size - here) / 100);
        // An estimate (one new term per ~300 bytes); the table still grows past it.
        terms.reserve(static_cast<std::size_t>(size - here) / 300);
        if (static_cast<std::size_t>(size - here) > kChunk) capacity = kChunk;
      }
    }
    file->clear();
  }
  auto buf = std::make_unique_for_overwrite<char[]>(capacity);
  const auto intern = [&](const LineTerm& t) -> Id {
    if (t.kind == Term::Kind::kBlank) {
      return terms.intern(Term::Kind::kBlank, stable_blank(t.value, "b", blank_buf));
    }
    return terms.intern(t.kind, t.value, t.datatype, t.language);
  };
  // Interns a line's statement; false when a term is refused.
  const auto add = [&](const LineStatement& st) {
    QuadRec q{kNone, kNone, kNone, kNone};
    // Triples of one subject mostly come together, and predicates are few.
    const TermRec& last = terms[last_subject];
    if (st.subject.kind == Term::Kind::kIri && last_subject != kNone &&
        last.kind == Term::Kind::kIri && last.value == st.subject.value) {
      q.s = last_subject;
    } else {
      q.s = intern(st.subject);
    }
    // A small table by the IRI's length and last bytes, probed linearly.
    const std::string_view p = st.predicate.value;
    std::uint64_t tail = 0;
    const std::size_t k = std::min<std::size_t>(p.size(), sizeof tail);
    std::memcpy(&tail, p.data() + p.size() - k, k);
    std::size_t slot = mix64(tail ^ (static_cast<std::uint64_t>(p.size()) << 56));
    for (std::size_t probe = 0; probe < 8 && q.p == kNone; ++probe, ++slot) {
      Id& cached = predicate_cache[slot % predicate_cache.size()];
      if (cached == kNone) {
        q.p = cached = intern(st.predicate);
      } else if (terms[cached].value == p && terms[cached].kind == Term::Kind::kIri) {
        q.p = cached;
      }
    }
    if (q.p == kNone) q.p = intern(st.predicate);
    q.o = intern(st.object);
    const bool graph = !st.graph.value.empty();
    if (graph) q.g = intern(st.graph);
    if (q.s == kNone || q.p == kNone || q.o == kNone || (graph && q.g == kNone)) return false;
    last_subject = q.s;
    input.quads.push_back(q);
    return true;
  };
  for (;;) {
    // The complete lines in the buffer, up to a batch (and at the end, the last line).
    std::size_t n = 0;
    std::size_t next = begin;
    while (n < kBatch && next < end) {
      const auto* nl = static_cast<const char*>(std::memchr(buf.get() + next, '\n', end - next));
      if (nl == nullptr && !eof) break;
      const std::size_t line_end = nl != nullptr ? static_cast<std::size_t>(nl - buf.get()) : end;
      batch[n].begin = next;
      batch[n].end = line_end;
      ++n;
      next = nl != nullptr ? line_end + 1 : end;
    }
    if (n == 0) {
      if (eof) break;
      // Keep the partial line, make room (a line longer than the buffer grows it) and read on.
      if (begin > 0) {
        std::memmove(buf.get(), buf.get() + begin, end - begin);
        end -= begin;
        begin = 0;
      }
      if (end == capacity) {
        auto bigger = std::make_unique_for_overwrite<char[]>(capacity * 2);
        std::memcpy(bigger.get(), buf.get(), end);
        buf = std::move(bigger);
        capacity *= 2;
      }
      in.read(buf.get() + end, static_cast<std::streamsize>(capacity - end));
      const auto got = static_cast<std::size_t>(in.gcount());
      end += got;
      if (got == 0) eof = true;
      continue;
    }
    for (std::size_t k = 0; k < n; ++k) {
      Line& line = batch[k];
      line.result =
          read_ntriples_line(std::string_view(buf.get() + line.begin, line.end - line.begin), quads,
                             line.scratch, line.statement);
      if (line.result != LineResult::kStatement) continue;
      const LineTerm& o = line.statement.object;
      line.object_hash = TermTable::hash(o.kind, o.value, o.datatype, o.language);
      terms.prefetch_slot(line.object_hash);
    }
    for (std::size_t k = 0; k < n; ++k) {
      if (batch[k].result == LineResult::kStatement) terms.prefetch_term(batch[k].object_hash);
    }
    for (std::size_t k = 0; k < n; ++k) {
      const Line& line = batch[k];
      const bool taken = line.result == LineResult::kNothing ||
                         (line.result == LineResult::kStatement && add(line.statement));
      if (!taken) {
        const std::string_view rest(buf.get() + line.begin, end - line.begin);
        if (lines == 0) return parse_with_serd(in, syntax, source, base, &input, nullptr, rest, 0);
        // serd treats the first bytes of its input as a possible byte-order mark; the
        // line before (as an empty line) keeps this one from being read as the start.
        const std::string after_newline = "\n" + std::string(rest);
        return parse_with_serd(in, syntax, source, base, &input, nullptr, after_newline, lines - 1);
      }
      ++lines;
    }
    begin = next;
  }
  if (in.bad()) {
    return fail(Error::Code::kIo, "cannot read '" + source + "'", source, 0, 0,
                "check that the file is readable");
  }
  return {};
}

// ---- Raptor ------------------------------------------------------------------

struct RaptorContext {
  ParsedInput* input = nullptr;
  raptor_parser* parser = nullptr;
  std::string text;  // what was read so far, to place errors Raptor gives no column for
  std::string source;
  std::optional<Error> error;
  std::string blank_buf;
};

Id raptor_term_id(RaptorContext& ctx, const raptor_term* t) {
  if (t == nullptr) return kNone;
  switch (t->type) {
    case RAPTOR_TERM_TYPE_URI: {
      size_t len = 0;
      const unsigned char* s = raptor_uri_as_counted_string(t->value.uri, &len);
      return ctx.input->terms.intern(Term::Kind::kIri,
                                     std::string_view(reinterpret_cast<const char*>(s), len));
    }
    case RAPTOR_TERM_TYPE_BLANK: {
      const std::string_view label(reinterpret_cast<const char*>(t->value.blank.string),
                                   t->value.blank.string_len);
      return ctx.input->terms.intern(Term::Kind::kBlank,
                                     stable_blank(label, "genid", ctx.blank_buf));
    }
    case RAPTOR_TERM_TYPE_LITERAL: {
      std::string_view dt;
      if (t->value.literal.datatype != nullptr) {
        size_t len = 0;
        const unsigned char* s = raptor_uri_as_counted_string(t->value.literal.datatype, &len);
        dt = std::string_view(reinterpret_cast<const char*>(s), len);
      }
      std::string_view lang;
      if (t->value.literal.language != nullptr) {
        lang = std::string_view(reinterpret_cast<const char*>(t->value.literal.language),
                                t->value.literal.language_len);
      }
      return ctx.input->terms.intern(
          Term::Kind::kLiteral,
          std::string_view(reinterpret_cast<const char*>(t->value.literal.string),
                           t->value.literal.string_len),
          dt, lang);
    }
    case RAPTOR_TERM_TYPE_UNKNOWN:
      break;
  }
  return kNone;
}

std::size_t first_column_of_line(std::string_view text, std::size_t line);

void raptor_on_statement(void* data, raptor_statement* st) {
  auto* ctx = static_cast<RaptorContext*>(data);
  const QuadRec q{raptor_term_id(*ctx, st->subject), raptor_term_id(*ctx, st->predicate),
                  raptor_term_id(*ctx, st->object), raptor_term_id(*ctx, st->graph)};
  if (q.s == kNone || q.p == kNone || q.o == kNone || (st->graph != nullptr && q.g == kNone)) {
    if (!ctx->error) {
      std::size_t line = 0;
      std::size_t column = 0;
      if (const raptor_locator* where = raptor_parser_get_locator(ctx->parser)) {
        if (where->line > 0) line = static_cast<std::size_t>(where->line);
        if (where->column > 0) column = static_cast<std::size_t>(where->column);
      }
      if (line > 0 && column == 0) column = first_column_of_line(ctx->text, line);
      const char* why = ctx->input->terms.problem();
      ctx->error =
          make_error(Error::Code::kParse,
                     why != nullptr ? std::string("a statement with ") + why
                                    : std::string("a statement with an unknown term type"),
                     ctx->source, line, column,
                     "fix or remove this term (IRIs must be absolute, and all text UTF-8)");
    }
    // Raptor goes on parsing after an error in a handler: stop it.
    raptor_parser_parse_abort(ctx->parser);
    return;
  }
  ctx->input->quads.push_back(q);
}

// Raptor's Turtle lexer and libxml2 report only a line: point at the first
// non-blank character of that line, which is where a reader starts looking.
std::size_t first_column_of_line(std::string_view text, std::size_t line) {
  std::size_t pos = 0;
  for (std::size_t l = 1; l < line; ++l) {
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) return 1;
    ++pos;
  }
  std::size_t column = 1;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) {
    ++pos;
    ++column;
  }
  return column;
}

void raptor_on_log(void* data, raptor_log_message* message) {
  auto* ctx = static_cast<RaptorContext*>(data);
  if (message->level < RAPTOR_LOG_LEVEL_ERROR || ctx->error) return;
  std::size_t line = 0;
  std::size_t column = 0;
  // XML errors come without a position; the parser's own locator has it.
  raptor_locator* where = message->locator;
  if ((where == nullptr || where->line <= 0) && ctx->parser != nullptr) {
    where = raptor_parser_get_locator(ctx->parser);
  }
  if (where != nullptr) {
    if (where->line > 0) line = static_cast<std::size_t>(where->line);
    if (where->column > 0) column = static_cast<std::size_t>(where->column);
  }
  if (line > 0 && column == 0) column = first_column_of_line(ctx->text, line);
  ctx->error = make_error(
      Error::Code::kParse,
      std::string("syntax error: ") + (message->text != nullptr ? message->text : "unknown error"),
      ctx->source, line, column,
      "fix the RDF at this position (the file is not valid for its syntax)");
}

// Raptor 2.0.15 keeps a literal's language-tag length in an unsigned char: a tag of 256
// bytes or more makes it write past a heap buffer (valgrind shows it in
// raptor_new_term_from_counted_literal, from RDF/XML's xml:lang). The first such tag at
// or after `from` in `text`, as xml:lang="tag" in RDF/XML, "@tag" in the other syntaxes.
std::optional<std::size_t> long_language_tag(std::string_view text, std::size_t from, bool xml) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  for (std::size_t i = from; i < text.size(); ++i) {
    if (!xml && text[i] == '@') {
      std::size_t j = i + 1;
      while (j < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[j])) != 0 || text[j] == '-')) {
        ++j;
      }
      if (j - (i + 1) > 255) return i;
    } else if (xml && text.compare(i, 8, "xml:lang") == 0) {
      std::size_t j = i + 8;
      while (j < text.size() && space(text[j])) ++j;
      if (j >= text.size() || text[j] != '=') continue;
      ++j;
      while (j < text.size() && space(text[j])) ++j;
      if (j >= text.size() || (text[j] != '"' && text[j] != '\'')) continue;
      const std::size_t end = std::min(text.find(text[j], j + 1), text.size());
      if (end - (j + 1) > 255) return i;
    }
  }
  return std::nullopt;
}

Result<void> parse_with_raptor(std::istream& in, Syntax syntax, const std::string& source,
                               const std::string& base, ParsedInput& input) {
  std::unique_ptr<raptor_world, void (*)(raptor_world*)> world(raptor_new_world(),
                                                               &raptor_free_world);
  if (!world || raptor_world_open(world.get()) != 0) {
    return fail(Error::Code::kInternal, "cannot initialise Raptor");
  }
  RaptorContext ctx;
  ctx.input = &input;
  ctx.source = source;
  raptor_world_set_log_handler(world.get(), &ctx, &raptor_on_log);
  const char* name = syntax == Syntax::kTurtle     ? "turtle"
                     : syntax == Syntax::kNTriples ? "ntriples"
                     : syntax == Syntax::kNQuads   ? "nquads"
                                                   : "rdfxml";
  std::unique_ptr<raptor_parser, void (*)(raptor_parser*)> parser(
      raptor_new_parser(world.get(), name), &raptor_free_parser);
  if (!parser)
    return fail(Error::Code::kUnsupported, std::string("Raptor has no ") + name + " parser");
  ctx.parser = parser.get();
  raptor_parser_set_statement_handler(parser.get(), &ctx, &raptor_on_statement);
  std::unique_ptr<raptor_uri, void (*)(raptor_uri*)> base_uri(
      raptor_new_uri_from_counted_string(
          world.get(), reinterpret_cast<const unsigned char*>(base.data()), base.size()),
      &raptor_free_uri);
  if (raptor_parser_parse_start(parser.get(), base_uri.get()) != 0) {
    if (ctx.error) return tl::unexpected(*ctx.error);
    return fail(Error::Code::kInternal, "cannot start the Raptor parser", source);
  }
  std::vector<char> buf(kReadChunk);
  while (!ctx.error) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<size_t>(in.gcount());
    const bool end = n < buf.size();
    const std::size_t before_chunk = ctx.text.size();
    ctx.text.append(buf.data(), n);
    // (The last 300 bytes of the text before are looked at again: a tag may span chunks.)
    if (const auto at = long_language_tag(ctx.text, before_chunk > 300 ? before_chunk - 300 : 0,
                                          syntax == Syntax::kRdfXml)) {
      const auto [line, column] = text_position(ctx.text, *at);
      return fail(Error::Code::kParse,
                  "a language tag longer than 255 bytes (Raptor cannot read it safely)", source,
                  line, column, "shorten the language tag (they are a few letters, e.g. en-GB)");
    }
    // Raptor reads a NUL byte as the end of a term and keeps the rest of the term
    // silently; no RDF syntax allows a raw NUL, so it is refused here, with its place.
    if (const void* nul = std::memchr(buf.data(), '\0', n); nul != nullptr) {
      const std::size_t at = ctx.text.size() - n +
                             static_cast<std::size_t>(static_cast<const char*>(nul) - buf.data());
      const auto [line, column] = text_position(ctx.text, at);
      return fail(Error::Code::kParse,
                  "NUL byte at byte offset " + std::to_string(at) + ": binary data, not RDF text",
                  source, line, column, "give a text file in the RDF syntax (NUL is never valid)");
    }
    if (raptor_parser_parse_chunk(parser.get(), reinterpret_cast<const unsigned char*>(buf.data()),
                                  n, end ? 1 : 0) != 0 &&
        !ctx.error) {
      ctx.error = make_error(Error::Code::kParse, "cannot parse", source, 0, 0,
                             "check that the file is valid for its syntax");
    }
    if (end) break;
  }
  if (ctx.error) return tl::unexpected(*ctx.error);
  if (in.bad()) return fail(Error::Code::kIo, "cannot read '" + source + "'", source);
  return {};
}

// ---- mapping quads onto the model ------------------------------------------

enum class Kind : std::uint8_t { kNone, kEntity, kDocument, kStatement, kEvidence };

bool parse_count(std::string_view text, std::size_t& out) {
  if (text.empty()) return false;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  // Only the canonical form, so that writing it back gives the same literal.
  return ec == std::errc() && ptr == end && format_count(out) == text;
}

bool parse_confidence(std::string_view text, double& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out, std::chars_format::fixed);
  return ec == std::errc() && ptr == end && out >= 0.0 && out <= 1.0 && format_decimal(out) == text;
}

class GraphBuilder {
 public:
  GraphBuilder(ParsedInput& input, const ReadOptions& options)
      : t_(input.terms), q_(input.quads), options_(options) {}

  KnowledgeGraph build() {
    lookup_vocabulary();
    t_.drop_lookup();
    index_subjects();
    classify();
    read_statements();
    add_entities();
    add_documents();
    collect_relations();
    add_extras();
    // The edges take most of the graph's memory: the quad and term tables go first.
    release_input();
    add_relations();
    return std::move(graph_);
  }

 private:
  struct Vocab {
    Id type, statement, subject, predicate, object, label, alt_label, same_as, document,
        evidence_class, evidence, confidence, negated, attributed, date, title, source, derived,
        sentence, begin, end, anchor, trigger_begin, trigger_end, rule, context;
  };

  void lookup_vocabulary() {
    auto f = [&](std::string_view iri) { return t_.find_iri(iri); };
    v_ = Vocab{
        f(vocab::kRdfType),          f(vocab::kRdfStatement),        f(vocab::kRdfSubject),
        f(vocab::kRdfPredicate),     f(vocab::kRdfObject),           f(vocab::kRdfsLabel),
        f(vocab::kSkosAltLabel),     f(vocab::kOwlSameAs),           f(vocab::kKgoDocument),
        f(vocab::kKgoEvidence),      f(vocab::kKgoEvidenceProp),     f(vocab::kKgoConfidence),
        f(vocab::kKgoNegated),       f(vocab::kProvWasAttributedTo), f(vocab::kDctermsDate),
        f(vocab::kDctermsTitle),     f(vocab::kDctermsSource),       f(vocab::kProvWasDerivedFrom),
        f(vocab::kKgoSentenceIndex), f(vocab::kNifBeginIndex),       f(vocab::kNifEndIndex),
        f(vocab::kNifAnchorOf),      f(vocab::kKgoTriggerBegin),     f(vocab::kKgoTriggerEnd),
        f(vocab::kKgoRule),          f(vocab::kNifReferenceContext)};
  }

  // Quads grouped by subject (CSR), each group in document order.
  void index_subjects() {
    offsets_.assign(t_.size() + 1, 0);
    for (const auto& q : q_) ++offsets_[q.s + 1];
    for (std::size_t i = 1; i < offsets_.size(); ++i) offsets_[i] += offsets_[i - 1];
    by_subject_.resize(q_.size());
    std::vector<std::uint32_t> fill(offsets_.begin(), offsets_.end() - 1);
    for (std::uint32_t i = 0; i < q_.size(); ++i) by_subject_[fill[q_[i].s]++] = i;
    consumed_.assign(q_.size(), false);
    relation_quad_.assign(q_.size(), false);
    statement_direct_.assign(q_.size(), false);
  }

  [[nodiscard]] std::span<const std::uint32_t> quads_of(Id s) const {
    return {by_subject_.data() + offsets_[s], offsets_[s + 1] - offsets_[s]};
  }

  [[nodiscard]] bool is_iri(Id id) const { return id != kNone && t_[id].kind == Term::Kind::kIri; }
  [[nodiscard]] bool usable_iri(Id id) const { return valid_iri_[id]; }
  [[nodiscard]] bool interpretable(const QuadRec& q) const {
    return q.g == kNone || kind_[q.g] == Kind::kDocument;
  }
  [[nodiscard]] bool plain_literal(Id id) const {
    const TermRec& t = t_[id];
    return t.kind == Term::Kind::kLiteral && t.datatype.empty() && t.language.empty();
  }
  [[nodiscard]] bool typed_literal(Id id, std::string_view datatype) const {
    const TermRec& t = t_[id];
    return t.kind == Term::Kind::kLiteral && t.language.empty() && t.datatype == datatype;
  }
  [[nodiscard]] bool entity_like(Id id) const {
    return kind_[id] == Kind::kNone || kind_[id] == Kind::kEntity;
  }

  bool relation_predicate(Id p) {
    if (relation_predicate_.empty()) relation_predicate_.assign(t_.size(), -1);
    std::int8_t& known = relation_predicate_[p];
    if (known < 0) {
      known = usable_iri(p) && is_relation_predicate(t_[p].value, options_.ontology) ? 1 : 0;
    }
    return known == 1;
  }

  void classify() {
    kind_.assign(t_.size(), Kind::kNone);
    valid_iri_.assign(t_.size(), false);
    for (Id id = 1; id < t_.size(); ++id) valid_iri_[id] = is_iri(id) && is_valid_iri(t_[id].value);
    // Documents first: they decide which named graphs the model reads from.
    for (const auto& q : q_) {
      if (q.p == v_.type && q.p != kNone && q.o == v_.document && v_.document != kNone &&
          usable_iri(q.s) && (q.g == kNone || q.g == q.s)) {
        kind_[q.s] = Kind::kDocument;
      }
    }
    std::vector<std::uint8_t> marks(t_.size(), 0);
    constexpr std::uint8_t kStatementType = 1;
    constexpr std::uint8_t kEvidenceType = 2;
    constexpr std::uint8_t kEntityMark = 4;
    for (const auto& q : q_) {
      if (q.p == kNone || !interpretable(q) || !usable_iri(q.s)) continue;
      if (q.p == v_.type) {
        if (q.o == v_.statement) {
          marks[q.s] |= kStatementType;
        } else if (q.o == v_.evidence_class) {
          marks[q.s] |= kEvidenceType;
        } else if (q.o != v_.document) {
          marks[q.s] |= kEntityMark;
        }
      } else if ((q.p == v_.label || q.p == v_.alt_label) && t_[q.o].language == "en" &&
                 t_[q.o].kind == Term::Kind::kLiteral) {
        marks[q.s] |= kEntityMark;
      } else if (q.p == v_.same_as && is_iri(q.o)) {
        marks[q.s] |= kEntityMark;
      }
    }
    for (Id id = 1; id < t_.size(); ++id) {
      if (kind_[id] != Kind::kNone || marks[id] == 0) continue;
      kind_[id] = (marks[id] & kStatementType) != 0  ? Kind::kStatement
                  : (marks[id] & kEvidenceType) != 0 ? Kind::kEvidence
                                                     : Kind::kEntity;
    }
    // Direct triples with a relation predicate make their ends entities.
    for (std::uint32_t i = 0; i < q_.size(); ++i) {
      const QuadRec& q = q_[i];
      if (!interpretable(q) || !usable_iri(q.s) || !usable_iri(q.o) || !entity_like(q.s) ||
          !entity_like(q.o) || !relation_predicate(q.p)) {
        continue;
      }
      relation_quad_[i] = true;
      kind_[q.s] = Kind::kEntity;
      kind_[q.o] = Kind::kEntity;
    }
  }

  // Distinct (predicate, object) values of a subject in the graphs the model reads.
  void values_of(Id s, Id p, std::vector<Id>& out) const {
    out.clear();
    for (const auto i : quads_of(s)) {
      const QuadRec& q = q_[i];
      if (q.p == p && interpretable(q) && std::find(out.begin(), out.end(), q.o) == out.end()) {
        out.push_back(q.o);
      }
    }
  }

  void consume(Id s, Id p, Id o) {
    for (const auto i : quads_of(s)) {
      const QuadRec& q = q_[i];
      if (q.p == p && q.o == o && interpretable(q)) consumed_[i] = true;
    }
  }

  struct PendingRelation {
    Id subject;
    Id object;
    Relation relation;
  };

  void read_statements() {
    std::vector<Id> subj, pred, obj, conf, neg, attr, date, evid;
    std::unordered_set<std::string> keys;
    for (Id st = 1; st < t_.size(); ++st) {
      if (kind_[st] != Kind::kStatement) continue;
      values_of(st, v_.subject, subj);
      values_of(st, v_.predicate, pred);
      values_of(st, v_.object, obj);
      values_of(st, v_.confidence, conf);
      values_of(st, v_.negated, neg);
      values_of(st, v_.attributed, attr);
      values_of(st, v_.date, date);
      values_of(st, v_.evidence, evid);
      Relation r;
      bool ok = subj.size() == 1 && pred.size() == 1 && obj.size() == 1 && conf.size() == 1 &&
                neg.size() <= 1 && attr.size() <= 1 && date.size() <= 1 && v_.subject != kNone;
      ok = ok && usable_iri(subj[0]) && entity_like(subj[0]) && usable_iri(pred[0]) &&
           usable_iri(obj[0]) && entity_like(obj[0]) &&
           typed_literal(conf[0], vocab::kXsdDecimal) &&
           parse_confidence(t_[conf[0]].value, r.confidence);
      if (ok && !neg.empty()) {
        ok = typed_literal(neg[0], vocab::kXsdBoolean) && t_[neg[0]].value == "true";
        r.negated = true;
      }
      if (ok && !attr.empty()) {
        const TermRec& a = t_[attr[0]];
        ok = (a.kind == Term::Kind::kIri && is_valid_iri(a.value)) ||
             (plain_literal(attr[0]) && !a.value.empty() && !is_valid_iri(a.value));
        r.attributed_to = std::string(a.value);
      }
      if (ok && !date.empty()) {
        ok = typed_literal(date[0], vocab::kXsdDate) && !t_[date[0]].value.empty();
        r.date = std::string(t_[date[0]].value);
      }
      if (!ok) {
        kind_[st] = Kind::kNone;
        continue;
      }
      r.predicate = std::string(t_[pred[0]].value);
      r.iri = std::string(t_[st].value);
      // The default statement IRI is minted on demand: store only other ones.
      if (r.iri ==
          std::string(kDefaultBase) + "statement/" +
              hex64(KnowledgeGraph::relation_key_hash(
                  t_[subj[0]].value, r.predicate, t_[obj[0]].value, r.negated, r.attributed_to))) {
        r.iri.clear();
      }
      const bool asserted = !r.negated && r.attributed_to.empty();
      // An asserted statement without its direct triple is someone else's
      // reification, not our provenance: keep it as it is.
      if (asserted && !has_direct(subj[0], pred[0], obj[0])) {
        kind_[st] = Kind::kNone;
        continue;
      }
      // Two statement nodes for one relation would merge and lose an IRI.
      if (!keys.insert(KnowledgeGraph::relation_key(t_[subj[0]].value, r.predicate,
                                                    t_[obj[0]].value, r.negated, r.attributed_to))
               .second) {
        kind_[st] = Kind::kNone;
        continue;
      }
      for (const Id ev : evid) {
        Provenance p;
        if (read_evidence(std::string(t_[st].value), ev, p)) {
          r.provenance.push_back(std::move(p));
          consume(st, v_.evidence, ev);
        }
      }
      consume(st, v_.type, v_.statement);
      consume(st, v_.subject, subj[0]);
      consume(st, v_.predicate, pred[0]);
      consume(st, v_.object, obj[0]);
      consume(st, v_.confidence, conf[0]);
      if (!neg.empty()) consume(st, v_.negated, neg[0]);
      if (!attr.empty()) consume(st, v_.attributed, attr[0]);
      if (!date.empty()) consume(st, v_.date, date[0]);
      if (asserted) {
        for (const auto i : quads_of(subj[0])) {
          const QuadRec& q = q_[i];
          if (q.p == pred[0] && q.o == obj[0] && interpretable(q)) {
            consumed_[i] = true;
            statement_direct_[i] = true;
          }
        }
      }
      kind_[subj[0]] = Kind::kEntity;
      kind_[obj[0]] = Kind::kEntity;
      pending_.push_back({subj[0], obj[0], std::move(r)});
    }
  }

  [[nodiscard]] bool has_direct(Id s, Id p, Id o) const {
    for (const auto i : quads_of(s)) {
      const QuadRec& q = q_[i];
      if (q.p == p && q.o == o && interpretable(q)) return true;
    }
    return false;
  }

  // An evidence node is read only when its IRI is the one the writer mints
  // from its fields, so that writing it back gives the same triples.
  bool read_evidence(const std::string& statement_iri, Id ev, Provenance& p) {
    if (!usable_iri(ev) || kind_[ev] != Kind::kEvidence || claimed_evidence_.contains(ev)) {
      return false;
    }
    std::vector<Id> derived, sentence, begin, end, anchor, tb, te, rule, context;
    values_of(ev, v_.derived, derived);
    values_of(ev, v_.context, context);
    values_of(ev, v_.sentence, sentence);
    values_of(ev, v_.begin, begin);
    values_of(ev, v_.end, end);
    values_of(ev, v_.anchor, anchor);
    values_of(ev, v_.trigger_begin, tb);
    values_of(ev, v_.trigger_end, te);
    values_of(ev, v_.rule, rule);
    auto count = [&](const std::vector<Id>& v, std::size_t& out) {
      return v.size() == 1 && typed_literal(v[0], vocab::kXsdNonNegativeInteger) &&
             parse_count(t_[v[0]].value, out);
    };
    if (derived.size() > 1 || anchor.size() > 1 || rule.size() > 1 || tb.size() != te.size() ||
        tb.size() > 1) {
      return false;
    }
    // The writer gives the document as the NIF context too; anything else is not its node.
    // (Files written before the context was added have none.)
    if (context.size() > 1 || (!context.empty() && (derived.empty() || context[0] != derived[0]))) {
      return false;
    }
    if (!count(sentence, p.sentence) || !count(begin, p.begin) || !count(end, p.end)) return false;
    if (!tb.empty()) {
      if (!count(tb, p.trigger_begin) || !count(te, p.trigger_end)) return false;
      if (p.trigger_begin == 0 && p.trigger_end == 0) return false;
    }
    if (!derived.empty()) {
      if (!usable_iri(derived[0])) return false;
      p.document = std::string(t_[derived[0]].value);
    }
    if (!anchor.empty()) {
      if (!plain_literal(anchor[0]) || t_[anchor[0]].value.empty()) return false;
      p.evidence = std::string(t_[anchor[0]].value);
    }
    if (!rule.empty()) {
      if (!plain_literal(rule[0]) || t_[rule[0]].value.empty()) return false;
      p.rule = std::string(t_[rule[0]].value);
    }
    if (evidence_iri(statement_iri, p) != t_[ev].value) return false;
    claimed_evidence_.insert(ev);
    consume(ev, v_.type, v_.evidence_class);
    if (!derived.empty()) consume(ev, v_.derived, derived[0]);
    if (!context.empty()) consume(ev, v_.context, context[0]);
    consume(ev, v_.sentence, sentence[0]);
    consume(ev, v_.begin, begin[0]);
    consume(ev, v_.end, end[0]);
    if (!anchor.empty()) consume(ev, v_.anchor, anchor[0]);
    if (!tb.empty()) {
      consume(ev, v_.trigger_begin, tb[0]);
      consume(ev, v_.trigger_end, te[0]);
    }
    if (!rule.empty()) consume(ev, v_.rule, rule[0]);
    return true;
  }

  void add_entities() {
    vertex_.assign(t_.size(), kNoVertex);
    std::size_t entities = 0;
    for (Id id = 1; id < t_.size(); ++id) entities += kind_[id] == Kind::kEntity ? 1 : 0;
    std::size_t relations = pending_.size();
    for (std::uint32_t i = 0; i < q_.size(); ++i) relations += relation_quad_[i] ? 1 : 0;
    graph_.reserve(entities, relations);
    std::vector<std::pair<Id, Id>> seen;
    for (Id id = 1; id < t_.size(); ++id) {
      if (kind_[id] != Kind::kEntity) continue;
      Entity e;
      e.iri = std::string(t_[id].value);
      seen.clear();
      for (const auto i : quads_of(id)) {
        const QuadRec& q = q_[i];
        if (!interpretable(q) || consumed_[i]) continue;
        consumed_[i] = true;
        if (relation_quad_[i]) continue;  // added by add_relations
        if (std::find(seen.begin(), seen.end(), std::pair{q.p, q.o}) != seen.end()) continue;
        seen.emplace_back(q.p, q.o);
        const TermRec& o = t_[q.o];
        if (q.p == v_.type && e.class_iri.empty() && usable_iri(q.o)) {
          e.class_iri = std::string(o.value);
          continue;
        }
        if (q.p == v_.label && e.label.empty() && o.kind == Term::Kind::kLiteral &&
            o.language == "en" && !o.value.empty()) {
          e.label = std::string(o.value);
          continue;
        }
        if (q.p == v_.alt_label && o.kind == Term::Kind::kLiteral && o.language == "en" &&
            !o.value.empty() && o.value != e.label &&
            std::find(e.aliases.begin(), e.aliases.end(), o.value) == e.aliases.end()) {
          e.aliases.emplace_back(o.value);
          continue;
        }
        if (q.p == v_.same_as && usable_iri(q.o) &&
            std::find(e.same_as.begin(), e.same_as.end(), o.value) == e.same_as.end()) {
          e.same_as.emplace_back(o.value);
          continue;
        }
        e.attributes.push_back({std::string(t_[q.p].value), to_term(q.o)});
      }
      auto v = graph_.add_entity(std::move(e));
      if (v) vertex_[id] = *v;
    }
  }

  // The relations to add, by vertex: statement nodes first, then direct triples,
  // each in input order. A relation quad whose ends are not both entities stays a
  // triple (add_extras).
  void collect_relations() {
    for (auto& pending : pending_) {
      const auto s = vertex_[pending.subject];
      const auto o = vertex_[pending.object];
      if (s == kNoVertex || o == kNoVertex) continue;
      stated_.push_back({s, o, std::move(pending.relation)});
    }
    std::vector<PendingRelation>().swap(pending_);
    std::vector<std::uint32_t> predicate_index(t_.size(), kNoIndex);
    std::vector<std::uint32_t> graph_index(t_.size(), kNoIndex);
    graph_names_.emplace_back();  // index 0: the default graph
    for (std::uint32_t i = 0; i < q_.size(); ++i) {
      if (!relation_quad_[i]) continue;
      const QuadRec& q = q_[i];
      if (!consumed_[i]) continue;  // not taken by its entity (should not happen)
      const auto s = vertex_[q.s];
      const auto o = vertex_[q.o];
      if (s == kNoVertex || o == kNoVertex) {
        consumed_[i] = false;
        continue;
      }
      if (claimed_direct(i)) continue;
      std::uint32_t& p = predicate_index[q.p];
      if (p == kNoIndex) {
        p = static_cast<std::uint32_t>(predicates_.size());
        predicates_.emplace_back(t_[q.p].value);
      }
      std::uint32_t g = 0;
      if (q.g != kNone) {
        std::uint32_t& known = graph_index[q.g];
        if (known == kNoIndex) {
          known = static_cast<std::uint32_t>(graph_names_.size());
          const TermRec& name = t_[q.g];
          graph_names_.push_back(name.kind == Term::Kind::kBlank ? "_:" + std::string(name.value)
                                                                 : std::string(name.value));
        }
        g = known;
      }
      direct_.push_back({static_cast<std::uint32_t>(s), static_cast<std::uint32_t>(o), p, g});
    }
  }

  void release_input() {
    std::vector<QuadRec>().swap(q_);
    t_.release();
    std::vector<std::uint32_t>().swap(offsets_);
    std::vector<std::uint32_t>().swap(by_subject_);
    std::vector<Kind>().swap(kind_);
    std::vector<bool>().swap(valid_iri_);
    std::vector<bool>().swap(consumed_);
    std::vector<bool>().swap(relation_quad_);
    std::vector<bool>().swap(statement_direct_);
    std::vector<std::int8_t>().swap(relation_predicate_);
    std::vector<KnowledgeGraph::Vertex>().swap(vertex_);
  }

  void add_relations() {
    // Adjacency lists sized exactly: vectors grown by doubling kept a third
    // of their room empty and copied themselves five times on the way.
    std::vector<std::uint32_t> out_degree(graph_.num_entities(), 0);
    std::vector<std::uint32_t> in_degree(graph_.num_entities(), 0);
    for (const auto& r : stated_) {
      ++out_degree[r.subject];
      ++in_degree[r.object];
    }
    for (const auto& r : direct_) {
      ++out_degree[r.subject];
      ++in_degree[r.object];
    }
    for (std::size_t v = 0; v < out_degree.size(); ++v) {
      graph_.reserve_edges(v, out_degree[v], in_degree[v]);
    }
    std::vector<std::uint32_t>().swap(out_degree);
    std::vector<std::uint32_t>().swap(in_degree);
    for (auto& r : stated_) (void)graph_.add_relation(r.subject, std::move(r.relation), r.object);
    std::vector<StatedRelation>().swap(stated_);
    // Each relation appends to its object's in-edge list, somewhere in memory: start
    // loading the vertex record, then the list's end, some relations ahead.
    const KnowledgeGraph::Graph& g = graph_.graph();
    const std::size_t n = direct_.size();
    constexpr std::size_t kAhead = 8;
    for (std::size_t i = 0; i < n; ++i) {
      if (i + 2 * kAhead < n) {
        __builtin_prefetch(&g.m_vertices[direct_[i + 2 * kAhead].object].m_in_edges);
      }
      if (i + kAhead < n) {
        const auto& in = g.m_vertices[direct_[i + kAhead].object].m_in_edges;
        __builtin_prefetch(in.data() + in.size());
      }
      const DirectRelation& r = direct_[i];
      Relation relation;
      relation.predicate = predicates_[r.predicate];
      if (!graph_.add_relation(r.subject, std::move(relation), r.object)) {
        // Refused (should not happen: the predicate is a valid IRI): kept as a triple.
        graph_.add_extra({Term::iri(graph_.entity(r.subject).iri),
                          Term::iri(predicates_[r.predicate]),
                          Term::iri(graph_.entity(r.object).iri), graph_names_[r.graph]});
      }
    }
  }

  // Direct triples of asserted statements were consumed in read_statements,
  // before add_entities marked the rest; tell them apart by the flag we set there.
  bool claimed_direct(std::uint32_t i) const { return statement_direct_[i]; }

  void add_documents() {
    for (Id id = 1; id < t_.size(); ++id) {
      if (kind_[id] != Kind::kDocument) continue;
      Document d;
      d.iri = std::string(t_[id].value);
      std::vector<std::pair<Id, Id>> seen;
      for (const auto i : quads_of(id)) {
        const QuadRec& q = q_[i];
        if (!interpretable(q)) continue;
        const bool duplicate =
            std::find(seen.begin(), seen.end(), std::pair{q.p, q.o}) != seen.end();
        const TermRec& o = t_[q.o];
        bool take = duplicate;
        if (!duplicate) {
          if (q.p == v_.type && q.o == v_.document) {
            take = true;
          } else if (q.p == v_.title && d.title.empty() && plain_literal(q.o) && !o.value.empty()) {
            d.title = std::string(o.value);
            take = true;
          } else if (q.p == v_.date && d.date.empty() && typed_literal(q.o, vocab::kXsdDate) &&
                     !o.value.empty()) {
            d.date = std::string(o.value);
            take = true;
          } else if (q.p == v_.source && d.source.empty() && plain_literal(q.o) &&
                     !o.value.empty()) {
            d.source = std::string(o.value);
            take = true;
          }
        }
        if (take) {
          // A duplicate is consumed only when its first copy was.
          if (!duplicate) seen.emplace_back(q.p, q.o);
          consumed_[i] = true;
        }
      }
      (void)graph_.add_document(std::move(d));
    }
  }

  void add_extras() {
    for (std::uint32_t i = 0; i < q_.size(); ++i) {
      if (consumed_[i]) continue;
      const QuadRec& q = q_[i];
      Quad quad{to_term(q.s), to_term(q.p), to_term(q.o), {}};
      if (q.g != kNone) {
        quad.graph = t_[q.g].kind == Term::Kind::kBlank ? "_:" + std::string(t_[q.g].value)
                                                        : std::string(t_[q.g].value);
      }
      graph_.add_extra(std::move(quad));
    }
  }

  [[nodiscard]] Term to_term(Id id) const {
    const TermRec& t = t_[id];
    return Term{t.kind, std::string(t.value), std::string(t.datatype), std::string(t.language)};
  }

  static constexpr KnowledgeGraph::Vertex kNoVertex =
      std::numeric_limits<KnowledgeGraph::Vertex>::max();

  TermTable& t_;
  std::vector<QuadRec>& q_;
  const ReadOptions& options_;
  KnowledgeGraph graph_;
  Vocab v_{};
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint32_t> by_subject_;
  std::vector<Kind> kind_;
  std::vector<bool> valid_iri_;
  std::vector<bool> consumed_;
  std::vector<bool> relation_quad_;
  std::vector<std::int8_t> relation_predicate_;  // by term id: -1 unknown, 0 no, 1 yes
  std::unordered_set<Id> claimed_evidence_;
  std::vector<bool> statement_direct_;
  std::vector<PendingRelation> pending_;
  std::vector<KnowledgeGraph::Vertex> vertex_;
  // What add_relations adds once the input is released (collect_relations).
  struct StatedRelation {
    KnowledgeGraph::Vertex subject;
    KnowledgeGraph::Vertex object;
    Relation relation;
  };
  struct DirectRelation {
    std::uint32_t subject;
    std::uint32_t object;
    std::uint32_t predicate;  // in predicates_
    std::uint32_t graph;      // in graph_names_
  };
  static constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();
  std::vector<StatedRelation> stated_;
  std::vector<DirectRelation> direct_;
  std::vector<std::string> predicates_;
  std::vector<std::string> graph_names_;
};

}  // namespace

Result<KnowledgeGraph> read_rdf(std::istream& in, Syntax syntax, std::string_view source_name,
                                const ReadOptions& options, ParserBackend backend) {
  const std::string source(source_name.empty() ? "-" : source_name);
  const std::string base = base_for(source_name, options);
  ParsedInput input;
  Result<void> parsed = (syntax == Syntax::kRdfXml || backend == ParserBackend::kRaptor)
                            ? parse_with_raptor(in, syntax, source, base, input)
                        : (backend == ParserBackend::kLines &&
                           (syntax == Syntax::kNTriples || syntax == Syntax::kNQuads))
                            ? parse_ntriples_lines(in, syntax, source, base, input)
                            : parse_with_serd(in, syntax, source, base, &input);
  if (!parsed) return tl::unexpected(parsed.error());
  return GraphBuilder(input, options).build();
}

Result<void> stream_rdf(std::istream& in, Syntax syntax, std::string_view source_name,
                        const ReadOptions& options, TripleSink& sink) {
  if (syntax == Syntax::kRdfXml) {
    return fail(Error::Code::kUnsupported, "RDF/XML is not read triple by triple",
                std::string(source_name), 0, 0, "convert it through the model");
  }
  const std::string source(source_name.empty() ? "-" : source_name);
  return parse_with_serd(in, syntax, source, base_for(source_name, options), nullptr, &sink);
}

}  // namespace kg::exporters::detail
