#pragma once
// Private to kg_exporters: the pieces the RDF writers, readers and the format
// registry share. Nothing here is installed.

#include <cstddef>
#include <deque>
#include <iosfwd>
#include <kg/exporters/formats.hpp>
#include <kg/graph/error.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/model.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::exporters::detail {

// ---- terms -----------------------------------------------------------------

// A non-owning RDF term; the writers stream these without building Quads.
struct TermView {
  Term::Kind kind = Term::Kind::kIri;
  std::string_view value;
  std::string_view datatype;
  std::string_view language;

  static TermView iri(std::string_view v) { return {Term::Kind::kIri, v, {}, {}}; }
  static TermView blank(std::string_view v) { return {Term::Kind::kBlank, v, {}, {}}; }
  static TermView literal(std::string_view v, std::string_view dt = {},
                          std::string_view lang = {}) {
    return {Term::Kind::kLiteral, v, dt, lang};
  }
  static TermView of(const Term& t) { return {t.kind, t.value, t.datatype, t.language}; }
};

// One predicate-object pair of a subject block.
struct PredicateObject {
  std::string_view predicate;
  TermView object;
};

// All triples of one subject that a writer emits together, in output order
// (rdf:type first, then predicates by IRI; objects in model order).
struct Block {
  TermView subject;
  std::vector<PredicateObject> pairs;
  // Backing store for generated lexical forms and IRIs (a deque keeps views valid).
  std::deque<std::string> owned;

  std::string_view own(std::string s) {
    owned.push_back(std::move(s));
    return owned.back();
  }
  void add(std::string_view predicate, TermView object) { pairs.push_back({predicate, object}); }
  void clear() {
    pairs.clear();
    owned.clear();
  }
};

// Receives subject blocks from the emitter (see emit_rdf).
class BlockSink {
 public:
  virtual ~BlockSink() = default;
  // A new part of the output ("entities", "statements" ...), for comments.
  virtual void section(std::string_view /*name*/) {}
  // One subject's triples; `graph` is empty for the default graph.
  virtual void block(const Block& block, std::string_view graph) = 0;
};

// Walks the graph in the documented RDF shape and hands every subject block
// to `sink`. With `named_graphs`, the N-Quads layout (one graph per source
// document); without, everything merged into the default graph.
void emit_rdf(const KnowledgeGraph& graph, const WriteOptions& options, bool named_graphs,
              BlockSink& sink);

// The deterministic IRI of the evidence node for `p` of the statement `statement_iri`.
std::string evidence_iri(std::string_view statement_iri, const Provenance& p);

// The statement IRI KnowledgeGraph mints (under kDefaultBase) for a relation key.
std::string default_statement_iri(std::string_view subject, std::string_view predicate,
                                  std::string_view object, bool negated,
                                  std::string_view attributed_to);

// True when a reader recognises `predicate` between two entities as a relation
// without a statement node (kgo: namespace terms other than our reserved
// provenance terms, or object properties of the ontology).
bool is_relation_predicate(std::string_view predicate, const ontology::Ontology* ontology);

// Shortest decimal form that reads back to the same double, never in exponent
// notation ("0.9", "1", "0.00001"), as xsd:decimal requires.
std::string format_decimal(double value);

// The xsd:nonNegativeInteger lexical form.
std::string format_count(std::size_t value);

// (prefix, namespace) pairs for output: the ontology's, else the built-in
// standard ones, plus ex:/doc:/stmt: for the graph's base when free.
std::vector<std::pair<std::string, std::string>> output_prefixes(const KnowledgeGraph& graph,
                                                                 const WriteOptions& options);

// The same for a graph with base IRI `base` (the streaming converter has no graph).
std::vector<std::pair<std::string, std::string>> output_prefixes(std::string_view base,
                                                                 const WriteOptions& options);

// ---- syntax helpers --------------------------------------------------------

// True when `local` is a valid Turtle PN_LOCAL (so prefix:local may be written).
bool is_pn_local(std::string_view local);

// Appends `text` as the body of a "..." literal (Turtle and N-Triples escapes;
// invalid UTF-8 bytes become U+FFFD).
void append_escaped_literal(std::string& out, std::string_view text);

// Appends an IRI body for <...>, escaping characters IRIREF forbids as \uXXXX.
void append_escaped_iri(std::string& out, std::string_view iri);

// A blank node label that every Turtle/N-Triples parser keeps as is; with `xml_name`, also
// a valid XML name for RDF/XML's rdf:nodeID (a first digit is escaped too).
void append_blank_label(std::string& out, std::string_view label, bool xml_name = false);

// ---- writers and readers (rdf_writer.cpp, rdf_reader.cpp) -------------------

enum class Syntax { kTurtle, kNTriples, kNQuads, kRdfXml };

// Streams the graph in `syntax` to `out`.
Result<void> write_rdf(const KnowledgeGraph& graph, Syntax syntax, std::ostream& out,
                       const WriteOptions& options);

// Which parser reads Turtle, N-Triples and N-Quads (RDF/XML always uses Raptor).
// kLines: N-Triples and N-Quads line by line (ntriples_line.hpp) with serd behind it
// for anything unusual; serd for Turtle.
enum class ParserBackend { kLines, kSerd, kRaptor };

// Parses `in` and maps the triples onto a new KnowledgeGraph.
Result<KnowledgeGraph> read_rdf(std::istream& in, Syntax syntax, std::string_view source_name,
                                const ReadOptions& options, ParserBackend backend);

// ---- streaming (convert without a model) -------------------------------------

// Receives triples one at a time, in input order.
class TripleSink {
 public:
  virtual ~TripleSink() = default;
  // One triple; `graph` has an empty value for the default graph.
  virtual void triple(const TermView& subject, std::string_view predicate, const TermView& object,
                      const TermView& graph) = 0;
};

// A writer that spells triples as they come (rdf_writer.cpp). Turtle groups
// consecutive triples of one subject (";") and predicate (","), with `prefixes`.
class StreamWriter : public TripleSink {
 public:
  // Writes what is left (the last statement's end) and flushes; false when the stream failed.
  virtual bool finish() = 0;
};

// A streaming writer for Turtle, N-Triples or N-Quads (not RDF/XML).
std::unique_ptr<StreamWriter> make_stream_writer(
    Syntax syntax, std::ostream& out, std::vector<std::pair<std::string, std::string>> prefixes);

// Parses `in` with serd and hands every triple to `sink` as it is read
// (rdf_reader.cpp): Turtle, N-Triples or N-Quads. Relative IRIs are resolved
// against the base, as the model reader does.
Result<void> stream_rdf(std::istream& in, Syntax syntax, std::string_view source_name,
                        const ReadOptions& options, TripleSink& sink);

// Writes the graph as JSON Lines (json_lines.cpp).
Result<void> write_json_lines(const KnowledgeGraph& graph, std::ostream& out,
                              const WriteOptions& options);

// ---- files (atomic_file.cpp) -----------------------------------------------

// A file written under a temporary name in the target's directory and renamed
// over the target by commit(); destroyed without commit, the temporary is removed.
class AtomicFile {
 public:
  AtomicFile() = default;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  // Creates the temporary file next to `path`.
  Result<void> open(const std::string& path);
  // An ostream writing to the temporary file (valid after open()).
  std::ostream& stream();
  // Flushes, fsyncs, closes and renames; an Io error names the path and errno text.
  Result<void> commit();
  // After a writer failed: the write error (the path and errno text, as commit()
  // gives it) with the temporary file removed, or nullopt when no write failed.
  std::optional<Error> write_error();

 private:
  class Buffer;
  void discard();

  std::string path_;
  std::string temp_path_;
  int fd_ = -1;
  Buffer* buffer_ = nullptr;
  std::ostream* stream_ = nullptr;
};

}  // namespace kg::exporters::detail
