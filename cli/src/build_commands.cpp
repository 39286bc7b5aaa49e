// `kg build`: articles in, knowledge graph out (text to entities, relations, events).

#include "commands.hpp"

namespace kg::cli {

void register_build_commands(CLI::App& app) { (void)app; }

}  // namespace kg::cli
