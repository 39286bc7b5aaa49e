// GraphBuilder: the language pipeline plus the lexicons and the ontology, and the merge of
// extracted facts into a KnowledgeGraph (with NIF 2.0 mention triples).

#include <kg/extract/builder.hpp>
#include <kg/extract/models.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/graph/iri.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>

#include "build/analysis.hpp"
#include "build/lexicons.hpp"

namespace kg::extract {

struct GraphBuilder::Impl {
  std::shared_ptr<const ontology::Ontology> onto;
  Pipeline pipeline;
  build::Lexicons lexicons;
  BuildOptions options;
};

GraphBuilder::GraphBuilder() = default;
GraphBuilder::GraphBuilder(GraphBuilder&&) noexcept = default;
GraphBuilder& GraphBuilder::operator=(GraphBuilder&&) noexcept = default;
GraphBuilder::~GraphBuilder() = default;

Result<GraphBuilder> GraphBuilder::load(std::shared_ptr<const ontology::Ontology> ontology,
                                        const BuildOptions& options) {
  if (!ontology) {
    return fail(Error::Code::kInvalidArgument, "GraphBuilder::load needs an ontology");
  }
  GraphBuilder b;
  b.impl_ = std::make_unique<Impl>();
  b.impl_->onto = std::move(ontology);
  b.impl_->options = options;
  if (b.impl_->options.base.empty()) b.impl_->options.base = std::string(kDefaultBase);
  PipelineOptions po;
  po.model_dir = options.model_dir;
  auto pipeline = load_pipeline(po);
  if (!pipeline) return tl::unexpected(pipeline.error());
  b.impl_->pipeline = std::move(*pipeline);
  const std::string dir = options.model_dir.empty() ? find_model_dir() : options.model_dir;
  auto lex = build::load_lexicons(dir, *b.impl_->onto);
  if (!lex) return tl::unexpected(lex.error());
  b.impl_->lexicons = std::move(*lex);
  return b;
}

const ontology::Ontology& GraphBuilder::ontology() const { return *impl_->onto; }

std::string article_iri(const Article& article, std::size_t index, std::string_view base) {
  const std::string id = article.id.empty() ? "doc-" + std::to_string(index + 1) : article.id;
  return document_iri(id, base.empty() ? kDefaultBase : base);
}

DocumentFacts GraphBuilder::extract(const Article& article) const {
  Document doc(article.text, article.body_begin);
  doc.id = article.id;
  doc.date = article.date;
  doc.title = article.title;
  impl_->pipeline.run(doc);
  const std::string iri = article_iri(article, 0, impl_->options.base);
  DocumentFacts facts = build::analyse(doc, article, iri, impl_->lexicons, *impl_->onto,
                                       impl_->options.open_relations, impl_->options.base);
  facts.document.source = article.id;
  facts.text = article.text;
  return facts;
}

Result<void> GraphBuilder::merge(KnowledgeGraph& graph, const DocumentFacts& facts) const {
  if (auto r = graph.add_document(facts.document); !r) return r;
  for (const Entity& e : facts.entities) {
    auto added = graph.add_entity(e);
    if (!added) {
      // The same name typed differently in another article: keep the first class.
      Entity untyped = e;
      untyped.class_iri.clear();
      if (auto again = graph.add_entity(std::move(untyped)); !again) {
        return tl::unexpected(again.error());
      }
    }
  }
  Result<void> status{};
  for (const FactRecord& f : facts.facts) {
    auto r = graph.add_relation(f.subject, f.relation, f.object);
    if (!r && status) status = tl::unexpected(r.error());
  }
  // Mentions as NIF 2.0 phrases in the document's named graph.
  const std::string& doc = facts.document.iri;
  const std::string nif(vocab::kNif);
  const std::string count_type(vocab::kXsdNonNegativeInteger);
  // The document is the NIF context the mention offsets count in (code points of the text).
  if (!facts.text.empty()) {
    std::size_t length = 0;
    for (char c : facts.text) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    auto add = [&](std::string_view p, Term o) {
      graph.add_extra(Quad{Term::iri(doc), Term::iri(std::string(p)), std::move(o), doc});
    };
    add(vocab::kRdfType, Term::iri(nif + "Context"));
    add(vocab::kNifBeginIndex, Term::literal("0", count_type));
    add(vocab::kNifEndIndex, Term::literal(std::to_string(length), count_type));
    add(nif + "isString", Term::literal(facts.text));
  }
  for (const MentionRecord& m : facts.mentions) {
    const std::string node =
        doc + "#char=" + std::to_string(m.span.begin) + "," + std::to_string(m.span.end);
    auto add = [&](std::string_view p, Term o) {
      graph.add_extra(Quad{Term::iri(node), Term::iri(std::string(p)), std::move(o), doc});
    };
    add(vocab::kRdfType, Term::iri(nif + "Phrase"));
    add(vocab::kNifBeginIndex, Term::literal(std::to_string(m.span.begin), count_type));
    add(vocab::kNifEndIndex, Term::literal(std::to_string(m.span.end), count_type));
    add(vocab::kNifAnchorOf, Term::literal(m.text));
    add(vocab::kNifReferenceContext, Term::iri(doc));
    add(vocab::kItsrdfTaIdentRef, Term::iri(m.entity));
  }
  return status;
}

void harmonize_classes(std::vector<DocumentFacts>& documents, const ontology::Ontology& onto) {
  // Votes per IRI and class, with the first document that used the class as tie-breaker.
  std::map<std::string, std::map<std::string, std::pair<std::size_t, std::size_t>>> votes;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    for (const Entity& e : documents[d].entities) {
      auto& v = votes[e.iri][e.class_iri];
      if (v.first == 0) v.second = d;
      ++v.first;
    }
  }
  std::map<std::string, std::string> winner;
  for (const auto& [iri, classes] : votes) {
    if (classes.size() < 2) continue;
    const std::pair<const std::string, std::pair<std::size_t, std::size_t>>* best = nullptr;
    for (const auto& c : classes) {
      if (best == nullptr || c.second.first > best->second.first ||
          (c.second.first == best->second.first && c.second.second < best->second.second)) {
        best = &c;
      }
    }
    winner[iri] = best->first;
  }
  if (winner.empty()) return;
  for (auto& doc : documents) {
    std::map<std::string, const Entity*> by_iri;
    for (Entity& e : doc.entities) {
      auto w = winner.find(e.iri);
      if (w != winner.end()) e.class_iri = w->second;
      by_iri[e.iri] = &e;
    }
    std::vector<FactRecord> kept;
    for (auto& f : doc.facts) {
      auto s = by_iri.find(f.subject);
      auto o = by_iri.find(f.object);
      if (s != by_iri.end() && o != by_iri.end() &&
          !onto.check(*s->second, f.relation.predicate, *o->second)) {
        continue;
      }
      kept.push_back(std::move(f));
    }
    doc.facts = std::move(kept);
    for (auto& m : doc.mentions) {
      auto w = winner.find(m.entity);
      if (w != winner.end()) m.class_iri = w->second;
    }
  }
}

void write_jsonl(std::ostream& out, const DocumentFacts& facts) {
  using nlohmann::json;
  const auto& d = facts.document;
  out << json{{"type", "document"}, {"doc", d.iri},       {"title", d.title},
              {"date", d.date},     {"source", d.source}, {"words", facts.words}}
             .dump()
      << '\n';
  for (const auto& e : facts.entities) {
    json j{{"type", "entity"}, {"doc", d.iri},         {"entity", e.iri},
           {"label", e.label}, {"class", e.class_iri}, {"aliases", e.aliases}};
    if (!e.same_as.empty()) j["same_as"] = e.same_as;
    out << j.dump() << '\n';
  }
  for (const auto& m : facts.mentions) {
    out << json{{"type", "mention"},    {"doc", d.iri},           {"start", m.span.begin},
                {"end", m.span.end},    {"text", m.text},         {"entity", m.entity},
                {"class", m.class_iri}, {"sentence", m.sentence}, {"kind", m.kind}}
               .dump()
        << '\n';
  }
  for (const auto& f : facts.facts) {
    const Provenance& p = f.relation.provenance.front();
    json j{{"type", "fact"},
           {"doc", d.iri},
           {"predicate", f.relation.predicate},
           {"subject", f.subject},
           {"object", f.object},
           {"subject_span", {f.subject_span.begin, f.subject_span.end}},
           {"object_span", {f.object_span.begin, f.object_span.end}},
           {"trigger", {p.trigger_begin, p.trigger_end}},
           {"sentence", {p.begin, p.end}},
           {"sentence_index", p.sentence},
           {"evidence", p.evidence},
           {"confidence", f.relation.confidence},
           {"negated", f.relation.negated},
           {"attributed_to", f.relation.attributed_to},
           {"date", f.relation.date},
           {"rule", p.rule}};
    out << j.dump() << '\n';
  }
}

std::vector<RuleCount> count_rules(const std::vector<DocumentFacts>& documents) {
  std::map<std::string, std::size_t> counts;
  for (const auto& d : documents) {
    for (const auto& f : d.facts) ++counts[f.relation.provenance.front().rule];
  }
  std::vector<RuleCount> out;
  for (const auto& [rule, n] : counts) out.push_back({rule, n});
  return out;
}

}  // namespace kg::extract
