#pragma once
// Reads Turtle files into plain triples through Raptor. Private to the
// ontology module: no Raptor type leaves turtle_reader.cpp.

#include <cstddef>
#include <kg/graph/error.hpp>
#include <kg/graph/model.hpp>
#include <string>
#include <vector>

namespace kg::ontology::detail {

/// One triple as read, with where it was read. Blank node labels are made
/// unique across files (prefixed by the file's index) so that nodes of two
/// files never merge by accident.
struct SourceTriple {
  Term subject;
  std::string predicate;
  Term object;
  std::size_t file = 0;  ///< index into the list of paths
  std::size_t line =
      0;  ///< 1-based line where the statement ends (Raptor reports that), 0 = unknown
  std::size_t first_line = 0;  ///< 1-based line where the statement can start at the earliest
};

/// Parses each file as Turtle (in the given order) and appends its triples to
/// one list. The first syntax error (or unreadable file) is returned with the
/// file, line and column Raptor reported.
Result<std::vector<SourceTriple>> read_turtle_files(const std::vector<std::string>& paths);

}  // namespace kg::ontology::detail
