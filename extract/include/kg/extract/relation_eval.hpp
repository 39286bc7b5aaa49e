#pragma once
/// Scoring of relation extraction on public data: RAMS (news event triggers and arguments)
/// and CaRB (open relation tuples), restricted to what maps onto the ontology's relations,
/// and a rule-by-rule report on one article.

#include <cstddef>
#include <iosfwd>
#include <kg/extract/builder.hpp>
#include <kg/graph/error.hpp>
#include <string>

namespace kg::extract {

/// What to score.
struct RelationEvalOptions {
  std::string data_dir;  ///< directory holding rams_dev/ and carb_dev/; empty = KG_SHARED_DATA_DIR
  std::string seed_article;  ///< article for the rule report; empty = none
  std::size_t limit = 0;     ///< at most this many items per data set; 0 = all
};

/// Precision, recall and F1 of one comparison.
struct Prf {
  std::size_t predicted = 0;
  std::size_t gold = 0;
  std::size_t matched_predicted = 0;
  std::size_t matched_gold = 0;
  [[nodiscard]] double precision() const {
    return predicted == 0 ? 0.0 : static_cast<double>(matched_predicted) / predicted;
  }
  [[nodiscard]] double recall() const {
    return gold == 0 ? 0.0 : static_cast<double>(matched_gold) / gold;
  }
  [[nodiscard]] double f1() const {
    const double p = precision();
    const double r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

/// Scores on RAMS dev (triggers and arguments of the event types that map onto our
/// properties) and CaRB dev (tuples whose relation is one of our triggers), then prints the
/// rule report of the seed article. Writes a readable report to `out`. Errors name missing files.
Result<void> evaluate_relations(const GraphBuilder& builder, const RelationEvalOptions& options,
                                std::ostream& out);

}  // namespace kg::extract
