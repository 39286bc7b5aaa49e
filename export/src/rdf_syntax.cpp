// Lexical helpers shared by the RDF writers: escapes, prefixed names, number
// formats and the output prefixes.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <kg/graph/iri.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <set>

#include "rdf_internal.hpp"

namespace kg::exporters::detail {
namespace {

constexpr std::array<char, 16> kHexUpper = {'0', '1', '2', '3', '4', '5', '6', '7',
                                            '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

// Decodes one UTF-8 code point at s[i]; returns its length (0 when malformed).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  // Overlong forms, surrogates and values beyond U+10FFFF are not UTF-8.
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
}

bool is_pn_chars_base(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0xD6) ||
         (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) || (c >= 0x370 && c <= 0x37D) ||
         (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
         (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
         (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
         (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
}

bool is_pn_chars_u(char32_t c) { return is_pn_chars_base(c) || c == '_'; }

bool is_pn_chars(char32_t c) {
  return is_pn_chars_u(c) || c == '-' || (c >= '0' && c <= '9') || c == 0xB7 ||
         (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

void append_uchar(std::string& out, char32_t c) {
  if (c <= 0xFFFF) {
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += kHexUpper[(c >> shift) & 0xF];
  } else {
    out += "\\U";
    for (int shift = 28; shift >= 0; shift -= 4) out += kHexUpper[(c >> shift) & 0xF];
  }
}

}  // namespace

bool is_pn_local(std::string_view local) {
  if (local.empty()) return true;
  std::size_t i = 0;
  bool first = true;
  bool last_ok = true;  // the last character may not be '.'
  while (i < local.size()) {
    const char c = local[i];
    if (c == '%') {
      if (i + 2 >= local.size() || !is_hex(local[i + 1]) || !is_hex(local[i + 2])) {
        return false;
      }
      i += 3;
      first = false;
      last_ok = true;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode_utf8(local, i, cp);
    if (n == 0) return false;
    if (first) {
      if (!(is_pn_chars_u(cp) || cp == ':' || (cp >= '0' && cp <= '9'))) return false;
      last_ok = true;
    } else if (cp == '.') {
      last_ok = false;
    } else if (is_pn_chars(cp) || cp == ':') {
      last_ok = true;
    } else {
      return false;
    }
    first = false;
    i += n;
  }
  return last_ok;
}

void append_escaped_literal(std::string& out, std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    // Copy runs of plain characters at once: this is the hot path of every writer.
    std::size_t j = i;
    while (j < text.size()) {
      const auto c = static_cast<unsigned char>(text[j]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7F) break;
      ++j;
    }
    out.append(text.data() + i, j - i);
    i = j;
    if (i >= text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        ++i;
        continue;
      case '\\':
        out += "\\\\";
        ++i;
        continue;
      case '\n':
        out += "\\n";
        ++i;
        continue;
      case '\r':
        out += "\\r";
        ++i;
        continue;
      case '\t':
        out += "\\t";
        ++i;
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7F) {
      append_uchar(out, c);
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t n = decode_utf8(text, i, cp);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD: the parsers reject malformed UTF-8
      ++i;
      continue;
    }
    out.append(text.data() + i, n);
    i += n;
  }
}

void append_escaped_iri(std::string& out, std::string_view iri) {
  // Bytes that need a look: non-ASCII (UTF-8 to check) and what IRIREF forbids.
  static constexpr auto kCare = [] {
    std::array<bool, 256> care{};
    for (int c = 0; c < 256; ++c) {
      care[c] = c >= 0x80 || is_forbidden_in_iri(static_cast<unsigned char>(c));
    }
    return care;
  }();
  std::size_t i = 0;
  while (i < iri.size()) {
    // Copy runs of plain bytes at once: every IRI of every triple passes here.
    std::size_t j = i;
    while (j < iri.size() && !kCare[static_cast<unsigned char>(iri[j])]) ++j;
    out.append(iri.data() + i, j - i);
    i = j;
    if (i >= iri.size()) break;
    const auto c = static_cast<unsigned char>(iri[i]);
    if (c >= 0x80) {
      char32_t cp = 0;
      const std::size_t n = decode_utf8(iri, i, cp);
      if (n == 0) {
        out += "%";
        out += kHexUpper[c >> 4];
        out += kHexUpper[c & 0xF];
        ++i;
      } else {
        out.append(iri.data() + i, n);
        i += n;
      }
      continue;
    }
    if (is_forbidden_in_iri(c)) {
      append_uchar(out, c);
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
}

void append_blank_label(std::string& out, std::string_view label, bool xml_name) {
  // Serd and Raptor both keep ASCII labels of this shape unchanged; anything
  // else is spelled with hex escapes so that re-reading gives the same label.
  // An XML name (RDF/XML's rdf:nodeID) cannot start with a digit either.
  if (label.empty()) {
    out += "empty";
    return;
  }
  for (std::size_t i = 0; i < label.size(); ++i) {
    const auto c = static_cast<unsigned char>(label[i]);
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                    ((i > 0 || !xml_name) && c >= '0' && c <= '9') || c == '_' ||
                    (i > 0 && c == '-');
    if (ok) {
      out += static_cast<char>(c);
    } else {
      out += "_x";
      out += kHexUpper[c >> 4];
      out += kHexUpper[c & 0xF];
    }
  }
}

std::string format_decimal(double value) {
  std::array<char, 64> buf{};
  auto [end, ec] =
      std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed);
  if (ec != std::errc()) return "0";
  return {buf.data(), end};
}

std::string format_count(std::size_t value) { return std::to_string(value); }

std::string evidence_iri(std::string_view statement_iri, const Provenance& p) {
  std::string key;
  key.reserve(p.document.size() + p.evidence.size() + p.rule.size() + 64);
  key.append(p.document).append(1, '\x1f');
  key.append(std::to_string(p.sentence)).append(1, '\x1f');
  key.append(std::to_string(p.begin)).append(1, '\x1f');
  key.append(std::to_string(p.end)).append(1, '\x1f');
  key.append(std::to_string(p.trigger_begin)).append(1, '\x1f');
  key.append(std::to_string(p.trigger_end)).append(1, '\x1f');
  key.append(p.rule).append(1, '\x1f');
  key.append(p.evidence);
  std::string iri(statement_iri);
  iri += "/evidence/";
  iri += hex64(stable_hash(key));
  return iri;
}

std::string default_statement_iri(std::string_view subject, std::string_view predicate,
                                  std::string_view object, bool negated,
                                  std::string_view attributed_to) {
  const std::string key =
      KnowledgeGraph::relation_key(subject, predicate, object, negated, attributed_to);
  std::string iri(kDefaultBase);
  iri += "statement/";
  iri += hex64(stable_hash(key));
  return iri;
}

bool is_relation_predicate(std::string_view predicate, const ontology::Ontology* ontology) {
  if (predicate.size() > vocab::kKgo.size() && predicate.starts_with(vocab::kKgo)) {
    // Our provenance and display terms are never relations between entities.
    static constexpr std::array<std::string_view, 11> kReserved = {
        vocab::kKgoEvidenceProp,  vocab::kKgoConfidence,   vocab::kKgoNegated,
        vocab::kKgoSentenceIndex, vocab::kKgoTriggerBegin, vocab::kKgoTriggerEnd,
        vocab::kKgoRule,          vocab::kKgoColor,        vocab::kKgoShape,
        vocab::kKgoPrefix,        vocab::kKgoNamespace};
    for (const auto r : kReserved) {
      if (predicate == r) return false;
    }
    return true;
  }
  if (ontology != nullptr) {
    const auto* p = ontology->find_property(predicate);
    return p != nullptr && !p->datatype_property;
  }
  return false;
}

std::vector<std::pair<std::string, std::string>> output_prefixes(const KnowledgeGraph& graph,
                                                                 const WriteOptions& options) {
  return output_prefixes(graph.base(), options);
}

std::vector<std::pair<std::string, std::string>> output_prefixes(std::string_view base_iri,
                                                                 const WriteOptions& options) {
  std::vector<std::pair<std::string, std::string>> out;
  if (options.ontology != nullptr) {
    out = options.ontology->prefixes();
  }
  if (out.empty()) {
    out = {{"dcterms", std::string(vocab::kDcterms)}, {"kgo", std::string(vocab::kKgo)},
           {"nif", std::string(vocab::kNif)},         {"owl", std::string(vocab::kOwl)},
           {"prov", std::string(vocab::kProv)},       {"rdf", std::string(vocab::kRdf)},
           {"rdfs", std::string(vocab::kRdfs)},       {"schema", std::string(vocab::kSchema)},
           {"skos", std::string(vocab::kSkos)},       {"wd", std::string(vocab::kWikidata)},
           {"xsd", std::string(vocab::kXsd)}};
  }
  std::set<std::string> names;
  std::set<std::string> namespaces;
  for (const auto& [p, ns] : out) {
    names.insert(p);
    namespaces.insert(ns);
  }
  const std::string base(base_iri);
  const std::array<std::pair<std::string, std::string>, 3> extra = {
      std::pair{std::string("ex"), base + "entity/"}, std::pair{std::string("doc"), base + "doc/"},
      std::pair{std::string("stmt"), base + "statement/"}};
  for (const auto& [p, ns] : extra) {
    if (!names.contains(p) && !namespaces.contains(ns) && is_valid_iri(ns)) out.emplace_back(p, ns);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace kg::exporters::detail
