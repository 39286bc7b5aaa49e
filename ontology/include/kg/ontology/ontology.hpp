#pragma once
/// The ontology as data: classes, properties, display styles, prefixes and the
/// trigger lexicon, loaded at run time from Turtle (ontology/data/*.ttl) through
/// Raptor. It validates relations for a KnowledgeGraph (domain, range, unknown
/// predicates) and tells which predicates are symmetric.

#include <kg/graph/error.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::ontology {

/// How an entity of a class is drawn.
struct Style {
  std::string color = "#dddddd";  ///< fill colour, "#rrggbb"
  std::string shape = "ellipse";  ///< a Graphviz node shape
};

/// An ontology class (owl:Class).
struct ClassInfo {
  std::string iri;
  std::string label;                 ///< rdfs:label (English)
  std::string comment;               ///< rdfs:comment, may be empty
  std::vector<std::string> parents;  ///< direct rdfs:subClassOf
  Style style;                       ///< own or inherited display style
  bool has_own_style = false;        ///< style declared on this class itself
};

/// An ontology property.
struct PropertyInfo {
  std::string iri;
  std::string label;    ///< rdfs:label (English), used on diagram edges
  std::string comment;  ///< rdfs:comment, may be empty
  std::string domain;   ///< class IRI, empty = any
  std::string range;    ///< class IRI or datatype IRI, empty = any
  bool symmetric = false;
  bool datatype_property = false;  ///< owl:DatatypeProperty (literal-valued)
  std::string inverse;             ///< owl:inverseOf, may be empty
  std::string cameo_code;          ///< CAMEO event code, may be empty
};

/// One entry of the trigger lexicon: words that signal a property in text.
struct Trigger {
  std::string property;     ///< property IRI
  std::string lemma;        ///< trigger lemma ("meet", "deny", "ceasefire")
  std::string pos;          ///< UPOS of the trigger ("VERB", "NOUN"), empty = any
  std::string pattern;      ///< dependency pattern id (e.g. "svo", "nsubj-obl:with"), may be empty
  std::string preposition;  ///< required preposition ("with"), may be empty
};

/// A loaded ontology. Immutable after loading; share it as shared_ptr<const Ontology>.
class Ontology : public RelationValidator {
 public:
  /// Loads every *.ttl file in `directory` (sorted by name).
  static Result<Ontology> load_directory(const std::string& directory);
  /// Loads the given Turtle files.
  static Result<Ontology> load_files(const std::vector<std::string>& paths);
  /// Loads from $KG_ONTOLOGY_DIR, else the installed data directory, else the source tree.
  static Result<Ontology> load_default();
  /// The directory load_default() uses.
  static std::string default_directory();

  /// The class with this IRI, or nullptr.
  [[nodiscard]] const ClassInfo* find_class(std::string_view iri) const;
  /// The property with this IRI, or nullptr.
  [[nodiscard]] const PropertyInfo* find_property(std::string_view iri) const;
  /// All classes / properties, sorted by IRI.
  [[nodiscard]] const std::vector<ClassInfo>& classes() const { return classes_; }
  [[nodiscard]] const std::vector<PropertyInfo>& properties() const { return properties_; }
  /// The trigger lexicon, in file order.
  [[nodiscard]] const std::vector<Trigger>& triggers() const { return triggers_; }

  /// The class with this IRI, else the class it is declared owl:equivalentClass
  /// to (schema:Person -> kgo:Person), else nullptr.
  [[nodiscard]] const ClassInfo* resolve_class(std::string_view iri) const;

  /// True when `cls` is `ancestor` or a (transitive) subclass of it. Classes
  /// equivalent to ours (schema:Person) count as ours; every known class is an owl:Thing.
  [[nodiscard]] bool is_subclass_of(std::string_view cls, std::string_view ancestor) const;

  /// True when `property` is `ancestor` or a (transitive) rdfs:subPropertyOf it.
  [[nodiscard]] bool is_subproperty_of(std::string_view property, std::string_view ancestor) const;

  /// The trigger entries with this lemma, in file order.
  [[nodiscard]] std::vector<const Trigger*> triggers_for_lemma(std::string_view lemma) const;

  /// Prefixes for output, as (prefix, namespace) pairs sorted by prefix.
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& prefixes() const {
    return prefixes_;
  }
  /// "kgo:met" for a known namespace, else the IRI unchanged.
  [[nodiscard]] std::string compact(std::string_view iri) const;
  /// "kgo:met" -> the full IRI; an unknown prefix or a full IRI is returned unchanged.
  [[nodiscard]] std::string expand(std::string_view curie) const;
  /// The English label of a class or property, else its local name ("agreedCeasefireWith").
  [[nodiscard]] std::string label(std::string_view iri) const;
  /// The display style of a class (own, else nearest ancestor's, else the default).
  [[nodiscard]] Style style_for_class(std::string_view class_iri) const;

  /// Every IRI declared in the loaded Turtle (as subject of rdf:type).
  [[nodiscard]] bool declares(std::string_view iri) const;

  // RelationValidator
  /// Error (kValidation) when the predicate is unknown, or the subject/object
  /// class violates domain/range; the message names the relation, the
  /// offending entity and its class.
  [[nodiscard]] Result<void> check(const Entity& subject, std::string_view predicate,
                                   const Entity& object) const override;
  [[nodiscard]] bool is_symmetric(std::string_view predicate) const override;

  /// Every violation in a whole graph (relations and entity classes not in the ontology).
  [[nodiscard]] std::vector<Error> validate(const KnowledgeGraph& graph) const;

 private:
  std::vector<ClassInfo> classes_;
  std::vector<PropertyInfo> properties_;
  std::vector<Trigger> triggers_;
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::vector<std::string> declared_;  // sorted
  // Private index state (maps by IRI etc.) is added by the implementation.
  struct Index;
  std::shared_ptr<const Index> index_;
};

}  // namespace kg::ontology
