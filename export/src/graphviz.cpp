#include <algorithm>
#include <cctype>
#include <kg/exporters/graphviz.hpp>
#include <kg/ontology/ontology.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "graphviz_handles.hpp"
#include "graphviz_selection.hpp"
#include "graphviz_text.hpp"

namespace kg::exporters {
namespace {

using Vertex = KnowledgeGraph::Vertex;
using Edge = KnowledgeGraph::Edge;

// Size thresholds for choose_layout, measured with bench/export_graphviz_bench
// on random graphs with labelled edges: dot's crossing minimisation and label
// placement blow up with the number of edges (120 edges: ~0.5 s; 150: ~0.7 s;
// 180: ~2.7 s; 200: ~1 min), while sfdp with straight edges stays under 1 s up
// to ~1,000 nodes. Spline routing outside dot (splines=true) costs ~5 s at 200
// edges, so other engines only get splines for small graphs.
constexpr std::size_t kDotMaxEdges = 120;
constexpr std::size_t kDotMaxNodes = 250;
constexpr std::size_t kSplinesMaxEdges = 60;
// Overlap removal (overlap=prism) for neato/fdp up to this many nodes; it
// doubles the layout time of large graphs.
constexpr std::size_t kPrismMaxNodes = 1000;

constexpr std::string_view kDefaultColor = "#dddddd";
constexpr std::string_view kDefaultShape = "ellipse";
constexpr std::string_view kFont = "Helvetica";

std::mutex& graphviz_mutex() {
  static std::mutex mutex;
  return mutex;
}

// One Graphviz context for the process, used under graphviz_mutex(): Graphviz
// 2.42 leaks the plugin configuration (~3.6 KB) of every context it frees, and
// listing plugins leaks too, so both are done once.
struct Runtime {
  gv::Context context;
  std::vector<std::string> engines;  // layout plugins
  std::vector<std::string> devices;  // output formats
};

const Runtime* graphviz_runtime() {
  static const std::unique_ptr<Runtime> runtime = []() -> std::unique_ptr<Runtime> {
    gv::Context context(gvContext());
    if (!context) return nullptr;
    auto engines = gv::plugin_names(context.get(), "layout");
    auto devices = gv::plugin_names(context.get(), "device");
    return std::make_unique<Runtime>(
        Runtime{std::move(context), std::move(engines), std::move(devices)});
  }();
  return runtime.get();
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// An output format: the gvRenderData device, or none for the unlaid DOT text.
struct OutputFormat {
  std::string device;  // empty: agwrite of the graph as built
};

Result<OutputFormat> output_format(std::string_view name) {
  const auto key = lower(name);
  if (key == "dot" || key == "gv") return OutputFormat{};
  if (key == "svg" || key == "png" || key == "pdf") return OutputFormat{key};
  return fail(Error::Code::kUnsupported, "unknown diagram format \"" + std::string(name) + "\"", {},
              0, 0, "use one of: dot, svg, png, pdf");
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// cgraph writes through an I/O discipline; this one appends to a std::string.
int put_string(void* chan, const char* text) {
  static_cast<std::string*>(chan)->append(text);
  return 0;
}
int flush_nothing(void* /*chan*/) { return 0; }

Agdisc_t* string_discipline() {
  static Agiodisc_t io{AgIoDisc.afread, &put_string, &flush_nothing};
  static Agdisc_t disc{&AgMemDisc, &AgIdDisc, &io};
  return &disc;
}

// Labels and styles, from the ontology when there is one.
class Vocabulary {
 public:
  explicit Vocabulary(const ontology::Ontology* ontology) : ontology_(ontology) {}

  [[nodiscard]] std::string label(const std::string& iri) const {
    if (iri.empty()) return {};
    return ontology_ != nullptr ? ontology_->label(iri) : gv::local_name(iri);
  }
  [[nodiscard]] ontology::Style style(const std::string& class_iri) const {
    ontology::Style style;
    if (ontology_ != nullptr && !class_iri.empty()) style = ontology_->style_for_class(class_iri);
    style.color = gv::safe_color(style.color, kDefaultColor);
    style.shape = gv::safe_shape(style.shape, kDefaultShape);
    return style;
  }
  /// Symmetric relations ("met") have no direction to show.
  [[nodiscard]] bool symmetric(const std::string& predicate) const {
    return ontology_ != nullptr && ontology_->is_symmetric(predicate);
  }

 private:
  const ontology::Ontology* ontology_;
};

std::string entity_label(const Entity& entity) {
  return entity.label.empty() ? gv::local_name(entity.iri) : entity.label;
}

// Builds the cgraph graph for a selection. Attributes are declared once on the
// root graph with their defaults (so DOT output stays short) and set per object.
class DiagramBuilder {
 public:
  DiagramBuilder(const KnowledgeGraph& graph, const ontology::Ontology* ontology,
                 const RenderOptions& options, const gv::Selection& selection)
      : graph_(graph), vocabulary_(ontology), options_(options), selection_(selection) {}

  Result<gv::Graph> build(const std::string& engine, const std::string& splines) {
    gv::Graph g(agopen(gv::mut("kg"), Agdirected, string_discipline()));
    if (!g) return fail(Error::Code::kInternal, "Graphviz could not create a graph");
    root_ = g.get();
    graph_attributes(engine, splines);
    declare_attributes();
    std::vector<Agnode_t*> nodes(graph_.num_entities(), nullptr);
    for (const Vertex v : selection_.nodes) nodes[v] = add_node(v);
    for (const Edge e : selection_.edges) {
      add_edge(e, nodes[graph_.subject(e)], nodes[graph_.object(e)]);
    }
    if (options_.legend && !selection_.nodes.empty()) add_legend();
    return g;
  }

 private:
  void graph_attributes(const std::string& engine, const std::string& splines) {
    const auto set = [&](const char* name, const std::string& value) {
      agattr(root_, AGRAPH, gv::mut(name), gv::mut(value));
    };
    // `layout` makes the DOT text reproduce this diagram with plain `dot -Tsvg`.
    set("layout", engine);
    set("splines", splines);
    set("outputorder", "edgesfirst");
    set("fontname", std::string(kFont));
    set("pad", "0.2");
    // neato and fdp keep overlapping nodes unless told otherwise. sfdp's own
    // default already gives no overlaps on our benchmark graphs, and is the
    // fastest: "prism" doubles its time, "true" is ~6x slower at 5,000 nodes.
    if ((engine == "neato" || engine == "fdp") && selection_.nodes.size() <= kPrismMaxNodes) {
      set("overlap", "prism");
    }
    if (!options_.title.empty()) {
      set("label", gv::esc_string(options_.title));
      set("labelloc", "t");
      set("fontsize", "16");
    }
  }

  void declare_attributes() {
    const auto node = [&](const char* name, std::string_view value) {
      return agattr(root_, AGNODE, gv::mut(name), gv::mut(std::string(value)));
    };
    const auto edge = [&](const char* name, std::string_view value) {
      return agattr(root_, AGEDGE, gv::mut(name), gv::mut(std::string(value)));
    };
    node("style", "filled");
    node("fontname", kFont);
    node("fontsize", "11");
    node_id_ = node("id", "");
    node_label_ = node("label", "");
    node_tooltip_ = node("tooltip", "");
    node_shape_ = node("shape", kDefaultShape);
    node_fill_ = node("fillcolor", kDefaultColor);
    node_pen_ = node("penwidth", "1");
    node_margin_ = node("margin", "");
    if (options_.links) node_url_ = node("URL", "");
    edge("fontname", kFont);
    edge("fontsize", "9");
    edge_id_ = edge("id", "");
    edge_label_ = edge("label", "");
    edge_tooltip_ = edge("tooltip", "");
    edge_label_tooltip_ = edge("labeltooltip", "");
    edge_style_ = edge("style", "solid");
    edge_color_ = edge("color", "black");
    edge_font_color_ = edge("fontcolor", "black");
    edge_dir_ = edge("dir", "forward");
  }

  static void set(void* object, Agsym_t* symbol, const std::string& value) {
    agxset(object, symbol, gv::mut(value));
  }

  // Ids are hashes of IRIs: stable across runs and safe in SVG/HTML ids.
  std::string unique_id(std::string_view prefix, std::string_view key) {
    std::string id = gv::stable_id(prefix, key);
    for (int n = 2; !ids_.insert(id).second; ++n) {
      id = gv::stable_id(prefix, key) + "_" + std::to_string(n);
    }
    return id;
  }

  Agnode_t* add_node(Vertex v) {
    const Entity& entity = graph_.entity(v);
    Agnode_t* node = agnode(root_, gv::mut(entity.iri), 1);
    const auto label = entity_label(entity);
    const auto style = vocabulary_.style(entity.class_iri);
    classes_shown_.insert(entity.class_iri);

    std::string tooltip = label;
    if (!entity.class_iri.empty()) tooltip += " (" + vocabulary_.label(entity.class_iri) + ")";
    if (!entity.aliases.empty()) tooltip += "\nalso: " + join(entity.aliases, ", ");

    set(node, node_id_, unique_id("n", entity.iri));
    set(node, node_label_, gv::esc_string(label));
    set(node, node_tooltip_, gv::esc_string(tooltip, gv::Field::kTooltip));
    set(node, node_shape_, style.shape);
    set(node, node_fill_, style.color);
    if (selection_.ego && *selection_.ego == v) set(node, node_pen_, "3");
    if (options_.links) set(node, node_url_, gv::esc_string(entity.iri));
    return node;
  }

  std::string attributed_name(const std::string& iri) const {
    if (auto v = graph_.find(iri)) return entity_label(graph_.entity(*v));
    return gv::local_name(iri);
  }

  void add_edge(Edge e, Agnode_t* tail, Agnode_t* head) {
    const Relation& relation = graph_.relation(e);
    Agedge_t* edge = agedge(root_, tail, head, nullptr, 1);

    std::string label = vocabulary_.label(relation.predicate);
    if (relation.negated) label = "not " + label;
    if (!relation.attributed_to.empty()) {
      label += " (per " + attributed_name(relation.attributed_to) + ")";
    }

    std::vector<std::string> evidence;
    for (const auto& p : relation.provenance) {
      if (!p.evidence.empty() &&
          std::find(evidence.begin(), evidence.end(), p.evidence) == evidence.end()) {
        evidence.push_back(p.evidence);
      }
    }
    const std::string tooltip = evidence.empty()
                                    ? entity_label(graph_.entity(graph_.subject(e))) + " " + label +
                                          " " + entity_label(graph_.entity(graph_.object(e)))
                                    : join(evidence, "\n");

    const std::string key = graph_.statement_iri(e);
    set(edge, edge_id_, unique_id("e", key));
    set(edge, edge_label_, gv::esc_string(label));
    set(edge, edge_tooltip_, gv::esc_string(tooltip, gv::Field::kTooltip));
    set(edge, edge_label_tooltip_, gv::esc_string(tooltip, gv::Field::kTooltip));
    if (vocabulary_.symmetric(relation.predicate)) set(edge, edge_dir_, "none");
    if (relation.negated) {
      set(edge, edge_style_, "dashed");
      set(edge, edge_color_, "red");
      set(edge, edge_font_color_, "red");
      shows_negated_ = true;
    } else if (!relation.attributed_to.empty()) {
      set(edge, edge_style_, "dashed");
      shows_claims_ = true;
    }
  }

  // An HTML-like table node: it works with every layout engine, unlike a
  // cluster, which only dot honours.
  void add_legend() {
    struct Row {
      std::string label;
      std::string iri;
      ontology::Style style;
    };
    std::vector<Row> rows;
    for (const auto& cls : classes_shown_) {
      rows.push_back(
          {cls.empty() ? "(no class)" : vocabulary_.label(cls), cls, vocabulary_.style(cls)});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
      return std::tie(a.label, a.iri) < std::tie(b.label, b.iri);
    });

    std::string html =
        R"(<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="2" CELLPADDING="3" BGCOLOR="white">)"
        R"(<TR><TD COLSPAN="2"><B>Legend</B></TD></TR>)";
    for (const auto& row : rows) {
      html += R"(<TR><TD BGCOLOR=")" + gv::html_text(row.style.color) + R"(" BORDER="1">)" +
              gv::html_text(row.style.shape) + R"(</TD><TD ALIGN="LEFT">)" +
              gv::html_text(row.label) + "</TD></TR>";
    }
    if (shows_negated_) {
      html += R"(<TR><TD><FONT COLOR="red">- - -</FONT></TD>)"
              R"(<TD ALIGN="LEFT"><FONT COLOR="red">not ...: negated</FONT></TD></TR>)";
    }
    if (shows_claims_) {
      html += R"(<TR><TD>- - -</TD><TD ALIGN="LEFT">(per X): claimed by X</TD></TR>)";
    }
    html += "</TABLE>";

    // Entity nodes are named by absolute IRIs, which always contain ':'.
    Agnode_t* legend = agnode(root_, gv::mut("legend"), 1);
    set(legend, node_id_, "legend");
    set(legend, node_shape_, "none");
    set(legend, node_fill_, "white");
    set(legend, node_margin_, "0");
    set(legend, node_tooltip_, "Legend");
    char* html_label = agstrdup_html(root_, gv::mut(html));
    agxset(legend, node_label_, html_label);
    agstrfree(root_, html_label);
  }

  const KnowledgeGraph& graph_;
  Vocabulary vocabulary_;
  const RenderOptions& options_;
  const gv::Selection& selection_;
  Agraph_t* root_ = nullptr;
  std::set<std::string> classes_shown_;
  std::unordered_set<std::string> ids_;
  bool shows_negated_ = false;
  bool shows_claims_ = false;
  Agsym_t* node_id_ = nullptr;
  Agsym_t* node_label_ = nullptr;
  Agsym_t* node_tooltip_ = nullptr;
  Agsym_t* node_shape_ = nullptr;
  Agsym_t* node_fill_ = nullptr;
  Agsym_t* node_pen_ = nullptr;
  Agsym_t* node_margin_ = nullptr;
  Agsym_t* node_url_ = nullptr;
  Agsym_t* edge_id_ = nullptr;
  Agsym_t* edge_label_ = nullptr;
  Agsym_t* edge_tooltip_ = nullptr;
  Agsym_t* edge_label_tooltip_ = nullptr;
  Agsym_t* edge_style_ = nullptr;
  Agsym_t* edge_color_ = nullptr;
  Agsym_t* edge_font_color_ = nullptr;
  Agsym_t* edge_dir_ = nullptr;
};

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string graphviz_says(const std::string& what) {
  const auto text = gv::ErrorCapture::text();
  return text.empty() ? what : what + ": " + text;
}

}  // namespace

std::pair<std::string, std::string> choose_layout(std::size_t nodes, std::size_t edges,
                                                  const RenderOptions& options) {
  const bool dot_is_fast = edges <= kDotMaxEdges && nodes <= kDotMaxNodes;
  std::string engine = options.engine.empty() ? (dot_is_fast ? "dot" : "sfdp") : options.engine;
  std::string splines = options.splines;
  if (splines.empty()) {
    // dot routes splines as part of its ranking; other engines route them in
    // a separate, expensive pass, so they get straight lines unless tiny.
    splines = (engine == "dot" || edges <= kSplinesMaxEdges) ? "true" : "line";
  }
  return {engine, splines};
}

Result<std::string> render_to_string(const KnowledgeGraph& graph,
                                     const ontology::Ontology* ontology,
                                     const RenderOptions& options) {
  auto format = output_format(options.output);
  if (!format) return tl::unexpected(format.error());
  auto selection = gv::select(graph, ontology, options);
  if (!selection) return tl::unexpected(selection.error());
  const auto [engine, splines] =
      choose_layout(selection->nodes.size(), selection->edges.size(), options);

  const std::lock_guard lock(graphviz_mutex());
  const auto* runtime = graphviz_runtime();
  if (runtime == nullptr)
    return fail(Error::Code::kInternal, "Graphviz could not create a context");
  GVC_t* context = runtime->context.get();
  if (!contains(runtime->engines, engine)) {
    return fail(Error::Code::kUnsupported, "unknown Graphviz layout engine \"" + engine + "\"", {},
                0, 0, "use one of: " + join(runtime->engines, ", "));
  }
  if (!format->device.empty() && !contains(runtime->devices, format->device)) {
    return fail(Error::Code::kUnsupported,
                "this Graphviz installation cannot write " + format->device, {}, 0, 0,
                "install the Graphviz plugins (Debian package libgvc6; check with `dot -P`)");
  }

  const gv::ErrorCapture capture;
  DiagramBuilder builder(graph, ontology, options, *selection);
  auto diagram = builder.build(engine, splines);
  if (!diagram) return tl::unexpected(diagram.error());

  std::string out;
  if (format->device.empty()) {
    if (agwrite(diagram->get(), &out) != 0) {
      return fail(Error::Code::kInternal, graphviz_says("Graphviz could not write DOT"));
    }
    return out;
  }
  if (gvLayout(context, diagram->get(), engine.c_str()) != 0) {
    return fail(Error::Code::kInternal, graphviz_says("Graphviz layout with " + engine + " failed"),
                {}, 0, 0, "try another engine (--engine sfdp) or splines=line");
  }
  const gv::Layout layout(context, diagram->get());
  gv::RenderedData data;
  if (gvRenderData(context, diagram->get(), format->device.c_str(), data.data(), data.size()) !=
          0 ||
      data.begin() == nullptr) {
    return fail(Error::Code::kInternal,
                graphviz_says("Graphviz could not render " + format->device));
  }
  out.assign(data.begin(), data.length());
  return out;
}

Result<void> render(const KnowledgeGraph& graph, const ontology::Ontology* ontology,
                    const RenderOptions& options, std::ostream& out) {
  auto text = render_to_string(graph, ontology, options);
  if (!text) return tl::unexpected(text.error());
  out.write(text->data(), static_cast<std::streamsize>(text->size()));
  out.flush();
  if (!out) {
    return fail(Error::Code::kIo, "could not write the " + lower(options.output) + " diagram", {},
                0, 0, "check the output file's directory, permissions and free space");
  }
  return {};
}

}  // namespace kg::exporters
