#pragma once
/// Relationship diagrams through Graphviz's cgraph and gvc libraries: the graph
/// is built with agnode/agedge and attributes (not by printing DOT text), laid
/// out with a Graphviz engine and rendered to DOT, SVG, PNG or PDF.

#include <iosfwd>
#include <kg/graph/error.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kg::ontology {
class Ontology;
}

namespace kg::exporters {

/// What to draw and how.
struct RenderOptions {
  std::string engine;          ///< "dot", "sfdp", "neato", "circo", "fdp"; empty = chosen by size
  std::string splines;         ///< Graphviz splines ("true", "line", "ortho" ...); empty = by size
  std::string output = "svg";  ///< "dot", "svg", "png", "pdf"
  std::vector<std::string> predicates;  ///< keep only these predicate IRIs (empty = all)
  std::vector<std::string> classes;     ///< keep only entities of these classes or subclasses
  double min_confidence = 0.0;          ///< drop relations below this confidence
  std::string ego;                      ///< IRI or name: draw only its neighbourhood
  unsigned ego_hops = 1;                ///< neighbourhood radius for `ego`
  bool legend = true;                   ///< draw a legend of the classes shown
  bool include_claims = true;           ///< draw attributed and negated relations (dashed)
  std::string title;                    ///< graph label, may be empty
  bool links = false;                   ///< give each node a URL (its IRI): clickable SVG
};

/// The engine and splines render() will use for a graph of this size when
/// the options leave them empty: dot (splines=true) up to 120 relations and
/// 250 entities, else sfdp. Engines other than dot get splines=true up to 60
/// relations and straight lines (splines=line) above, where spline routing
/// takes minutes. An engine or splines given in `options` is kept.
std::pair<std::string, std::string> choose_layout(std::size_t nodes, std::size_t edges,
                                                  const RenderOptions& options);

/// Renders the (filtered) graph. Node colour and shape come from the ontology's
/// class styles, edge labels from property labels, each node and edge carries a
/// tooltip (SVG <title>) with its label / evidence sentence.
///
/// Filters: `predicates` and `classes` match a full IRI, a CURIE the ontology
/// expands, or (when the entry has no ':') a local name such as "met"; classes
/// include their subclasses when an ontology is given. With any relation filter
/// (predicates, min_confidence > 0, include_claims = false, ego) entities left
/// without an edge are not drawn, except the ego entity. The ego network is
/// taken over the relations the other filters keep.
///
/// Output "dot" (alias "gv") is the graph as built, not laid out (agwrite), with
/// `layout` and `splines` attributes naming the chosen engine so `dot -Tsvg`
/// reproduces the diagram; "svg", "png" and "pdf" are laid out and rendered.
/// DOT and SVG bytes depend only on the graph and the options.
/// Errors: kNotFound for an unknown ego entity, kUnsupported for an unknown
/// engine or format (the message lists the available ones), kInternal when
/// Graphviz fails, kIo when `out` fails. Graphviz is not thread-safe: calls are
/// serialised by a process-wide mutex.
Result<void> render(const KnowledgeGraph& graph, const ontology::Ontology* ontology,
                    const RenderOptions& options, std::ostream& out);

/// render() into a string (binary for png/pdf).
Result<std::string> render_to_string(const KnowledgeGraph& graph,
                                     const ontology::Ontology* ontology,
                                     const RenderOptions& options);

}  // namespace kg::exporters
