#pragma once
// Turtle name rules for prefixed names, shared by the loader (prefix checks,
// readable messages) and Ontology::compact.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::ontology::detail {

/// True when `name` is a Turtle PN_PREFIX (the part before the colon).
bool is_pn_prefix(std::string_view name);

/// True when `name` can follow "prefix:" in Turtle without escapes (PN_LOCAL,
/// escapes excluded). Empty is allowed ("kgo:" is the namespace itself).
bool is_pn_local(std::string_view name);

/// "kgo:met" for an IRI under one of `prefixes` (longest namespace first, by
/// the order in `by_length`), else an empty string.
std::string compact_iri(const std::vector<std::pair<std::string, std::string>>& prefixes,
                        const std::vector<std::size_t>& by_length, std::string_view iri);

/// Prefix indices sorted by namespace length, longest first (ties by prefix).
std::vector<std::size_t> order_by_namespace_length(
    const std::vector<std::pair<std::string, std::string>>& prefixes);

}  // namespace kg::ontology::detail
