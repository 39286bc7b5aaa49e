// sparql_relationships: loads the Turtle written by g20_hamburg and asks it
// questions twice over: through the typed C++ query API (kg::query::GraphQuery)
// and through SPARQL (kg::query::SparqlEngine, Rasqal over the graph's indexes).
//
//   sparql_relationships GRAPH.ttl

#include <iostream>
#include <kg/exporters/formats.hpp>
#include <kg/ontology/ontology.hpp>
#include <kg/query/relations.hpp>
#include <kg/query/sparql.hpp>
#include <string>

namespace {

int fail(const kg::Error& e) {
  std::cerr << e.to_string() << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: sparql_relationships GRAPH.ttl\n";
    return 2;
  }
  auto onto = kg::ontology::Ontology::load_default();
  if (!onto) return fail(onto.error());
  kg::exporters::ReadOptions options;
  options.ontology = &*onto;
  auto loaded = kg::exporters::read_graph_file(argv[1], nullptr, options);
  if (!loaded) return fail(loaded.error());
  const kg::KnowledgeGraph& g = *loaded;
  const kg::query::GraphQuery q(g, &*onto);
  const auto label = [&](kg::KnowledgeGraph::Vertex v) { return g.entity(v).label; };

  // ---- the typed API ----------------------------------------------------------
  auto trump = q.entity("Donald Trump");
  if (!trump) return fail(trump.error());
  std::cout << "Whom did Trump meet (either direction, asserted, confidence >= 0.9)?\n";
  kg::query::RelationFilter met;
  met.predicates = {"kgo:met"};
  met.stance = kg::query::Stance::kAsserted;
  met.min_confidence = 0.9;
  for (const auto& m : q.relations(*trump, met)) {
    std::cout << "  " << label(m.other) << " on "
              << (m.relation->date.empty() ? "?" : m.relation->date) << '\n';
  }

  std::cout << "Claims (attributed to someone) in the article:\n";
  kg::query::RelationFilter claims;
  claims.stance = kg::query::Stance::kClaimed;
  for (const auto& m : q.all_relations(claims)) {
    const auto who = g.find(m.relation->attributed_to);
    std::cout << "  " << (who ? label(*who) : m.relation->attributed_to) << ": " << label(m.subject)
              << (m.relation->negated ? " did not " : " ") << onto->label(m.relation->predicate)
              << ' ' << label(m.object) << '\n';
  }

  std::cout << "Events Trump took part in, with their roles:\n";
  for (const auto& ev : q.events(*trump)) {
    std::cout << "  " << label(ev.vertex) << (ev.date.empty() ? "" : " (" + ev.date + ")") << '\n';
    for (const auto& role : ev.roles) {
      std::cout << "    " << onto->compact(role.predicate)
                << (role.event_is_subject ? " -> " : " <- ") << label(role.entity) << '\n';
    }
  }

  auto assad = q.entity("Bashar al-Assad");
  if (!assad) return fail(assad.error());
  std::cout << "Assad's ego network (1 hop):\n";
  const auto ego = q.ego_network(*assad, 1);
  for (std::size_t i = 1; i < ego.entities.size(); ++i) {
    std::cout << "  " << label(ego.entities[i]) << '\n';
  }

  auto tillerson = q.entity("Rex Tillerson");
  if (!tillerson) return fail(tillerson.error());
  std::cout << "Path from Tillerson to Assad:\n";
  if (auto path = q.path(*tillerson, *assad)) {
    for (const auto& step : *path) {
      const auto& r = g.relation(step.edge);
      std::cout << "  " << label(g.subject(step.edge)) << ' ' << onto->label(r.predicate) << ' '
                << label(g.object(step.edge)) << '\n';
    }
  }

  // ---- SPARQL -----------------------------------------------------------------
  const kg::query::SparqlEngine engine(g, &*onto);
  const std::string prefixes =
      "PREFIX kgo: <https://kg.example.org/ontology#>\n"
      "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
      "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
      "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>\n";
  const auto run = [&](const std::string& title, const std::string& query) {
    std::cout << title << '\n';
    auto result = engine.run(prefixes + query);
    if (!result) {
      std::cout << "  " << result.error().to_string() << '\n';
      return;
    }
    kg::query::write_result(*result, kg::query::ResultFormat::kTsv, std::cout);
  };
  run("SPARQL: who backs Assad?",
      "SELECT ?name WHERE { ?a rdfs:label \"Bashar al-Assad\"@en . ?x kgo:backs ?a ; "
      "rdfs:label ?name } ORDER BY ?name");
  run("SPARQL: the sentence behind \"Trump met Putin\"",
      "SELECT ?sentence WHERE { ?t rdfs:label \"Donald Trump\"@en . "
      "?p rdfs:label \"Vladimir Putin\"@en . ?st rdf:subject ?t ; rdf:predicate kgo:met ; "
      "rdf:object ?p ; kgo:evidence ?ev . ?ev nif:anchorOf ?sentence }");
  run("SPARQL: the most frequent relations",
      "SELECT ?predicate (COUNT(*) AS ?n) WHERE { ?st a rdf:Statement ; rdf:predicate ?predicate } "
      "GROUP BY ?predicate ORDER BY DESC(?n) ?predicate LIMIT 5");
  run("SPARQL: is there any claim Russia denied something?",
      "ASK { ?r rdfs:label \"Russia\"@en . ?r kgo:denied ?x }");
  return 0;
}
