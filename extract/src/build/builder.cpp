// GraphBuilder: the language pipeline plus the lexicons and the ontology, and the merge of
// extracted facts into a KnowledgeGraph (with NIF 2.0 mention triples).

#include <algorithm>
#include <cctype>
#include <kg/extract/builder.hpp>
#include <kg/extract/models.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/graph/iri.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>

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

namespace {

// The words of a name.
std::vector<std::string> name_words(const std::string& label) {
  std::vector<std::string> w;
  std::size_t start = 0;
  while (start <= label.size()) {
    std::size_t sp = label.find(' ', start);
    if (sp == std::string::npos) sp = label.size();
    if (sp > start) w.push_back(label.substr(start, sp - start));
    start = sp + 1;
  }
  return w;
}

// A person's name as its spellings share it: lower case, without the Arabic article however
// it is written ("Bashar al-Assad", "Bashar Al-Assad", "Bashar al Assad" and "Bashar Assad"
// are "bashar assad"), without periods and without a generational suffix.
std::string name_key(const std::string& label) {
  static const std::set<std::string> kSuffixes = {"jr", "sr", "ii", "iii", "iv"};
  std::vector<std::string> out;
  for (std::string w : name_words(label)) {
    std::transform(w.begin(), w.end(), w.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::erase(w, '.');  // "George W. Bush", "George W Bush"
    if (w == "al" || w == "el" || w.empty()) continue;
    if (w.size() > 3 && (w.rfind("al-", 0) == 0 || w.rfind("el-", 0) == 0)) w = w.substr(3);
    out.push_back(w);
  }
  while (out.size() > 2 && kSuffixes.count(out.back()) != 0) out.pop_back();
  std::string key;
  for (const auto& w : out) key += (key.empty() ? "" : " ") + w;
  return key;
}

}  // namespace

namespace {

// A meeting is named after its participants ("meeting of Donald Trump and Vladimir Putin on
// 2017-07-07"); after the participants took their full names, so does the meeting, and its
// IRI follows its name, so that two articles' reports of one meeting are one meeting.
void relabel_meetings(DocumentFacts& doc) {
  const std::string meeting = std::string(vocab::kKgo) + "Meeting";
  const std::string participant = std::string(vocab::kKgo) + "hasParticipant";
  std::map<std::string, std::string> label_of;
  for (const Entity& e : doc.entities) label_of[e.iri] = e.label;
  std::map<std::string, std::set<std::string>> names;  // meeting IRI -> participants' labels
  for (const auto& f : doc.facts) {
    if (f.relation.predicate == participant) names[f.subject].insert(label_of[f.object]);
  }
  std::map<std::string, std::string> rename;
  for (Entity& e : doc.entities) {
    const std::string prefix = "meeting of ";
    if (e.class_iri != meeting || e.label.rfind(prefix, 0) != 0) continue;
    const auto& who = names[e.iri];
    if (who.size() != 2) continue;
    const auto on = e.label.rfind(" on ");
    const std::string date = on == std::string::npos ? std::string() : e.label.substr(on);
    const std::string label = prefix + *who.begin() + " and " + *who.rbegin() + date;
    if (label == e.label) continue;
    const auto at = e.iri.rfind("entity/");
    if (at == std::string::npos) continue;
    const std::string iri = entity_iri(label, std::string_view(e.iri).substr(0, at));
    rename[e.iri] = iri;
    e.iri = iri;
    e.label = label;
  }
  if (rename.empty()) return;
  auto target = [&](std::string& iri) {
    auto r = rename.find(iri);
    if (r != rename.end()) iri = r->second;
  };
  for (auto& m : doc.mentions) target(m.entity);
  for (auto& f : doc.facts) {
    target(f.subject);
    target(f.object);
  }
}

}  // namespace

void link_short_names(std::vector<DocumentFacts>& documents) {
  const std::string person = std::string(vocab::kKgo) + "Person";
  struct Full {
    std::set<std::size_t> docs;
    std::string label;
    std::vector<std::string> same_as;
  };
  // Full names (two words or more) by spelling key; one-word names by IRI.
  std::map<std::string, std::map<std::string, Full>> spellings;  // key -> IRI -> what is known
  std::map<std::string, std::string> short_names;                // IRI -> one-word label
  for (std::size_t d = 0; d < documents.size(); ++d) {
    for (const Entity& e : documents[d].entities) {
      if (e.class_iri != person) continue;
      const std::string key = name_key(e.label);
      if (key.find(' ') == std::string::npos) {
        if (e.same_as.empty() && e.label.find(' ') == std::string::npos) {
          short_names.emplace(e.iri, e.label);
        }
        continue;
      }
      Full& f = spellings[key][e.iri];
      f.docs.insert(d);
      if (f.label.empty()) f.label = e.label;
      for (const auto& s : e.same_as) {
        if (std::find(f.same_as.begin(), f.same_as.end(), s) == f.same_as.end()) {
          f.same_as.push_back(s);
        }
      }
    }
  }
  // Each person named in full: its spellings, under the spelling most documents use (on a
  // tie, the first IRI), and the documents of all of them.
  struct Person {
    std::string iri;
    const Full* full = nullptr;
    std::size_t docs = 0;
  };
  std::map<std::string, std::string> rename;           // IRI -> IRI of the person
  std::map<std::string, std::vector<Person>> by_last;  // last word of the key -> persons
  std::map<std::string, const Full*> target_of;        // person IRI -> what is known
  for (const auto& [key, iris] : spellings) {
    Person p;
    std::set<std::size_t> docs;
    for (const auto& [iri, f] : iris) {
      docs.insert(f.docs.begin(), f.docs.end());
      if (p.full == nullptr || f.docs.size() > p.full->docs.size()) {
        p.iri = iri;
        p.full = &f;
      }
    }
    p.docs = docs.size();
    for (const auto& [iri, f] : iris) {
      if (iri != p.iri) rename.emplace(iri, p.iri);
    }
    target_of[p.iri] = p.full;
    by_last[key.substr(key.rfind(' ') + 1)].push_back(p);
  }
  for (const auto& [iri, label] : short_names) {
    auto it = by_last.find(name_key(label));
    if (it == by_last.end()) continue;
    const Person* best = nullptr;
    std::size_t all_docs = 0;
    for (const auto& p : it->second) {
      all_docs += p.docs;
      if (best == nullptr || p.docs > best->docs) best = &p;
    }
    // Named in full in two documents at least: one document's "Woodrow Wilson" does not
    // make every "Wilson" of the others his.
    if (best->docs >= 2 && best->docs > 2 * (all_docs - best->docs)) {
      rename.emplace(iri, best->iri);
    }
  }
  if (rename.empty()) return;
  auto target = [&](std::string& iri) {
    auto r = rename.find(iri);
    if (r != rename.end()) iri = r->second;
  };
  for (auto& doc : documents) {
    std::vector<Entity> entities;
    std::map<std::string, std::size_t> at;
    for (Entity& e : doc.entities) {
      auto r = rename.find(e.iri);
      if (r != rename.end()) {
        const Full& f = *target_of.at(r->second);
        e.aliases.push_back(e.label);
        e.iri = r->second;
        e.label = f.label;
        e.same_as = f.same_as;
      }
      auto [pos, fresh] = at.emplace(e.iri, entities.size());
      if (fresh) {
        entities.push_back(std::move(e));
        continue;
      }
      Entity& kept = entities[pos->second];
      kept.aliases.insert(kept.aliases.end(), e.aliases.begin(), e.aliases.end());
      for (const auto& s : e.same_as) {
        if (std::find(kept.same_as.begin(), kept.same_as.end(), s) == kept.same_as.end()) {
          kept.same_as.push_back(s);
        }
      }
    }
    for (Entity& e : entities) {
      std::sort(e.aliases.begin(), e.aliases.end());
      e.aliases.erase(std::unique(e.aliases.begin(), e.aliases.end()), e.aliases.end());
      std::erase(e.aliases, e.label);
    }
    doc.entities = std::move(entities);
    for (auto& m : doc.mentions) target(m.entity);
    std::vector<FactRecord> kept;
    for (auto& f : doc.facts) {
      target(f.subject);
      target(f.object);
      target(f.relation.attributed_to);
      if (f.subject == f.object) continue;
      kept.push_back(std::move(f));
    }
    doc.facts = std::move(kept);
    relabel_meetings(doc);
  }
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
