#include <gtest/gtest.h>

#include "export_test_util.hpp"

namespace kg::exporters {
namespace {

using testing::read_file;
using testing::sample_graph;
using testing::write_string;

TEST(TurtleWriterTest, MatchesTheGoldenFile) {
  const std::string golden = std::string(KG_TEST_DATA_DIR) + "/export/sample_graph.ttl";
  if (std::getenv("KG_UPDATE_GOLDEN") != nullptr) {
    ASSERT_TRUE(write_file_atomically(golden, write_string(sample_graph(), "turtle")));
  }
  const std::string expected = read_file(golden);
  ASSERT_FALSE(expected.empty());
  EXPECT_EQ(write_string(sample_graph(), "turtle"), expected);
}

TEST(TurtleWriterTest, SameGraphGivesSameBytes) {
  const auto g = sample_graph();
  const KnowledgeGraph copy = g;
  for (const char* f : {"turtle", "ntriples", "nquads", "rdfxml", "jsonl"}) {
    EXPECT_EQ(write_string(g, f), write_string(copy, f)) << f;
  }
}

TEST(TurtleWriterTest, WritesTypeFirstAndGroupsObjects) {
  KnowledgeGraph g;
  Entity e;
  e.label = "Vladimir Putin";
  e.class_iri = testing::kgo("Person");
  e.aliases = {"Putin", "V. Putin"};
  ASSERT_TRUE(g.add_entity(e));
  const std::string ttl = write_string(g, "turtle");
  EXPECT_NE(ttl.find("ex:Vladimir_Putin a kgo:Person ;\n    rdfs:label \"Vladimir Putin\"@en ;\n"
                     "    skos:altLabel \"Putin\"@en, \"V. Putin\"@en ."),
            std::string::npos)
      << ttl;
}

TEST(TurtleWriterTest, UsesPrefixedNamesOnlyForValidLocalNames) {
  KnowledgeGraph g;
  for (const char* iri :
       {"https://kg.example.org/entity/ends.", "https://kg.example.org/entity/a%28b%29",
        "https://kg.example.org/entity/x(y)", "https://kg.example.org/entity/Путин"}) {
    Entity e;
    e.iri = iri;
    e.class_iri = testing::kgo("Person");
    ASSERT_TRUE(g.add_entity(e)) << iri;
  }
  const std::string ttl = write_string(g, "turtle");
  EXPECT_NE(ttl.find("<https://kg.example.org/entity/ends.> a kgo:Person"), std::string::npos)
      << ttl;
  EXPECT_NE(ttl.find("ex:a%28b%29 a kgo:Person"), std::string::npos) << ttl;
  EXPECT_NE(ttl.find("<https://kg.example.org/entity/x(y)> a kgo:Person"), std::string::npos)
      << ttl;
  EXPECT_NE(ttl.find("ex:Путин a kgo:Person"), std::string::npos) << ttl;
}

TEST(TurtleWriterTest, BareRelationIsOnlyADirectTriple) {
  KnowledgeGraph g;
  Entity a;
  a.label = "A";
  Entity b;
  b.label = "B";
  const auto va = *g.add_entity(a);
  const auto vb = *g.add_entity(b);
  Relation r;
  r.predicate = testing::kgo("backs");
  ASSERT_TRUE(g.add_relation(va, r, vb));
  const std::string nt = write_string(g, "ntriples");
  EXPECT_EQ(nt.find("Statement"), std::string::npos) << nt;
  EXPECT_NE(nt.find("<https://kg.example.org/entity/A> <https://kg.example.org/ontology#backs> "
                    "<https://kg.example.org/entity/B> ."),
            std::string::npos)
      << nt;
}

TEST(TurtleWriterTest, NegatedAndAttributedRelationsHaveNoDirectTriple) {
  const std::string nt = write_string(sample_graph(), "ntriples");
  EXPECT_EQ(nt.find("<https://kg.example.org/entity/Donald_Trump> "
                    "<https://kg.example.org/ontology#accepted>"),
            std::string::npos);
  EXPECT_EQ(
      nt.find("<https://kg.example.org/entity/Donald_Trump> <https://kg.example.org/ontology#met> "
              "<https://kg.example.org/entity/Sergey_Lavrov>"),
      std::string::npos);
  EXPECT_NE(nt.find("<https://kg.example.org/ontology#negated> "
                    "\"true\"^^<http://www.w3.org/2001/XMLSchema#boolean>"),
            std::string::npos);
}

TEST(NQuadsWriterTest, PutsFactsInTheGraphOfTheirDocument) {
  const std::string nq = write_string(sample_graph(), "nquads");
  const std::string doc = "<https://kg.example.org/doc/g20-hamburg>";
  // The relation with evidence from the document is in the document's graph.
  EXPECT_NE(
      nq.find("<https://kg.example.org/entity/Donald_Trump> <https://kg.example.org/ontology#met> "
              "<https://kg.example.org/entity/Vladimir_Putin> " +
              doc + " ."),
      std::string::npos)
      << nq;
  // The relation without provenance is in the default graph.
  EXPECT_NE(
      nq.find(
          "<https://kg.example.org/entity/Vladimir_Putin> <https://kg.example.org/ontology#leads> "
          "<https://kg.example.org/entity/Russia> ."),
      std::string::npos)
      << nq;
  // The document's metadata is in its own graph.
  EXPECT_NE(nq.find(doc + " <http://purl.org/dc/terms/title> \"Trump and Putin meet at the G20\" " +
                    doc + " ."),
            std::string::npos)
      << nq;
  // Entities are described in every graph that uses them.
  EXPECT_NE(nq.find("<https://kg.example.org/entity/Vladimir_Putin> "
                    "<http://www.w3.org/2000/01/rdf-schema#label> "
                    "\"Vladimir Putin\"@en ."),
            std::string::npos);
  EXPECT_NE(nq.find("<https://kg.example.org/entity/Vladimir_Putin> "
                    "<http://www.w3.org/2000/01/rdf-schema#label> "
                    "\"Vladimir Putin\"@en " +
                    doc + " ."),
            std::string::npos);
}

TEST(NTriplesWriterTest, FormatsConfidenceAsShortestDecimal) {
  KnowledgeGraph g;
  Entity a;
  a.label = "A";
  Entity b;
  b.label = "B";
  const auto va = *g.add_entity(a);
  const auto vb = *g.add_entity(b);
  Relation r;
  r.predicate = testing::kgo("backs");
  r.confidence = 0.00001;
  ASSERT_TRUE(g.add_relation(va, r, vb));
  EXPECT_NE(
      write_string(g, "ntriples").find("\"0.00001\"^^<http://www.w3.org/2001/XMLSchema#decimal>"),
      std::string::npos);
}

}  // namespace
}  // namespace kg::exporters
