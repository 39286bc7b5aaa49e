#pragma once
/// Deterministic, safe IRIs: the same name always gives the same IRI, and no
/// IRI we mint contains a character that needs escaping in Turtle, N-Triples,
/// RDF/XML or a SPARQL query.

#include <cstdint>
#include <string>
#include <string_view>

namespace kg {

/// The base under which entity, statement and document IRIs are minted.
inline constexpr std::string_view kDefaultBase = "https://kg.example.org/";

/// "Vladimir Putin" -> "Vladimir_Putin"; "Bashar al-Assad" -> "Bashar_al-Assad";
/// non-ASCII letters are kept as UTF-8 (legal in IRIs); ASCII characters outside
/// [A-Za-z0-9_.~-] are percent-encoded; runs of spaces collapse to one '_'.
/// An empty or all-space name gives "_".
std::string slug(std::string_view name);

/// Percent-encodes every byte not allowed unescaped in an IRI path segment
/// (RFC 3987 iunreserved plus sub-delims minus the ones Turtle forbids).
std::string percent_encode(std::string_view text);

/// True for an ASCII byte N-Triples forbids unescaped in an IRIREF: controls,
/// space and <>"{}|^`\.
constexpr bool is_forbidden_in_iri(unsigned char c) {
  switch (c) {
    case '<':
    case '>':
    case '"':
    case '{':
    case '}':
    case '|':
    case '^':
    case '`':
    case '\\':
      return true;
    default:
      return c <= 0x20;
  }
}

/// True when `iri` starts with a URI scheme ("https:", "urn:"), i.e. is absolute.
bool has_scheme(std::string_view iri);

/// True when `iri` is absolute (has a scheme) and contains none of the
/// characters N-Triples forbids in an IRIREF (space, <>"{}|^`\ and controls).
bool is_valid_iri(std::string_view iri);

/// The MurmurHash3 finaliser: a fast, well-mixing bijection on 64 bits, for in-memory hash
/// tables (feature hashing, relation merge keys). Stable, but not meant for IRIs.
inline std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

/// 64-bit FNV-1a: stable across runs, platforms and compilers (unlike std::hash).
std::uint64_t stable_hash(std::string_view text, std::uint64_t seed = 0xcbf29ce484222325ULL);

/// 16 lowercase hex digits of a 64-bit value.
std::string hex64(std::uint64_t value);

/// The IRI minted for an entity: <base>entity/<slug(name)>.
std::string entity_iri(std::string_view name, std::string_view base = kDefaultBase);

/// The IRI minted for a document: <base>doc/<slug(id)>.
std::string document_iri(std::string_view id, std::string_view base = kDefaultBase);

}  // namespace kg
