// The format registry: one explicit list (no self-registering statics, which
// the linker drops from static libraries) and the dispatch to the writers.

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <kg/exporters/formats.hpp>
#include <kg/exporters/graphviz.hpp>
#include <optional>

#include "rdf_internal.hpp"

namespace kg::exporters {
namespace {

// A failed write to standard output, with the reason when errno still has it
// (ENOSPC for a full disk or /dev/full, EPIPE when the reader went away).
Error stdout_error(int err) {
  return make_error(Error::Code::kIo,
                    std::string("cannot write to standard output") +
                        (err != 0 ? std::string(": ") + std::strerror(err) : std::string()),
                    "-", 0, 0,
                    err == ENOSPC ? "free some disk space, or write to a file with enough room"
                                  : "check where standard output goes");
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           const auto lx = static_cast<unsigned char>(x);
           const auto ly = static_cast<unsigned char>(y);
           return std::tolower(lx) == std::tolower(ly);
         });
}

std::vector<Format> make_formats() {
  auto rdf = [](std::string name, std::vector<std::string> aliases, std::string media,
                std::string ext) {
    return Format{std::move(name),
                  std::move(aliases),
                  std::move(media),
                  std::move(ext),
                  FormatKind::kRdf,
                  true,
                  true,
                  false};
  };
  auto diagram = [](std::string name, std::vector<std::string> aliases, std::string media,
                    std::string ext, bool binary) {
    return Format{std::move(name),
                  std::move(aliases),
                  std::move(media),
                  std::move(ext),
                  FormatKind::kDiagram,
                  false,
                  true,
                  binary};
  };
  return {
      rdf("turtle", {"ttl"}, "text/turtle", "ttl"),
      rdf("ntriples", {"nt", "n-triples"}, "application/n-triples", "nt"),
      rdf("nquads", {"nq", "n-quads"}, "application/n-quads", "nq"),
      rdf("rdfxml", {"rdf", "owl", "xml", "rdf/xml"}, "application/rdf+xml", "rdf"),
      diagram("dot", {"gv", "graphviz"}, "text/vnd.graphviz", "dot", false),
      diagram("svg", {}, "image/svg+xml", "svg", false),
      diagram("png", {}, "image/png", "png", true),
      diagram("pdf", {}, "application/pdf", "pdf", true),
      Format{"jsonl",
             {"json-lines", "ndjson"},
             "application/jsonl",
             "jsonl",
             FormatKind::kJson,
             false,
             true,
             false},
  };
}

std::optional<detail::Syntax> syntax_of(const Format& format) {
  if (format.name == "turtle") return detail::Syntax::kTurtle;
  if (format.name == "ntriples") return detail::Syntax::kNTriples;
  if (format.name == "nquads") return detail::Syntax::kNQuads;
  if (format.name == "rdfxml") return detail::Syntax::kRdfXml;
  return std::nullopt;
}

Error with_file(Error e, const std::string& file) {
  if (e.file.empty()) e.file = file;
  return e;
}

}  // namespace

const std::vector<Format>& formats() {
  static const std::vector<Format> kFormats = make_formats();
  return kFormats;
}

const Format* find_format(std::string_view key) {
  for (const auto& f : formats()) {
    if (iequals(f.name, key) || iequals(f.media_type, key) || iequals(f.extension, key)) return &f;
    for (const auto& a : f.aliases) {
      if (iequals(a, key)) return &f;
    }
  }
  return nullptr;
}

const Format* format_for_path(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const auto dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot + 1 == name.size()) return nullptr;
  const std::string_view ext = name.substr(dot + 1);
  for (const auto& f : formats()) {
    if (iequals(f.extension, ext)) return &f;
    for (const auto& a : f.aliases) {
      if (iequals(a, ext)) return &f;
    }
  }
  return nullptr;
}

Result<void> write_graph(const KnowledgeGraph& graph, const Format& format, std::ostream& out,
                         const WriteOptions& options) {
  if (!format.can_write) {
    return fail(Error::Code::kUnsupported, "format '" + format.name + "' cannot be written");
  }
  switch (format.kind) {
    case FormatKind::kRdf: {
      const auto syntax = syntax_of(format);
      if (!syntax) return fail(Error::Code::kUnsupported, "no writer for '" + format.name + "'");
      return detail::write_rdf(graph, *syntax, out, options);
    }
    case FormatKind::kJson:
      return detail::write_json_lines(graph, out, options);
    case FormatKind::kDiagram: {
      RenderOptions render_options;
      render_options.output = format.name;
      return render(graph, options.ontology, render_options, out);
    }
  }
  return fail(Error::Code::kInternal, "unknown format kind");
}

Result<void> write_graph_file(const KnowledgeGraph& graph, const Format& format,
                              const std::string& path, const WriteOptions& options) {
  if (path == "-") {
    auto written = write_graph(graph, format, std::cout, options);
    if (!written && written.error().code == Error::Code::kIo)
      return tl::unexpected(stdout_error(errno));
    if (!written) return written;
    std::cout.flush();
    if (!std::cout) return tl::unexpected(stdout_error(errno));
    return {};
  }
  detail::AtomicFile file;
  if (auto opened = file.open(path); !opened) return opened;
  if (auto written = write_graph(graph, format, file.stream(), options); !written) {
    // A failed write: say which file and why (errno), as commit() would.
    if (auto io = file.write_error()) return tl::unexpected(*io);
    return tl::unexpected(with_file(written.error(), path));
  }
  return file.commit();
}

Result<KnowledgeGraph> read_graph(std::istream& in, const Format& format,
                                  std::string_view source_name, const ReadOptions& options) {
  const auto syntax = syntax_of(format);
  if (!syntax || !format.can_read) {
    return fail(Error::Code::kUnsupported, "format '" + format.name + "' cannot be read",
                std::string(source_name), 0, 0, "read Turtle, N-Triples, N-Quads or RDF/XML");
  }
  const auto backend = options.parser == RdfParser::kRaptor ? detail::ParserBackend::kRaptor
                       : options.parser == RdfParser::kSerd ? detail::ParserBackend::kSerd
                                                            : detail::ParserBackend::kLines;
  return detail::read_rdf(in, *syntax, source_name, options, backend);
}

Result<KnowledgeGraph> read_graph_file(const std::string& path, const Format* format,
                                       const ReadOptions& options) {
  if (format == nullptr) format = format_for_path(path);
  if (format == nullptr) {
    return fail(Error::Code::kInvalidArgument, "cannot tell the syntax of '" + path + "'", path, 0,
                0, "name the format, or use a .ttl, .nt, .nq or .rdf file name");
  }
  if (path == "-") return read_graph(std::cin, *format, "-", options);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    const int err = errno;
    return fail(err == ENOENT ? Error::Code::kNotFound : Error::Code::kIo,
                "cannot open '" + path + "': " + std::strerror(err), path, 0, 0,
                "check the path and its permissions");
  }
  return read_graph(in, *format, path, options);
}

bool can_stream(const Format& from, const Format& to) {
  const auto in = syntax_of(from);
  const auto out = syntax_of(to);
  return from.can_read && in && out && *in != detail::Syntax::kRdfXml &&
         *out != detail::Syntax::kRdfXml;
}

ConvertPath convert_path(const Format& from, const Format& to, ConvertPath requested) {
  if (requested != ConvertPath::kAuto) return requested;
  // Line-based dumps carry no layout worth keeping and are the big inputs; a
  // Turtle input goes through the model, so that rewriting our own Turtle
  // gives the same bytes.
  const auto in = syntax_of(from);
  const bool line_based =
      in && (*in == detail::Syntax::kNTriples || *in == detail::Syntax::kNQuads);
  return line_based && can_stream(from, to) ? ConvertPath::kStream : ConvertPath::kModel;
}

namespace {

Result<void> stream_to(std::istream& in, const std::string& input, const Format& from,
                       std::ostream& out, const Format& to, const ReadOptions& read,
                       const WriteOptions& write) {
  const auto writer =
      detail::make_stream_writer(*syntax_of(to), out, detail::output_prefixes(kDefaultBase, write));
  auto streamed = detail::stream_rdf(in, *syntax_of(from), input, read, *writer);
  // What was read so far is written even after an error (stdout shows how far it got).
  const bool written = writer->finish();
  if (!streamed) return streamed;
  if (in.bad()) {
    return fail(Error::Code::kIo, "cannot read '" + input + "'", input, 0, 0,
                "check that the file is readable");
  }
  if (!written) return fail(Error::Code::kIo, "cannot write the RDF output");
  return {};
}

}  // namespace

Result<void> convert_file(const std::string& input, const Format& from, const std::string& output,
                          const Format& to, ConvertPath path, const ReadOptions& read,
                          const WriteOptions& write) {
  path = convert_path(from, to, path);
  if (path == ConvertPath::kModel) {
    auto graph = read_graph_file(input, &from, read);
    if (!graph) return tl::unexpected(graph.error());
    return write_graph_file(*graph, to, output, write);
  }
  if (!can_stream(from, to)) {
    return fail(Error::Code::kUnsupported,
                "cannot stream '" + from.name + "' to '" + to.name + "' triple by triple", input, 0,
                0,
                "stream Turtle, N-Triples or N-Quads to one of them, or convert through the model");
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (input != "-") {
    file.open(input, std::ios::binary);
    if (!file) {
      const int err = errno;
      return fail(err == ENOENT ? Error::Code::kNotFound : Error::Code::kIo,
                  "cannot open '" + input + "': " + std::strerror(err), input, 0, 0,
                  "check the path and its permissions");
    }
    in = &file;
  }
  if (output == "-") {
    auto done = stream_to(*in, input, from, std::cout, to, read, write);
    if (!done && done.error().code == Error::Code::kIo && done.error().file.empty()) {
      return tl::unexpected(stdout_error(errno));
    }
    if (!done) return done;
    std::cout.flush();
    if (!std::cout) return tl::unexpected(stdout_error(errno));
    return {};
  }
  detail::AtomicFile file_out;
  if (auto opened = file_out.open(output); !opened) return opened;
  if (auto done = stream_to(*in, input, from, file_out.stream(), to, read, write); !done) {
    if (auto io = file_out.write_error()) return tl::unexpected(*io);
    return tl::unexpected(done.error().file.empty() ? with_file(done.error(), output)
                                                    : done.error());
  }
  return file_out.commit();
}

}  // namespace kg::exporters
