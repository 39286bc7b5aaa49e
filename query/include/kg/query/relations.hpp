#pragma once
/// A typed query API over KnowledgeGraph: relations of an entity by predicate and
/// direction with confidence, date and document filters; asserted facts versus
/// claims someone made; events with their roles; paths; ego networks.

#include <cstddef>
#include <functional>
#include <kg/graph/error.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kg::ontology {
class Ontology;
}

namespace kg::query {

/// Which edges of an entity to look at.
enum class Direction {
  kOutgoing,  ///< the entity is the subject
  kIncoming,  ///< the entity is the object
  kBoth,      ///< either
};

/// Asserted by the source, or claimed by someone the source quotes.
enum class Stance {
  kAny,       ///< both
  kAsserted,  ///< attributed_to is empty
  kClaimed,   ///< attributed_to names who claims it
};

/// Which relations a query keeps. Empty fields do not filter.
struct RelationFilter {
  std::vector<std::string> predicates;  ///< predicate IRIs; empty = any
  Direction direction = Direction::kBoth;
  double min_confidence = 0.0;  ///< keep relations with confidence >= this
  std::string date_from;        ///< keep dated relations on or after (xsd:date), empty = open
  std::string date_to;          ///< keep dated relations on or before (xsd:date), empty = open
  bool undated = true;          ///< with a date bound set, whether undated relations are kept
  std::string document;         ///< keep relations with provenance in this document IRI
  Stance stance = Stance::kAny;
  std::string claimed_by;       ///< keep claims attributed to this entity IRI (implies kClaimed)
  bool include_negated = true;  ///< false drops "did not" relations
};

/// One relation as seen from the entity asked about.
struct RelationMatch {
  KnowledgeGraph::Edge edge;
  KnowledgeGraph::Vertex subject;
  KnowledgeGraph::Vertex object;
  KnowledgeGraph::Vertex other;  ///< the end that is not the entity asked about
  bool outgoing = true;          ///< the entity asked about is the subject
  const Relation* relation = nullptr;
};

/// A participant of an event and the role (predicate) it plays.
struct Role {
  std::string predicate;  ///< e.g. kgo:hasParticipant, kgo:eventPlace
  KnowledgeGraph::Vertex entity;
  bool event_is_subject = true;  ///< event --predicate--> entity (else entity --> event)
};

/// An event node with its roles and literal attributes (start date ...).
struct Event {
  KnowledgeGraph::Vertex vertex;
  std::vector<Role> roles;
  std::string date;  ///< the first xsd:date attribute (kgo:startDate), empty when none
};

/// An ego network: the entities within k hops of a centre and the relations among them.
struct EgoNetwork {
  KnowledgeGraph::Vertex center;
  std::vector<KnowledgeGraph::Vertex> entities;  ///< nearest first, centre included
  std::vector<std::size_t> hops;                 ///< hops[i] = distance of entities[i]
  std::vector<KnowledgeGraph::Edge> relations;   ///< edges with both ends in `entities`
};

/// A path between two entities as edges walked.
struct PathStep {
  KnowledgeGraph::Edge edge;
  KnowledgeGraph::Vertex from;
  KnowledgeGraph::Vertex to;
  bool forward = true;  ///< walked from subject to object
};

/// Answers questions about one graph. Holds references: the graph (and the ontology,
/// when given) must outlive the query object.
class GraphQuery {
 public:
  /// Queries over `graph`; `ontology` (optional) expands CURIEs and knows event classes.
  explicit GraphQuery(const KnowledgeGraph& graph, const ontology::Ontology* ontology = nullptr);

  /// The entity with this IRI, CURIE (with an ontology), label or unique alias; an error
  /// naming the candidates when the name is ambiguous, or saying none matched.
  [[nodiscard]] Result<KnowledgeGraph::Vertex> entity(std::string_view name) const;

  /// A predicate given as IRI or CURIE ("kgo:met") as a full IRI.
  [[nodiscard]] std::string predicate(std::string_view iri_or_curie) const;

  /// Relations of `v` that pass `filter`, outgoing before incoming, each in insertion order.
  [[nodiscard]] std::vector<RelationMatch> relations(KnowledgeGraph::Vertex v,
                                                     const RelationFilter& filter = {}) const;

  /// Every relation in the graph that passes `filter` (direction is ignored).
  [[nodiscard]] std::vector<RelationMatch> all_relations(const RelationFilter& filter = {}) const;

  /// True when `relation` passes `filter` (direction and endpoints are not checked).
  [[nodiscard]] bool matches(const Relation& relation, const RelationFilter& filter) const;

  /// Event nodes (entities whose class is kgo:Event or, with an ontology, a subclass),
  /// with their roles; only those where `participant` plays a role, when given.
  [[nodiscard]] std::vector<Event> events(
      std::optional<KnowledgeGraph::Vertex> participant = std::nullopt) const;

  /// A shortest path from `from` to `to` over relations passing `filter` (either
  /// direction), or nullopt when there is none.
  [[nodiscard]] std::optional<std::vector<PathStep>> path(KnowledgeGraph::Vertex from,
                                                          KnowledgeGraph::Vertex to,
                                                          const RelationFilter& filter = {}) const;

  /// Entities within `hops` of `center` over relations passing `filter`.
  [[nodiscard]] EgoNetwork ego_network(KnowledgeGraph::Vertex center, unsigned hops,
                                       const RelationFilter& filter = {}) const;

 private:
  [[nodiscard]] bool is_event_class(std::string_view class_iri) const;
  [[nodiscard]] bool passes(const Relation& r, const RelationFilter& f,
                            const std::vector<std::string>& predicates) const;
  [[nodiscard]] std::vector<std::string> expanded(const std::vector<std::string>& preds) const;

  const KnowledgeGraph& graph_;
  const ontology::Ontology* ontology_;
};

}  // namespace kg::query
