#pragma once
// Private to kg_query: the graph's RDF view as dictionary-encoded quads in three
// sorted orders, so any triple pattern is one binary search plus a scan of its
// matches.

#include <array>
#include <cstdint>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/model.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::ontology {
class Ontology;
}

namespace kg::query::detail {

using TermId = std::uint32_t;
inline constexpr TermId kNoTerm = 0;

// Interned RDF terms. Id 0 is "no term" (the default graph, an open position).
class TermDictionary {
 public:
  TermDictionary();
  TermId intern(Term::Kind kind, std::string_view value, std::string_view datatype,
                std::string_view language);
  [[nodiscard]] std::optional<TermId> find(Term::Kind kind, std::string_view value,
                                           std::string_view datatype,
                                           std::string_view language) const;
  [[nodiscard]] Term term(TermId id) const;
  [[nodiscard]] std::size_t size() const { return keys_.size(); }

 private:
  static void encode(std::string& key, Term::Kind kind, std::string_view value,
                     std::string_view datatype, std::string_view language);
  std::vector<const std::string*> keys_;
  std::unordered_map<std::string, TermId> ids_;
  std::string scratch_;
};

// Quad positions.
enum Position : int { kS = 0, kP = 1, kO = 2, kG = 3 };
using QuadIds = std::array<TermId, 4>;

// Quads sorted as SPO(G), POS(G), OSP(G).
class QuadIndex {
 public:
  void add(const QuadIds& q) { spo_.push_back(q); }
  // Sorts, removes duplicates and builds the other two orders.
  void finish();
  [[nodiscard]] std::size_t size() const { return spo_.size(); }

  // The quads whose bound positions equal `pattern` (kNoTerm = open), as a range of one
  // of the orders; positions the range does not fix must be checked by the caller.
  struct Range {
    const std::vector<QuadIds>* order = nullptr;
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  [[nodiscard]] Range lookup(const QuadIds& pattern) const;

 private:
  std::vector<QuadIds> spo_, pos_, osp_;
};

// The default graph (the merged view, as the Turtle writer emits it) and, built on
// demand, the named graphs (as the N-Quads writer emits them).
struct RdfView {
  TermDictionary terms;
  QuadIndex merged;
  QuadIndex named;
  bool named_built = false;
};

// Adds the writer's view of `graph` to `view`: the merged one, or the named-graph one.
// `ontology` is what the writers are given (it decides which bare relations need no
// statement node), so it must be the one the Turtle file was written with.
void index_graph(const KnowledgeGraph& graph, const ontology::Ontology* ontology, bool named_graphs,
                 RdfView& view);

}  // namespace kg::query::detail
