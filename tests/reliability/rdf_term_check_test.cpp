// Regression tests for bugs the fuzzers found in the RDF readers: terms that no
// writer can carry (invalid UTF-8, characters IRIs forbid, relative IRIs) must make
// the read fail, whichever parser is used, so kg never writes output it or other
// tools cannot read back.

#include <gtest/gtest.h>

#include <kg/exporters/formats.hpp>
#include <sstream>
#include <string>

namespace kg::reliability {
namespace {

Result<KnowledgeGraph> read_with_raptor(const std::string& bytes, const std::string& syntax) {
  std::istringstream in(bytes);
  exporters::ReadOptions options;
  options.parser = exporters::RdfParser::kRaptor;
  return exporters::read_graph(in, *exporters::find_format(syntax), "input." + syntax, options);
}

// Found by fuzz_rdf_nquads / fuzz_rdf_ntriples / fuzz_rdf_turtle: with
// ReadOptions::parser = kRaptor, Raptor's Turtle, N-Triples and N-Quads parsers accept a
// byte that is not UTF-8 (0xF0 followed by 'f'), control characters (U+0010, NUL) and
// characters IRIREF forbids (`<`, space) inside IRIs, which the default serd reader
// rejects with line and column. (With a `<` inside, kg's N-Triples writer escapes it as
// \u003C, which Raptor then refuses to read back.) The graph read is then
// not lossless: the N-Triples writer percent-encodes the byte (<http://a/p%F0f>), and
// RDF/XML cannot write it at all. The reader now checks every term a parser hands over.
TEST(RdfTermCheckTest, RaptorReaderRejectsInvalidUtf8AndControls) {
  for (const char* syntax : {"ntriples", "nquads", "turtle"}) {
    SCOPED_TRACE(syntax);
    EXPECT_FALSE(
        read_with_raptor("<http://a/s> <http://a/p\xF0"
                         "f> \"x\" .\n",
                         syntax));
    EXPECT_FALSE(read_with_raptor(std::string("<http://a/s> <http://a/p> \"x\"^^<http://a/d\x10") +
                                      std::string(1, '\0') + "> .\n",
                                  syntax));
    EXPECT_FALSE(read_with_raptor("<http://a/s> <http://a/p<http://a/q> \"x\" .\n", syntax));
  }
}

// Found by fuzz_rdf_turtle: a Turtle prefix bound to a relative IRI reference
// (`@prefix ex: <h~ttp://x.org/> .`, not a scheme because of the `~`) is not resolved
// against the base, so `kg convert in.ttl out.nt` writes `<h~ttp://x.org/a>`, which kg,
// serdi and rapper all refuse to read back ("bad IRI scheme char"). Raptor resolves it
// against the base (`<file:///dir/h~ttp://x.org/a>`); kg's reader rejects the file
// instead, naming the IRI. fuzz_rdf_rdfxml found the same with RDF/XML input
// (an rdf:resource that ended up as `<hw3.rog/1999e.org/aRDF>` in the N-Triples output).
TEST(RdfTermCheckTest, RelativePrefixIriIsResolvedOrRejected) {
  std::istringstream in("@prefix ex: <h~ttp://x.org/> .\nex:a ex:p \"v\" .\n");
  exporters::ReadOptions options;
  options.base = "http://base.example/dir/";
  auto graph = exporters::read_graph(in, *exporters::find_format("turtle"), "in.ttl", options);
  if (!graph) return;  // rejecting the file is fine too
  std::ostringstream nt;
  ASSERT_TRUE(exporters::write_graph(*graph, *exporters::find_format("ntriples"), nt));
  std::istringstream back(nt.str());
  auto again = exporters::read_graph(back, *exporters::find_format("ntriples"), "out.nt");
  EXPECT_TRUE(again) << nt.str() << (again ? "" : again.error().to_string());
}

// The same inputs through the default reader fail with the position.
TEST(RdfTermCheckTest, SerdReaderRejectsInvalidUtf8AndControls) {
  for (const char* syntax : {"ntriples", "nquads", "turtle"}) {
    SCOPED_TRACE(syntax);
    std::istringstream a(
        "<http://a/s> <http://a/p\xF0"
        "f> \"x\" .\n");
    auto r = exporters::read_graph(a, *exporters::find_format(syntax), "a");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().line, 1U);
    EXPECT_GT(r.error().column, 0U);
    std::istringstream b("<http://a/s> <http://a/p> \"x\"^^<http://a/d\x10> .\n");
    auto s = exporters::read_graph(b, *exporters::find_format(syntax), "b");
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().line, 1U);
  }
}

// Found by fuzz_rdf_ntriples: serd accepts a literal that is not UTF-8 (0xC2 0xC2),
// and the RDF/XML written from it was not UTF-8 either, so no XML parser could read it.
TEST(RdfTermCheckTest, LiteralThatIsNotUtf8IsRejected) {
  for (const auto parser : {exporters::RdfParser::kAuto, exporters::RdfParser::kRaptor}) {
    std::istringstream in("<http://a/s> <http://a/p> \"Carol \xC2\xC2\" .\n");
    exporters::ReadOptions options;
    options.parser = parser;
    auto r = exporters::read_graph(in, *exporters::find_format("ntriples"), "c.nt", options);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("not valid UTF-8"), std::string::npos)
        << r.error().to_string();
  }
}

// Found by fuzz_rdf_rdfxml: Raptor's RDF/XML parser accepts an rdf:about with a space
// and no scheme; the N-Triples writer then wrote `\u0020`, which no reader accepts.
TEST(RdfTermCheckTest, RdfXmlIriWithASpaceIsRejectedWithTheLine) {
  std::istringstream in(
      "<?xml version=\"1.0\"?>\n"
      "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
      "         xmlns:ex=\"http://example.org/\">\n"
      "  <rdf:Description rdf:about=\"http://example.org/a b\">\n"
      "    <ex:p>v</ex:p>\n"
      "  </rdf:Description>\n"
      "</rdf:RDF>\n");
  auto r = exporters::read_graph(in, *exporters::find_format("rdfxml"), "a.rdf");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("an IRI with a space"), std::string::npos)
      << r.error().to_string();
  EXPECT_GT(r.error().line, 0U) << r.error().to_string();
}

// Absolute IRIs with non-ASCII characters (IRIs, not URIs) are kept as they are.
TEST(RdfTermCheckTest, AbsoluteIriWithUnicodeIsKept) {
  std::istringstream in("<http://a/s\xC3\xA9> <http://a/p> \"\xE2\x82\xAC\" .\n");
  auto r = exporters::read_graph(in, *exporters::find_format("ntriples"), "u.nt");
  ASSERT_TRUE(r) << r.error().to_string();
  std::ostringstream nt;
  ASSERT_TRUE(exporters::write_graph(*r, *exporters::find_format("ntriples"), nt));
  EXPECT_NE(nt.str().find("s\xC3\xA9"), std::string::npos) << nt.str();
}

}  // namespace
}  // namespace kg::reliability
