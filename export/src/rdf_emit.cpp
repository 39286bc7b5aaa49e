// The RDF shape of a KnowledgeGraph, shared by every RDF writer: which
// subjects are written, with which triples, in which (deterministic) order,
// and in which named graph. The writers only spell the blocks.

#include <algorithm>
#include <kg/graph/iri.hpp>
#include <kg/graph/vocab.hpp>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "rdf_internal.hpp"

namespace kg::exporters::detail {
namespace {

using Vertex = KnowledgeGraph::Vertex;
using Edge = KnowledgeGraph::Edge;

// rdf:type first (Turtle's `a`), then predicates by IRI; stable, so objects
// keep model order (a label before the attributes with the same predicate).
void sort_pairs(Block& b) {
  std::stable_sort(b.pairs.begin(), b.pairs.end(),
                   [](const PredicateObject& x, const PredicateObject& y) {
                     const bool xt = x.predicate == vocab::kRdfType;
                     const bool yt = y.predicate == vocab::kRdfType;
                     if (xt != yt) return xt;
                     return x.predicate < y.predicate;
                   });
}

// The FNV-1a hash of KnowledgeGraph::relation_key, computed piecewise so the
// writers need not build the key string for every relation.
bool is_default_statement_iri(std::string_view iri, std::string_view s, std::string_view p,
                              std::string_view o) {
  constexpr std::string_view kStatement = "statement/";
  if (iri.size() != kDefaultBase.size() + kStatement.size() + 16 ||
      !iri.starts_with(kDefaultBase) || iri.substr(kDefaultBase.size(), 10) != kStatement) {
    return false;
  }
  std::uint64_t h = stable_hash(s);
  h = stable_hash(" ", h);
  h = stable_hash(p, h);
  h = stable_hash(" ", h);
  h = stable_hash(o, h);
  h = stable_hash(" + ", h);  // not negated, then the separator before an empty attribution
  return iri.substr(iri.size() - 16) == hex64(h);
}

// A term spelled unambiguously (kind, then length-prefixed parts), for sets of triples.
void append_term_key(std::string& key, const TermView& t) {
  key += static_cast<char>('0' + static_cast<int>(t.kind));
  for (const std::string_view part : {t.value, t.datatype, t.language}) {
    key += std::to_string(part.size());
    key += ':';
    key += part;
  }
}

std::string triple_key(const TermView& s, std::string_view p, const TermView& o) {
  std::string key;
  append_term_key(key, s);
  append_term_key(key, TermView::iri(p));
  append_term_key(key, o);
  return key;
}

struct Scope {
  std::string graph;             // "" = default graph
  bool all_provenance = false;   // merged output: every evidence node
  std::vector<Vertex> entities;  // by IRI
  std::vector<Edge> edges;       // grouped by subject, subjects in `entities` order
  std::vector<const Document*> documents;
  std::vector<const Quad*> extras;
};

class Emitter {
 public:
  Emitter(const KnowledgeGraph& g, const WriteOptions& options, BlockSink& sink)
      : g_(g), options_(options), sink_(sink) {}

  void run(bool named_graphs) {
    sorted_entities();
    if (!named_graphs) {
      Scope s;
      s.all_provenance = true;
      s.entities = order_;
      s.edges.reserve(g_.num_relations());
      for (const Vertex v : order_) {
        for (auto [it, end] = boost::out_edges(v, g_.graph()); it != end; ++it) {
          s.edges.push_back(*it);
        }
      }
      for (const auto& d : g_.documents()) s.documents.push_back(&d);
      for (const auto& q : g_.extras()) s.extras.push_back(&q);
      // One default graph holds every triple once: an extra read from a named graph
      // may repeat another extra (the same triple in two graphs) or a triple the
      // model writes, and a reader keeps such a repeat once, so writing it twice
      // would not survive write -> read -> write. Only subjects of extras can repeat.
      for (const Quad* q : s.extras) extra_subjects_.insert(subject_key(TermView::of(q->subject)));
      emit(s);
      return;
    }
    for (auto& s : graph_scopes()) emit(s);
  }

 private:
  void sorted_entities() {
    order_ = g_.entities();
    std::sort(order_.begin(), order_.end(),
              [&](Vertex a, Vertex b) { return g_.entity(a).iri < g_.entity(b).iri; });
    rank_.assign(g_.num_entities(), 0);
    for (std::size_t i = 0; i < order_.size(); ++i) rank_[order_[i]] = i;
  }

  // N-Quads: the default graph, then one graph per document, then the other
  // graphs extras were read from.
  std::vector<Scope> graph_scopes() {
    std::vector<Scope> scopes;
    std::unordered_map<std::string, std::size_t> index;
    auto scope_of = [&](const std::string& name) -> Scope& {
      auto [it, added] = index.emplace(name, scopes.size());
      if (added) {
        scopes.emplace_back();
        scopes.back().graph = name;
      }
      return scopes[it->second];
    };
    scope_of("");
    for (const auto& d : g_.documents()) scope_of(d.iri).documents.push_back(&d);

    std::vector<bool> used(g_.num_entities(), false);
    std::vector<std::string> graphs;
    for (const Vertex v : order_) {
      for (auto [it, end] = boost::out_edges(v, g_.graph()); it != end; ++it) {
        const Relation& r = g_.relation(*it);
        graphs.clear();
        for (const auto& p : r.provenance) graphs.push_back(p.document);
        if (graphs.empty()) graphs.emplace_back();
        std::sort(graphs.begin(), graphs.end());
        graphs.erase(std::unique(graphs.begin(), graphs.end()), graphs.end());
        for (const auto& name : graphs) {
          Scope& s = scope_of(name);
          s.edges.push_back(*it);
          s.entities.push_back(v);
          s.entities.push_back(g_.object(*it));
          if (!r.attributed_to.empty()) {
            if (auto who = g_.find(r.attributed_to)) s.entities.push_back(*who);
          }
        }
      }
    }
    for (auto& s : scopes) {
      for (const Vertex v : s.entities) used[v] = true;
    }
    Scope& def = scopes[0];
    for (const Vertex v : order_) {
      if (!used[v]) def.entities.push_back(v);
    }
    for (const auto& q : g_.extras()) scope_of(q.graph).extras.push_back(&q);
    for (auto& s : scopes) {
      std::sort(s.entities.begin(), s.entities.end(),
                [&](Vertex a, Vertex b) { return rank_[a] < rank_[b]; });
      s.entities.erase(std::unique(s.entities.begin(), s.entities.end()), s.entities.end());
    }
    return scopes;
  }

  void emit(const Scope& s) {
    Block b;
    // Entities, each with its asserted relations as direct triples.
    sink_.section("entities");
    std::size_t next_edge = 0;
    std::vector<std::pair<const std::string*, const std::string*>> direct;
    for (const Vertex v : s.entities) {
      const Entity& e = g_.entity(v);
      b.clear();
      b.subject = TermView::iri(e.iri);
      if (!e.class_iri.empty()) b.add(vocab::kRdfType, TermView::iri(e.class_iri));
      if (!e.label.empty()) b.add(vocab::kRdfsLabel, TermView::literal(e.label, {}, "en"));
      for (const auto& a : e.aliases) b.add(vocab::kSkosAltLabel, TermView::literal(a, {}, "en"));
      for (const auto& iri : e.same_as) b.add(vocab::kOwlSameAs, TermView::iri(iri));
      for (const auto& a : e.attributes) b.add(a.predicate, TermView::of(a.value));
      while (next_edge < s.edges.size() && rank_[g_.subject(s.edges[next_edge])] < rank_[v]) {
        ++next_edge;
      }
      // Direct triples in (predicate, object) order, not edge order: a graph
      // read back from any syntax then writes the same bytes.
      direct.clear();
      for (; next_edge < s.edges.size() && g_.subject(s.edges[next_edge]) == v; ++next_edge) {
        const Relation& r = g_.relation(s.edges[next_edge]);
        if (r.negated || !r.attributed_to.empty()) continue;
        direct.emplace_back(&r.predicate, &g_.entity(g_.object(s.edges[next_edge])).iri);
      }
      std::sort(direct.begin(), direct.end(), [](const auto& x, const auto& y) {
        return std::tie(*x.first, *x.second) < std::tie(*y.first, *y.second);
      });
      for (const auto& [predicate, object] : direct) b.add(*predicate, TermView::iri(*object));
      if (b.pairs.empty()) continue;
      sort_pairs(b);
      put(b, s);
    }

    // Statement nodes (with their evidence) for relations that carry more
    // than the direct triple says.
    std::vector<std::pair<std::string, Edge>> statements;
    for (const Edge e : s.edges) {
      if (!is_bare(e)) statements.emplace_back(g_.statement_iri(e), e);
    }
    std::sort(statements.begin(), statements.end(),
              [](const auto& a, const auto& b2) { return a.first < b2.first; });
    if (!statements.empty()) sink_.section("statements");
    for (const auto& [iri, e] : statements) emit_statement(e, iri, s, b);

    if (!s.documents.empty()) sink_.section("documents");
    for (const Document* d : s.documents) {
      b.clear();
      b.subject = TermView::iri(d->iri);
      b.add(vocab::kRdfType, TermView::iri(vocab::kKgoDocument));
      if (!d->title.empty()) b.add(vocab::kDctermsTitle, TermView::literal(d->title));
      if (!d->date.empty()) b.add(vocab::kDctermsDate, TermView::literal(d->date, vocab::kXsdDate));
      if (!d->source.empty()) b.add(vocab::kDctermsSource, TermView::literal(d->source));
      sort_pairs(b);
      put(b, s);
    }

    if (!s.extras.empty()) sink_.section("other triples");
    emit_extras(s, b);
  }

  // A relation without provenance, date, negation or attribution, at full
  // confidence, whose IRI a reader would mint itself and whose predicate a
  // reader recognises: the direct triple says everything.
  bool is_bare(Edge e) const {
    const Relation& r = g_.relation(e);
    if (!r.provenance.empty() || !r.date.empty() || r.negated || !r.attributed_to.empty() ||
        r.confidence != 1.0) {
      return false;
    }
    if (!is_relation_predicate(r.predicate, options_.ontology)) return false;
    return r.iri.empty() || is_default_statement_iri(r.iri, g_.entity(g_.subject(e)).iri,
                                                     r.predicate, g_.entity(g_.object(e)).iri);
  }

  void emit_statement(Edge e, std::string_view iri, const Scope& s, Block& b) {
    const Relation& r = g_.relation(e);
    b.clear();
    b.subject = TermView::iri(iri);
    b.add(vocab::kRdfType, TermView::iri(vocab::kRdfStatement));
    b.add(vocab::kRdfSubject, TermView::iri(g_.entity(g_.subject(e)).iri));
    b.add(vocab::kRdfPredicate, TermView::iri(r.predicate));
    b.add(vocab::kRdfObject, TermView::iri(g_.entity(g_.object(e)).iri));
    b.add(vocab::kKgoConfidence,
          TermView::literal(b.own(format_decimal(r.confidence)), vocab::kXsdDecimal));
    if (r.negated) b.add(vocab::kKgoNegated, TermView::literal("true", vocab::kXsdBoolean));
    if (!r.attributed_to.empty()) {
      b.add(vocab::kProvWasAttributedTo, is_valid_iri(r.attributed_to)
                                             ? TermView::iri(r.attributed_to)
                                             : TermView::literal(r.attributed_to));
    }
    if (!r.date.empty()) b.add(vocab::kDctermsDate, TermView::literal(r.date, vocab::kXsdDate));
    std::vector<const Provenance*> evidence;
    std::vector<std::string_view> evidence_iris;
    for (const auto& p : r.provenance) {
      if (!s.all_provenance && p.document != s.graph) continue;
      evidence.push_back(&p);
      evidence_iris.push_back(b.own(evidence_iri(iri, p)));
      b.add(vocab::kKgoEvidenceProp, TermView::iri(evidence_iris.back()));
    }
    sort_pairs(b);
    put(b, s);

    Block ev;
    for (std::size_t i = 0; i < evidence.size(); ++i) {
      const Provenance& p = *evidence[i];
      ev.clear();
      ev.subject = TermView::iri(evidence_iris[i]);
      ev.add(vocab::kRdfType, TermView::iri(vocab::kKgoEvidence));
      if (!p.document.empty()) {
        ev.add(vocab::kProvWasDerivedFrom, TermView::iri(p.document));
        // NIF: the offsets count in the document's text (the nif:Context kg build writes).
        ev.add(vocab::kNifReferenceContext, TermView::iri(p.document));
      }
      const auto count = [&](std::size_t n) {
        return TermView::literal(ev.own(format_count(n)), vocab::kXsdNonNegativeInteger);
      };
      ev.add(vocab::kKgoSentenceIndex, count(p.sentence));
      ev.add(vocab::kNifBeginIndex, count(p.begin));
      ev.add(vocab::kNifEndIndex, count(p.end));
      if (!p.evidence.empty()) ev.add(vocab::kNifAnchorOf, TermView::literal(p.evidence));
      if (p.trigger_begin != 0 || p.trigger_end != 0) {
        ev.add(vocab::kKgoTriggerBegin, count(p.trigger_begin));
        ev.add(vocab::kKgoTriggerEnd, count(p.trigger_end));
      }
      if (!p.rule.empty()) ev.add(vocab::kKgoRule, TermView::literal(p.rule));
      sort_pairs(ev);
      put(ev, s);
    }
  }

  static std::string subject_key(const TermView& subject) {
    std::string key;
    append_term_key(key, subject);
    return key;
  }

  // Hands a block to the sink; in merged output, remembers the triples of subjects
  // that extras use too (see run).
  void put(const Block& b, const Scope& s) {
    if (!extra_subjects_.empty() && extra_subjects_.contains(subject_key(b.subject))) {
      for (const auto& po : b.pairs)
        written_.insert(triple_key(b.subject, po.predicate, po.object));
    }
    sink_.block(b, s.graph);
  }

  // Extras keep their order; triples of one subject are gathered into one
  // block at the place the subject first appears. In merged output a triple
  // already written (by the model or an earlier extra) is not written again.
  void emit_extras(const Scope& s, Block& b) {
    std::vector<std::size_t> order(s.extras.size());
    std::unordered_map<std::string, std::size_t> first;
    std::vector<std::size_t> group(s.extras.size());
    for (std::size_t i = 0; i < s.extras.size(); ++i) {
      const Term& subj = s.extras[i]->subject;
      // Blank and IRI subjects with the same text are different subjects.
      std::string key(1, static_cast<char>('0' + static_cast<int>(subj.kind)));
      key += subj.value;
      group[i] = first.emplace(std::move(key), i).first->second;
      order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t c) { return group[a] < group[c]; });
    for (std::size_t i = 0; i < order.size();) {
      const std::size_t g0 = group[order[i]];
      b.clear();
      b.subject = TermView::of(s.extras[order[i]]->subject);
      for (; i < order.size() && group[order[i]] == g0; ++i) {
        const Quad& q = *s.extras[order[i]];
        if (!extra_subjects_.empty() &&
            !written_.insert(triple_key(b.subject, q.predicate.value, TermView::of(q.object)))
                 .second) {
          continue;
        }
        b.add(q.predicate.value, TermView::of(q.object));
      }
      if (b.pairs.empty()) continue;
      sort_pairs(b);
      sink_.block(b, s.graph);
    }
  }

  const KnowledgeGraph& g_;
  const WriteOptions& options_;
  BlockSink& sink_;
  std::vector<Vertex> order_;
  std::vector<std::size_t> rank_;
  // Merged output only: subjects of extras, and the triples of theirs written so far.
  std::unordered_set<std::string> extra_subjects_;
  std::unordered_set<std::string> written_;
};

}  // namespace

void emit_rdf(const KnowledgeGraph& graph, const WriteOptions& options, bool named_graphs,
              BlockSink& sink) {
  Emitter(graph, options, sink).run(named_graphs);
}

}  // namespace kg::exporters::detail
