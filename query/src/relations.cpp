// The typed query API: filters are applied while walking the Boost graph's edge
// lists, so a query touches only the edges of the entities it asks about.

#include <algorithm>
#include <deque>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <kg/query/relations.hpp>

namespace kg::query {

using Vertex = KnowledgeGraph::Vertex;
using Edge = KnowledgeGraph::Edge;

GraphQuery::GraphQuery(const KnowledgeGraph& graph, const ontology::Ontology* ontology)
    : graph_(graph), ontology_(ontology) {}

Result<Vertex> GraphQuery::entity(std::string_view name) const {
  if (auto v = graph_.find(name)) return *v;
  if (ontology_ != nullptr && name.find(':') != std::string_view::npos) {
    if (auto v = graph_.find(ontology_->expand(name))) return *v;
  }
  const auto named = graph_.find_by_name(name);
  if (named.size() == 1) return named.front();
  if (named.empty()) {
    return fail(Error::Code::kNotFound,
                "no entity has the IRI, label or alias '" + std::string(name) + "'", {}, 0, 0,
                "give the entity's IRI or its exact label");
  }
  std::string candidates;
  for (const Vertex v : named) {
    if (!candidates.empty()) candidates += ", ";
    candidates += graph_.entity(v).iri;
  }
  return fail(Error::Code::kInvalidArgument,
              "'" + std::string(name) + "' names several entities: " + candidates, {}, 0, 0,
              "give one of these IRIs instead");
}

std::string GraphQuery::predicate(std::string_view iri_or_curie) const {
  if (ontology_ != nullptr && !iri_or_curie.starts_with("http") &&
      iri_or_curie.find(':') != std::string_view::npos) {
    return ontology_->expand(iri_or_curie);
  }
  return std::string(iri_or_curie);
}

std::vector<std::string> GraphQuery::expanded(const std::vector<std::string>& preds) const {
  std::vector<std::string> out;
  out.reserve(preds.size());
  for (const auto& p : preds) out.push_back(predicate(p));
  return out;
}

bool GraphQuery::passes(const Relation& r, const RelationFilter& f,
                        const std::vector<std::string>& predicates) const {
  if (!predicates.empty() &&
      std::find(predicates.begin(), predicates.end(), r.predicate) == predicates.end()) {
    return false;
  }
  if (r.confidence < f.min_confidence) return false;
  if (!f.include_negated && r.negated) return false;
  const Stance stance = f.claimed_by.empty() ? f.stance : Stance::kClaimed;
  if (stance == Stance::kAsserted && !r.attributed_to.empty()) return false;
  if (stance == Stance::kClaimed && r.attributed_to.empty()) return false;
  if (!f.claimed_by.empty() && r.attributed_to != f.claimed_by) return false;
  if (!f.date_from.empty() || !f.date_to.empty()) {
    if (r.date.empty()) {
      if (!f.undated) return false;
    } else {
      // xsd:date lexical forms "YYYY-MM-DD" order as strings.
      if (!f.date_from.empty() && r.date < f.date_from) return false;
      if (!f.date_to.empty() && r.date > f.date_to) return false;
    }
  }
  if (!f.document.empty() &&
      std::none_of(r.provenance.begin(), r.provenance.end(),
                   [&](const Provenance& p) { return p.document == f.document; })) {
    return false;
  }
  return true;
}

bool GraphQuery::matches(const Relation& relation, const RelationFilter& filter) const {
  return passes(relation, filter, expanded(filter.predicates));
}

std::vector<RelationMatch> GraphQuery::relations(Vertex v, const RelationFilter& filter) const {
  const auto preds = expanded(filter.predicates);
  std::vector<RelationMatch> out;
  const auto& g = graph_.graph();
  if (filter.direction != Direction::kIncoming) {
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      const Relation& r = g[*it];
      if (!passes(r, filter, preds)) continue;
      out.push_back({*it, v, boost::target(*it, g), boost::target(*it, g), true, &r});
    }
  }
  if (filter.direction != Direction::kOutgoing) {
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      const Relation& r = g[*it];
      // A self-loop was already listed as outgoing.
      if (filter.direction == Direction::kBoth && boost::source(*it, g) == v) continue;
      if (!passes(r, filter, preds)) continue;
      out.push_back({*it, boost::source(*it, g), v, boost::source(*it, g), false, &r});
    }
  }
  return out;
}

std::vector<RelationMatch> GraphQuery::all_relations(const RelationFilter& filter) const {
  const auto preds = expanded(filter.predicates);
  std::vector<RelationMatch> out;
  // The predicate index avoids a scan over every edge when predicates are given.
  std::vector<Edge> edges;
  if (preds.empty()) {
    edges = graph_.relations();
  } else {
    for (const auto& p : preds) {
      const auto some = graph_.relations_with_predicate(p);
      edges.insert(edges.end(), some.begin(), some.end());
    }
  }
  for (const Edge e : edges) {
    const Relation& r = graph_.relation(e);
    if (!passes(r, filter, preds)) continue;
    out.push_back({e, graph_.subject(e), graph_.object(e), graph_.object(e), true, &r});
  }
  return out;
}

bool GraphQuery::is_event_class(std::string_view class_iri) const {
  if (class_iri.empty()) return false;
  if (class_iri == vocab::kKgoEvent) return true;
  return ontology_ != nullptr && ontology_->is_subclass_of(class_iri, vocab::kKgoEvent);
}

std::vector<Event> GraphQuery::events(std::optional<Vertex> participant) const {
  std::vector<Event> out;
  const auto& g = graph_.graph();
  for (const Vertex v : graph_.entities()) {
    const Entity& e = graph_.entity(v);
    if (!is_event_class(e.class_iri)) continue;
    Event ev{v, {}, {}};
    for (auto [it, end] = boost::out_edges(v, g); it != end; ++it) {
      ev.roles.push_back({g[*it].predicate, boost::target(*it, g), true});
    }
    for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
      ev.roles.push_back({g[*it].predicate, boost::source(*it, g), false});
    }
    for (const auto& a : e.attributes) {
      if (a.value.is_literal() && a.value.datatype == vocab::kXsdDate) {
        ev.date = a.value.value;
        break;
      }
    }
    if (participant && std::none_of(ev.roles.begin(), ev.roles.end(),
                                    [&](const Role& r) { return r.entity == *participant; })) {
      continue;
    }
    out.push_back(std::move(ev));
  }
  return out;
}

std::optional<std::vector<PathStep>> GraphQuery::path(Vertex from, Vertex to,
                                                      const RelationFilter& filter) const {
  const auto preds = expanded(filter.predicates);
  const auto& g = graph_.graph();
  const std::size_t n = graph_.num_entities();
  if (from >= n || to >= n) return std::nullopt;
  // Breadth-first search over both edge directions, keeping the edge each vertex was reached by.
  std::vector<std::optional<PathStep>> via(n);
  std::vector<bool> seen(n, false);
  std::deque<Vertex> queue{from};
  seen[from] = true;
  while (!queue.empty() && !seen[to]) {
    const Vertex u = queue.front();
    queue.pop_front();
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      const Vertex w = boost::target(*it, g);
      if (seen[w] || !passes(g[*it], filter, preds)) continue;
      seen[w] = true;
      via[w] = PathStep{*it, u, w, true};
      queue.push_back(w);
    }
    for (auto [it, end] = boost::in_edges(u, g); it != end; ++it) {
      const Vertex w = boost::source(*it, g);
      if (seen[w] || !passes(g[*it], filter, preds)) continue;
      seen[w] = true;
      via[w] = PathStep{*it, u, w, false};
      queue.push_back(w);
    }
  }
  if (!seen[to]) return std::nullopt;
  std::vector<PathStep> steps;
  for (Vertex v = to; v != from; v = via[v]->from) steps.push_back(*via[v]);
  std::reverse(steps.begin(), steps.end());
  return steps;
}

EgoNetwork GraphQuery::ego_network(Vertex center, unsigned hops,
                                   const RelationFilter& filter) const {
  const auto preds = expanded(filter.predicates);
  const auto& g = graph_.graph();
  EgoNetwork net{center, {}, {}, {}};
  if (center >= graph_.num_entities()) return net;
  std::vector<std::size_t> dist(graph_.num_entities(), SIZE_MAX);
  dist[center] = 0;
  net.entities.push_back(center);
  net.hops.push_back(0);
  for (std::size_t i = 0; i < net.entities.size(); ++i) {
    const Vertex u = net.entities[i];
    if (dist[u] >= hops) continue;
    auto visit = [&](Vertex w, const Relation& r) {
      if (dist[w] != SIZE_MAX || !passes(r, filter, preds)) return;
      dist[w] = dist[u] + 1;
      net.entities.push_back(w);
      net.hops.push_back(dist[w]);
    };
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      visit(boost::target(*it, g), g[*it]);
    }
    for (auto [it, end] = boost::in_edges(u, g); it != end; ++it) {
      visit(boost::source(*it, g), g[*it]);
    }
  }
  for (const Vertex u : net.entities) {
    for (auto [it, end] = boost::out_edges(u, g); it != end; ++it) {
      if (dist[boost::target(*it, g)] != SIZE_MAX && passes(g[*it], filter, preds)) {
        net.relations.push_back(*it);
      }
    }
  }
  return net;
}

}  // namespace kg::query
