// Graphviz diagrams: what the DOT and SVG outputs contain, escaping, formats,
// determinism and errors.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <kg/exporters/graphviz.hpp>
#include <kg/graph/iri.hpp>
#include <kg/graph/vocab.hpp>
#include <sstream>
#include <string>

#include "graphviz_test_support.hpp"

// Graphviz 2.42 (Debian 12) and the pango/cairo/fontconfig stack under its
// renderers keep caches for the process and leak a little per layout (HTML
// label tables, gvLayoutJobs); LeakSanitizer would fail the whole test binary
// on them in sanitizer builds. Only leaks allocated inside those libraries are
// ignored.
extern "C" const char* __lsan_default_suppressions();   // NOLINT(bugprone-reserved-identifier)
extern "C" const char* __lsan_default_suppressions() {  // NOLINT(bugprone-reserved-identifier)
  return "leak:libgvc.so\n"
         "leak:libcgraph.so\n"
         "leak:libgvplugin_\n"
         "leak:libpango\n"
         "leak:libcairo.so\n"
         "leak:libfontconfig.so\n"
         "leak:libglib-2.0.so\n"
         "leak:libgobject-2.0.so\n";
}

namespace kg::exporters {
namespace {

using graphviz_testing::count;
using graphviz_testing::GraphBuilder;
using graphviz_testing::parse_dot;
using graphviz_testing::render_text;
using graphviz_testing::sample;
using graphviz_testing::test_ontology;
using graphviz_testing::xml_decode;

RenderOptions with_output(const std::string& output) {
  RenderOptions options;
  options.output = output;
  return options;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

// The label text the user wrote: backslashes as Graphviz needs them in DOT.
std::string dot_label(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

TEST(GraphvizSvgTest, ParsesAsXml) {
  if (!graphviz_testing::have_xmllint()) GTEST_SKIP() << "xmllint not installed (libxml2-utils)";
  const auto s = sample();
  const auto svg = render_text(s.graph, with_output("svg"));
  EXPECT_TRUE(graphviz_testing::xml_well_formed(svg, "sample"));
}

TEST(GraphvizSvgTest, ContainsEveryNodeLabel) {
  const auto s = sample();
  const auto text = xml_decode(render_text(s.graph, with_output("svg")));
  for (const auto v : s.graph.entities()) {
    EXPECT_NE(text.find(">" + s.graph.entity(v).label + "<"), std::string::npos)
        << s.graph.entity(v).label;
  }
}

TEST(GraphvizSvgTest, EdgeTooltipIsTheEvidenceSentence) {
  const auto s = sample();
  const auto text = xml_decode(render_text(s.graph, with_output("svg")));
  for (const auto e : s.graph.relations()) {
    for (const auto& p : s.graph.relation(e).provenance) {
      EXPECT_NE(text.find("xlink:title=\"" + p.evidence + "\""), std::string::npos) << p.evidence;
    }
  }
}

TEST(GraphvizSvgTest, EdgeTooltipListsEachEvidenceSentenceOnce) {
  GraphBuilder b;
  const auto a = b.entity("Donald Trump", "Person");
  const auto c = b.entity("Vladimir Putin", "Person");
  b.relation(a, "met", c, 0.9, "First sentence.");
  b.relation(a, "met", c, 0.9, "Second sentence.");
  b.relation(a, "met", c, 0.9, "First sentence.");
  const auto text = xml_decode(render_text(b.graph, with_output("svg")));
  EXPECT_NE(text.find("xlink:title=\"First sentence.\nSecond sentence.\""), std::string::npos);
}

TEST(GraphvizSvgTest, NodeTooltipHasLabelClassAndAliases) {
  const auto s = sample();
  const auto text = xml_decode(render_text(s.graph, with_output("svg")));
  const auto expected =
      "Donald Trump (" + test_ontology().label(graphviz_testing::kgo("Person")) + ")\nalso: Trump";
  EXPECT_NE(text.find("xlink:title=\"" + expected + "\""), std::string::npos);
}

TEST(GraphvizSvgTest, NodeIdsComeFromIrisAndAreStable) {
  GraphBuilder first;
  first.entity("Angela Merkel", "Person");
  const auto iri = first.entity("Donald Trump", "Person");
  GraphBuilder second;
  second.entity("Donald Trump", "Person");
  const auto id = "id=\"n" + hex64(stable_hash(iri)) + "\"";
  EXPECT_NE(render_text(first.graph, with_output("svg")).find(id), std::string::npos);
  EXPECT_NE(render_text(second.graph, with_output("svg")).find(id), std::string::npos);
}

TEST(GraphvizSvgTest, IsDeterministic) {
  const auto s = sample();
  EXPECT_EQ(render_text(s.graph, with_output("svg")), render_text(s.graph, with_output("svg")));
}

TEST(GraphvizSvgTest, LinksGiveNodesTheirIri) {
  const auto s = sample();
  auto options = with_output("svg");
  options.links = true;
  EXPECT_NE(render_text(s.graph, options).find("xlink:href=\"" + s.putin + "\""),
            std::string::npos);
  EXPECT_EQ(render_text(s.graph, with_output("svg")).find("xlink:href"), std::string::npos);
}

TEST(GraphvizDotTest, ReparsesWithAgmemread) {
  const auto s = sample();
  const auto parsed = parse_dot(render_text(s.graph, with_output("dot")));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->nodes.size(), s.graph.num_entities());
  EXPECT_EQ(parsed->edges.size(), s.graph.num_relations());
  EXPECT_TRUE(parsed->has_legend);
}

TEST(GraphvizDotTest, IsDeterministic) {
  const auto s = sample();
  EXPECT_EQ(render_text(s.graph, with_output("dot")), render_text(s.graph, with_output("dot")));
}

TEST(GraphvizDotTest, NamesTheChosenLayout) {
  const auto s = sample();
  auto options = with_output("gv");
  options.engine = "neato";
  options.splines = "ortho";
  const auto parsed = parse_dot(render_text(s.graph, options));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->graph_attributes.at("layout"), "neato");
  EXPECT_EQ(parsed->graph_attributes.at("splines"), "ortho");
}

TEST(GraphvizDotTest, EdgeLabelsAreOntologyPropertyLabels) {
  const auto s = sample();
  const auto parsed = parse_dot(render_text(s.graph, with_output("dot")));
  ASSERT_TRUE(parsed);
  const auto& o = test_ontology();
  EXPECT_NE(parsed->edge_labelled(dot_label(o.label(graphviz_testing::kgo("met")))), nullptr);
  EXPECT_NE(parsed->edge_labelled(dot_label(o.label(graphviz_testing::kgo("leads")))), nullptr);
}

TEST(GraphvizDotTest, NegatedEdgeIsRedDashedWithNotPrefix) {
  const auto s = sample();
  const auto parsed = parse_dot(render_text(s.graph, with_output("dot")));
  ASSERT_TRUE(parsed);
  const auto* edge = parsed->edge_labelled(
      dot_label("not " + test_ontology().label(graphviz_testing::kgo("accused"))));
  ASSERT_NE(edge, nullptr);
  EXPECT_EQ(edge->attributes.at("style"), "dashed");
  EXPECT_EQ(edge->attributes.at("color"), "red");
  EXPECT_EQ(edge->tail, s.trump);
  EXPECT_EQ(edge->head, s.russia);
}

TEST(GraphvizDotTest, AttributedEdgeIsDashedWithPerNote) {
  const auto s = sample();
  const auto parsed = parse_dot(render_text(s.graph, with_output("dot")));
  ASSERT_TRUE(parsed);
  const auto* edge = parsed->edge_labelled(dot_label(
      test_ontology().label(graphviz_testing::kgo("criticized")) + " (per Sergey Lavrov)"));
  ASSERT_NE(edge, nullptr);
  EXPECT_EQ(edge->attributes.at("style"), "dashed");
  EXPECT_NE(edge->attributes.at("color"), "red");
}

TEST(GraphvizDotTest, AssertedEdgeIsSolid) {
  const auto s = sample();
  const auto parsed = parse_dot(render_text(s.graph, with_output("dot")));
  ASSERT_TRUE(parsed);
  const auto* edge =
      parsed->edge_labelled(dot_label(test_ontology().label(graphviz_testing::kgo("met"))));
  ASSERT_NE(edge, nullptr);
  EXPECT_EQ(edge->attributes.at("style"), "solid");
  EXPECT_EQ(edge->attributes.at("tooltip"), "Trump met Putin on Friday in Hamburg.");
}

TEST(GraphvizDotTest, SymmetricEdgeHasNoArrowhead) {
  const auto s = sample();
  const auto parsed = parse_dot(render_text(s.graph, with_output("dot")));
  ASSERT_TRUE(parsed);
  const auto* met =
      parsed->edge_labelled(dot_label(test_ontology().label(graphviz_testing::kgo("met"))));
  const auto* leads =
      parsed->edge_labelled(dot_label(test_ontology().label(graphviz_testing::kgo("leads"))));
  ASSERT_NE(met, nullptr);
  ASSERT_NE(leads, nullptr);
  EXPECT_EQ(met->attributes.at("dir"), "none");
  EXPECT_EQ(leads->attributes.at("dir"), "forward");
}

TEST(GraphvizDotTest, NodeStyleComesFromOntologyClassStyles) {
  const auto s = sample();
  const auto parsed = parse_dot(render_text(s.graph, with_output("dot")));
  ASSERT_TRUE(parsed);
  for (const auto v : s.graph.entities()) {
    const auto& entity = s.graph.entity(v);
    const auto style = test_ontology().style_for_class(entity.class_iri);
    EXPECT_EQ(parsed->nodes.at(entity.iri).at("fillcolor"), style.color) << entity.label;
    EXPECT_EQ(parsed->nodes.at(entity.iri).at("shape"), style.shape) << entity.label;
  }
}

TEST(GraphvizDotTest, LegendListsEachClassShown) {
  const auto s = sample();
  const auto parsed = parse_dot(render_text(s.graph, with_output("dot")));
  ASSERT_TRUE(parsed);
  const auto& legend = parsed->legend_label;
  for (const char* cls : {"Person", "Country", "ArmedGroup"}) {
    const auto iri = graphviz_testing::kgo(cls);
    const auto style = test_ontology().style_for_class(iri);
    EXPECT_NE(legend.find(">" + test_ontology().label(iri) + "<"), std::string::npos) << cls;
    EXPECT_NE(legend.find("\"" + style.color + "\""), std::string::npos) << cls;
    EXPECT_NE(legend.find(">" + style.shape + "<"), std::string::npos) << cls;
  }
  EXPECT_EQ(legend.find(">" + test_ontology().label(graphviz_testing::kgo("City")) + "<"),
            std::string::npos);
  EXPECT_NE(legend.find("negated"), std::string::npos);
  EXPECT_NE(legend.find("(per X)"), std::string::npos);
}

TEST(GraphvizDotTest, LegendCanBeTurnedOff) {
  const auto s = sample();
  auto options = with_output("dot");
  options.legend = false;
  const auto parsed = parse_dot(render_text(s.graph, options));
  ASSERT_TRUE(parsed);
  EXPECT_FALSE(parsed->has_legend);
}

TEST(GraphvizDotTest, TitleIsTheGraphLabel) {
  const auto s = sample();
  auto options = with_output("dot");
  options.title = "G20 \"Hamburg\" <2017>";
  const auto parsed = parse_dot(render_text(s.graph, options));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->graph_attributes.at("label"), options.title);
}

TEST(GraphvizDotTest, WorksWithoutOntology) {
  const auto s = sample();
  const auto parsed = parse_dot(render_text(s.graph, with_output("dot"), nullptr));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->nodes.size(), s.graph.num_entities());
  EXPECT_NE(parsed->edge_labelled("met"), nullptr);
  EXPECT_NE(parsed->edge_labelled("not accused"), nullptr);
  EXPECT_NE(parsed->legend_label.find(">Person<"), std::string::npos);
}

// Labels that would break naive DOT or SVG writers.
const std::vector<std::string>& hostile_labels() {
  static const std::vector<std::string> labels = {
      "Evil \"]; injected [label=\"x",
      "<script>alert(1)</script>",
      "Tom & Jerry &amp; &#65; &bogus;",
      "back\\slash \\N \\G \\E \\n \\l \\\\",
      "two\nlines",
      "tab\there",
      "emoji \xF0\x9F\x98\x80 flag",
      "\xD0\x92\xD0\xBB\xD0\xB0\xD0\xB4\xD0\xB8\xD0\xBC\xD0\xB8\xD1\x80 "
      "\xD0\x9F\xD1\x83\xD1\x82\xD0\xB8\xD0\xBD",
      "  spaced   out  ",
      "ends with backslash\\",
  };
  return labels;
}

KnowledgeGraph hostile_graph() {
  GraphBuilder b;
  std::string previous;
  for (const auto& label : hostile_labels()) {
    const auto iri = b.entity(label, "Person", {label + " alias"});
    if (!previous.empty()) b.relation(previous, "met", iri, 0.9, "Evidence: " + label);
    previous = iri;
  }
  return std::move(b.graph);
}

TEST(GraphvizEscapingTest, DotKeepsEachLabelAsOneAttribute) {
  const auto graph = hostile_graph();
  const auto parsed = parse_dot(render_text(graph, with_output("dot")));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->nodes.size(), graph.num_entities());
  EXPECT_EQ(parsed->edges.size(), graph.num_relations());
  for (const auto v : graph.entities()) {
    const auto& entity = graph.entity(v);
    std::string expected = dot_label(entity.label);
    std::replace(expected.begin(), expected.end(), '\t', ' ');
    EXPECT_EQ(parsed->nodes.at(entity.iri).at("label"), expected) << entity.label;
  }
}

TEST(GraphvizEscapingTest, SvgIsWellFormed) {
  if (!graphviz_testing::have_xmllint()) GTEST_SKIP() << "xmllint not installed (libxml2-utils)";
  EXPECT_TRUE(graphviz_testing::xml_well_formed(render_text(hostile_graph(), with_output("svg")),
                                                "hostile"));
}

TEST(GraphvizEscapingTest, SvgHasNoScriptElement) {
  const auto svg = render_text(hostile_graph(), with_output("svg"));
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(xml_decode(svg).find("<script>alert(1)</script>"), std::string::npos);
}

TEST(GraphvizEscapingTest, SvgShowsLabelsLiterally) {
  const auto graph = hostile_graph();
  const auto text = xml_decode(render_text(graph, with_output("svg")));
  for (const auto v : graph.entities()) {
    auto label = graph.entity(v).label;
    std::replace(label.begin(), label.end(), '\t', ' ');
    // A newline splits the label into one <text> element per line.
    for (const auto& line : lines(label)) {
      const auto trimmed = line.substr(0, line.find_last_not_of(' ') + 1);
      EXPECT_NE(text.find(trimmed.substr(trimmed.find_first_not_of(' '))), std::string::npos)
          << line;
    }
  }
}

TEST(GraphvizEscapingTest, SvgTooltipsShowTextLiterally) {
  const auto graph = hostile_graph();
  const auto text = xml_decode(render_text(graph, with_output("svg")));
  for (const auto e : graph.relations()) {
    auto evidence = graph.relation(e).provenance.at(0).evidence;
    std::replace(evidence.begin(), evidence.end(), '\t', ' ');
    EXPECT_NE(text.find("xlink:title=\"" + evidence + "\""), std::string::npos) << evidence;
  }
}

TEST(GraphvizEscapingTest, LegendEscapesClassNamesForHtml) {
  GraphBuilder b;
  Entity odd;
  odd.label = "Odd one";
  odd.class_iri = "https://example.org/classes#Tom&Jerry's";
  ASSERT_TRUE(b.graph.add_entity(odd));
  const auto dot = render_text(b.graph, with_output("dot"));
  const auto parsed = parse_dot(dot);
  ASSERT_TRUE(parsed);
  EXPECT_NE(parsed->legend_label.find("Tom&amp;Jerry&#39;s"), std::string::npos);
  if (graphviz_testing::have_xmllint()) {
    EXPECT_TRUE(
        graphviz_testing::xml_well_formed(render_text(b.graph, with_output("svg")), "legend"));
  }
}

TEST(GraphvizFormatTest, PngHasMagicBytes) {
  const auto s = sample();
  const auto png = render_text(s.graph, with_output("png"));
  ASSERT_GE(png.size(), 8U);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
}

TEST(GraphvizFormatTest, PdfHasMagicBytes) {
  const auto s = sample();
  const auto pdf = render_text(s.graph, with_output("PDF"));
  ASSERT_GE(pdf.size(), 5U);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
}

TEST(GraphvizFormatTest, RenderWritesToStream) {
  const auto s = sample();
  std::ostringstream out;
  const auto result = render(s.graph, &test_ontology(), with_output("svg"), out);
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_NE(out.str().find("<svg"), std::string::npos);
}

TEST(GraphvizFormatTest, EmptyGraphRenders) {
  const KnowledgeGraph empty;
  EXPECT_NE(render_text(empty, with_output("svg")).find("<svg"), std::string::npos);
  const auto parsed = parse_dot(render_text(empty, with_output("dot")));
  ASSERT_TRUE(parsed);
  EXPECT_TRUE(parsed->nodes.empty());
}

TEST(GraphvizErrorTest, UnknownFormatIsUnsupported) {
  const auto s = sample();
  const auto result = render_to_string(s.graph, &test_ontology(), with_output("gif87"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Error::Code::kUnsupported);
  EXPECT_NE(result.error().message.find("gif87"), std::string::npos);
  EXPECT_NE(result.error().hint.find("svg"), std::string::npos);
}

TEST(GraphvizErrorTest, UnknownEngineIsUnsupported) {
  const auto s = sample();
  auto options = with_output("svg");
  options.engine = "nosuchengine";
  const auto result = render_to_string(s.graph, &test_ontology(), options);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Error::Code::kUnsupported);
  EXPECT_NE(result.error().message.find("nosuchengine"), std::string::npos);
  EXPECT_NE(result.error().hint.find("sfdp"), std::string::npos);
}

TEST(GraphvizErrorTest, FailingStreamIsIoError) {
  const auto s = sample();
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  const auto result = render(s.graph, &test_ontology(), with_output("dot"), out);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, Error::Code::kIo);
}

TEST(GraphvizEngineTest, EverySelectableEngineRendersSvg) {
  const auto s = sample();
  for (const char* engine : {"dot", "neato", "fdp", "sfdp", "circo"}) {
    auto options = with_output("svg");
    options.engine = engine;
    const auto svg = render_text(s.graph, options);
    EXPECT_EQ(count(svg, "class=\"node\""), s.graph.num_entities() + 1) << engine;
  }
}

// The DOT text is the graph as built, before layout: it does not depend on
// fonts or engines, so it can be compared byte for byte. Without an ontology,
// so that the file changes only when the diagram code does. Regenerate with
// KG_UPDATE_GOLDEN=1 after an intended change, and review the diff.
TEST(GraphvizGoldenTest, SampleDotMatchesGoldenFile) {
  const auto s = sample();
  auto options = with_output("dot");
  options.title = "Sample";
  const auto dot = render_text(s.graph, options, nullptr);
  const std::filesystem::path golden =
      std::filesystem::path(KG_TEST_DATA_DIR) / "export" / "graphviz_sample.dot";
  if (std::getenv("KG_UPDATE_GOLDEN") != nullptr) {
    std::filesystem::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << dot;
  }
  std::ifstream in(golden, std::ios::binary);
  ASSERT_TRUE(in) << golden << " is missing; run with KG_UPDATE_GOLDEN=1 to create it";
  const std::string expected((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  EXPECT_EQ(dot, expected);
}

}  // namespace
TEST(GraphvizSelectionTest, IsolatedNifMentionsAreNotDrawnButOtherEntitiesAre) {
  GraphBuilder b;
  Entity mention;
  mention.iri = "https://example.org/doc/a#char=0,5";
  mention.label = "MentionNode";
  mention.class_iri = std::string(kg::vocab::kNif) + "Phrase";
  ASSERT_TRUE(b.graph.add_entity(mention));
  Entity lonely;
  lonely.label = "Lonely Person";
  lonely.class_iri = "https://example.org/classes#Custom";
  ASSERT_TRUE(b.graph.add_entity(lonely));
  const auto dot = render_text(b.graph, with_output("dot"));
  EXPECT_EQ(dot.find("MentionNode"), std::string::npos);
  EXPECT_NE(dot.find("Lonely Person"), std::string::npos);
}

}  // namespace kg::exporters
