#pragma once
// The private lookup structures of an Ontology. They hold indices into the
// Ontology's vectors (never pointers), so copies and moves of an Ontology can
// share one Index.

#include <cstddef>
#include <functional>
#include <kg/ontology/ontology.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::ontology {

namespace detail {
/// Hash that lets unordered maps keyed by std::string be searched with a string_view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

struct SourceTriple;
}  // namespace detail

struct Ontology::Index {
  detail::StringMap<std::size_t> class_by_iri;     // -> classes_
  detail::StringMap<std::size_t> property_by_iri;  // -> properties_
  // ancestors[i]: sorted indices of class i and all its superclasses.
  std::vector<std::vector<std::size_t>> class_ancestors;
  // super_properties[i]: sorted indices of property i and its rdfs:subPropertyOf closure.
  std::vector<std::vector<std::size_t>> super_properties;
  // owl:equivalentClass targets outside the ontology (schema:Person) -> class index.
  detail::StringMap<std::size_t> equivalent_class;
  // prefixes_ indices, longest namespace first, for compact().
  std::vector<std::size_t> prefixes_by_length;

  class Builder;  // defined in ontology_builder.cpp; a member so it may fill an Ontology

  /// Builds an Ontology from triples read from `paths` (the files' order).
  static Result<Ontology> build(const std::vector<detail::SourceTriple>& triples,
                                const std::vector<std::string>& paths);
};

}  // namespace kg::ontology
