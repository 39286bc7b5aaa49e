// Names, labels and evidence that try to break out of their quoting (Turtle `"`
// and `"""`, IRI `>`, newlines, HTML `<script>`, DOT `"];`) must come out as inert
// data: every RDF syntax stays valid for rapper and serdi and reads back to the
// same strings, the DOT parses with Graphviz into exactly the graph's nodes, and the
// SVG is well-formed XML with no script element. Write -> read -> write is
// byte-identical in every syntax.

#include <gtest/gtest.h>

#include <algorithm>
#include <kg/exporters/formats.hpp>
#include <kg/graph/iri.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "reliability_support.hpp"

namespace kg::reliability {
namespace {

const std::vector<std::string>& hostile_strings() {
  static const std::vector<std::string> strings = {
      "Ann \"Quote\" Smith",
      "Triple \"\"\" breaks \"\"\"long\"\"\" strings",
      "Angle > bracket <http://evil.example/x> .",
      "Line\nbreak\r\nand\ttab",
      "<script>alert('x')</script>",
      "DOT \"]; evil [label=\"owned\"]; \"",
      "Back\\slash \\\" and \\u0022 escapes",
      "Amp &amp; &lt;entity&gt; ]]> <!-- comment -->",
      "Émoji 🇺🇸 and Кириллица",
      "} ] ) ; , . @prefix x: <y> .",
  };
  return strings;
}

std::string kgo(std::string_view local) { return std::string(vocab::kKgo) + std::string(local); }

KnowledgeGraph hostile_graph() {
  KnowledgeGraph g;
  const std::string doc = document_iri("hostile \"doc\" <x>");
  EXPECT_TRUE(g.add_document({doc, hostile_strings()[1], "2017-07-07", hostile_strings()[2]}));
  std::vector<KnowledgeGraph::Vertex> people;
  for (const auto& s : hostile_strings()) {
    Entity e;
    e.label = s;
    e.class_iri = kgo("Person");
    e.aliases = {s + " alias"};
    auto v = g.add_entity(std::move(e));
    EXPECT_TRUE(v) << s;
    if (v) people.push_back(*v);
  }
  for (std::size_t i = 0; i + 1 < people.size(); ++i) {
    Relation r;
    r.predicate = kgo("met");
    r.confidence = 0.5;
    const std::string& evidence = hostile_strings()[(i + 3) % hostile_strings().size()];
    r.provenance.push_back({doc, i, 0, evidence.size(), evidence, 0, 0, "rule \"x\" <y>"});
    EXPECT_TRUE(g.add_relation(people[i], r, people[i + 1]));
  }
  return g;
}

std::shared_ptr<const ontology::Ontology> shipped_ontology() {
  static auto onto = [] {
    auto o = ontology::Ontology::load_directory(KG_ONTOLOGY_DIR);
    EXPECT_TRUE(o) << (o ? "" : o.error().to_string());
    return std::make_shared<const ontology::Ontology>(std::move(*o));
  }();
  return onto;
}

std::string write_to_string(const KnowledgeGraph& g, const std::string& format) {
  const exporters::Format* f = exporters::find_format(format);
  EXPECT_NE(f, nullptr) << format;
  std::ostringstream out;
  exporters::WriteOptions options;
  options.ontology = shipped_ontology().get();
  auto ok = exporters::write_graph(g, *f, out, options);
  EXPECT_TRUE(ok) << (ok ? "" : ok.error().to_string());
  return out.str();
}

Result<KnowledgeGraph> read_from_string(const std::string& bytes, const std::string& format) {
  std::istringstream in(bytes);
  exporters::ReadOptions options;
  options.ontology = shipped_ontology().get();
  return exporters::read_graph(in, *exporters::find_format(format), "mem." + format, options);
}

std::set<std::string> labels_of(const KnowledgeGraph& g) {
  std::set<std::string> labels;
  for (auto v : g.entities()) labels.insert(g.entity(v).label);
  return labels;
}

class RdfSyntaxTest : public ScratchTest, public ::testing::WithParamInterface<const char*> {};

TEST_P(RdfSyntaxTest, WriteReadWriteIsByteIdentical) {
  const std::string format = GetParam();
  const KnowledgeGraph g = hostile_graph();
  const std::string first = write_to_string(g, format);
  auto back = read_from_string(first, format);
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(back->num_entities(), g.num_entities());
  EXPECT_EQ(back->num_relations(), g.num_relations());
  EXPECT_EQ(write_to_string(*back, format), first);
  // The same triples as the N-Triples of the original graph, whatever the syntax.
  auto sorted_lines = [](const std::string& s) {
    std::multiset<std::string> lines;
    std::istringstream in(s);
    for (std::string line; std::getline(in, line);) lines.insert(line);
    return lines;
  };
  EXPECT_EQ(sorted_lines(write_to_string(*back, "ntriples")),
            sorted_lines(write_to_string(g, "ntriples")));
}

TEST_P(RdfSyntaxTest, HostileLabelsReadBackUnchanged) {
  const std::string format = GetParam();
  const KnowledgeGraph g = hostile_graph();
  auto back = read_from_string(write_to_string(g, format), format);
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(labels_of(*back), labels_of(g));
  for (auto e : back->relations()) {
    for (const auto& p : back->relation(e).provenance) {
      EXPECT_NE(std::find(hostile_strings().begin(), hostile_strings().end(), p.evidence),
                hostile_strings().end())
          << p.evidence;
    }
  }
}

TEST_P(RdfSyntaxTest, PeerToolsParseTheOutput) {
  const std::string format = GetParam();
  const std::string rapper = find_tool("rapper");
  const std::string serdi = find_tool("serdi");
  if (rapper.empty() || serdi.empty()) GTEST_SKIP() << "rapper or serdi not installed";
  const std::string file = this->file("g." + format, write_to_string(hostile_graph(), format));
  const ChildResult r = run_program({rapper, "-c", "-i", format, file}, dir_);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // Raptor counts the triples; every one of ours must be there.
  const std::string nt = write_to_string(hostile_graph(), "ntriples");
  const auto triples = static_cast<std::size_t>(std::count(nt.begin(), nt.end(), '\n'));
  EXPECT_NE(r.err.find("rapper: Parsing returned " + std::to_string(triples) + " triples"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("rapper: Error"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("rapper: Warning"), std::string::npos) << r.err;
  if (format != "rdfxml") {
    const ChildResult s = run_program({serdi, "-i", format, file}, dir_);
    EXPECT_EQ(s.exit_code, 0) << s.err;
    EXPECT_EQ(s.err, "");
  }
}

INSTANTIATE_TEST_SUITE_P(EverySyntax, RdfSyntaxTest,
                         ::testing::Values("turtle", "ntriples", "nquads", "rdfxml"));

using DiagramInjectionTest = ScratchTest;

TEST_F(DiagramInjectionTest, DotParsesIntoExactlyTheGraphsNodes) {
  const std::string dot = find_tool("dot");
  if (dot.empty()) GTEST_SKIP() << "graphviz dot not installed";
  const KnowledgeGraph g = hostile_graph();
  const std::string ttl = file("g.ttl", write_to_string(g, "turtle"));
  const ChildResult r = kg({"render", ttl, "-o", path("g.dot").string(), "--no-legend"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Graphviz reads it back without complaint ...
  const ChildResult canon = run_program({dot, "-Tcanon", path("g.dot").string()}, dir_);
  ASSERT_EQ(canon.exit_code, 0) << canon.err;
  EXPECT_EQ(canon.err, "");
  // ... and finds exactly our nodes and edges: nothing injected, nothing cut off.
  const std::string gvpr = find_tool("gvpr");
  if (gvpr.empty()) GTEST_SKIP() << "gvpr not installed";
  const ChildResult count = run_program(
      {gvpr, R"(BEG_G { printf("%d %d\n", nNodes($G), nEdges($G)); })", path("g.dot").string()},
      dir_);
  EXPECT_EQ(count.out,
            std::to_string(g.num_entities()) + " " + std::to_string(g.num_relations()) + "\n")
      << count.err;
}

TEST_F(DiagramInjectionTest, SvgIsWellFormedAndHasNoScript) {
  const std::string xmllint = find_tool("xmllint");
  if (xmllint.empty()) GTEST_SKIP() << "xmllint not installed";
  const std::string ttl = file("g.ttl", write_to_string(hostile_graph(), "turtle"));
  const ChildResult r = kg({"render", ttl, "-o", path("g.svg").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const ChildResult lint = run_program({xmllint, "--noout", path("g.svg").string()}, dir_);
  EXPECT_EQ(lint.exit_code, 0) << lint.err;
  EXPECT_EQ(lint.err, "");
  const ChildResult scripts = run_program(
      {xmllint, "--xpath", "count(//*[local-name()='script'])", path("g.svg").string()}, dir_);
  EXPECT_EQ(scripts.out, "0\n") << scripts.err;
  const ChildResult handlers = run_program(
      {xmllint, "--xpath", "count(//@*[starts-with(local-name(), 'on')])", path("g.svg").string()},
      dir_);
  EXPECT_EQ(handlers.out, "0\n") << handlers.err;
  EXPECT_EQ(slurp(path("g.svg")).find("<script"), std::string::npos);
}

TEST_F(DiagramInjectionTest, CliConvertKeepsHostileLabelsThroughEverySyntax) {
  const KnowledgeGraph g = hostile_graph();
  std::string previous = file("g.ttl", write_to_string(g, "turtle"));
  for (const char* ext : {"nt", "nq", "rdf", "ttl"}) {
    const std::string next = path(std::string("h.") + ext).string();
    const ChildResult r = kg({"convert", previous, next});
    ASSERT_EQ(r.exit_code, 0) << ext << ": " << r.err;
    previous = next;
  }
  EXPECT_EQ(slurp(previous), slurp(path("g.ttl")));
}

}  // namespace
}  // namespace kg::reliability
