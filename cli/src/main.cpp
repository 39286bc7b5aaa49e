// kg: the command-line front end. It parses flags and calls the library;
// every failure is printed on stderr as "kg: error: ..." with a non-zero exit.

#include <iostream>

#include "commands.hpp"

namespace kg::cli {

void fail_command(const kg::Error& error, int exit_code) {
  std::cerr << "kg: error: " << error.to_string() << '\n';
  throw CLI::RuntimeError(exit_code);
}

}  // namespace kg::cli

int main(int argc, char** argv) {
  CLI::App app{"kg: turn news text into a knowledge graph; convert, draw, query and validate it"};
  app.set_version_flag("--version", std::string("kg ") + KG_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  kg::cli::register_graph_commands(app);
  kg::cli::register_extract_commands(app);
  kg::cli::register_build_commands(app);
  kg::cli::register_store_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::bad_alloc&) {
    std::cerr << "kg: error: out of memory\n";
    return 3;
  }
  return 0;
}
