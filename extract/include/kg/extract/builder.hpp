#pragma once
/// Text to knowledge graph: entity mentions (NER, gazetteer lexicon, group nouns, pronouns and
/// descriptions), within-document coreference, deterministic linking, and relation and event
/// extraction from dependency patterns driven by the ontology's trigger lexicon.
///
/// Facts are the contract: `GraphBuilder::extract` turns one article into a `DocumentFacts`
/// value without touching any graph; `GraphBuilder::merge` adds such a value to a
/// KnowledgeGraph (entities merge by IRI, relations accumulate provenance).

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <kg/extract/reader.hpp>
#include <kg/graph/error.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/model.hpp>
#include <memory>
#include <string>
#include <vector>

namespace kg::ontology {
class Ontology;
}

namespace kg::extract {

/// Options of the builder.
struct BuildOptions {
  std::string model_dir;        ///< language models and lexicons; empty = find_model_dir()
  std::string base;             ///< base IRI; empty = kg::kDefaultBase
  bool open_relations = false;  ///< keep verb relations the ontology lacks as kgo:relatedTo
};

/// A character span of a document: offsets in Unicode code points into the original article
/// text (header line included), end exclusive — the offsets NIF uses.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  auto operator<=>(const Span&) const = default;
};

/// One entity mention, linked to its entity.
struct MentionRecord {
  Span span;
  std::string text;       ///< the original text of the span
  std::string entity;     ///< entity IRI
  std::string class_iri;  ///< the entity's ontology class
  std::size_t sentence = 0;
  std::string kind;  ///< "name", "nominal", "pronoun", "description", "event"
};

/// One extracted fact: a relation between two entities of the document with its evidence.
struct FactRecord {
  std::string subject;  ///< entity IRI
  std::string object;   ///< entity IRI
  Relation relation;    ///< predicate, confidence, one provenance entry, date, negated, attribution
  Span subject_span;    ///< the mention used for the subject (empty when inferred)
  Span object_span;     ///< the mention used for the object (empty when inferred)
};

/// Everything extracted from one article.
struct DocumentFacts {
  Document document;
  std::vector<Entity> entities;  ///< each entity once, with the aliases seen in this article
  std::vector<MentionRecord> mentions;
  std::vector<FactRecord> facts;
  std::size_t words = 0;  ///< tokens read (for throughput figures)
  std::string text;       ///< the article's text, which the mention offsets index (NIF context)
};

/// How often each extraction rule fired, for reports.
struct RuleCount {
  std::string rule;
  std::size_t facts = 0;
};

/// The extractor. Load once, then call extract() from any number of threads.
class GraphBuilder {
 public:
  /// Loads the language pipeline, the ontology (shared) and the lexicons.
  static Result<GraphBuilder> load(std::shared_ptr<const ontology::Ontology> ontology,
                                   const BuildOptions& options = {});

  GraphBuilder(GraphBuilder&&) noexcept;
  GraphBuilder& operator=(GraphBuilder&&) noexcept;
  ~GraphBuilder();

  /// Extracts entities, mentions and facts from one article. Deterministic; thread-safe.
  /// Every fact has exactly one provenance entry naming its sentence, evidence and rule,
  /// and respects the ontology's domain and range.
  [[nodiscard]] DocumentFacts extract(const Article& article) const;

  /// Adds a document's entities and facts to `graph`; mentions are kept as NIF 2.0 triples
  /// (extras in the document's named graph), and the document is their nif:Context, with the
  /// whole text as nif:isString so that every offset can be checked against it. Errors are
  /// validation failures (kept as warnings when the graph is lenient).
  Result<void> merge(KnowledgeGraph& graph, const DocumentFacts& facts) const;

  /// The ontology in use.
  [[nodiscard]] const ontology::Ontology& ontology() const;

 private:
  GraphBuilder();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Links a person named by one word only ("Putin") to the person the other documents name in
/// full with that last word ("Vladimir Putin"; "Assad" for "Bashar al-Assad"), across the
/// documents of one build: the full name found in the most documents, when it is found in
/// more than twice as many as all other full names with that last word together (a lone
/// "Clinton" stays itself beside as many "Bill Clinton" as "Hillary Clinton" documents). The
/// short name's entity, mentions, facts and attributions take the full name's IRI, label and
/// identifiers, the short label becomes an alias, and a fact that now links the person to
/// itself is dropped. Deterministic; call it before harmonize_classes().
void link_short_names(std::vector<DocumentFacts>& documents);

/// Gives every entity the class most of the documents gave it (ties: the first document's),
/// so that an entity the recogniser typed differently in one article stays one entity; facts
/// that the harmonised classes make violate the ontology are dropped. Deterministic.
void harmonize_classes(std::vector<DocumentFacts>& documents, const ontology::Ontology& ontology);

/// The document IRI for an article: document_iri(id), the id defaulting to "doc-<n>".
std::string article_iri(const Article& article, std::size_t index, std::string_view base = {});

/// Writes the `--format jsonl` stream of one document: a "document" object, then one
/// "mention" and one "fact" object per line, with code-point offsets.
void write_jsonl(std::ostream& out, const DocumentFacts& facts);

/// Counts facts per rule, sorted by rule name.
std::vector<RuleCount> count_rules(const std::vector<DocumentFacts>& documents);

}  // namespace kg::extract
