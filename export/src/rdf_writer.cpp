// RDF writers. Turtle, N-Triples and N-Quads are spelled here, streamed from
// the emitter's subject blocks into a large buffer (Raptor's Turtle serializer
// is slow and superlinear on big graphs); RDF/XML goes through Raptor's
// serializer, which handles XML names and namespaces.

#include <raptor2.h>

#include <cstdio>
#include <cstdlib>
#include <kg/graph/vocab.hpp>
#include <memory>
#include <ostream>
#include <unordered_map>

#include "rdf_internal.hpp"

namespace kg::exporters::detail {
namespace {

constexpr std::size_t kFlushAt = 1 << 20;

// A term in Turtle or N-Triples spelling; the two differ only in how an IRI
// is written (a prefixed name where possible, or always <...>).
template <class WriteIri>
void append_term(std::string& b, const TermView& t, WriteIri&& write_iri) {
  switch (t.kind) {
    case Term::Kind::kIri:
      write_iri(b, t.value);
      return;
    case Term::Kind::kBlank:
      b += "_:";
      append_blank_label(b, t.value);
      return;
    case Term::Kind::kLiteral:
      b += '"';
      append_escaped_literal(b, t.value);
      b += '"';
      if (!t.language.empty()) {
        b += '@';
        b += t.language;
      } else if (!t.datatype.empty()) {
        b += "^^";
        write_iri(b, t.datatype);
      }
      return;
  }
}

// Buffered output to an ostream; remembers whether the stream failed.
class Output {
 public:
  explicit Output(std::ostream& out) : out_(out) { buf_.reserve(kFlushAt + 4096); }
  std::string& buf() { return buf_; }
  void maybe_flush() {
    if (buf_.size() >= kFlushAt) flush();
  }
  void flush() {
    if (!buf_.empty()) out_.write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  [[nodiscard]] bool ok() const { return static_cast<bool>(out_); }

 private:
  std::ostream& out_;
  std::string buf_;
};

// Spells terms in Turtle with a fixed prefix table: the prefix lines, then
// prefixed names wherever the local part is a valid PN_LOCAL.
class TurtleSpeller {
 public:
  explicit TurtleSpeller(std::vector<std::pair<std::string, std::string>> prefixes)
      : prefixes_(std::move(prefixes)) {
    for (const auto& [prefix, ns] : prefixes_) {
      const char last = ns.empty() ? '\0' : ns.back();
      if (last == '/' || last == '#') {
        by_namespace_.emplace(ns, prefix);
      } else {
        other_.emplace_back(ns, prefix);
      }
    }
  }

  void write_header(std::string& b) const {
    for (const auto& [prefix, ns] : prefixes_) {
      b += "@prefix ";
      b += prefix;
      b += ": <";
      append_escaped_iri(b, ns);
      b += "> .\n";
    }
    if (!prefixes_.empty()) b += '\n';
  }

  void write_iri(std::string& b, std::string_view iri) {
    const auto cut = iri.find_last_of("/#");
    if (cut != std::string_view::npos) {
      const std::string_view ns = iri.substr(0, cut + 1);
      // Neighbouring IRIs mostly share a namespace: try the last one before hashing.
      if (ns != last_ns_) {
        last_ns_ = {};
        last_prefix_ = {};
        if (auto it = by_namespace_.find(ns); it != by_namespace_.end()) {
          last_ns_ = it->first;
          last_prefix_ = it->second;
        }
      }
      if (!last_prefix_.empty()) {
        const std::string_view local = iri.substr(cut + 1);
        if (is_pn_local(local)) {
          b += last_prefix_;
          b += ':';
          b += local;
          return;
        }
      }
    }
    for (const auto& [ns, prefix] : other_) {
      if (iri.starts_with(ns) && is_pn_local(iri.substr(ns.size()))) {
        b += prefix;
        b += ':';
        b += iri.substr(ns.size());
        return;
      }
    }
    b += '<';
    append_escaped_iri(b, iri);
    b += '>';
  }

  void write_predicate(std::string& b, std::string_view iri) {
    if (iri == vocab::kRdfType) {
      b += 'a';
    } else {
      write_iri(b, iri);
    }
  }

  void write_term(std::string& b, const TermView& t) {
    append_term(b, t, [this](std::string& out, std::string_view iri) { write_iri(out, iri); });
  }

 private:
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::unordered_map<std::string_view, std::string_view> by_namespace_;
  std::vector<std::pair<std::string_view, std::string_view>> other_;
  std::string_view last_ns_;
  std::string_view last_prefix_;
};

class TurtleSink final : public BlockSink {
 public:
  TurtleSink(Output& out, std::vector<std::pair<std::string, std::string>> prefixes)
      : out_(out), speller_(std::move(prefixes)) {
    speller_.write_header(out_.buf());
  }

  void section(std::string_view name) override { pending_section_ = name; }

  void block(const Block& block, std::string_view /*graph*/) override {
    std::string& b = out_.buf();
    if (!pending_section_.empty()) {
      b += "# ";
      b += pending_section_;
      b += "\n\n";
      pending_section_ = {};
    }
    speller_.write_term(b, block.subject);
    std::string_view previous;
    bool first = true;
    for (const auto& po : block.pairs) {
      if (first || po.predicate != previous) {
        b += first ? " " : " ;\n    ";
        speller_.write_predicate(b, po.predicate);
        b += ' ';
        previous = po.predicate;
        first = false;
      } else {
        b += ", ";
      }
      speller_.write_term(b, po.object);
    }
    b += " .\n\n";
    out_.maybe_flush();
  }

 private:
  Output& out_;
  TurtleSpeller speller_;
  std::string_view pending_section_;
};

// Turtle as the triples come: a statement per run of triples with one subject,
// in the same layout as TurtleSink's blocks.
class TurtleStreamWriter final : public StreamWriter {
 public:
  TurtleStreamWriter(std::ostream& out, std::vector<std::pair<std::string, std::string>> prefixes)
      : out_(out), speller_(std::move(prefixes)) {
    speller_.write_header(out_.buf());
  }

  void triple(const TermView& subject, std::string_view predicate, const TermView& object,
              const TermView& /*graph*/) override {
    std::string& b = out_.buf();
    if (open_ && subject.kind == subject_kind_ && subject.value == subject_) {
      if (predicate == predicate_) {
        b += ", ";
      } else {
        b += " ;\n    ";
        speller_.write_predicate(b, predicate);
        b += ' ';
        predicate_.assign(predicate);
      }
    } else {
      if (open_) {
        b += " .\n\n";
        out_.maybe_flush();
      }
      speller_.write_term(b, subject);
      b += ' ';
      speller_.write_predicate(b, predicate);
      b += ' ';
      subject_.assign(subject.value);
      subject_kind_ = subject.kind;
      predicate_.assign(predicate);
      open_ = true;
    }
    speller_.write_term(b, object);
  }

  bool finish() override {
    if (open_) out_.buf() += " .\n\n";
    open_ = false;
    out_.flush();
    return out_.ok();
  }

 private:
  Output out_;
  TurtleSpeller speller_;
  bool open_ = false;
  Term::Kind subject_kind_ = Term::Kind::kIri;
  std::string subject_;
  std::string predicate_;
};

void append_nt_term(std::string& b, const TermView& t) {
  append_term(b, t, [](std::string& out, std::string_view iri) {
    out += '<';
    append_escaped_iri(out, iri);
    out += '>';
  });
}

class NTriplesSink final : public BlockSink {
 public:
  NTriplesSink(Output& out, bool quads) : out_(out), quads_(quads) {}

  void block(const Block& block, std::string_view graph) override {
    subject_.clear();
    append_nt_term(subject_, block.subject);
    subject_ += ' ';
    suffix_.clear();
    if (quads_ && !graph.empty()) {
      // A blank graph name is kept as "_:label" (no IRI starts with "_:").
      if (graph.substr(0, 2) == "_:") {
        suffix_ += " _:";
        append_blank_label(suffix_, graph.substr(2));
      } else {
        suffix_ += " <";
        append_escaped_iri(suffix_, graph);
        suffix_ += '>';
      }
    }
    suffix_ += " .\n";
    std::string& b = out_.buf();
    for (const auto& po : block.pairs) {
      b += subject_;
      b += '<';
      append_escaped_iri(b, po.predicate);
      b += "> ";
      append_nt_term(b, po.object);
      b += suffix_;
    }
    out_.maybe_flush();
  }

 private:
  Output& out_;
  bool quads_;
  std::string subject_;
  std::string suffix_;
};

// N-Triples or N-Quads as the triples come.
class NTriplesStreamWriter final : public StreamWriter {
 public:
  NTriplesStreamWriter(std::ostream& out, bool quads) : out_(out), quads_(quads) {}

  void triple(const TermView& subject, std::string_view predicate, const TermView& object,
              const TermView& graph) override {
    std::string& b = out_.buf();
    append_nt_term(b, subject);
    b += " <";
    append_escaped_iri(b, predicate);
    b += "> ";
    append_nt_term(b, object);
    if (quads_ && !graph.value.empty()) {
      b += ' ';
      append_nt_term(b, graph);
    }
    b += " .\n";
    out_.maybe_flush();
  }

  bool finish() override {
    out_.flush();
    return out_.ok();
  }

 private:
  Output out_;
  bool quads_;
};

// ---- RDF/XML through Raptor -------------------------------------------------

struct WorldDeleter {
  void operator()(raptor_world* w) const { raptor_free_world(w); }
};
struct SerializerDeleter {
  void operator()(raptor_serializer* s) const { raptor_free_serializer(s); }
};
struct IostreamDeleter {
  void operator()(raptor_iostream* s) const { raptor_free_iostream(s); }
};
struct UriDeleter {
  void operator()(raptor_uri* u) const { raptor_free_uri(u); }
};
struct TermDeleter {
  void operator()(raptor_term* t) const { raptor_free_term(t); }
};
using TermPtr = std::unique_ptr<raptor_term, TermDeleter>;

struct RaptorLog {
  std::string first_error;
  static void handle(void* data, raptor_log_message* message) {
    auto* self = static_cast<RaptorLog*>(data);
    if (message->level >= RAPTOR_LOG_LEVEL_ERROR && self->first_error.empty()) {
      self->first_error = message->text != nullptr ? message->text : "unknown Raptor error";
    }
  }
};

// Raptor's iostream writes straight into our buffered Output.
int iostream_write_bytes(void* context, const void* ptr, size_t size, size_t nmemb) {
  auto* out = static_cast<Output*>(context);
  out->buf().append(static_cast<const char*>(ptr), size * nmemb);
  out->maybe_flush();
  return static_cast<int>(nmemb);
}
int iostream_write_byte(void* context, const int byte) {
  auto* out = static_cast<Output*>(context);
  out->buf() += static_cast<char>(byte);
  return 0;
}

class RdfXmlSink final : public BlockSink {
 public:
  RdfXmlSink(raptor_world* world, raptor_serializer* serializer)
      : world_(world), serializer_(serializer) {}

  void block(const Block& block, std::string_view /*graph*/) override {
    if (failed_) return;
    TermPtr subject = make(block.subject);
    for (const auto& po : block.pairs) {
      if (const std::string_view name = rdfxml_syntax_name(po.predicate); !name.empty()) {
        // RDF/XML reserves these names for its own syntax: as a property element a reader
        // refuses rdf:bagID and the like, and reads rdf:li back as rdf:_1.
        failed_ = true;
        reason_ = "the predicate rdf:" + std::string(name) +
                  " is a name of the RDF/XML syntax and cannot be a property there";
        return;
      }
      if (extends_rdf_namespace(po.predicate)) {
        // The serializer would declare a namespace that has the RDF namespace as a prefix
        // ("...22-rdf-syntax-ns#pre@" for "rdf:pre@icate"), which RDF/XML forbids: no reader
        // would take the file back.
        failed_ = true;
        reason_ = "the predicate <" + std::string(po.predicate) +
                  "> extends the RDF namespace with a name that is not an XML name";
        return;
      }
      if (po.object.kind == Term::Kind::kLiteral) {
        // XML 1.0 has no way to write U+0000 or the other C0 controls but tab, LF and CR
        // (Raptor writes a literal with U+0000 cut short there, and refuses the others).
        for (const char c : po.object.value) {
          if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            failed_ = true;
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            reason_ = std::string("a literal holds the control character ") + code +
                      ", which XML 1.0 cannot carry";
            return;
          }
        }
      }
      for (const std::string_view iri :
           {block.subject.kind == Term::Kind::kIri ? block.subject.value : std::string_view{},
            po.object.kind == Term::Kind::kIri ? po.object.value : po.object.datatype}) {
        if (has_dot_segment(iri)) {
          // rdf:about, rdf:resource and rdf:datatype are resolved against the base when
          // read, which removes "." and ".." segments: the file would read back as other IRIs.
          failed_ = true;
          reason_ = "the IRI <" + std::string(iri) +
                    "> has a '.' or '..' path segment, which RDF/XML readers remove";
          return;
        }
      }
      TermPtr predicate = make(TermView::iri(po.predicate));
      TermPtr object = make(po.object);
      raptor_statement st;
      raptor_statement_init(&st, world_);
      st.subject = subject.get();
      st.predicate = predicate.get();
      st.object = object.get();
      st.graph = nullptr;
      if (raptor_serializer_serialize_statement(serializer_, &st) != 0) failed_ = true;
    }
  }
  [[nodiscard]] bool failed() const { return failed_; }
  [[nodiscard]] const std::string& reason() const { return reason_; }

 private:
  // The local name when `iri` is one of RDF/XML's syntax names (coreSyntaxTerms, the old
  // terms, rdf:Description and rdf:li), which cannot be written as a property element.
  static std::string_view rdfxml_syntax_name(std::string_view iri) {
    constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    if (!iri.starts_with(kRdf)) return {};
    const std::string_view local = iri.substr(kRdf.size());
    for (const std::string_view name :
         {"RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype", "Description",
          "aboutEach", "aboutEachPrefix", "bagID", "li"}) {
      if (local == name) return name;
    }
    return {};
  }

  // An IRI in the RDF namespace whose local part is not an XML NCName can only be written
  // with a namespace that extends the RDF one.
  static bool extends_rdf_namespace(std::string_view iri) {
    constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    if (iri.size() <= kRdf.size() || iri.substr(0, kRdf.size()) != kRdf) return false;
    const std::string_view local = iri.substr(kRdf.size());
    auto name_start = [](unsigned char c) {
      return c >= 0x80 || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    };
    auto name_char = [&](unsigned char c) {
      return name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9');
    };
    if (!name_start(static_cast<unsigned char>(local.front()))) return true;
    for (char c : local) {
      if (!name_char(static_cast<unsigned char>(c))) return true;
    }
    return false;
  }

  // True when the IRI's path (after "scheme:" and any "//authority") has a segment that
  // is "." or ".." (RFC 3986 section 5.2.4).
  static bool has_dot_segment(std::string_view iri) {
    const std::size_t colon = iri.find(':');
    if (colon == std::string_view::npos) return false;
    std::string_view path = iri.substr(colon + 1);
    path = path.substr(0, std::min(path.find('?'), path.find('#')));
    if (path.substr(0, 2) == "//") {
      const std::size_t slash = path.find('/', 2);
      if (slash == std::string_view::npos) return false;
      path.remove_prefix(slash);
    }
    while (!path.empty()) {
      const std::size_t slash = path.find('/');
      const std::string_view segment = path.substr(0, slash);
      if (segment == "." || segment == "..") return true;
      if (slash == std::string_view::npos) break;
      path.remove_prefix(slash + 1);
    }
    return false;
  }

  TermPtr make(const TermView& t) {
    const auto* value = reinterpret_cast<const unsigned char*>(t.value.data());
    switch (t.kind) {
      case Term::Kind::kIri:
        return TermPtr(raptor_new_term_from_counted_uri_string(world_, value, t.value.size()));
      case Term::Kind::kBlank: {
        std::string label;
        append_blank_label(label, t.value, /*xml_name=*/true);
        return TermPtr(raptor_new_term_from_counted_blank(
            world_, reinterpret_cast<const unsigned char*>(label.data()), label.size()));
      }
      case Term::Kind::kLiteral: {
        std::unique_ptr<raptor_uri, UriDeleter> datatype;
        if (!t.datatype.empty() && t.language.empty()) {
          datatype.reset(raptor_new_uri_from_counted_string(
              world_, reinterpret_cast<const unsigned char*>(t.datatype.data()),
              t.datatype.size()));
        }
        return TermPtr(raptor_new_term_from_counted_literal(
            world_, value, t.value.size(), datatype.get(),
            t.language.empty() ? nullptr
                               : reinterpret_cast<const unsigned char*>(t.language.data()),
            static_cast<unsigned char>(t.language.size())));
      }
    }
    return nullptr;
  }

  raptor_world* world_;
  raptor_serializer* serializer_;
  bool failed_ = false;
  std::string reason_;
};

Result<void> write_rdfxml(const KnowledgeGraph& graph, std::ostream& out,
                          const WriteOptions& options) {
  std::unique_ptr<raptor_world, WorldDeleter> world(raptor_new_world());
  if (!world || raptor_world_open(world.get()) != 0) {
    return fail(Error::Code::kInternal, "cannot initialise Raptor");
  }
  RaptorLog log;
  raptor_world_set_log_handler(world.get(), &log, &RaptorLog::handle);
  // Plain "rdfxml" writes every blank node with rdf:nodeID, so labels survive
  // a round trip ("rdfxml-abbrev" nests them and readers renumber them).
  std::unique_ptr<raptor_serializer, SerializerDeleter> serializer(
      raptor_new_serializer(world.get(), "rdfxml"));
  if (!serializer) return fail(Error::Code::kUnsupported, "Raptor has no RDF/XML serializer");
  for (const auto& [prefix, ns] : output_prefixes(graph, options)) {
    std::unique_ptr<raptor_uri, UriDeleter> uri(raptor_new_uri_from_counted_string(
        world.get(), reinterpret_cast<const unsigned char*>(ns.data()), ns.size()));
    raptor_serializer_set_namespace(serializer.get(), uri.get(),
                                    reinterpret_cast<const unsigned char*>(prefix.c_str()));
  }
  Output buffered(out);
  static const raptor_iostream_handler kHandler = {
      2, nullptr, nullptr, &iostream_write_byte, &iostream_write_bytes, nullptr, nullptr, nullptr};
  std::unique_ptr<raptor_iostream, IostreamDeleter> stream(
      raptor_new_iostream_from_handler(world.get(), &buffered, &kHandler));
  if (!stream) return fail(Error::Code::kInternal, "cannot create a Raptor output stream");
  if (raptor_serializer_start_to_iostream(serializer.get(), nullptr, stream.get()) != 0) {
    return fail(Error::Code::kInternal, "cannot start the RDF/XML serializer: " + log.first_error);
  }
  RdfXmlSink sink(world.get(), serializer.get());
  emit_rdf(graph, options, false, sink);
  const int end_status = raptor_serializer_serialize_end(serializer.get());
  stream.reset();
  buffered.flush();
  if (sink.failed() || end_status != 0 || !log.first_error.empty()) {
    return fail(Error::Code::kUnsupported,
                "RDF/XML cannot express this graph: " + (!sink.reason().empty() ? sink.reason()
                                                         : log.first_error.empty()
                                                             ? std::string("serializer error")
                                                             : log.first_error),
                {}, 0, 0,
                "RDF/XML needs predicate IRIs that end in an XML name, IRIs without '.' or '..' "
                "path segments and text without XML 1.0 control characters; write Turtle or "
                "N-Triples instead");
  }
  if (!buffered.ok()) return fail(Error::Code::kIo, "cannot write RDF/XML output");
  return {};
}

}  // namespace

std::unique_ptr<StreamWriter> make_stream_writer(
    Syntax syntax, std::ostream& out, std::vector<std::pair<std::string, std::string>> prefixes) {
  switch (syntax) {
    case Syntax::kTurtle:
      return std::make_unique<TurtleStreamWriter>(out, std::move(prefixes));
    case Syntax::kNTriples:
    case Syntax::kNQuads:
      return std::make_unique<NTriplesStreamWriter>(out, syntax == Syntax::kNQuads);
    case Syntax::kRdfXml:
      break;
  }
  return nullptr;
}

Result<void> write_rdf(const KnowledgeGraph& graph, Syntax syntax, std::ostream& out,
                       const WriteOptions& options) {
  if (syntax == Syntax::kRdfXml) return write_rdfxml(graph, out, options);
  Output buffered(out);
  if (syntax == Syntax::kTurtle) {
    TurtleSink sink(buffered, output_prefixes(graph, options));
    emit_rdf(graph, options, false, sink);
  } else {
    NTriplesSink sink(buffered, syntax == Syntax::kNQuads);
    emit_rdf(graph, options, syntax == Syntax::kNQuads, sink);
  }
  buffered.flush();
  out.flush();
  if (!buffered.ok()) return fail(Error::Code::kIo, "cannot write the RDF output");
  return {};
}

}  // namespace kg::exporters::detail
