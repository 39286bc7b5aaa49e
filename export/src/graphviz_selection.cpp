#include "graphviz_selection.hpp"

#include <algorithm>
#include <deque>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <limits>
#include <string>
#include <string_view>

#include "graphviz_text.hpp"

namespace kg::exporters::gv {
namespace {

using Vertex = KnowledgeGraph::Vertex;
using Edge = KnowledgeGraph::Edge;

// One filter entry as the user typed it ("met", "kgo:met", a full IRI) and
// the IRIs it may stand for.
struct Term {
  std::string entry;
  std::vector<std::string> iris;
  bool local = false;  // no ':' in the entry: also matches by local name
};

Term resolve(const std::string& entry, const ontology::Ontology* ontology, bool is_class) {
  Term term{entry, {entry}, entry.find(':') == std::string::npos};
  if (ontology != nullptr) {
    auto expanded = ontology->expand(entry);
    if (expanded != entry) term.iris.push_back(std::move(expanded));
    if (term.local && is_class) {
      // "Person" names kgo:Person: subclass tests need the class IRI itself.
      for (const auto& cls : ontology->classes()) {
        if (local_name(cls.iri) == entry || cls.label == entry) term.iris.push_back(cls.iri);
      }
    }
  }
  return term;
}

bool matches_iri(const Term& term, const std::string& iri) {
  if (std::find(term.iris.begin(), term.iris.end(), iri) != term.iris.end()) return true;
  return term.local && !iri.empty() && local_name(iri) == term.entry;
}

bool predicate_kept(const std::vector<Term>& predicates, const std::string& predicate) {
  if (predicates.empty()) return true;
  return std::any_of(predicates.begin(), predicates.end(),
                     [&](const Term& t) { return matches_iri(t, predicate); });
}

bool class_kept(const std::vector<Term>& classes, const ontology::Ontology* ontology,
                const std::string& class_iri) {
  if (classes.empty()) return true;
  return std::any_of(classes.begin(), classes.end(), [&](const Term& t) {
    if (matches_iri(t, class_iri)) return true;
    if (ontology == nullptr || class_iri.empty()) return false;
    return std::any_of(t.iris.begin(), t.iris.end(), [&](const std::string& ancestor) {
      return ontology->is_subclass_of(class_iri, ancestor);
    });
  });
}

Result<Vertex> find_ego(const KnowledgeGraph& graph, const std::string& ego) {
  if (auto v = graph.lookup(ego)) return *v;
  const auto named = graph.find_by_name(ego);
  if (named.size() > 1) {
    std::string candidates;
    for (const auto v : named) {
      if (!candidates.empty()) candidates += ", ";
      candidates += graph.entity(v).iri;
    }
    return fail(Error::Code::kNotFound,
                "ego entity \"" + ego + "\" is ambiguous: it names " + candidates, {}, 0, 0,
                "give the entity's IRI instead of its name");
  }
  return fail(Error::Code::kNotFound, "ego entity \"" + ego + "\" is not in the graph", {}, 0, 0,
              "give an entity IRI or an exact label or alias (see `kg query`)");
}

// Hop distance from `center` over the kept edges, direction ignored (as in
// kg::neighbourhood, which walks every edge; here the filters apply first so
// that the ego network is connected in the drawing).
std::vector<unsigned> distances(const KnowledgeGraph& graph, const std::vector<Edge>& edges,
                                Vertex center, unsigned hops) {
  constexpr unsigned kFar = std::numeric_limits<unsigned>::max();
  const std::size_t n = graph.num_entities();
  std::vector<std::vector<Vertex>> adjacent(n);
  for (const auto e : edges) {
    adjacent[graph.subject(e)].push_back(graph.object(e));
    adjacent[graph.object(e)].push_back(graph.subject(e));
  }
  std::vector<unsigned> distance(n, kFar);
  distance[center] = 0;
  std::deque<Vertex> queue{center};
  while (!queue.empty()) {
    const Vertex v = queue.front();
    queue.pop_front();
    if (distance[v] >= hops) continue;
    for (const Vertex w : adjacent[v]) {
      if (distance[w] != kFar) continue;
      distance[w] = distance[v] + 1;
      queue.push_back(w);
    }
  }
  return distance;
}

}  // namespace

Result<Selection> select(const KnowledgeGraph& graph, const ontology::Ontology* ontology,
                         const RenderOptions& options) {
  Selection selection;
  if (!options.ego.empty()) {
    auto center = find_ego(graph, options.ego);
    if (!center) return tl::unexpected(center.error());
    selection.ego = *center;
  }

  std::vector<Term> predicates;
  for (const auto& p : options.predicates) predicates.push_back(resolve(p, ontology, false));
  std::vector<Term> classes;
  for (const auto& c : options.classes) classes.push_back(resolve(c, ontology, true));

  const std::size_t n = graph.num_entities();
  std::vector<char> node_ok(n, 0);
  for (Vertex v = 0; v < n; ++v) {
    node_ok[v] = static_cast<char>(class_kept(classes, ontology, graph.entity(v).class_iri) ||
                                   (selection.ego && *selection.ego == v));
  }

  for (const auto e : graph.relations()) {
    const auto& r = graph.relation(e);
    if (!predicate_kept(predicates, r.predicate)) continue;
    if (r.confidence < options.min_confidence) continue;
    if (!options.include_claims && (r.negated || !r.attributed_to.empty())) continue;
    if (node_ok[graph.subject(e)] == 0 || node_ok[graph.object(e)] == 0) continue;
    selection.edges.push_back(e);
  }

  if (selection.ego) {
    const auto distance = distances(graph, selection.edges, *selection.ego, options.ego_hops);
    const auto near = [&](Vertex v) { return distance[v] <= options.ego_hops; };
    std::erase_if(selection.edges,
                  [&](Edge e) { return !near(graph.subject(e)) || !near(graph.object(e)); });
  }

  const bool relation_filter = !options.predicates.empty() || options.min_confidence > 0.0 ||
                               !options.include_claims || selection.ego.has_value();
  std::vector<char> drawn(n, 0);
  if (relation_filter) {
    for (const auto e : selection.edges) {
      drawn[graph.subject(e)] = 1;
      drawn[graph.object(e)] = 1;
    }
    if (selection.ego) drawn[*selection.ego] = 1;
  } else {
    // Without filters every entity is drawn, linked or not, except text annotations: NIF
    // mention nodes read back from our own RDF are standoff markup, not things, and as
    // isolated nodes they would bury the diagram (the RDF outputs still hold them). They are
    // drawn only when a relation touches them.
    for (const auto e : selection.edges) {
      drawn[graph.subject(e)] = 1;
      drawn[graph.object(e)] = 1;
    }
    for (Vertex v = 0; v < n; ++v) {
      const bool annotation = graph.entity(v).class_iri.starts_with(vocab::kNif);
      if (node_ok[v] != 0 && !annotation) drawn[v] = 1;
    }
  }
  for (Vertex v = 0; v < n; ++v) {
    if (drawn[v] != 0) selection.nodes.push_back(v);
  }
  return selection;
}

}  // namespace kg::exporters::gv
