#include "commands.hpp"

namespace kg::cli {

void register_extract_commands(CLI::App& app) { (void)app; }

}  // namespace kg::cli
