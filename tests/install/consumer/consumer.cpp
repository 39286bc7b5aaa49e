// A program outside the project: builds a graph with the installed kg, writes
// Turtle, reads it back and queries it.
#include <iostream>
#include <kg/exporters/formats.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/ontology/ontology.hpp>
#include <sstream>

int main() {
#ifdef KG_ONTOLOGY_DIR
  auto onto = kg::ontology::Ontology::load_directory(KG_ONTOLOGY_DIR);
#else
  auto onto = kg::ontology::Ontology::load_default();  // pkg-config build
#endif
  if (!onto) {
    std::cerr << onto.error().to_string() << '\n';
    return 1;
  }
  kg::KnowledgeGraph g;
  const std::string person = onto->expand("kgo:Person");
  auto t = g.add_entity({.label = "Donald Trump", .class_iri = person});
  auto p = g.add_entity({.label = "Vladimir Putin", .class_iri = person});
  if (!t || !p || !g.add_relation(*t, {.predicate = onto->expand("kgo:met")}, *p)) return 1;
  std::ostringstream ttl;
  const auto* turtle = kg::exporters::find_format("turtle");
  kg::exporters::WriteOptions options;
  options.ontology = &*onto;
  if (!kg::exporters::write_graph(g, *turtle, ttl, options)) return 1;
  std::istringstream in(ttl.str());
  auto back = kg::exporters::read_graph(in, *turtle, "memory");
  if (!back) return 1;
  for (auto e : back->relations()) {
    const auto& s = back->entity(back->subject(e)).label;
    const auto& o = back->entity(back->object(e)).label;
    std::cout << s.substr(s.find(' ') + 1) << ' ' << onto->label(back->relation(e).predicate) << ' '
              << o.substr(o.find(' ') + 1) << '\n';
  }
  return 0;
}
