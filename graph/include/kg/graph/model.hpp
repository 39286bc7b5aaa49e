#pragma once
/// The values a knowledge graph is made of: RDF terms, entities, relations
/// with their provenance, and the documents facts come from.

#include <compare>
#include <cstddef>
#include <string>
#include <vector>

namespace kg {

/// An RDF term, kept exactly as read so that triples the model does not
/// interpret can be written back unchanged.
struct Term {
  enum class Kind { kIri, kBlank, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;     ///< IRI, blank node label (without "_:") or lexical form
  std::string datatype;  ///< literal datatype IRI, empty for plain/language literals
  std::string language;  ///< literal language tag, empty when none

  /// An IRI term.
  static Term iri(std::string value) { return {Kind::kIri, std::move(value), {}, {}}; }
  /// A blank node with the given label.
  static Term blank(std::string label) { return {Kind::kBlank, std::move(label), {}, {}}; }
  /// A literal with an optional datatype IRI or language tag (not both).
  static Term literal(std::string lexical, std::string datatype = {}, std::string language = {}) {
    return {Kind::kLiteral, std::move(lexical), std::move(datatype), std::move(language)};
  }
  [[nodiscard]] bool is_iri() const { return kind == Kind::kIri; }
  [[nodiscard]] bool is_blank() const { return kind == Kind::kBlank; }
  [[nodiscard]] bool is_literal() const { return kind == Kind::kLiteral; }

  auto operator<=>(const Term&) const = default;
};

/// A triple in a named graph (empty `graph` = the default graph).
struct Quad {
  Term subject;
  Term predicate;
  Term object;
  std::string graph;

  auto operator<=>(const Quad&) const = default;
};

/// A property value of an entity that is not a relation to another entity:
/// a literal (an event's start date) or an IRI outside the graph.
struct Attribute {
  std::string predicate;  ///< property IRI
  Term value;

  auto operator<=>(const Attribute&) const = default;
};

/// A thing the graph talks about: a person, country, organization, place or event.
struct Entity {
  std::string iri;                    ///< unique, absolute
  std::string label;                  ///< preferred name (rdfs:label)
  std::string class_iri;              ///< ontology class (rdf:type), may be empty
  std::vector<std::string> aliases;   ///< other names (skos:altLabel), no duplicates, no label
  std::vector<std::string> same_as;   ///< external identifiers as IRIs (owl:sameAs), e.g. Wikidata
  std::vector<Attribute> attributes;  ///< literal-valued and other non-entity properties

  /// The Wikidata QID ("Q7747") among same_as, or empty.
  [[nodiscard]] std::string wikidata_id() const;
};

/// Where a fact was read: a span of a document's text.
/// Offsets count Unicode code points from the start of the document text, as NIF does.
struct Provenance {
  std::string document;           ///< document IRI
  std::size_t sentence = 0;       ///< 0-based sentence index in the document
  std::size_t begin = 0;          ///< evidence start offset (inclusive)
  std::size_t end = 0;            ///< evidence end offset (exclusive)
  std::string evidence;           ///< the evidence text (usually the sentence)
  std::size_t trigger_begin = 0;  ///< trigger word start offset, equal to trigger_end when none
  std::size_t trigger_end = 0;    ///< trigger word end offset (exclusive)
  std::string rule;               ///< what produced the fact ("manual", an extraction rule id ...)

  auto operator<=>(const Provenance&) const = default;
};

/// A typed, directed edge between two entities, with everything known about it.
struct Relation {
  std::string predicate;               ///< ontology property IRI
  double confidence = 1.0;             ///< in [0, 1]
  std::vector<Provenance> provenance;  ///< every place it was read, deduplicated
  std::string date;                    ///< when it happened (xsd:date "YYYY-MM-DD"), may be empty
  bool negated = false;                ///< "did not meet"
  std::string attributed_to;           ///< IRI of who claims it; empty when asserted by the source
  std::string iri;  ///< statement IRI; empty = the default, see KnowledgeGraph::statement_iri
};

/// A source document.
struct Document {
  std::string iri;  ///< unique, absolute; also the named graph of its facts
  std::string title;
  std::string date;    ///< publication date, xsd:date "YYYY-MM-DD", may be empty
  std::string source;  ///< where it came from (file path or URL), may be empty

  auto operator<=>(const Document&) const = default;
};

}  // namespace kg
