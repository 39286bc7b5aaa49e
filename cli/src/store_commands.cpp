// `kg sparql`, `kg push`, `kg store`: SPARQL over a graph file and loading into a triple store.

#include "commands.hpp"

namespace kg::cli {

void register_store_commands(CLI::App& app) { (void)app; }

}  // namespace kg::cli
