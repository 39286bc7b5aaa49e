#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "export_test_util.hpp"

namespace kg::exporters {
namespace {

TEST(FormatRegistryTest, FindsFormatsByNameAliasMediaTypeAndExtension) {
  ASSERT_NE(find_format("turtle"), nullptr);
  EXPECT_EQ(find_format("TTL")->name, "turtle");
  EXPECT_EQ(find_format("text/turtle")->name, "turtle");
  EXPECT_EQ(find_format("nt")->name, "ntriples");
  EXPECT_EQ(find_format("application/n-quads")->name, "nquads");
  EXPECT_EQ(find_format("owl")->name, "rdfxml");
  EXPECT_EQ(find_format("xml")->name, "rdfxml");
  EXPECT_EQ(find_format("gv")->name, "dot");
  EXPECT_EQ(find_format("image/svg+xml")->name, "svg");
  EXPECT_EQ(find_format("ndjson")->name, "jsonl");
}

TEST(FormatRegistryTest, UnknownFormatIsNull) {
  EXPECT_EQ(find_format("docx"), nullptr);
  EXPECT_EQ(find_format(""), nullptr);
}

TEST(FormatRegistryTest, FormatForPathUsesTheExtension) {
  EXPECT_EQ(format_for_path("out/g.ttl")->name, "turtle");
  EXPECT_EQ(format_for_path("g.NQ")->name, "nquads");
  EXPECT_EQ(format_for_path("dir.with.dots/graph.rdf")->name, "rdfxml");
  EXPECT_EQ(format_for_path("g.png")->name, "png");
  EXPECT_EQ(format_for_path("dir.ttl/graph"), nullptr);
  EXPECT_EQ(format_for_path("graph."), nullptr);
}

TEST(FormatRegistryTest, OnlyRdfFormatsCanBeRead) {
  for (const auto& f : formats()) {
    EXPECT_EQ(f.can_read, f.kind == FormatKind::kRdf) << f.name;
    EXPECT_TRUE(f.can_write) << f.name;
    EXPECT_FALSE(f.extension.empty()) << f.name;
    EXPECT_FALSE(f.media_type.empty()) << f.name;
  }
  EXPECT_TRUE(find_format("png")->binary);
  EXPECT_FALSE(find_format("svg")->binary);
}

TEST(FormatRegistryTest, ReadingADiagramFormatIsUnsupported) {
  std::istringstream in("digraph {}");
  auto g = read_graph(in, *find_format("dot"), "in.dot");
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error().code, Error::Code::kUnsupported);
}

TEST(JsonLinesTest, WritesOneParsableObjectPerLine) {
  const auto g = testing::sample_graph();
  std::istringstream in(testing::write_string(g, "jsonl"));
  std::size_t entities = 0;
  std::size_t relations = 0;
  std::size_t documents = 0;
  std::size_t triples = 0;
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line);
    const auto type = j.at("type").get<std::string>();
    if (type == "entity") ++entities;
    if (type == "relation") {
      ++relations;
      EXPECT_TRUE(j.contains("provenance"));
    }
    if (type == "document") ++documents;
    if (type == "triple") ++triples;
  }
  EXPECT_EQ(entities, g.num_entities());
  EXPECT_EQ(relations, g.num_relations());
  EXPECT_EQ(documents, g.documents().size());
  EXPECT_EQ(triples, g.extras().size());
}

}  // namespace
}  // namespace kg::exporters
