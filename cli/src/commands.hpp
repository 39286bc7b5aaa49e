#pragma once
/// The `kg` command line: each module registers its subcommands here. A
/// subcommand's callback reports failure by calling fail_command(), which
/// prints the error on stderr and makes `kg` exit non-zero.

#include <CLI/CLI.hpp>
#include <kg/graph/error.hpp>
#include <string>

namespace kg::cli {

/// Prints "kg: error: <error>" on stderr and throws CLI::RuntimeError(exit_code).
[[noreturn]] void fail_command(const kg::Error& error, int exit_code = 1);

/// Registers convert, render, query, validate, formats (graph, ontology, export).
void register_graph_commands(CLI::App& app);

/// Registers the language-core subcommands (parse, ner, train, eval).
void register_extract_commands(CLI::App& app);

/// Registers `build` (articles in, knowledge graph out) and its evaluation commands.
void register_build_commands(CLI::App& app);

/// Registers the SPARQL and triple-store subcommands (sparql, push, store).
void register_store_commands(CLI::App& app);

}  // namespace kg::cli
