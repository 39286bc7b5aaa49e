// query_relationships: loads the Turtle written by g20_hamburg and asks it
// questions through the C++ API.
//
//   query_relationships GRAPH.ttl

#include <iostream>
#include <kg/exporters/formats.hpp>
#include <kg/graph/algorithms.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/ontology/ontology.hpp>
#include <string>

namespace {

// "Trump met Putin (evidence: sentence 1)", with the claim's source when attributed.
void print(const kg::KnowledgeGraph& g, const kg::ontology::Ontology& onto,
           kg::KnowledgeGraph::Edge e) {
  const kg::Relation& r = g.relation(e);
  std::cout << "  " << g.entity(g.subject(e)).label << (r.negated ? " did not " : " ")
            << onto.label(r.predicate) << ' ' << g.entity(g.object(e)).label;
  if (!r.attributed_to.empty()) {
    std::cout << " [according to " << g.entity(*g.find(r.attributed_to)).label << ']';
  }
  if (!r.provenance.empty()) std::cout << " (sentence " << r.provenance.front().sentence << ')';
  std::cout << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: query_relationships GRAPH.ttl\n";
    return 2;
  }
  auto onto = kg::ontology::Ontology::load_default();
  if (!onto) {
    std::cerr << onto.error().to_string() << '\n';
    return 1;
  }
  kg::exporters::ReadOptions options;
  options.ontology = &*onto;
  auto loaded = kg::exporters::read_graph_file(argv[1], nullptr, options);
  if (!loaded) {
    std::cerr << loaded.error().to_string() << '\n';
    return 1;
  }
  const kg::KnowledgeGraph& g = *loaded;
  const auto entity = [&](const std::string& name) {
    const auto v = g.lookup(name);
    if (!v) {
      std::cerr << "no entity named " << name << '\n';
      std::exit(1);
    }
    return *v;
  };
  std::cout << "Loaded " << g.num_entities() << " entities and " << g.num_relations()
            << " relations.\n";

  std::cout << "Whom did Trump meet?\n";
  const auto trump = entity("Donald Trump");
  const std::string met = onto->expand("kgo:met");
  // `met` is symmetric: stored once, so look both ways.
  for (auto e : g.relations_from(trump, met)) print(g, *onto, e);
  for (auto e : g.relations_to(trump, met)) print(g, *onto, e);

  std::cout << "Who backs whom?\n";
  for (auto e : g.relations_with_predicate(onto->expand("kgo:backs"))) print(g, *onto, e);

  std::cout << "What did Russia deny?\n";
  for (auto e : g.relations_from(entity("Russia"), onto->expand("kgo:denied"))) {
    print(g, *onto, e);
  }

  std::cout << "How is Tillerson connected to Assad?\n";
  if (auto path = kg::shortest_path(g, entity("Rex Tillerson"), entity("Bashar al-Assad"))) {
    for (auto e : path->edges) print(g, *onto, e);
  } else {
    std::cout << "  not connected\n";
  }

  std::cout << "Most central entities (betweenness):\n";
  const auto ranking = kg::centrality_ranking(g, kg::Centrality::kBetweenness);
  for (std::size_t i = 0; i < ranking.size() && i < 5; ++i) {
    std::cout << "  " << g.entity(ranking[i].first).label << '\n';
  }
  return 0;
}
