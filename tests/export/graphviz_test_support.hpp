#pragma once
// Shared by the Graphviz export tests: a small news graph with every kind of
// edge the diagram draws, the ontology, a DOT reader (cgraph's agmemread) that
// lists what a diagram contains, and an XML well-formedness check (xmllint).

#include <graphviz/cgraph.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <kg/exporters/graphviz.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace kg::exporters::graphviz_testing {

inline std::string kgo(std::string_view local) {
  return std::string(vocab::kKgo) + std::string(local);
}

/// The ontology from the source tree, loaded once.
inline const ontology::Ontology& test_ontology() {
  static const auto loaded = [] {
    auto o = ontology::Ontology::load_directory(KG_ONTOLOGY_DIR);
    if (!o) throw std::runtime_error("ontology: " + o.error().to_string());
    return std::make_unique<ontology::Ontology>(std::move(*o));
  }();
  return *loaded;
}

/// A graph builder that keeps the test bodies short.
class GraphBuilder {
 public:
  KnowledgeGraph graph;

  std::string entity(const std::string& label, const std::string& cls,
                     std::vector<std::string> aliases = {}) {
    Entity e;
    e.label = label;
    e.class_iri = cls.empty() ? std::string() : kgo(cls);
    e.aliases = std::move(aliases);
    auto v = graph.add_entity(std::move(e));
    EXPECT_TRUE(v) << (v ? "" : v.error().to_string());
    return graph.entity(*v).iri;
  }

  void relation(const std::string& subject, const std::string& predicate, const std::string& object,
                double confidence = 1.0, const std::string& evidence = {}, bool negated = false,
                const std::string& attributed_to = {}) {
    Relation r;
    r.predicate = kgo(predicate);
    r.confidence = confidence;
    r.negated = negated;
    r.attributed_to = attributed_to;
    if (!evidence.empty()) {
      r.provenance.push_back({document_iri("test"), 0, 0, evidence.size(), evidence, 0, 0, "test"});
    }
    auto e = graph.add_relation(subject, std::move(r), object);
    EXPECT_TRUE(e) << (e ? "" : e.error().to_string());
  }
};

/// IRIs of the sample graph's entities.
struct Sample {
  KnowledgeGraph graph;
  std::string trump, putin, lavrov, assad, merkel, russia, usa, syria, rebels;
};

/// Trump met Putin; Putin backs Assad; the US backs the rebels; Trump pressed
/// Putin; Trump did not accuse Russia (negated); Trump criticized Russia
/// according to Lavrov (attributed); Assad leads Syria; Merkel has no relation.
inline Sample sample() {
  GraphBuilder b;
  Sample s;
  s.trump = b.entity("Donald Trump", "Person", {"Trump"});
  s.putin = b.entity("Vladimir Putin", "Person", {"Putin"});
  s.lavrov = b.entity("Sergey Lavrov", "Person");
  s.assad = b.entity("Bashar al-Assad", "Person");
  s.merkel = b.entity("Angela Merkel", "Person");
  s.russia = b.entity("Russia", "Country");
  s.usa = b.entity("United States", "Country");
  s.syria = b.entity("Syria", "Country");
  s.rebels = b.entity("rebel groups", "ArmedGroup");
  b.relation(s.trump, "met", s.putin, 0.9, "Trump met Putin on Friday in Hamburg.");
  b.relation(s.putin, "backs", s.assad, 0.8, "Russia and Putin back the Assad government.");
  b.relation(s.usa, "backs", s.rebels, 0.7, "The United States backs some rebel groups.");
  b.relation(s.trump, "pressed", s.putin, 0.6, "Trump pressed Putin on election meddling.");
  b.relation(s.trump, "accused", s.russia, 0.5, "Trump did not accuse Russia outright.", true);
  b.relation(s.trump, "criticized", s.russia, 0.4, "Lavrov said Trump criticized Russia.", false,
             s.lavrov);
  b.relation(s.assad, "leads", s.syria, 0.95, "Assad leads Syria.");
  s.graph = std::move(b.graph);
  return s;
}

/// What a DOT text holds, read back with cgraph.
struct ParsedDot {
  using Attributes = std::map<std::string, std::string>;
  struct Edge {
    std::string tail, head;
    Attributes attributes;  ///< label, style, color, tooltip ...
  };
  std::map<std::string, Attributes> nodes;  ///< by node name (IRI), legend excluded
  std::vector<Edge> edges;                  ///< in file order
  Attributes graph_attributes;              ///< layout, splines, label ...
  bool has_legend = false;
  std::string legend_label;

  /// Labels of all edges.
  [[nodiscard]] std::vector<std::string> edge_labels() const {
    std::vector<std::string> out;
    for (const auto& e : edges) out.push_back(e.attributes.at("label"));
    return out;
  }
  /// The first edge whose label is `label`, or nullptr.
  [[nodiscard]] const Edge* edge_labelled(const std::string& label) const {
    for (const auto& e : edges) {
      if (e.attributes.at("label") == label) return &e;
    }
    return nullptr;
  }
};

/// Every attribute value an object has (declared defaults included).
inline ParsedDot::Attributes attributes_of(Agraph_t* g, void* object, int kind) {
  ParsedDot::Attributes out;
  for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym != nullptr; sym = agnxtattr(g, kind, sym)) {
    const char* value = agxget(object, sym);
    out[sym->name] = value == nullptr ? "" : value;
  }
  return out;
}

/// Parses DOT with agmemread; nullopt when cgraph rejects it.
inline std::optional<ParsedDot> parse_dot(const std::string& text) {
  Agraph_t* g = agmemread(text.c_str());
  if (g == nullptr) return std::nullopt;
  ParsedDot parsed;
  parsed.graph_attributes = attributes_of(g, g, AGRAPH);
  for (Agnode_t* n = agfstnode(g); n != nullptr; n = agnxtnode(g, n)) {
    const std::string name = agnameof(n);
    auto attributes = attributes_of(g, n, AGNODE);
    if (name == "legend") {
      parsed.has_legend = true;
      parsed.legend_label = attributes["label"];
      continue;
    }
    parsed.nodes[name] = std::move(attributes);
  }
  for (Agnode_t* n = agfstnode(g); n != nullptr; n = agnxtnode(g, n)) {
    for (Agedge_t* e = agfstout(g, n); e != nullptr; e = agnxtout(g, e)) {
      parsed.edges.push_back(
          {agnameof(agtail(e)), agnameof(aghead(e)), attributes_of(g, e, AGEDGE)});
    }
  }
  agclose(g);
  return parsed;
}

/// Renders or fails the test.
inline std::string render_text(const KnowledgeGraph& graph, RenderOptions options,
                               const ontology::Ontology* ontology = &test_ontology()) {
  auto text = render_to_string(graph, ontology, options);
  EXPECT_TRUE(text) << (text ? "" : text.error().to_string());
  return text ? *text : std::string();
}

/// True when xmllint is on PATH.
inline bool have_xmllint() { return std::system("command -v xmllint >/dev/null 2>&1") == 0; }

/// Runs `xmllint --noout` over `xml`; true when it is well-formed XML.
inline bool xml_well_formed(const std::string& xml, const std::string& name) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("kg_graphviz_" + name + "_" + std::to_string(::getpid()) + ".svg");
  {
    std::ofstream out(path, std::ios::binary);
    out << xml;
  }
  const std::string command = "xmllint --noout --nonet '" + path.string() + "'";
  const int status = std::system(command.c_str());
  std::filesystem::remove(path);
  return status == 0;
}

/// The text of an SVG document with character and entity references decoded
/// (the five predefined entities and numeric references). "&#160;" becomes a
/// plain space: Graphviz writes runs of spaces as no-break spaces to keep them.
inline std::string xml_decode(const std::string& xml) {
  std::string out;
  out.reserve(xml.size());
  for (std::size_t i = 0; i < xml.size(); ++i) {
    if (xml[i] != '&') {
      out += xml[i];
      continue;
    }
    const auto semi = xml.find(';', i);
    if (semi == std::string::npos) {
      out += xml[i];
      continue;
    }
    const std::string name = xml.substr(i + 1, semi - i - 1);
    static const std::map<std::string, std::string> kNamed = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
    if (auto it = kNamed.find(name); it != kNamed.end()) {
      out += it->second;
    } else if (name.size() > 1 && name[0] == '#') {
      const bool hex = name[1] == 'x' || name[1] == 'X';
      unsigned long cp = std::stoul(name.substr(hex ? 2 : 1), nullptr, hex ? 16 : 10);
      if (cp == 0xA0) {
        out += ' ';
      } else if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
    } else {
      out += xml.substr(i, semi - i + 1);
    }
    i = semi;
  }
  return out;
}

/// Number of non-overlapping occurrences of `needle` in `text`.
inline std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace kg::exporters::graphviz_testing
