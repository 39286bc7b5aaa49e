#pragma once
// Which entities and relations a diagram shows, after RenderOptions' filters.

#include <kg/exporters/graphviz.hpp>
#include <kg/graph/error.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <optional>
#include <vector>

namespace kg::ontology {
class Ontology;
}

namespace kg::exporters::gv {

/// The drawn part of a graph, in a deterministic order.
struct Selection {
  std::vector<KnowledgeGraph::Vertex> nodes;  ///< in vertex (insertion) order
  std::vector<KnowledgeGraph::Edge> edges;    ///< in relation insertion order
  std::optional<KnowledgeGraph::Vertex> ego;  ///< the ego entity, when asked for
};

/// Applies the predicate, class, confidence, claim and ego filters of `options`.
/// kNotFound when `options.ego` names no entity or several.
Result<Selection> select(const KnowledgeGraph& graph, const ontology::Ontology* ontology,
                         const RenderOptions& options);

}  // namespace kg::exporters::gv
