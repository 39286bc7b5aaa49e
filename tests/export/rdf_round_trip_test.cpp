#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>

#include "export_test_util.hpp"

namespace kg::exporters {
namespace {

using testing::canonical;
using testing::read_string;
using testing::sample_graph;
using testing::sorted_ntriples;
using testing::write_string;

struct Syntax {
  const char* format;
  const char* rapper;  // rapper's syntax name
  const char* serdi;   // serdi's, empty when serdi cannot read it
  const char* extension;
};

constexpr Syntax kSyntaxes[] = {{"turtle", "turtle", "turtle", "ttl"},
                                {"ntriples", "ntriples", "ntriples", "nt"},
                                {"nquads", "nquads", "nquads", "nq"},
                                {"rdfxml", "rdfxml", "", "rdf"}};

class RdfRoundTripTest : public ::testing::TestWithParam<Syntax> {};

// write -> read -> write: equal graphs and byte-identical sorted N-Triples.
void expect_round_trip(const KnowledgeGraph& g, const Syntax& s, RdfParser parser) {
  ReadOptions options;
  options.parser = parser;
  const std::string first = write_string(g, s.format);
  auto back = read_string(first, s.format, options);
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << first;
  const std::string second = write_string(*back, s.format);
  EXPECT_EQ(sorted_ntriples(*back), sorted_ntriples(g));
  EXPECT_EQ(second, first);
  auto again = read_string(second, s.format, options);
  ASSERT_TRUE(again);
  EXPECT_EQ(canonical(*again), canonical(*back));
}

TEST_P(RdfRoundTripTest, SampleGraphComesBackEqual) {
  const auto g = sample_graph();
  const std::string text = write_string(g, GetParam().format);
  auto back = read_string(text, GetParam().format);
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(canonical(*back), canonical(g));
  expect_round_trip(g, GetParam(), RdfParser::kSerd);
}

TEST_P(RdfRoundTripTest, RaptorParserGivesTheSameGraph) {
  const auto g = sample_graph();
  auto by_serd = read_string(write_string(g, GetParam().format), GetParam().format);
  ReadOptions raptor;
  raptor.parser = RdfParser::kRaptor;
  auto by_raptor = read_string(write_string(g, GetParam().format), GetParam().format, raptor);
  ASSERT_TRUE(by_serd);
  ASSERT_TRUE(by_raptor) << by_raptor.error().to_string();
  EXPECT_EQ(canonical(*by_raptor), canonical(*by_serd));
  expect_round_trip(g, GetParam(), RdfParser::kRaptor);
}

TEST_P(RdfRoundTripTest, ForeignRdfIsKeptAndWrittenBack) {
  const std::string input =
      testing::read_file(std::string(KG_TEST_DATA_DIR) + "/export/foreign.ttl");
  ASSERT_FALSE(input.empty());
  auto g = read_string(input, "turtle");
  ASSERT_TRUE(g) << g.error().to_string();
  expect_round_trip(*g, GetParam(), RdfParser::kSerd);
  auto back = read_string(write_string(*g, GetParam().format), GetParam().format);
  ASSERT_TRUE(back);
  EXPECT_EQ(sorted_ntriples(*back), sorted_ntriples(*g));
}

TEST_P(RdfRoundTripTest, HardLabelsSurviveAndToolsAcceptTheFile) {
  KnowledgeGraph g;
  const std::vector<std::string> labels = {"Quote \" and backslash \\ inside",
                                           "Angles <b> & ampersand",
                                           "Line\nbreak and\ttab",
                                           "Carriage\rreturn and bell \x07",
                                           "Emoji 😀 and more 🇺🇸",
                                           "Сергей Лавров",
                                           "  spaced   out  ",
                                           "O'Brien's \"party\"",
                                           "trailing backslash \\"};
  const bool xml = std::string(GetParam().format) == "rdfxml";
  for (const auto& label : labels) {
    // XML 1.0 cannot carry U+0007 at all (see RdfXmlWriterTest).
    if (xml && label.find('\x07') != std::string::npos) continue;
    Entity e;
    e.label = label;
    e.class_iri = testing::kgo("Person");
    e.aliases = {label + " (alias)"};
    auto v = g.add_entity(e);
    ASSERT_TRUE(v) << label;
    g.add_attribute(*v, {"http://example.org/note", Term::literal(label, "", "ru")});
  }
  const auto& s = GetParam();
  testing::TempDir dir;
  const std::string path = dir.file(std::string("labels.") + s.extension);
  auto written = write_graph_file(g, *find_format(s.format), path);
  ASSERT_TRUE(written) << written.error().to_string();
  auto back = read_graph_file(path);
  ASSERT_TRUE(back) << back.error().to_string();
  EXPECT_EQ(canonical(*back), canonical(g));
  for (const auto& label : labels) {
    if (xml && label.find('\x07') != std::string::npos) continue;
    EXPECT_EQ(back->find_by_name(label).size(), 1U) << label;
  }
  if (!testing::tool_available("rapper") || !testing::tool_available("serdi")) {
    GTEST_SKIP() << "rapper or serdi not installed; install raptor2-utils and serdi";
  }
  testing::expect_tools_accept(path, s.rapper, s.serdi);
}

TEST_P(RdfRoundTripTest, SampleAndForeignFilesAreAcceptedByRapperAndSerdi) {
  if (!testing::tool_available("rapper") || !testing::tool_available("serdi")) {
    GTEST_SKIP() << "rapper or serdi not installed; install raptor2-utils and serdi";
  }
  const auto& s = GetParam();
  testing::TempDir dir;
  auto foreign = read_string(
      testing::read_file(std::string(KG_TEST_DATA_DIR) + "/export/foreign.ttl"), "turtle");
  ASSERT_TRUE(foreign);
  for (const auto* g : {&*foreign}) {
    const std::string path = dir.file(std::string("foreign.") + s.extension);
    ASSERT_TRUE(write_graph_file(*g, *find_format(s.format), path));
    testing::expect_tools_accept(path, s.rapper, s.serdi);
  }
  const std::string path = dir.file(std::string("sample.") + s.extension);
  ASSERT_TRUE(write_graph_file(sample_graph(), *find_format(s.format), path));
  testing::expect_tools_accept(path, s.rapper, s.serdi);
}

INSTANTIATE_TEST_SUITE_P(AllSyntaxes, RdfRoundTripTest, ::testing::ValuesIn(kSyntaxes),
                         [](const ::testing::TestParamInfo<Syntax>& info) {
                           return std::string(info.param.format);
                         });

// A triple-only syntax merges every graph into the default graph, where a triple
// exists once: reading N-Triples back keeps a repeated triple once, so the writers
// must not repeat it, or write -> read -> write differs.
constexpr std::string_view kTripleInTwoGraphs =
    "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n"
    "<http://example.org/a> <http://example.org/p> <http://example.org/b> "
    "<http://example.org/g> .\n"
    "<http://example.org/c> <http://example.org/p> <http://example.org/d> .\n"
    "<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\"@en "
    "<http://example.org/g> .\n"
    "<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A\"@en .\n"
    "<http://example.org/e> <http://example.org/p> \"x\" <http://example.org/g> .\n"
    "<http://example.org/e> <http://example.org/p> \"x\" <http://example.org/h> .\n";

std::size_t count_lines(const std::string& text, std::string_view line) {
  std::size_t n = 0;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) n += l == line ? 1 : 0;
  return n;
}

TEST(MergedGraphWriterTest, TripleInTwoNamedGraphsIsWrittenOnce) {
  auto g = read_string(std::string(kTripleInTwoGraphs), "nquads");
  ASSERT_TRUE(g) << g.error().to_string();
  const std::string nt = write_string(*g, "ntriples");
  EXPECT_EQ(
      count_lines(nt, "<http://example.org/a> <http://example.org/p> <http://example.org/b> ."), 1U)
      << nt;
  EXPECT_EQ(count_lines(nt, "<http://example.org/e> <http://example.org/p> \"x\" ."), 1U) << nt;
  EXPECT_EQ(count_lines(nt,
                        "<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> "
                        "\"A\"@en ."),
            1U)
      << nt;
  EXPECT_EQ(
      count_lines(nt, "<http://example.org/c> <http://example.org/p> <http://example.org/d> ."), 1U)
      << nt;
  // N-Quads keeps the graphs apart: each copy is written in its own graph.
  const std::string nq = write_string(*g, "nquads");
  EXPECT_EQ(count_lines(nq,
                        "<http://example.org/e> <http://example.org/p> \"x\" "
                        "<http://example.org/h> ."),
            1U)
      << nq;
  EXPECT_EQ(count_lines(nq,
                        "<http://example.org/e> <http://example.org/p> \"x\" "
                        "<http://example.org/g> ."),
            1U)
      << nq;
}

TEST(MergedGraphWriterTest, TripleInTwoNamedGraphsRoundTripsInEverySyntax) {
  auto g = read_string(std::string(kTripleInTwoGraphs), "nquads");
  ASSERT_TRUE(g) << g.error().to_string();
  for (const char* format : {"ntriples", "turtle", "nquads", "rdfxml"}) {
    const std::string first = write_string(*g, format);
    auto back = read_string(first, format);
    ASSERT_TRUE(back) << format << ": " << back.error().to_string() << "\n" << first;
    EXPECT_EQ(write_string(*back, format), first) << format;
  }
}

// Reads N-Triples and writes it as RDF/XML: success when the writer refuses with
// kUnsupported and a message naming `reason`.
::testing::AssertionResult rdfxml_refuses(const std::string& ntriples, const std::string& reason) {
  auto g = read_string(ntriples, "ntriples");
  if (!g) return ::testing::AssertionFailure() << "not read: " << g.error().to_string();
  std::ostringstream out;
  auto r = write_graph(*g, *find_format("rdfxml"), out);
  if (r) return ::testing::AssertionFailure() << "written:\n" << out.str();
  if (r.error().code != Error::Code::kUnsupported) {
    return ::testing::AssertionFailure() << "not kUnsupported: " << r.error().to_string();
  }
  if (r.error().message.find(reason) == std::string::npos) {
    return ::testing::AssertionFailure() << "no '" << reason << "' in " << r.error().message;
  }
  return ::testing::AssertionSuccess();
}

TEST(RdfXmlWriterTest, ControlCharacterIsAnErrorNotSilentLoss) {
  KnowledgeGraph g;
  Entity e;
  e.label = "bell \x07";
  ASSERT_TRUE(g.add_entity(e));
  std::ostringstream out;
  auto r = write_graph(g, *find_format("rdfxml"), out);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Error::Code::kUnsupported);
  EXPECT_FALSE(r.error().hint.empty());
}

// Raptor wrote a literal holding U+0000 cut short there (found by fuzzing): RDF/XML
// cannot carry it, so writing is refused with the reason, and Turtle keeps it.
TEST(RdfXmlWriterTest, LiteralWithNulIsAnError) {
  const std::string nt = "<http://example.org/a> <http://example.org/p> \"a\\u0000b\" .\n";
  EXPECT_TRUE(rdfxml_refuses(nt, "U+0000"));
  auto g = read_string(nt, "ntriples");
  ASSERT_TRUE(g) << g.error().to_string();
  auto back = read_string(write_string(*g, "turtle"), "turtle");
  ASSERT_TRUE(back);
  EXPECT_EQ(write_string(*back, "ntriples"), write_string(*g, "ntriples"));
}

// "rdf:pre@icate" can only be written with a namespace that extends the RDF namespace, which
// RDF/XML readers refuse: an error naming the predicate, not a file nothing reads back.
TEST(RdfXmlWriterTest, PredicateExtendingTheRdfNamespaceIsAnError) {
  EXPECT_TRUE(rdfxml_refuses(
      "<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#pre@icate> \"x\" .\n",
      "pre@icate"));
  // A name in the RDF namespace itself is fine.
  auto ok = read_string(
      "<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> \"x\" .\n",
      "ntriples");
  ASSERT_TRUE(ok);
  const std::string xml = write_string(*ok, "rdfxml");
  auto back = read_string(xml, "rdfxml");
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << xml;
}

// RDF/XML readers resolve rdf:about, rdf:resource and rdf:datatype, which removes "." and
// ".." path segments: such an IRI would read back as another one, so writing is refused.
TEST(RdfXmlWriterTest, IriWithDotSegmentIsAnError) {
  for (const char* line :
       {"<http:.//example.org/a> <http://example.org/p> \"x\" .\n",
        "<http://example.org/a> <http://example.org/p> <http://example.org/x/../y> .\n",
        "<http://example.org/a> <http://example.org/p> \"1\"^^<http:./example.org/dt> .\n"}) {
    EXPECT_TRUE(rdfxml_refuses(line, "path segment")) << line;
  }
  // Dots that are not whole segments are fine, and read back unchanged.
  auto ok = read_string(
      "<http://example.org/a.b/.c/d.> <http://example.org/p> <http://example.org/...> .\n",
      "ntriples");
  ASSERT_TRUE(ok);
  const std::string xml = write_string(*ok, "rdfxml");
  auto back = read_string(xml, "rdfxml");
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << xml;
  EXPECT_EQ(write_string(*back, "ntriples"), write_string(*ok, "ntriples"));
}

// A blank node as a graph name stays a blank node in N-Quads (it was written as <_:g>).
TEST(NQuadsWriterTest, BlankGraphNameIsWrittenAsABlankNode) {
  auto g = read_string(
      "<http://example.org/a> <https://kg.example.org/ontology#met> <http://example.org/b> _:g1 "
      ".\n<http://example.org/a> <http://example.org/p> \"x\" _:g1 .\n",
      "nquads");
  ASSERT_TRUE(g) << g.error().to_string();
  const std::string nq = write_string(*g, "nquads");
  EXPECT_EQ(nq.find("<_:"), std::string::npos) << nq;
  EXPECT_NE(nq.find(" _:"), std::string::npos) << nq;
  auto back = read_string(nq, "nquads");
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << nq;
  EXPECT_EQ(write_string(*back, "nquads"), nq);
}

// RDF/XML's own syntax names cannot be property elements: a reader refuses rdf:bagID and
// reads rdf:li back as rdf:_1. Found by fuzzing.
TEST(RdfXmlWriterTest, SyntaxNameAsPredicateIsAnError) {
  for (const char* local : {"bagID", "li", "about", "Description"}) {
    EXPECT_TRUE(rdfxml_refuses(std::string("<http://example.org/a> "
                                           "<http://www.w3.org/1999/02/22-rdf-syntax-ns#") +
                                   local + "> \"x\" .\n",
                               std::string("rdf:") + local));
  }
}

// N-Triples blank node labels may start with a digit; RDF/XML's rdf:nodeID may not (the
// file did not read back). Found by fuzzing.
TEST(RdfXmlWriterTest, BlankLabelStartingWithADigitReadsBack) {
  auto g = read_string(
      "<http://example.org/a> <http://example.org/p> _:6anon2 .\n"
      "_:6anon2 <http://example.org/q> \"x\" .\n_:anon2 <http://example.org/q> \"y\" .\n",
      "ntriples");
  ASSERT_TRUE(g) << g.error().to_string();
  const std::string xml = write_string(*g, "rdfxml");
  auto back = read_string(xml, "rdfxml");
  ASSERT_TRUE(back) << back.error().to_string() << "\n" << xml;
  EXPECT_EQ(write_string(*back, "rdfxml"), xml);
  // Still two blank nodes, one with each literal.
  const std::string nt = write_string(*back, "ntriples");
  EXPECT_NE(nt.find("\"x\""), std::string::npos);
  EXPECT_NE(nt.find("\"y\""), std::string::npos);
  EXPECT_EQ(std::count(nt.begin(), nt.end(), '\n'), 3);
}

// RDF/XML's xml:lang may be any text, but a language tag like "en-g/b" cannot be written in
// any other syntax: the reader refuses it with its reason. Found by fuzzing.
TEST(RdfXmlReaderTest, MalformedLanguageTagIsRefused) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<rdf:RDF "
      "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns:ex=\"http://example.org/\">\n"
      "  <rdf:Description rdf:about=\"http://example.org/a\">\n"
      "    <ex:name xml:lang=\"en-g/b\">zob</ex:name>\n  </rdf:Description>\n</rdf:RDF>\n";
  auto g = read_string(xml, "rdfxml");
  ASSERT_FALSE(g);
  EXPECT_NE(g.error().message.find("language tag"), std::string::npos) << g.error().message;
  auto ok = read_string("<http://example.org/a> <http://example.org/p> \"x\"@en-GB-oxendict .\n",
                        "ntriples");
  ASSERT_TRUE(ok) << ok.error().to_string();
}

// Raptor 2.0.15 writes past a heap buffer on a language tag of 256 bytes or more (found by
// fuzzing, seen with valgrind): such a tag is refused before Raptor reads it.
TEST(RaptorReaderTest, LongLanguageTagIsRefused) {
  const std::string tag(300, 'a');
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<rdf:RDF "
      "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns:ex=\"http://example.org/\">\n"
      "  <rdf:Description rdf:about=\"http://example.org/a\">\n"
      "    <ex:name xml:lang=\"" +
      tag + "\">zob</ex:name>\n  </rdf:Description>\n</rdf:RDF>\n";
  auto g = read_string(xml, "rdfxml");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().line, 4U);
  EXPECT_NE(g.error().message.find("longer than 255"), std::string::npos) << g.error().message;
  ReadOptions raptor;
  raptor.parser = RdfParser::kRaptor;
  auto t = read_string("<http://example.org/a> <http://example.org/p> \"x\"@" + tag + " .\n",
                       "ntriples", raptor);
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("longer than 255"), std::string::npos) << t.error().message;
}

// Raptor ends a term at a NUL byte and keeps the rest silently; the reader refuses the byte.
TEST(RaptorReaderTest, NulByteIsAnErrorWithItsPlace) {
  const std::string text = std::string("<http://example.org/a> <http://example.org/p> \"x\" .\n") +
                           "<http://example.org/a> <htt:" + std::string(3, '\0') +
                           "s.org/p> \"y\" .\n";
  for (const char* syntax : {"ntriples", "turtle", "nquads"}) {
    ReadOptions options;
    options.parser = RdfParser::kRaptor;
    auto g = read_string(text, syntax, options);
    ASSERT_FALSE(g) << syntax;
    EXPECT_EQ(g.error().line, 2U);
    EXPECT_EQ(g.error().column, 29U);
    EXPECT_NE(g.error().message.find("NUL byte"), std::string::npos) << g.error().message;
  }
}

TEST(ForeignRdfTest, KeepsEveryTripleOfTheInput) {
  const std::string path = std::string(KG_TEST_DATA_DIR) + "/export/foreign.ttl";
  auto g = read_graph_file(path);
  ASSERT_TRUE(g) << g.error().to_string();
  if (!testing::tool_available("serdi")) GTEST_SKIP() << "serdi not installed";
  // serdi's N-Triples of the input and of what we write, both spelled by serdi
  // and sorted, with blank node labels (which parsers choose) blanked out.
  testing::TempDir dir;
  const std::string ours = dir.file("ours.nt");
  ASSERT_TRUE(write_graph_file(*g, *find_format("nt"), ours));
  // Language tags are compared lowercased (they are case-insensitive).
  const std::string normalise =
      " | sed -E 's/_:[A-Za-z0-9_-]+/_:x/g; s/@([A-Za-z-]+) \\.$/@\\L\\1 ./' | LC_ALL=C sort > ";
  ASSERT_EQ(std::system(("serdi -i turtle -o ntriples '" + path + "'" + normalise + "'" +
                         dir.file("theirs.sorted") + "'")
                            .c_str()),
            0);
  ASSERT_EQ(std::system(("serdi -i ntriples -o ntriples '" + ours + "'" + normalise + "'" +
                         dir.file("ours.sorted") + "'")
                            .c_str()),
            0);
  const std::string theirs = testing::read_file(dir.file("theirs.sorted"));
  EXPECT_FALSE(theirs.empty());
  EXPECT_EQ(testing::read_file(dir.file("ours.sorted")), theirs);
}

TEST(ForeignRdfTest, InterpretsEntitiesAndKeepsTheRest) {
  auto g = read_graph_file(std::string(KG_TEST_DATA_DIR) + "/export/foreign.ttl");
  ASSERT_TRUE(g) << g.error().to_string();
  // ex:alice is typed (foaf:Person) so she is an entity; her German label stays an attribute.
  const auto alice = g->find("http://example.org/people/alice");
  ASSERT_TRUE(alice);
  const Entity& e = g->entity(*alice);
  EXPECT_EQ(e.class_iri, "http://xmlns.com/foaf/0.1/Person");
  EXPECT_EQ(e.label, "Alice");
  bool german = false;
  bool typed = false;
  for (const auto& a : e.attributes) {
    if (a.value.language == "de") german = true;
    if (a.value.datatype == "http://www.w3.org/2001/XMLSchema#date") typed = true;
  }
  EXPECT_TRUE(german);
  EXPECT_TRUE(typed);
  // The kgo: relation between two IRIs is a relation.
  EXPECT_EQ(g->num_relations(), 1U);
  // The reification without its direct triple is somebody else's: kept as triples.
  bool reified = false;
  bool blank = false;
  for (const auto& q : g->extras()) {
    if (q.object.value == "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement") reified = true;
    if (q.subject.is_blank()) blank = true;
  }
  EXPECT_TRUE(reified);
  EXPECT_TRUE(blank);
}

}  // namespace
}  // namespace kg::exporters
