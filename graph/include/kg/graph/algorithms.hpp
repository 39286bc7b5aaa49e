#pragma once
/// Graph algorithms over a KnowledgeGraph, through Boost.Graph. Direction is
/// ignored where the question is about connection (neighbourhood, path,
/// components, centrality): "Trump met Putin" connects both ways.

#include <cstddef>
#include <kg/graph/knowledge_graph.hpp>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace kg {

/// Entities within `hops` edges of `center` (center included), nearest first,
/// ties in vertex order. `predicate`, when given, restricts the edges followed.
std::vector<KnowledgeGraph::Vertex> neighbourhood(const KnowledgeGraph& graph,
                                                  KnowledgeGraph::Vertex center, unsigned hops,
                                                  std::string_view predicate = {});

/// A path as the edges walked from `from` to `to`, and the vertices visited.
struct Path {
  std::vector<KnowledgeGraph::Vertex> vertices;  ///< from ... to
  std::vector<KnowledgeGraph::Edge> edges;       ///< edges[i] joins vertices[i] and vertices[i+1]
};

/// A shortest path (fewest edges, either direction), or nullopt when unconnected.
std::optional<Path> shortest_path(const KnowledgeGraph& graph, KnowledgeGraph::Vertex from,
                                  KnowledgeGraph::Vertex to);

/// Connected components: component[v] for each vertex, and how many there are.
struct Components {
  std::vector<int> component;
  int count = 0;
};

/// Weakly connected components (boost::connected_components).
Components connected_components(const KnowledgeGraph& graph);

/// Which centrality to rank by.
enum class Centrality {
  kDegree,       ///< number of distinct relations touching the entity
  kBetweenness,  ///< Brandes betweenness on the undirected graph
  kPageRank,     ///< PageRank on the directed graph (boost::graph::page_rank)
};

/// Entities ranked by centrality, highest first, ties by IRI.
std::vector<std::pair<KnowledgeGraph::Vertex, double>> centrality_ranking(
    const KnowledgeGraph& graph, Centrality kind = Centrality::kBetweenness);

}  // namespace kg
