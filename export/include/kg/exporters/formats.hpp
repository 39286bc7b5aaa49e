#pragma once
/// One registry of every format kg reads or writes, in one explicit list (no
/// self-registering statics): name, aliases, media type, file extension, and
/// what the format can do. The CLI lists and picks formats from here.

#include <iosfwd>
#include <kg/graph/error.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kg::ontology {
class Ontology;
}

namespace kg::exporters {

/// What a format is for.
enum class FormatKind {
  kRdf,      ///< an RDF syntax (read and write)
  kDiagram,  ///< a Graphviz output (write only)
  kJson,     ///< JSON / JSON Lines (write only)
};

/// A format in the registry.
struct Format {
  std::string name;                  ///< canonical name ("turtle")
  std::vector<std::string> aliases;  ///< other names accepted ("ttl")
  std::string media_type;            ///< "text/turtle"
  std::string extension;             ///< file extension without dot ("ttl")
  FormatKind kind = FormatKind::kRdf;
  bool can_read = false;
  bool can_write = true;
  bool binary = false;  ///< PNG, PDF
};

/// Every format, in a fixed order.
const std::vector<Format>& formats();

/// The format whose name, alias, media type or extension is `key` (case-insensitive), or nullptr.
const Format* find_format(std::string_view key);

/// The format a file name implies by its extension ("out/g.ttl" -> turtle), or nullptr.
const Format* format_for_path(std::string_view path);

/// Options shared by every writer.
struct WriteOptions {
  /// Labels, prefixes and styles come from here; nullptr = no prefixes, local-name labels.
  const ontology::Ontology* ontology = nullptr;
};

/// Which parser reads Turtle, N-Triples and N-Quads (RDF/XML is always read by Raptor).
enum class RdfParser {
  kAuto,    ///< the fastest available: N-Triples/N-Quads line by line (serd reads what that
            ///< does not take, with serd's errors), serd for Turtle
  kSerd,    ///< serd's streaming reader for the whole input
  kRaptor,  ///< Raptor's parsers
};

/// Options for reading.
struct ReadOptions {
  /// Base IRI for relative IRIs in the input; empty = the file's URI.
  std::string base;
  /// Used to decide which triples are relations; nullptr = every IRI-to-IRI triple whose
  /// predicate is in the kgo: namespace is a relation, everything else is kept as extras.
  const ontology::Ontology* ontology = nullptr;
  /// The parser for Turtle, N-Triples and N-Quads.
  RdfParser parser = RdfParser::kAuto;
};

/// Writes `graph` in `format` to `out`. RDF formats go through the RDF writers,
/// diagram formats through Graphviz (with default RenderOptions).
Result<void> write_graph(const KnowledgeGraph& graph, const Format& format, std::ostream& out,
                         const WriteOptions& options = {});

/// Writes to a file atomically: a temporary file in the same directory is
/// renamed over `path` only when everything was written; "-" means stdout.
Result<void> write_graph_file(const KnowledgeGraph& graph, const Format& format,
                              const std::string& path, const WriteOptions& options = {});

/// Reads an RDF document into a new graph. `source_name` is used in errors (line, column).
Result<KnowledgeGraph> read_graph(std::istream& in, const Format& format,
                                  std::string_view source_name, const ReadOptions& options = {});

/// Reads an RDF file ("-" = stdin); the format comes from `format` or else the extension.
Result<KnowledgeGraph> read_graph_file(const std::string& path, const Format* format = nullptr,
                                       const ReadOptions& options = {});

/// How convert_file moves triples from its input to its output.
enum class ConvertPath {
  kAuto,    ///< stream when the input is N-Triples or N-Quads and can_stream() holds, else kModel
  kStream,  ///< triple by triple in input order, no graph in memory; needs can_stream()
  kModel,   ///< read into a KnowledgeGraph, then write it (the writers' order and shape)
};

/// True when `from` can be converted to `to` triple by triple: Turtle, N-Triples or
/// N-Quads in; Turtle, N-Triples or N-Quads out. Named graphs are kept only in N-Quads output.
bool can_stream(const Format& from, const Format& to);

/// The path convert_file takes for `from` -> `to` when asked for `requested`.
ConvertPath convert_path(const Format& from, const Format& to,
                         ConvertPath requested = ConvertPath::kAuto);

/// Converts the graph file `input` ("-" = stdin) in `from` to `output` ("-" = stdout) in `to`.
/// Streaming reads with serd and writes each triple as it comes (Turtle groups consecutive
/// triples of one subject and predicate, with the output prefixes of `write`); the triples
/// are those of the input, in its order. The model path reads a KnowledgeGraph (with `read`)
/// and writes it as write_graph_file does. Files are written atomically either way; an error
/// (naming the file, line and column for syntax errors) leaves no output file. kStream with
/// formats that cannot stream is an error.
Result<void> convert_file(const std::string& input, const Format& from, const std::string& output,
                          const Format& to, ConvertPath path = ConvertPath::kAuto,
                          const ReadOptions& read = {}, const WriteOptions& write = {});

/// Writes `bytes` to `path` atomically (temporary file + rename), creating no partial file.
Result<void> write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace kg::exporters
