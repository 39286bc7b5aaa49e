#include <algorithm>
#include <cstring>
#include <kg/graph/knowledge_graph.hpp>
#include <stdexcept>

namespace kg {

namespace {

// Subjects with up to this many out-edges are searched by scanning them when
// relations merge; those with more go through the hash index.
constexpr std::size_t kScannedDegree = 32;

template <class T>
bool push_unique(std::vector<T>& values, T value) {
  if (std::find(values.begin(), values.end(), value) != values.end()) return false;
  values.push_back(std::move(value));
  return true;
}

// The predicate cache is probed from a predicate's slot over this many entries.
constexpr std::size_t kPredicateProbes = 8;

// The cached entry for `predicate` (probing from `slot`), or nullptr; `empty` gets the
// first free entry on the way (nullptr when none).
template <class Cache>
auto* cached_predicate(Cache& cache, std::size_t slot, std::string_view predicate,
                       typename Cache::value_type** empty = nullptr) {
  if (empty != nullptr) *empty = nullptr;
  for (std::size_t k = 0; k < kPredicateProbes; ++k, slot = (slot + 1) % cache.size()) {
    auto& entry = cache[slot];
    if (entry == nullptr) {
      if (empty != nullptr) *empty = &entry;
      return typename Cache::value_type{};
    }
    if (entry->first == predicate) return entry;
  }
  return typename Cache::value_type{};
}

std::string quad_key(const Quad& q) {
  std::string key;
  for (const Term* t : {&q.subject, &q.predicate, &q.object}) {
    key += static_cast<char>('0' + static_cast<int>(t->kind));
    key += t->value;
    key += '\x1f';
    key += t->datatype;
    key += '\x1f';
    key += t->language;
    key += '\x1e';
  }
  key += q.graph;
  return key;
}

}  // namespace

std::string Entity::wikidata_id() const {
  static constexpr std::string_view kPrefixes[] = {"http://www.wikidata.org/entity/",
                                                   "https://www.wikidata.org/entity/",
                                                   "https://www.wikidata.org/wiki/"};
  for (const auto& iri : same_as) {
    for (const auto prefix : kPrefixes) {
      if (iri.size() > prefix.size() && iri.compare(0, prefix.size(), prefix) == 0) {
        return iri.substr(prefix.size());
      }
    }
  }
  return {};
}

KnowledgeGraph::KnowledgeGraph(std::string base) : base_(std::move(base)) {}

KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph& other)
    : base_(other.base_),
      graph_(other.graph_),
      documents_(other.documents_),
      document_index_(other.document_index_),
      extras_(other.extras_),
      extra_keys_(other.extra_keys_),
      validator_(other.validator_),
      mode_(other.mode_),
      warnings_(other.warnings_) {
  rebuild_indexes();
}

KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&& other) noexcept { *this = std::move(other); }

KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&& other) noexcept {
  if (this == &other) return *this;
  base_ = std::move(other.base_);
  // adjacency_list::swap copies; swapping its (public) containers keeps the
  // edge nodes, so the descriptors in the moved indexes stay valid.
  graph_.clear();
  graph_.m_edges.swap(other.graph_.m_edges);
  graph_.m_vertices.swap(other.graph_.m_vertices);
  by_iri_ = std::move(other.by_iri_);
  by_name_ = std::move(other.by_name_);
  key_slots_ = std::move(other.key_slots_);
  num_keys_ = other.num_keys_;
  other.num_keys_ = 0;
  by_predicate_ = std::move(other.by_predicate_);
  predicate_cache_.fill(nullptr);
  other.predicate_cache_.fill(nullptr);
  documents_ = std::move(other.documents_);
  document_index_ = std::move(other.document_index_);
  extras_ = std::move(other.extras_);
  extra_keys_ = std::move(other.extra_keys_);
  validator_ = std::move(other.validator_);
  mode_ = other.mode_;
  warnings_ = std::move(other.warnings_);
  return *this;
}

KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph& other) {
  if (this != &other) {
    KnowledgeGraph copy(other);
    *this = std::move(copy);
  }
  return *this;
}

// Edge descriptors hold pointers into the graph's own edge storage, so a copied
// graph must index its own edges, not the original's.
void KnowledgeGraph::rebuild_indexes() {
  by_iri_.clear();
  by_name_.clear();
  key_slots_.clear();
  num_keys_ = 0;
  by_predicate_.clear();
  predicate_cache_.fill(nullptr);
  for (auto [it, end] = boost::vertices(graph_); it != end; ++it) {
    const Entity& e = graph_[*it];
    by_iri_.emplace(e.iri, *it);
    index_name(*it, e.label);
    for (const auto& a : e.aliases) index_name(*it, a);
  }
  // The copied edge list keeps insertion order, and each out-edge list was
  // filled in that order: an edge's place in its list is the count before it.
  std::vector<std::size_t> seen(boost::num_vertices(graph_), 0);
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) {
    index_edge(*it, seen[boost::source(*it, graph_)]++);
  }
  for (auto [it, end] = boost::vertices(graph_); it != end; ++it) {
    if (boost::out_degree(*it, graph_) > kScannedDegree) index_keys_of(*it, 0);
  }
}

void KnowledgeGraph::index_edge(Edge e, std::size_t out_index) {
  const Vertex source = boost::source(e, graph_);
  if (source >= kNoSlot || out_index >= kNoSlot) {
    throw std::length_error("KnowledgeGraph: more than 2^32 - 1 entities or out-edges");
  }
  const std::string& predicate = graph_[e].predicate;
  PredicateIndex::value_type** empty = nullptr;
  PredicateIndex::value_type* entry =
      cached_predicate(predicate_cache_, predicate_slot(predicate), predicate, &empty);
  if (entry == nullptr) {
    entry = &*by_predicate_.try_emplace(predicate).first;
    if (empty != nullptr) *empty = entry;
  }
  entry->second.push_back(
      {static_cast<std::uint32_t>(source), static_cast<std::uint32_t>(out_index)});
}

std::size_t KnowledgeGraph::predicate_slot(std::string_view predicate) {
  // Predicate IRIs mostly share a namespace and differ at the end: their length
  // and last 8 bytes tell the few of a graph apart without hashing the whole IRI.
  const std::size_t n = predicate.size();
  const std::size_t k = std::min<std::size_t>(n, sizeof(std::uint64_t));
  std::uint64_t tail = 0;
  if (k > 0) std::memcpy(&tail, predicate.data() + n - k, k);
  return mix64(tail ^ (static_cast<std::uint64_t>(n) << 56)) % kPredicateCache;
}

void KnowledgeGraph::index_keys_of(Vertex subject, std::size_t from) {
  const std::size_t degree = boost::out_degree(subject, graph_);
  for (std::size_t k = from; k < degree; ++k) {
    const Edge e = out_edge_at(subject, k);
    const Relation& r = graph_[e];
    insert_key(
        merge_hash(subject, r.predicate, boost::target(e, graph_), r.negated, r.attributed_to),
        subject, k);
  }
}

KnowledgeGraph::Edge KnowledgeGraph::out_edge_at(Vertex subject, std::size_t index) const {
  // vecS out-edge lists are vectors: the iterator is random access.
  return *std::next(boost::out_edges(subject, graph_).first, static_cast<std::ptrdiff_t>(index));
}

std::uint64_t KnowledgeGraph::merge_hash(Vertex subject, std::string_view predicate, Vertex object,
                                         bool negated, std::string_view attributed_to) {
  // A fast in-memory hash (statement IRIs use the stable FNV hash of the IRIs
  // instead): FNV over ~100 bytes per relation was a tenth of the load time.
  std::uint64_t h = std::hash<std::string_view>{}(predicate);
  h ^= mix64(static_cast<std::uint64_t>(subject) * 0x9e3779b97f4a7c15ULL + h);
  h = mix64(h ^ (static_cast<std::uint64_t>(object) * 0xbf58476d1ce4e5b9ULL + (negated ? 1 : 0)));
  if (!attributed_to.empty()) h = mix64(h ^ std::hash<std::string_view>{}(attributed_to));
  return h;
}

void KnowledgeGraph::insert_key(std::uint64_t hash, Vertex subject, std::size_t index) {
  if (subject >= kNoSlot || index >= kNoSlot) {
    throw std::length_error("KnowledgeGraph: more than 2^32 - 1 entities or out-edges");
  }
  if ((num_keys_ + 1) * 2 > key_slots_.size()) {
    grow_keys(std::max<std::size_t>(key_slots_.size() * 2, 64));
  }
  const std::size_t mask = key_slots_.size() - 1;
  std::size_t i = hash & mask;
  while (key_slots_[i].source != kNoSlot) i = (i + 1) & mask;
  key_slots_[i] = {static_cast<std::uint32_t>(hash >> 32), static_cast<std::uint32_t>(subject),
                   static_cast<std::uint32_t>(index)};
  ++num_keys_;
}

void KnowledgeGraph::grow_keys(std::size_t capacity) {
  std::size_t size = 64;
  while (size < capacity) size *= 2;
  if (size <= key_slots_.size()) return;
  std::vector<KeySlot> old(size);
  old.swap(key_slots_);
  const std::size_t mask = size - 1;
  for (const KeySlot& slot : old) {
    if (slot.source == kNoSlot) continue;
    const Edge e = out_edge_at(slot.source, slot.index);
    const Relation& r = graph_[e];
    std::size_t i =
        merge_hash(slot.source, r.predicate, boost::target(e, graph_), r.negated, r.attributed_to) &
        mask;
    while (key_slots_[i].source != kNoSlot) i = (i + 1) & mask;
    key_slots_[i] = slot;
  }
}

void KnowledgeGraph::index_name(Vertex v, const std::string& name) {
  if (name.empty()) return;
  push_unique(by_name_[name], v);
}

Result<KnowledgeGraph::Vertex> KnowledgeGraph::add_entity(Entity entity) {
  if (entity.iri.empty()) {
    if (entity.label.empty()) {
      return fail(Error::Code::kInvalidArgument, "entity has neither IRI nor label", {}, 0, 0,
                  "give the entity a label or an IRI");
    }
    entity.iri = entity_iri(entity.label, base_);
  }
  if (!is_valid_iri(entity.iri)) {
    return fail(Error::Code::kInvalidArgument, "entity IRI '" + entity.iri + "' is not valid", {},
                0, 0, "use an absolute IRI without spaces, quotes or angle brackets");
  }
  if (auto found = by_iri_.find(entity.iri); found != by_iri_.end()) {
    const Vertex v = found->second;
    Entity& existing = graph_[v];
    if (!entity.class_iri.empty() && !existing.class_iri.empty() &&
        entity.class_iri != existing.class_iri) {
      return fail(Error::Code::kValidation,
                  "entity <" + entity.iri + "> already has class <" + existing.class_iri +
                      ">, cannot also be <" + entity.class_iri + ">",
                  {}, 0, 0, "give the two things different IRIs, or use one class");
    }
    if (existing.class_iri.empty()) existing.class_iri = entity.class_iri;
    if (existing.label.empty()) {
      existing.label = entity.label;
      index_name(v, existing.label);
    } else if (!entity.label.empty() && entity.label != existing.label) {
      add_alias(v, entity.label);
    }
    for (auto& a : entity.aliases) add_alias(v, std::move(a));
    for (auto& s : entity.same_as) push_unique(graph_[v].same_as, std::move(s));
    for (auto& a : entity.attributes) push_unique(graph_[v].attributes, std::move(a));
    return v;
  }
  // Aliases must not repeat the label or each other.
  std::vector<std::string> aliases;
  for (auto& a : entity.aliases) {
    if (!a.empty() && a != entity.label) push_unique(aliases, std::move(a));
  }
  entity.aliases = std::move(aliases);
  std::vector<std::string> same_as;
  for (auto& s : entity.same_as) push_unique(same_as, std::move(s));
  entity.same_as = std::move(same_as);
  std::vector<Attribute> attributes;
  for (auto& a : entity.attributes) push_unique(attributes, std::move(a));
  entity.attributes = std::move(attributes);

  // boost::add_vertex copies its property argument: add an empty one and move in.
  const Vertex v = boost::add_vertex(graph_);
  graph_[v] = std::move(entity);
  by_iri_.emplace(graph_[v].iri, v);
  index_name(v, graph_[v].label);
  for (const auto& a : graph_[v].aliases) index_name(v, a);
  return v;
}

void KnowledgeGraph::add_alias(Vertex v, std::string alias) {
  Entity& e = graph_[v];
  if (alias.empty() || alias == e.label) return;
  if (push_unique(e.aliases, alias)) index_name(v, alias);
}

void KnowledgeGraph::add_attribute(Vertex v, Attribute attribute) {
  push_unique(graph_[v].attributes, std::move(attribute));
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::find(std::string_view iri) const {
  if (auto it = by_iri_.find(std::string(iri)); it != by_iri_.end()) return it->second;
  return std::nullopt;
}

std::vector<KnowledgeGraph::Vertex> KnowledgeGraph::find_by_name(std::string_view name) const {
  if (auto it = by_name_.find(std::string(name)); it != by_name_.end()) return it->second;
  return {};
}

std::optional<KnowledgeGraph::Vertex> KnowledgeGraph::lookup(std::string_view iri_or_name) const {
  if (auto v = find(iri_or_name)) return v;
  auto named = find_by_name(iri_or_name);
  if (named.size() == 1) return named.front();
  if (named.empty()) {
    // A name written with underscores for spaces, as in the entity's IRI.
    std::string spaced(iri_or_name);
    std::replace(spaced.begin(), spaced.end(), '_', ' ');
    if (spaced != iri_or_name) {
      named = find_by_name(spaced);
      if (named.size() == 1) return named.front();
    }
  }
  return std::nullopt;
}

std::vector<KnowledgeGraph::Vertex> KnowledgeGraph::entities() const {
  std::vector<Vertex> out;
  out.reserve(num_entities());
  for (auto [it, end] = boost::vertices(graph_); it != end; ++it) out.push_back(*it);
  return out;
}

std::vector<KnowledgeGraph::Vertex> KnowledgeGraph::entities_of_class(
    std::string_view class_iri,
    const std::function<bool(std::string_view, std::string_view)>& is_subclass) const {
  std::vector<Vertex> out;
  for (auto [it, end] = boost::vertices(graph_); it != end; ++it) {
    const std::string& c = graph_[*it].class_iri;
    if (c == class_iri || (is_subclass && !c.empty() && is_subclass(c, class_iri))) {
      out.push_back(*it);
    }
  }
  return out;
}

std::string KnowledgeGraph::relation_key(std::string_view subject_iri, std::string_view predicate,
                                         std::string_view object_iri, bool negated,
                                         std::string_view attributed_to) {
  std::string key;
  key.reserve(subject_iri.size() + predicate.size() + object_iri.size() + attributed_to.size() + 6);
  key.append(subject_iri).append(1, ' ').append(predicate).append(1, ' ').append(object_iri);
  key.append(negated ? " -" : " +");
  key.append(1, ' ').append(attributed_to);
  return key;
}

Result<KnowledgeGraph::Edge> KnowledgeGraph::add_relation(std::string_view subject,
                                                          Relation relation,
                                                          std::string_view object) {
  const auto s = find(subject);
  if (!s) {
    return fail(Error::Code::kNotFound,
                "relation <" + relation.predicate + ">: subject <" + std::string(subject) +
                    "> is not in the graph",
                {}, 0, 0, "add the entity before relations that use it");
  }
  const auto o = find(object);
  if (!o) {
    return fail(Error::Code::kNotFound,
                "relation <" + relation.predicate + ">: object <" + std::string(object) +
                    "> is not in the graph",
                {}, 0, 0, "add the entity before relations that use it");
  }
  return add_relation(*s, std::move(relation), *o);
}

Result<KnowledgeGraph::Edge> KnowledgeGraph::add_relation(Vertex subject, Relation relation,
                                                          Vertex object) {
  // A predicate already in the graph was checked when it came first.
  const bool known_predicate =
      cached_predicate(predicate_cache_, predicate_slot(relation.predicate), relation.predicate) !=
      nullptr;
  if (!known_predicate && (relation.predicate.empty() || !is_valid_iri(relation.predicate))) {
    return fail(Error::Code::kInvalidArgument,
                "relation predicate '" + relation.predicate + "' is not a valid IRI", {}, 0, 0,
                "use a property IRI from the ontology");
  }
  if (!(relation.confidence >= 0.0 && relation.confidence <= 1.0)) {
    return fail(Error::Code::kInvalidArgument,
                "relation <" + relation.predicate + "> has confidence " +
                    std::to_string(relation.confidence) + " outside [0, 1]");
  }
  if (validator_) {
    if (auto ok = validator_->check(graph_[subject], relation.predicate, graph_[object]); !ok) {
      if (mode_ == ValidationMode::kStrict) return tl::unexpected(ok.error());
      warnings_.push_back(ok.error());
    }
    // Symmetric predicates are stored once, from the smaller IRI to the larger,
    // so "A met B" and "B met A" give the same edge whatever the input order.
    if (validator_->is_symmetric(relation.predicate) && graph_[object].iri < graph_[subject].iri) {
      std::swap(subject, object);
    }
  }
  if (auto found = find_keyed(subject, relation, object)) {
    Relation& existing = graph_[*found];
    for (auto& p : relation.provenance) push_unique(existing.provenance, std::move(p));
    existing.confidence = std::max(existing.confidence, relation.confidence);
    if (existing.date.empty()) existing.date = relation.date;
    return *found;
  }
  if (relation.provenance.size() > 1) {
    std::vector<Provenance> provenance;
    for (auto& p : relation.provenance) push_unique(provenance, std::move(p));
    relation.provenance = std::move(provenance);
  }
  // boost::add_edge copies its property argument: add an empty one and move in.
  const Edge e = boost::add_edge(subject, object, graph_).first;
  graph_[e] = std::move(relation);
  const std::size_t degree = boost::out_degree(subject, graph_);
  index_edge(e, degree - 1);
  if (degree > kScannedDegree)
    index_keys_of(subject, degree == kScannedDegree + 1 ? 0 : degree - 1);
  return e;
}

std::optional<KnowledgeGraph::Edge> KnowledgeGraph::find_keyed(Vertex subject,
                                                               const Relation& relation,
                                                               Vertex object) const {
  auto same = [&](Edge e) {
    const Relation& r = graph_[e];
    return r.negated == relation.negated && r.predicate == relation.predicate &&
           r.attributed_to == relation.attributed_to;
  };
  // Few out-edges: scanning the subject's list (which adding to it touches
  // anyway) beats a random probe into a table of every relation.
  if (boost::out_degree(subject, graph_) <= kScannedDegree) {
    for (auto [it, end] = boost::out_edges(subject, graph_); it != end; ++it) {
      if (boost::target(*it, graph_) == object && same(*it)) return *it;
    }
    return std::nullopt;
  }
  // Hashed only here: most subjects have few out-edges and never need it.
  const std::uint64_t hash =
      merge_hash(subject, relation.predicate, object, relation.negated, relation.attributed_to);
  const std::size_t mask = key_slots_.size() - 1;
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const KeySlot& slot = key_slots_[i];
    if (slot.source == kNoSlot) return std::nullopt;
    if (slot.tag != tag || slot.source != subject) continue;
    const Edge e = out_edge_at(subject, slot.index);
    if (boost::target(e, graph_) == object && same(e)) return e;
  }
}

std::uint64_t KnowledgeGraph::relation_key_hash(std::string_view subject_iri,
                                                std::string_view predicate,
                                                std::string_view object_iri, bool negated,
                                                std::string_view attributed_to) {
  // FNV-1a is sequential, so hashing the pieces in turn equals hashing relation_key().
  std::uint64_t h = stable_hash(subject_iri);
  h = stable_hash(" ", h);
  h = stable_hash(predicate, h);
  h = stable_hash(" ", h);
  h = stable_hash(object_iri, h);
  h = stable_hash(negated ? " - " : " + ", h);
  return stable_hash(attributed_to, h);
}

void KnowledgeGraph::reserve(std::size_t entities, std::size_t relations) {
  graph_.m_vertices.reserve(entities);
  by_iri_.reserve(entities);
  by_name_.reserve(entities);
  static_cast<void>(relations);  // edges live in list nodes: nothing to reserve
}

void KnowledgeGraph::reserve_edges(Vertex v, std::size_t out, std::size_t in) {
  auto& stored = graph_.m_vertices[v];
  stored.m_out_edges.reserve(out);
  stored.m_in_edges.reserve(in);
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::relations() const {
  std::vector<Edge> out;
  out.reserve(num_relations());
  for (auto [it, end] = boost::edges(graph_); it != end; ++it) out.push_back(*it);
  return out;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::relations_from(Vertex v,
                                                                 std::string_view predicate) const {
  std::vector<Edge> out;
  for (auto [it, end] = boost::out_edges(v, graph_); it != end; ++it) {
    if (predicate.empty() || graph_[*it].predicate == predicate) out.push_back(*it);
  }
  return out;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::relations_to(Vertex v,
                                                               std::string_view predicate) const {
  std::vector<Edge> out;
  for (auto [it, end] = boost::in_edges(v, graph_); it != end; ++it) {
    if (predicate.empty() || graph_[*it].predicate == predicate) out.push_back(*it);
  }
  return out;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::relations_between(Vertex a, Vertex b) const {
  std::vector<Edge> out;
  for (auto [it, end] = boost::out_edges(a, graph_); it != end; ++it) {
    if (boost::target(*it, graph_) == b) out.push_back(*it);
  }
  if (a != b) {
    for (auto [it, end] = boost::out_edges(b, graph_); it != end; ++it) {
      if (boost::target(*it, graph_) == a) out.push_back(*it);
    }
  }
  return out;
}

std::vector<KnowledgeGraph::Edge> KnowledgeGraph::relations_with_predicate(
    std::string_view predicate) const {
  std::vector<Edge> out;
  if (auto it = by_predicate_.find(std::string(predicate)); it != by_predicate_.end()) {
    out.reserve(it->second.size());
    for (const EdgeRef ref : it->second) out.push_back(out_edge_at(ref.source, ref.index));
  }
  return out;
}

std::string KnowledgeGraph::statement_iri(Edge e) const {
  const Relation& r = graph_[e];
  if (!r.iri.empty()) return r.iri;
  return base_ + "statement/" +
         hex64(relation_key_hash(graph_[boost::source(e, graph_)].iri, r.predicate,
                                 graph_[boost::target(e, graph_)].iri, r.negated, r.attributed_to));
}

KnowledgeGraph::Vertex KnowledgeGraph::other_end(Edge e, Vertex v) const {
  const Vertex s = boost::source(e, graph_);
  return s == v ? boost::target(e, graph_) : s;
}

Result<void> KnowledgeGraph::add_document(Document document) {
  if (!is_valid_iri(document.iri)) {
    return fail(Error::Code::kInvalidArgument, "document IRI '" + document.iri + "' is not valid",
                {}, 0, 0, "use an absolute IRI, e.g. kg::document_iri(id)");
  }
  if (auto it = document_index_.find(document.iri); it != document_index_.end()) {
    Document& d = documents_[it->second];
    if (d.title.empty()) d.title = std::move(document.title);
    if (d.date.empty()) d.date = std::move(document.date);
    if (d.source.empty()) d.source = std::move(document.source);
    return {};
  }
  document_index_.emplace(document.iri, documents_.size());
  documents_.push_back(std::move(document));
  return {};
}

const Document* KnowledgeGraph::find_document(std::string_view iri) const {
  if (auto it = document_index_.find(std::string(iri)); it != document_index_.end()) {
    return &documents_[it->second];
  }
  return nullptr;
}

void KnowledgeGraph::add_extra(Quad quad) {
  if (extra_keys_.insert(quad_key(quad)).second) extras_.push_back(std::move(quad));
}

void KnowledgeGraph::set_validator(std::shared_ptr<const RelationValidator> validator,
                                   ValidationMode mode) {
  validator_ = std::move(validator);
  mode_ = mode;
}

}  // namespace kg
