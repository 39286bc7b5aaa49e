#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/page_rank.hpp>
#include <boost/graph/visitors.hpp>
#include <kg/graph/algorithms.hpp>
#include <limits>

namespace kg {
namespace {

// An undirected view with the same vertex numbering; each undirected edge
// carries the index of the KnowledgeGraph edge it stands for.
using UGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                          boost::property<boost::edge_index_t, std::size_t>>;

struct UndirectedView {
  UGraph graph;
  std::vector<KnowledgeGraph::Edge> original;
};

UndirectedView undirected(const KnowledgeGraph& kg, std::string_view predicate = {}) {
  UndirectedView view{UGraph(kg.num_entities()), {}};
  for (const auto e : kg.relations()) {
    if (!predicate.empty() && kg.relation(e).predicate != predicate) continue;
    boost::add_edge(kg.subject(e), kg.object(e), view.original.size(), view.graph);
    view.original.push_back(e);
  }
  return view;
}

constexpr std::size_t kUnreached = std::numeric_limits<std::size_t>::max();

}  // namespace

std::vector<KnowledgeGraph::Vertex> neighbourhood(const KnowledgeGraph& graph,
                                                  KnowledgeGraph::Vertex center, unsigned hops,
                                                  std::string_view predicate) {
  if (center >= graph.num_entities()) return {};
  const UndirectedView view = undirected(graph, predicate);
  std::vector<std::size_t> distance(graph.num_entities(), kUnreached);
  distance[center] = 0;
  boost::breadth_first_search(
      view.graph, center,
      boost::visitor(boost::make_bfs_visitor(boost::record_distances(
          boost::make_iterator_property_map(distance.begin(),
                                            boost::get(boost::vertex_index, view.graph)),
          boost::on_tree_edge()))));
  std::vector<KnowledgeGraph::Vertex> out;
  for (std::size_t v = 0; v < distance.size(); ++v) {
    if (distance[v] <= hops) out.push_back(v);
  }
  std::stable_sort(out.begin(), out.end(),
                   [&](auto a, auto b) { return distance[a] < distance[b]; });
  return out;
}

std::optional<Path> shortest_path(const KnowledgeGraph& graph, KnowledgeGraph::Vertex from,
                                  KnowledgeGraph::Vertex to) {
  const std::size_t n = graph.num_entities();
  if (from >= n || to >= n) return std::nullopt;
  if (from == to) return Path{{from}, {}};
  const UndirectedView view = undirected(graph);
  // The index of the tree edge that reached each vertex, kUnreached for none.
  std::vector<std::size_t> pred_edge(n, kUnreached);
  struct TreeEdgeRecorder : boost::default_bfs_visitor {
    std::vector<std::size_t>* pred;
    void tree_edge(UGraph::edge_descriptor e, const UGraph& g) const {
      (*pred)[boost::target(e, g)] = boost::get(boost::edge_index, g, e);
    }
  };
  TreeEdgeRecorder recorder;
  recorder.pred = &pred_edge;
  boost::breadth_first_search(view.graph, from, boost::visitor(recorder));
  if (pred_edge[to] == kUnreached) return std::nullopt;
  std::vector<KnowledgeGraph::Vertex> vertices{to};
  std::vector<KnowledgeGraph::Edge> edges;
  KnowledgeGraph::Vertex v = to;
  while (v != from) {
    const KnowledgeGraph::Edge e = view.original[pred_edge[v]];
    edges.push_back(e);
    v = graph.other_end(e, v);
    vertices.push_back(v);
  }
  std::reverse(vertices.begin(), vertices.end());
  std::reverse(edges.begin(), edges.end());
  return Path{std::move(vertices), std::move(edges)};
}

Components connected_components(const KnowledgeGraph& graph) {
  const UndirectedView view = undirected(graph);
  Components out;
  out.component.assign(graph.num_entities(), 0);
  if (graph.num_entities() == 0) return out;
  out.count = boost::connected_components(
      view.graph, boost::make_iterator_property_map(out.component.begin(),
                                                    boost::get(boost::vertex_index, view.graph)));
  return out;
}

std::vector<std::pair<KnowledgeGraph::Vertex, double>> centrality_ranking(
    const KnowledgeGraph& graph, Centrality kind) {
  const std::size_t n = graph.num_entities();
  std::vector<double> score(n, 0.0);
  if (n > 0) {
    switch (kind) {
      case Centrality::kDegree:
        for (std::size_t v = 0; v < n; ++v) {
          score[v] = static_cast<double>(boost::out_degree(v, graph.graph()) +
                                         boost::in_degree(v, graph.graph()));
        }
        break;
      case Centrality::kBetweenness: {
        const UndirectedView view = undirected(graph);
        boost::brandes_betweenness_centrality(
            view.graph, boost::centrality_map(boost::make_iterator_property_map(
                            score.begin(), boost::get(boost::vertex_index, view.graph))));
        break;
      }
      case Centrality::kPageRank:
        boost::graph::page_rank(graph.graph(),
                                boost::make_iterator_property_map(
                                    score.begin(), boost::get(boost::vertex_index, graph.graph())));
        break;
    }
  }
  std::vector<std::pair<KnowledgeGraph::Vertex, double>> out;
  out.reserve(n);
  for (std::size_t v = 0; v < n; ++v) out.emplace_back(v, score[v]);
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    if (a.second != b.second) return a.second > b.second;
    return graph.entity(a.first).iri < graph.entity(b.first).iri;
  });
  return out;
}

}  // namespace kg
