#pragma once
// A small graph for the query tests, built through the public API: two documents,
// symmetric and directed relations, a claim, a negated fact, an event with roles.

#include <gtest/gtest.h>

#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/vocab.hpp>
#include <string>

namespace kg::query::test {

inline const std::string kKgo(vocab::kKgo);
inline const std::string kDoc1 = "https://kg.example.org/doc/hamburg";
inline const std::string kDoc2 = "https://kg.example.org/doc/damascus";

inline Provenance evidence(const std::string& doc, std::size_t sentence, const std::string& text) {
  Provenance p;
  p.document = doc;
  p.sentence = sentence;
  p.begin = sentence * 100;
  p.end = p.begin + text.size();
  p.evidence = text;
  p.rule = "manual";
  return p;
}

inline KnowledgeGraph small_graph() {
  KnowledgeGraph g;
  auto entity = [&](const std::string& label, const std::string& cls) {
    Entity e;
    e.label = label;
    e.class_iri = kKgo + cls;
    auto v = g.add_entity(e);
    EXPECT_TRUE(v.has_value());
    return g.entity(*v).iri;
  };
  const auto trump = entity("Donald Trump", "Person");
  const auto putin = entity("Vladimir Putin", "Person");
  const auto abe = entity("Shinzo Abe", "Person");
  const auto assad = entity("Bashar al-Assad", "Person");
  const auto russia = entity("Russia", "Country");
  const auto us = entity("United States", "Country");
  const auto peskov = entity("Dmitry Peskov", "Person");
  const auto meeting = entity("Trump-Putin meeting", "Event");
  const auto hamburg = entity("Hamburg", "Place");
  EXPECT_TRUE(g.add_document({kDoc1, "G20 in Hamburg", "2017-07-07", "hamburg.txt"}));
  EXPECT_TRUE(g.add_document({kDoc2, "Syria talks", "2017-07-09", "damascus.txt"}));

  auto rel = [&](const std::string& s, const std::string& p, const std::string& o, Provenance prov,
                 double confidence = 1.0, std::string date = {}, std::string attributed = {},
                 bool negated = false) {
    Relation r;
    r.predicate = kKgo + p;
    r.confidence = confidence;
    r.provenance.push_back(std::move(prov));
    r.date = std::move(date);
    r.attributed_to = std::move(attributed);
    r.negated = negated;
    EXPECT_TRUE(g.add_relation(s, r, o).has_value());
  };
  rel(trump, "met", putin, evidence(kDoc1, 1, "Trump met Putin in Hamburg."), 1.0, "2017-07-07");
  rel(trump, "met", abe, evidence(kDoc1, 4, "Trump also met Abe."), 0.9, "2017-07-08");
  rel(russia, "backs", assad, evidence(kDoc2, 2, "Russia backs Assad."), 0.8);
  rel(us, "opposes", assad, evidence(kDoc2, 3, "The U.S. opposes Assad."), 0.7);
  rel(russia, "denied", us, evidence(kDoc1, 5, "Peskov said Russia did not interfere."), 0.6, {},
      peskov);
  rel(putin, "attacked", us, evidence(kDoc2, 6, "Putin did not attack the U.S."), 0.5, {}, {},
      true);
  rel(meeting, "hasParticipant", trump, evidence(kDoc1, 1, "Trump met Putin in Hamburg."));
  rel(meeting, "hasParticipant", putin, evidence(kDoc1, 1, "Trump met Putin in Hamburg."));
  rel(meeting, "eventPlace", hamburg, evidence(kDoc1, 1, "Trump met Putin in Hamburg."));
  return g;
}

}  // namespace kg::query::test
