// convert_file: the streaming path (serd in, triples written as they come)
// and the choice between it and the model path.

#include <gtest/gtest.h>

#include <filesystem>

#include "export_test_util.hpp"

namespace kg::exporters {
namespace {

using testing::read_file;
using testing::sorted_ntriples;

const Format& fmt(std::string_view name) {
  const Format* f = find_format(name);
  EXPECT_NE(f, nullptr) << name;
  return *f;
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// The part of a Turtle document after its @prefix lines.
std::string turtle_body(const std::string& ttl) {
  std::size_t pos = 0;
  while (ttl.compare(pos, 8, "@prefix ") == 0) pos = ttl.find('\n', pos) + 1;
  if (ttl.compare(pos, 1, "\n") == 0) ++pos;
  return ttl.substr(pos);
}

// The graph a file holds, as sorted N-Triples (read through the model).
std::string triples_of(const std::string& path) {
  auto g = read_graph_file(path);
  EXPECT_TRUE(g) << g.error().to_string();
  return g ? sorted_ntriples(*g) : std::string();
}

constexpr const char* kNTriples =
    "<http://example.org/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://kg.example.org/ontology#Person> .\n"
    "<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"A \\\"quoted\\\" "
    "name\\n\"@en .\n"
    "<http://example.org/a> <http://www.w3.org/2000/01/rdf-schema#label> \"Сергей 😀\"@ru .\n"
    "<http://example.org/a> <https://kg.example.org/ontology#met> _:x1 .\n"
    "_:x1 <http://example.org/v#age> \"42\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
    "<http://example.org/a> <http://example.org/v#odd> <https://kg.example.org/entity/x.> .\n"
    "<http://example.org/a> <http://example.org/v#odd> <https://kg.example.org/entity/E1> .\n";

TEST(StreamConvertTest, NTriplesToTurtleGroupsBySubjectAndPredicate) {
  testing::TempDir dir;
  write_text(dir.file("in.nt"), kNTriples);
  ASSERT_TRUE(convert_file(dir.file("in.nt"), fmt("ntriples"), dir.file("out.ttl"), fmt("turtle"),
                           ConvertPath::kStream));
  const std::string ttl = read_file(dir.file("out.ttl"));
  EXPECT_NE(ttl.find("@prefix kgo: <https://kg.example.org/ontology#> .\n"), std::string::npos);
  // A subject that comes back later starts a new statement: input order is kept.
  EXPECT_EQ(turtle_body(ttl),
            "<http://example.org/a> a kgo:Person ;\n"
            "    rdfs:label \"A \\\"quoted\\\" name\\n\"@en, \"Сергей 😀\"@ru ;\n"
            "    kgo:met _:x1 .\n\n"
            "_:x1 <http://example.org/v#age> \"42\"^^xsd:integer .\n\n"
            "<http://example.org/a> <http://example.org/v#odd> "
            "<https://kg.example.org/entity/x.>, ex:E1 .\n\n");
}

TEST(StreamConvertTest, TurtleOutputHoldsTheInputTriplesAndToolsAcceptIt) {
  testing::TempDir dir;
  write_text(dir.file("in.nt"), kNTriples);
  ASSERT_TRUE(convert_file(dir.file("in.nt"), fmt("ntriples"), dir.file("out.ttl"), fmt("turtle")));
  EXPECT_EQ(triples_of(dir.file("out.ttl")), triples_of(dir.file("in.nt")));
  if (!testing::tool_available("rapper") || !testing::tool_available("serdi")) {
    GTEST_SKIP() << "rapper or serdi not installed; install raptor2-utils and serdi";
  }
  testing::expect_tools_accept(dir.file("out.ttl"), "turtle", "turtle");
}

TEST(StreamConvertTest, ForeignTurtleStreamsToTheSameTriplesAsTheModelReads) {
  const std::string foreign = std::string(KG_TEST_DATA_DIR) + "/export/foreign.ttl";
  testing::TempDir dir;
  ASSERT_TRUE(convert_file(foreign, fmt("turtle"), dir.file("out.nt"), fmt("ntriples"),
                           ConvertPath::kStream));
  EXPECT_EQ(triples_of(dir.file("out.nt")), triples_of(foreign));
  ASSERT_TRUE(convert_file(dir.file("out.nt"), fmt("ntriples"), dir.file("out.ttl"), fmt("turtle"),
                           ConvertPath::kStream));
  EXPECT_EQ(triples_of(dir.file("out.ttl")), triples_of(foreign));
  if (!testing::tool_available("rapper") || !testing::tool_available("serdi")) {
    GTEST_SKIP() << "rapper or serdi not installed; install raptor2-utils and serdi";
  }
  testing::expect_tools_accept(dir.file("out.nt"), "ntriples", "ntriples");
  testing::expect_tools_accept(dir.file("out.ttl"), "turtle", "turtle");
}

TEST(StreamConvertTest, NTriplesAndNQuadsOfTheWritersPassThroughByteIdentical) {
  const KnowledgeGraph g = testing::sample_graph();
  testing::TempDir dir;
  for (const char* ext : {"nt", "nq"}) {
    const std::string in = dir.file(std::string("in.") + ext);
    const std::string out = dir.file(std::string("out.") + ext);
    ASSERT_TRUE(write_graph_file(g, *format_for_path(in), in));
    ASSERT_TRUE(convert_file(in, *format_for_path(in), out, *format_for_path(out)));
    EXPECT_EQ(read_file(out), read_file(in)) << ext;
  }
}

TEST(StreamConvertTest, NQuadsToNTriplesDropsOnlyTheGraphNames) {
  testing::TempDir dir;
  write_text(dir.file("in.nq"),
             "<http://example.org/a> <http://example.org/p> \"x\" <http://example.org/g> .\n"
             "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n");
  ASSERT_TRUE(convert_file(dir.file("in.nq"), fmt("nquads"), dir.file("out.nt"), fmt("ntriples")));
  EXPECT_EQ(read_file(dir.file("out.nt")),
            "<http://example.org/a> <http://example.org/p> \"x\" .\n"
            "<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n");
}

TEST(StreamConvertTest, SyntaxErrorNamesFileLineAndColumnAndLeavesNoOutput) {
  testing::TempDir dir;
  write_text(dir.file("bad.nt"),
             "<http://example.org/a> <http://example.org/p> \"ok\" .\n"
             "<http://example.org/a> <http://example.org/p> \"unterminated .\n");
  auto done = convert_file(dir.file("bad.nt"), fmt("ntriples"), dir.file("out.ttl"), fmt("turtle"),
                           ConvertPath::kStream);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, Error::Code::kParse);
  EXPECT_EQ(done.error().file, dir.file("bad.nt"));
  EXPECT_EQ(done.error().line, 2U);
  EXPECT_GT(done.error().column, 0U);
  EXPECT_FALSE(std::filesystem::exists(dir.file("out.ttl")));
}

TEST(StreamConvertTest, MissingInputIsNotFound) {
  testing::TempDir dir;
  auto done = convert_file(dir.file("missing.nt"), fmt("ntriples"), dir.file("out.ttl"),
                           fmt("turtle"), ConvertPath::kStream);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, Error::Code::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir.file("out.ttl")));
}

TEST(StreamConvertTest, AutoStreamsLineBasedInputOnly) {
  EXPECT_EQ(convert_path(fmt("ntriples"), fmt("turtle")), ConvertPath::kStream);
  EXPECT_EQ(convert_path(fmt("nquads"), fmt("nquads")), ConvertPath::kStream);
  EXPECT_EQ(convert_path(fmt("turtle"), fmt("ntriples")), ConvertPath::kModel);
  EXPECT_EQ(convert_path(fmt("ntriples"), fmt("rdfxml")), ConvertPath::kModel);
  EXPECT_EQ(convert_path(fmt("ntriples"), fmt("svg")), ConvertPath::kModel);
  EXPECT_EQ(convert_path(fmt("turtle"), fmt("turtle"), ConvertPath::kStream), ConvertPath::kStream);
  EXPECT_TRUE(can_stream(fmt("turtle"), fmt("nquads")));
  EXPECT_FALSE(can_stream(fmt("rdfxml"), fmt("turtle")));
  EXPECT_FALSE(can_stream(fmt("ntriples"), fmt("dot")));
}

TEST(StreamConvertTest, StreamingRdfXmlIsAnError) {
  testing::TempDir dir;
  const std::string in = dir.file("in.rdf");
  ASSERT_TRUE(write_graph_file(testing::sample_graph(), fmt("rdfxml"), in));
  auto done =
      convert_file(in, fmt("rdfxml"), dir.file("out.ttl"), fmt("turtle"), ConvertPath::kStream);
  ASSERT_FALSE(done);
  EXPECT_EQ(done.error().code, Error::Code::kUnsupported);
  EXPECT_FALSE(std::filesystem::exists(dir.file("out.ttl")));
}

TEST(StreamConvertTest, ModelPathWritesWhatWriteGraphFileWrites) {
  const KnowledgeGraph g = testing::sample_graph();
  testing::TempDir dir;
  ASSERT_TRUE(write_graph_file(g, fmt("turtle"), dir.file("in.ttl")));
  ASSERT_TRUE(write_graph_file(g, fmt("ntriples"), dir.file("in.nt")));
  // Turtle in: the model path by default, so our own Turtle comes back byte-identical.
  ASSERT_TRUE(convert_file(dir.file("in.ttl"), fmt("turtle"), dir.file("out.ttl"), fmt("turtle")));
  EXPECT_EQ(read_file(dir.file("out.ttl")), read_file(dir.file("in.ttl")));
  ASSERT_TRUE(convert_file(dir.file("in.nt"), fmt("ntriples"), dir.file("model.ttl"), fmt("turtle"),
                           ConvertPath::kModel));
  EXPECT_EQ(read_file(dir.file("model.ttl")), read_file(dir.file("in.ttl")));
}

}  // namespace
}  // namespace kg::exporters
