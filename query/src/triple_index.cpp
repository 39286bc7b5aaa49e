// The RDF view is taken from the writers' own emitter (emit_rdf), so a SPARQL query
// sees exactly the triples the Turtle and N-Quads files hold.

#include "triple_index.hpp"

#include <algorithm>
#include <cstring>
#include <kg/graph/vocab.hpp>

#include "rdf_internal.hpp"

namespace kg::query::detail {
namespace {

void put_length(std::string& key, std::size_t n) {
  const auto v = static_cast<std::uint32_t>(n);
  key.append(reinterpret_cast<const char*>(&v), sizeof v);
}

std::uint32_t get_length(const std::string& key, std::size_t at) {
  std::uint32_t v = 0;
  std::memcpy(&v, key.data() + at, sizeof v);
  return v;
}

// RDF 1.1: "x" and "x"^^xsd:string are the same term.
std::string_view normal_datatype(std::string_view datatype) {
  return datatype == vocab::kXsdString ? std::string_view{} : datatype;
}

class IndexSink final : public exporters::detail::BlockSink {
 public:
  IndexSink(RdfView& view, QuadIndex& index) : view_(view), index_(index) {}

  void block(const exporters::detail::Block& block, std::string_view graph) override {
    const TermId g = graph.empty() ? kNoTerm : view_.terms.intern(Term::Kind::kIri, graph, {}, {});
    const TermId s = id(block.subject);
    // Consecutive pairs usually share the predicate: skip the repeated lookup.
    std::string_view last_predicate;
    TermId p = kNoTerm;
    for (const auto& po : block.pairs) {
      if (p == kNoTerm || po.predicate != last_predicate) {
        p = view_.terms.intern(Term::Kind::kIri, po.predicate, {}, {});
        last_predicate = po.predicate;
      }
      index_.add({s, p, id(po.object), g});
    }
  }

 private:
  TermId id(const exporters::detail::TermView& t) {
    return view_.terms.intern(t.kind, t.value, t.datatype, t.language);
  }
  RdfView& view_;
  QuadIndex& index_;
};

template <int A, int B, int C, int D>
bool less_in(const QuadIds& x, const QuadIds& y) {
  if (x[A] != y[A]) return x[A] < y[A];
  if (x[B] != y[B]) return x[B] < y[B];
  if (x[C] != y[C]) return x[C] < y[C];
  return x[D] < y[D];
}

}  // namespace

TermDictionary::TermDictionary() { keys_.push_back(nullptr); }

void TermDictionary::encode(std::string& key, Term::Kind kind, std::string_view value,
                            std::string_view datatype, std::string_view language) {
  key.clear();
  key.push_back(static_cast<char>('0' + static_cast<int>(kind)));
  put_length(key, value.size());
  key.append(value);
  if (kind == Term::Kind::kLiteral) {
    datatype = normal_datatype(datatype);
    put_length(key, datatype.size());
    key.append(datatype);
    key.append(language);
  }
}

TermId TermDictionary::intern(Term::Kind kind, std::string_view value, std::string_view datatype,
                              std::string_view language) {
  encode(scratch_, kind, value, datatype, language);
  auto [it, added] = ids_.try_emplace(scratch_, static_cast<TermId>(keys_.size()));
  if (added) keys_.push_back(&it->first);
  return it->second;
}

std::optional<TermId> TermDictionary::find(Term::Kind kind, std::string_view value,
                                           std::string_view datatype,
                                           std::string_view language) const {
  std::string key;
  encode(key, kind, value, datatype, language);
  auto it = ids_.find(key);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

Term TermDictionary::term(TermId id) const {
  const std::string& key = *keys_.at(id);
  Term t;
  t.kind = static_cast<Term::Kind>(key[0] - '0');
  const std::uint32_t n = get_length(key, 1);
  t.value = key.substr(5, n);
  if (t.kind == Term::Kind::kLiteral) {
    const std::size_t at = 5 + n;
    const std::uint32_t d = get_length(key, at);
    t.datatype = key.substr(at + 4, d);
    t.language = key.substr(at + 4 + d);
  }
  return t;
}

void QuadIndex::finish() {
  std::sort(spo_.begin(), spo_.end(), less_in<kS, kP, kO, kG>);
  spo_.erase(std::unique(spo_.begin(), spo_.end()), spo_.end());
  spo_.shrink_to_fit();
  pos_ = spo_;
  std::sort(pos_.begin(), pos_.end(), less_in<kP, kO, kS, kG>);
  osp_ = spo_;
  std::sort(osp_.begin(), osp_.end(), less_in<kO, kS, kP, kG>);
}

QuadIndex::Range QuadIndex::lookup(const QuadIds& pattern) const {
  // The order whose leading positions are the bound ones: S→SPO, P→POS, O→OSP,
  // S+O→OSP, P+O→POS, S+P→SPO. The graph position is checked by the caller.
  const bool s = pattern[kS] != kNoTerm;
  const bool p = pattern[kP] != kNoTerm;
  const bool o = pattern[kO] != kNoTerm;
  std::array<int, 3> key{};
  const std::vector<QuadIds>* order = nullptr;
  if (s && !(o && !p)) {
    order = &spo_;
    key = {kS, kP, kO};
  } else if (p) {
    order = &pos_;
    key = {kP, kO, kS};
  } else if (o) {
    order = &osp_;
    key = {kO, kS, kP};
  } else {
    return {&spo_, 0, spo_.size()};
  }
  // Longest prefix of `key` that is bound.
  int prefix = 0;
  while (prefix < 3 && pattern[key[prefix]] != kNoTerm) ++prefix;
  auto cmp_lo = [&](const QuadIds& q, int) {
    for (int i = 0; i < prefix; ++i) {
      if (q[key[i]] != pattern[key[i]]) return q[key[i]] < pattern[key[i]];
    }
    return false;
  };
  auto cmp_hi = [&](int, const QuadIds& q) {
    for (int i = 0; i < prefix; ++i) {
      if (q[key[i]] != pattern[key[i]]) return pattern[key[i]] < q[key[i]];
    }
    return false;
  };
  const auto lo = std::lower_bound(order->begin(), order->end(), 0, cmp_lo);
  const auto hi = std::upper_bound(lo, order->end(), 0, cmp_hi);
  return {order, static_cast<std::size_t>(lo - order->begin()),
          static_cast<std::size_t>(hi - order->begin())};
}

void index_graph(const KnowledgeGraph& graph, const ontology::Ontology* ontology, bool named_graphs,
                 RdfView& view) {
  QuadIndex& index = named_graphs ? view.named : view.merged;
  IndexSink sink(view, index);
  exporters::detail::emit_rdf(graph, exporters::WriteOptions{ontology}, named_graphs, sink);
  index.finish();
  if (named_graphs) view.named_built = true;
}

}  // namespace kg::query::detail
