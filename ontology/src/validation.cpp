// Domain/range validation of relations against the ontology. Messages name
// the relation, the offending entity and its class, in prefixed form so a
// user can read them.

#include <kg/ontology/ontology.hpp>
#include <string>

#include "terms.hpp"

namespace kg::ontology {
namespace {

bool is_any(std::string_view cls) {
  return cls.empty() || cls == terms::kOwlThing || cls == terms::kRdfsResource;
}

}  // namespace

Result<void> Ontology::check(const Entity& subject, std::string_view predicate,
                             const Entity& object) const {
  const std::string relation =
      compact(subject.iri) + " " + compact(predicate) + " " + compact(object.iri);
  const PropertyInfo* p = find_property(predicate);
  if (p == nullptr) {
    return fail(Error::Code::kValidation,
                "relation " + relation + ": unknown predicate " + compact(predicate) +
                    " (the ontology does not declare it)",
                {}, 0, 0,
                "use a property of ontology/data/properties.ttl, or kgo:relatedTo for an open "
                "relation");
  }
  if (p->datatype_property) {
    return fail(Error::Code::kValidation,
                "relation " + relation + ": " + compact(predicate) +
                    " is a datatype property; its value is a literal, not an entity",
                {}, 0, 0, "store the value as an attribute of " + compact(subject.iri));
  }
  auto violation = [&](const char* role, const Entity& entity, const char* side,
                       const std::string& expected) -> Result<void> {
    std::string who = std::string(role) + " " + compact(entity.iri);
    if (!entity.label.empty()) who += " (\"" + entity.label + "\")";
    std::string what;
    if (entity.class_iri.empty()) {
      what = " has no class";
    } else if (resolve_class(entity.class_iri) == nullptr) {
      what = " is a " + compact(entity.class_iri) + ", a class the ontology does not declare";
    } else {
      what = " is a " + compact(entity.class_iri);
    }
    return fail(Error::Code::kValidation,
                "relation " + relation + ": " + who + what + ", but the " + side + " of " +
                    compact(predicate) + " is " + compact(expected),
                {}, 0, 0,
                "give " + compact(entity.iri) + " a class under " + compact(expected) +
                    ", or use a property whose " + side + " fits");
  };
  if (!is_any(p->domain) && !is_subclass_of(subject.class_iri, p->domain)) {
    return violation("subject", subject, "domain", p->domain);
  }
  if (!is_any(p->range) && !is_subclass_of(object.class_iri, p->range)) {
    return violation("object", object, "range", p->range);
  }
  return {};
}

std::vector<Error> Ontology::validate(const KnowledgeGraph& graph) const {
  std::vector<Error> errors;
  for (auto v : graph.entities()) {
    const Entity& e = graph.entity(v);
    if (!e.class_iri.empty() && resolve_class(e.class_iri) == nullptr) {
      std::string who = compact(e.iri);
      if (!e.label.empty()) who += " (\"" + e.label + "\")";
      errors.push_back(make_error(Error::Code::kValidation,
                                  "entity " + who + " has class " + compact(e.class_iri) +
                                      ", which the ontology does not declare",
                                  {}, 0, 0,
                                  "use a class of ontology/data/classes.ttl, or declare it there"));
    }
  }
  for (auto e : graph.relations()) {
    const Relation& r = graph.relation(e);
    if (auto ok = check(graph.entity(graph.subject(e)), r.predicate, graph.entity(graph.object(e)));
        !ok) {
      errors.push_back(std::move(ok.error()));
    }
  }
  return errors;
}

}  // namespace kg::ontology
