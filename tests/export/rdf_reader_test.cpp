#include <gtest/gtest.h>

#include "export_test_util.hpp"

namespace kg::exporters {
namespace {

std::string bad(std::string_view name) {
  return std::string(KG_TEST_DATA_DIR) + "/export/bad/" + std::string(name);
}

struct BadInput {
  const char* file;
  RdfParser parser;
  std::size_t line;  // the line the error must name
};

class RdfReaderErrorTest : public ::testing::TestWithParam<BadInput> {};

TEST_P(RdfReaderErrorTest, NamesFileLineAndColumn) {
  ReadOptions options;
  options.parser = GetParam().parser;
  const std::string path = bad(GetParam().file);
  auto g = read_graph_file(path, nullptr, options);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, Error::Code::kParse);
  EXPECT_EQ(g.error().file, path);
  EXPECT_EQ(g.error().line, GetParam().line) << g.error().to_string();
  EXPECT_GT(g.error().column, 0U) << g.error().to_string();
  EXPECT_FALSE(g.error().hint.empty());
  EXPECT_NE(g.error().to_string().find(path + ":" + std::to_string(GetParam().line) + ":"),
            std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    BadFiles, RdfReaderErrorTest,
    ::testing::Values(BadInput{"unterminated_literal.ttl", RdfParser::kSerd, 3},
                      BadInput{"unterminated_literal.ttl", RdfParser::kRaptor, 3},
                      BadInput{"space_in_iri.nt", RdfParser::kSerd, 3},
                      BadInput{"space_in_iri.nt", RdfParser::kRaptor, 3},
                      BadInput{"mismatched_tag.rdf", RdfParser::kAuto, 5}),
    [](const ::testing::TestParamInfo<BadInput>& info) {
      std::string name;
      for (const char c : std::string(info.param.file)) {
        if (std::isalnum(static_cast<unsigned char>(c))) name += c;
      }
      return name + (info.param.parser == RdfParser::kRaptor ? "Raptor" : "Default");
    });

TEST(RdfReaderTest, UndefinedPrefixIsAnError) {
  auto g = testing::read_string("nope:a <http://example.org/p> \"x\" .\n", "turtle");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, Error::Code::kParse);
  EXPECT_NE(g.error().message.find("nope:a"), std::string::npos) << g.error().to_string();
}

TEST(RdfReaderTest, MissingFileIsNotFound) {
  auto g = read_graph_file("/nonexistent/dir/graph.ttl");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, Error::Code::kNotFound);
  EXPECT_EQ(g.error().file, "/nonexistent/dir/graph.ttl");
}

TEST(RdfReaderTest, UnknownExtensionAsksForAFormat) {
  auto g = read_graph_file("graph.unknown");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, Error::Code::kInvalidArgument);
  EXPECT_FALSE(g.error().hint.empty());
}

TEST(RdfReaderTest, DirectKgoTriplesBetweenIrisAreRelations) {
  auto g = testing::read_string(
      "<http://e.org/a> <https://kg.example.org/ontology#met> <http://e.org/b> .\n"
      "<http://e.org/a> <https://kg.example.org/ontology#confidence> <http://e.org/b> .\n",
      "ntriples");
  ASSERT_TRUE(g) << g.error().to_string();
  EXPECT_EQ(g->num_entities(), 2U);
  ASSERT_EQ(g->num_relations(), 1U);
  EXPECT_EQ(g->relation(g->relations()[0]).predicate, "https://kg.example.org/ontology#met");
  // kgo:confidence is ours but not a relation: kept as an attribute of the entity a.
  EXPECT_EQ(g->entity(*g->find("http://e.org/a")).attributes.size(), 1U);
}

TEST(RdfReaderTest, StatementWithUnknownFieldKeepsTheFieldAsATriple) {
  auto g0 = testing::sample_graph();
  std::string nt = testing::write_string(g0, "ntriples");
  const auto first_stmt = nt.find("<https://kg.example.org/statement/");
  const std::string stmt = nt.substr(first_stmt, nt.find('>', first_stmt) - first_stmt + 1);
  nt += stmt + " <http://example.org/reviewedBy> \"editor\" .\n";
  auto g = testing::read_string(nt, "ntriples");
  ASSERT_TRUE(g) << g.error().to_string();
  EXPECT_EQ(g->num_relations(), g0.num_relations());
  EXPECT_EQ(g->extras().size(), g0.extras().size() + 1);
}

TEST(RdfReaderTest, TamperedEvidenceIsKeptAsTriplesNotProvenance) {
  auto g0 = testing::sample_graph();
  std::string nt = testing::write_string(g0, "ntriples");
  // Change one offset: the evidence IRI no longer matches its fields.
  const auto at = nt.find("\"120\"^^");
  ASSERT_NE(at, std::string::npos);
  nt.replace(at, 5, "\"121\"");
  auto g = testing::read_string(nt, "ntriples");
  ASSERT_TRUE(g) << g.error().to_string();
  EXPECT_EQ(testing::sorted_ntriples(*g), [&] {
    auto again = testing::read_string(nt, "ntriples");
    return testing::sorted_ntriples(*again);
  }());
  std::size_t provenance = 0;
  for (const auto e : g->relations()) provenance += g->relation(e).provenance.size();
  EXPECT_EQ(provenance, 2U);  // three in the sample, one no longer ours
  // Nothing lost: every input line is written back.
  std::istringstream in(nt);
  std::size_t lines = 0;
  for (std::string l; std::getline(in, l);) ++lines;
  std::istringstream out(testing::write_string(*g, "ntriples"));
  std::size_t out_lines = 0;
  for (std::string l; std::getline(out, l);) ++out_lines;
  EXPECT_EQ(out_lines, lines);
}

}  // namespace
}  // namespace kg::exporters
