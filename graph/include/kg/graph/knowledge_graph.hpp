#pragma once
/// KnowledgeGraph: entities and relations in a Boost.Graph adjacency list,
/// with indexes by IRI, alias and predicate. Facts merge: adding a relation
/// that exists already adds its provenance to the existing edge.

#include <array>
#include <boost/graph/adjacency_list.hpp>
#include <cstdint>
#include <functional>
#include <kg/graph/error.hpp>
#include <kg/graph/iri.hpp>
#include <kg/graph/model.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kg {

/// Checks a relation before it enters the graph (the ontology provides one).
class RelationValidator {
 public:
  virtual ~RelationValidator() = default;
  /// An error naming the relation, the offending entity and its class, or success.
  [[nodiscard]] virtual Result<void> check(const Entity& subject, std::string_view predicate,
                                           const Entity& object) const = 0;
  /// True when `predicate` is symmetric (stored once, in a canonical direction).
  [[nodiscard]] virtual bool is_symmetric(std::string_view predicate) const = 0;
};

/// How validation failures are handled.
enum class ValidationMode {
  kStrict,   ///< add_relation returns the error and adds nothing
  kLenient,  ///< the relation is added and the error is kept as a warning
};

/// A knowledge graph over boost::adjacency_list<vecS, vecS, bidirectionalS, Entity, Relation>.
/// Vertices are never removed, so vertex descriptors stay valid for the graph's life.
class KnowledgeGraph {
 public:
  using Graph =
      boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Entity, Relation>;
  using Vertex = Graph::vertex_descriptor;
  using Edge = Graph::edge_descriptor;

  /// An empty graph minting IRIs under `base`.
  explicit KnowledgeGraph(std::string base = std::string(kDefaultBase));

  KnowledgeGraph(const KnowledgeGraph&);
  KnowledgeGraph& operator=(const KnowledgeGraph&);
  /// Moves keep edge descriptors valid: boost::adjacency_list has no move
  /// constructor (a defaulted move would copy the edges and leave the moved
  /// indexes pointing into the source), so the Boost graph is swapped instead.
  KnowledgeGraph(KnowledgeGraph&& other) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&& other) noexcept;
  ~KnowledgeGraph() = default;

  /// The base IRI new IRIs are minted under.
  [[nodiscard]] const std::string& base() const { return base_; }

  // ---- entities ---------------------------------------------------------

  /// Adds an entity, or merges it into the one with the same IRI (aliases,
  /// same_as and attributes accumulate; empty label/class are filled in).
  /// An entity without IRI gets entity_iri(label, base()). Returns its vertex.
  /// An error when the IRI is not a valid absolute IRI, or classes conflict.
  Result<Vertex> add_entity(Entity entity);

  /// Adds an alias to an entity (ignored when equal to the label or present).
  void add_alias(Vertex v, std::string alias);

  /// The vertex with this IRI.
  [[nodiscard]] std::optional<Vertex> find(std::string_view iri) const;

  /// Vertices whose label or alias is exactly `name`, in insertion order.
  [[nodiscard]] std::vector<Vertex> find_by_name(std::string_view name) const;

  /// By IRI first, then by unique name; nullopt when unknown or ambiguous.
  [[nodiscard]] std::optional<Vertex> lookup(std::string_view iri_or_name) const;

  /// The entity at a vertex.
  [[nodiscard]] const Entity& entity(Vertex v) const { return graph_[v]; }

  /// Number of entities (vertices).
  [[nodiscard]] std::size_t num_entities() const { return boost::num_vertices(graph_); }

  /// All vertices, in insertion order.
  [[nodiscard]] std::vector<Vertex> entities() const;

  /// Entities whose class is `class_iri`, or (when given) for which
  /// `is_subclass(entity_class, class_iri)` holds.
  [[nodiscard]] std::vector<Vertex> entities_of_class(
      std::string_view class_iri,
      const std::function<bool(std::string_view, std::string_view)>& is_subclass = {}) const;

  /// Adds a literal or external property to an entity (kept once).
  void add_attribute(Vertex v, Attribute attribute);

  // ---- relations --------------------------------------------------------

  /// Adds `subject predicate object`. Subject and object are IRIs of entities
  /// already in the graph. If a relation with the same subject, predicate,
  /// object, negation and attribution exists (either direction for symmetric
  /// predicates), its provenance, date and confidence are merged into it and
  /// that edge is returned. Validation runs first (see set_validator).
  Result<Edge> add_relation(std::string_view subject, Relation relation, std::string_view object);

  /// Vertex overload of add_relation.
  Result<Edge> add_relation(Vertex subject, Relation relation, Vertex object);

  /// The IRI of the edge's statement node: the relation's own `iri` when it has one, else
  /// <base>statement/<hex of the relation key hash>. Minted on demand rather than stored, as
  /// most relations keep the default (this saves a string per relation).
  [[nodiscard]] std::string statement_iri(Edge e) const;

  /// The relation on an edge.
  [[nodiscard]] const Relation& relation(Edge e) const { return graph_[e]; }
  /// The subject vertex of an edge.
  [[nodiscard]] Vertex subject(Edge e) const { return boost::source(e, graph_); }
  /// The object vertex of an edge.
  [[nodiscard]] Vertex object(Edge e) const { return boost::target(e, graph_); }

  /// Number of relations (edges).
  [[nodiscard]] std::size_t num_relations() const { return boost::num_edges(graph_); }

  /// All edges in insertion order.
  [[nodiscard]] std::vector<Edge> relations() const;

  /// Edges leaving `v`, optionally only with `predicate`.
  [[nodiscard]] std::vector<Edge> relations_from(Vertex v, std::string_view predicate = {}) const;
  /// Edges entering `v`, optionally only with `predicate`.
  [[nodiscard]] std::vector<Edge> relations_to(Vertex v, std::string_view predicate = {}) const;
  /// Edges between `a` and `b` in either direction.
  [[nodiscard]] std::vector<Edge> relations_between(Vertex a, Vertex b) const;
  /// Every edge with `predicate`, in insertion order.
  [[nodiscard]] std::vector<Edge> relations_with_predicate(std::string_view predicate) const;
  /// The other end of `e` seen from `v` (for symmetric and undirected views).
  [[nodiscard]] Vertex other_end(Edge e, Vertex v) const;

  // ---- documents and extra triples --------------------------------------

  /// Adds a document or merges it (empty fields filled in). Error on an invalid IRI.
  Result<void> add_document(Document document);
  /// The document with this IRI, or nullptr.
  [[nodiscard]] const Document* find_document(std::string_view iri) const;
  /// All documents in insertion order.
  [[nodiscard]] const std::vector<Document>& documents() const { return documents_; }

  /// Keeps a triple the model does not interpret, to be written back out.
  /// Exact duplicates are kept once.
  void add_extra(Quad quad);
  /// The triples kept by add_extra, in insertion order.
  [[nodiscard]] const std::vector<Quad>& extras() const { return extras_; }

  // ---- validation -------------------------------------------------------

  /// Validates relations on add (and knows symmetric predicates). nullptr: no checks.
  void set_validator(std::shared_ptr<const RelationValidator> validator,
                     ValidationMode mode = ValidationMode::kStrict);
  /// Warnings collected in lenient mode, in order.
  [[nodiscard]] const std::vector<Error>& warnings() const { return warnings_; }

  /// The underlying Boost graph, for BGL algorithms and property maps.
  [[nodiscard]] const Graph& graph() const { return graph_; }

  /// Reserves room for this many entities and relations (bulk loading).
  void reserve(std::size_t entities, std::size_t relations);

  /// Reserves room for `out` relations leaving and `in` relations entering `v` (bulk
  /// loading: the adjacency lists then neither regrow nor keep slack).
  void reserve_edges(Vertex v, std::size_t out, std::size_t in);

  /// stable_hash(relation_key(...)) without building the key string.
  [[nodiscard]] static std::uint64_t relation_key_hash(std::string_view subject_iri,
                                                       std::string_view predicate,
                                                       std::string_view object_iri, bool negated,
                                                       std::string_view attributed_to);

  /// The key under which a relation merges: subject, predicate, object, negation, attribution.
  [[nodiscard]] static std::string relation_key(std::string_view subject_iri,
                                                std::string_view predicate,
                                                std::string_view object_iri, bool negated,
                                                std::string_view attributed_to);

 private:
  // A slot of the relation index: 32 bits of the merge hash, the subject and
  // the edge's place in the subject's out-edge list (stable: edges are never
  // removed). source == kNoSlot marks an empty slot.
  struct KeySlot {
    std::uint32_t tag = 0;
    std::uint32_t source = kNoSlot;
    std::uint32_t index = 0;
  };
  static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFU;
  // An edge as its subject and its place in the subject's out-edge list: 8 bytes
  // where an edge descriptor takes 24.
  struct EdgeRef {
    std::uint32_t source = 0;
    std::uint32_t index = 0;
  };
  using PredicateIndex = std::unordered_map<std::string, std::vector<EdgeRef>>;

  void rebuild_indexes();
  // The hash relations merge under: the end vertices stand for their IRIs.
  [[nodiscard]] static std::uint64_t merge_hash(Vertex subject, std::string_view predicate,
                                                Vertex object, bool negated,
                                                std::string_view attributed_to);
  [[nodiscard]] std::optional<Edge> find_keyed(Vertex subject, const Relation& relation,
                                               Vertex object) const;
  void index_edge(Edge e, std::size_t out_index);
  void index_keys_of(Vertex subject, std::size_t from);
  void insert_key(std::uint64_t hash, Vertex subject, std::size_t index);
  [[nodiscard]] Edge out_edge_at(Vertex subject, std::size_t index) const;
  void grow_keys(std::size_t capacity);
  void index_name(Vertex v, const std::string& name);

  std::string base_;
  Graph graph_;
  std::unordered_map<std::string, Vertex> by_iri_;
  std::unordered_map<std::string, std::vector<Vertex>> by_name_;
  // Relations of subjects with many out-edges, for merging (see find_keyed; the
  // out-edges of other subjects are scanned). Open addressing with linear
  // probing, at most half full.
  std::vector<KeySlot> key_slots_;
  std::size_t num_keys_ = 0;
  // Edges of each predicate in insertion order (the Boost edge list keeps the
  // insertion order of all edges).
  PredicateIndex by_predicate_;
  // Recently used entries of by_predicate_ by predicate_slot(): a graph's few
  // predicates are found without hashing their IRIs (node pointers stay valid).
  static constexpr std::size_t kPredicateCache = 32;
  [[nodiscard]] static std::size_t predicate_slot(std::string_view predicate);
  std::array<PredicateIndex::value_type*, kPredicateCache> predicate_cache_{};
  std::vector<Document> documents_;
  std::unordered_map<std::string, std::size_t> document_index_;
  std::vector<Quad> extras_;
  std::unordered_set<std::string> extra_keys_;
  std::shared_ptr<const RelationValidator> validator_;
  ValidationMode mode_ = ValidationMode::kStrict;
  std::vector<Error> warnings_;
};

}  // namespace kg
