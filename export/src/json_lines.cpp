// JSON Lines: one JSON object per line, for tools that do not speak RDF.
// Entities first, then relations (with provenance), documents and extras.

#include <nlohmann/json.hpp>
#include <ostream>

#include "rdf_internal.hpp"

namespace kg::exporters::detail {
namespace {

nlohmann::json term_json(const Term& t) {
  nlohmann::json j;
  switch (t.kind) {
    case Term::Kind::kIri:
      j["iri"] = t.value;
      break;
    case Term::Kind::kBlank:
      j["blank"] = t.value;
      break;
    case Term::Kind::kLiteral:
      j["value"] = t.value;
      if (!t.datatype.empty()) j["datatype"] = t.datatype;
      if (!t.language.empty()) j["language"] = t.language;
      break;
  }
  return j;
}

void write_line(std::ostream& out, const nlohmann::json& j) {
  // Invalid UTF-8 is replaced rather than thrown on: output must not fail halfway.
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

Result<void> write_json_lines(const KnowledgeGraph& graph, std::ostream& out,
                              const WriteOptions& /*options*/) {
  for (const auto v : graph.entities()) {
    const Entity& e = graph.entity(v);
    nlohmann::json j = {{"type", "entity"}, {"iri", e.iri}};
    if (!e.label.empty()) j["label"] = e.label;
    if (!e.class_iri.empty()) j["class"] = e.class_iri;
    if (!e.aliases.empty()) j["aliases"] = e.aliases;
    if (!e.same_as.empty()) j["same_as"] = e.same_as;
    if (!e.attributes.empty()) {
      auto& attrs = j["attributes"] = nlohmann::json::array();
      for (const auto& a : e.attributes) {
        attrs.push_back({{"predicate", a.predicate}, {"value", term_json(a.value)}});
      }
    }
    write_line(out, j);
  }
  for (const auto e : graph.relations()) {
    const Relation& r = graph.relation(e);
    nlohmann::json j = {{"type", "relation"},
                        {"iri", graph.statement_iri(e)},
                        {"subject", graph.entity(graph.subject(e)).iri},
                        {"predicate", r.predicate},
                        {"object", graph.entity(graph.object(e)).iri},
                        {"confidence", r.confidence},
                        {"negated", r.negated}};
    if (!r.attributed_to.empty()) j["attributed_to"] = r.attributed_to;
    if (!r.date.empty()) j["date"] = r.date;
    auto& prov = j["provenance"] = nlohmann::json::array();
    for (const auto& p : r.provenance) {
      nlohmann::json pj = {{"document", p.document},
                           {"sentence", p.sentence},
                           {"begin", p.begin},
                           {"end", p.end},
                           {"evidence", p.evidence}};
      if (p.trigger_begin != 0 || p.trigger_end != 0) {
        pj["trigger_begin"] = p.trigger_begin;
        pj["trigger_end"] = p.trigger_end;
      }
      if (!p.rule.empty()) pj["rule"] = p.rule;
      prov.push_back(std::move(pj));
    }
    write_line(out, j);
  }
  for (const auto& d : graph.documents()) {
    nlohmann::json j = {{"type", "document"}, {"iri", d.iri}};
    if (!d.title.empty()) j["title"] = d.title;
    if (!d.date.empty()) j["date"] = d.date;
    if (!d.source.empty()) j["source"] = d.source;
    write_line(out, j);
  }
  for (const auto& q : graph.extras()) {
    nlohmann::json j = {{"type", "triple"},
                        {"subject", term_json(q.subject)},
                        {"predicate", q.predicate.value},
                        {"object", term_json(q.object)}};
    if (!q.graph.empty()) j["graph"] = q.graph;
    write_line(out, j);
  }
  out.flush();
  if (!out) return fail(Error::Code::kIo, "cannot write the JSON Lines output");
  return {};
}

}  // namespace kg::exporters::detail
