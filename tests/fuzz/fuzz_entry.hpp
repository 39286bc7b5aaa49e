#pragma once
/// What each fuzz target does with one input, shared by the libFuzzer targets in
/// this folder and by the reliability suite, which replays the seed corpus and every
/// saved crash through the same code in ordinary builds. Each entry must return
/// normally for any bytes; a broken invariant aborts (and is a bug).

#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <kg/exporters/formats.hpp>
#include <kg/extract/annotator.hpp>
#include <kg/extract/conllu.hpp>
#include <kg/extract/document.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/extract/reader.hpp>
#include <kg/ontology/ontology.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace kg::fuzz {

/// Reports a broken property with the input's size and aborts, so the fuzzer saves it.
[[noreturn]] inline void property_failed(const char* what, const std::string& detail) {
  std::fprintf(stderr, "fuzz property failed: %s\n%s\n", what, detail.c_str());
  std::abort();
}

/// Inputs larger than this are skipped: big inputs are the large-input tests' job,
/// and small ones keep the executions per second high.
inline constexpr std::size_t kMaxInput = 1 << 16;

/// The language pipeline, loaded once per process.
inline const kg::extract::Pipeline& pipeline() {
  static const kg::extract::Pipeline p = [] {
    auto loaded = kg::extract::load_pipeline();
    if (!loaded) property_failed("pipeline loads", loaded.error().to_string());
    return std::move(*loaded);
  }();
  return p;
}

/// Article reader (plain text and JSON Lines) and the whole extraction pipeline.
inline void article(std::string_view bytes) {
  if (bytes.size() > kMaxInput) return;
  auto a = kg::extract::read_article(std::string(bytes), "fuzz.txt");
  if (a) {
    if (a->body_begin > a->text.size()) property_failed("body_begin within text", a->text);
    kg::extract::Document doc(std::move(a->text), a->body_begin);
    doc.date = a->date;
    pipeline().run(doc);
    // Every token, sentence and entity is a view inside the text, and every
    // sentence can be written as CoNLL-U (what `kg parse` does).
    const std::size_t size = doc.text().size();
    for (const auto& t : doc.tokens()) {
      if (t.start > t.end || t.end > size) property_failed("token inside the text", doc.text());
    }
    for (const auto& e : doc.entities()) {
      if (e.start > e.end || e.end > size || e.token_end > doc.tokens().size()) {
        property_failed("entity inside the text", doc.text());
      }
    }
    std::ostringstream out;
    for (std::size_t i = 0; i < doc.sentences().size(); ++i) {
      const auto& s = doc.sentences()[i];
      if (s.start > s.end || s.end > size || s.token_begin > s.token_end ||
          s.token_end > doc.tokens().size()) {
        property_failed("sentence inside the text", doc.text());
      }
      kg::extract::write_conllu(out, kg::extract::to_conllu(doc, i));
    }
  }
  auto lines = kg::extract::read_articles_jsonl(bytes, "fuzz.jsonl");
  if (lines && !lines->empty()) {
    kg::extract::Document doc(std::move(lines->front().text));
    pipeline().run(doc);
  }
  (void)kg::extract::normalize_for_matching(bytes);
}

/// The annotator for given tokens, loaded once per process.
inline const kg::extract::SentenceAnnotator& annotator() {
  static const kg::extract::SentenceAnnotator a = [] {
    auto loaded = kg::extract::SentenceAnnotator::load();
    if (!loaded) property_failed("annotator loads", loaded.error().to_string());
    return std::move(*loaded);
  }();
  return a;
}

/// CoNLL-U input (`kg parse --input conllu`) annotated with the models, and written back.
inline void conllu(std::string_view bytes) {
  if (bytes.size() > kMaxInput) return;
  const auto& annotator = kg::fuzz::annotator();
  std::istringstream in{std::string(bytes)};
  auto sentences = kg::extract::read_conllu(in, "fuzz.conllu");
  if (!sentences) return;
  std::ostringstream out;
  for (auto& s : *sentences) {
    annotator.annotate(s);
    kg::extract::write_conllu(out, s);
  }
}

/// The shipped ontology, loaded once (labels and prefixes for the writers).
inline const kg::ontology::Ontology* shipped_ontology() {
  static const std::optional<kg::ontology::Ontology> onto = [] {
    auto o = kg::ontology::Ontology::load_default();
    return o ? std::optional<kg::ontology::Ontology>(std::move(*o)) : std::nullopt;
  }();
  return onto ? &*onto : nullptr;
}

/// The graph in `format`, or nullopt when the format cannot express it: RDF/XML has
/// no syntax for some predicate IRIs and for XML 1.0 control characters, and says so
/// (kUnsupported). Every other failure to write a graph that was read is a bug.
inline std::optional<std::string> write_as(const KnowledgeGraph& g,
                                           const kg::exporters::Format& format) {
  std::ostringstream out;
  kg::exporters::WriteOptions options;
  options.ontology = shipped_ontology();
  auto ok = kg::exporters::write_graph(g, format, out, options);
  if (!ok && format.name == "rdfxml" && ok.error().code == Error::Code::kUnsupported) {
    return std::nullopt;
  }
  if (!ok) property_failed("a graph that was read can be written", ok.error().to_string());
  return out.str();
}

/// Whether N-Quads text holds an IRI with a "." or ".." path segment (":./", "/../x", ...).
inline bool has_dot_segment(std::string_view text) {
  for (std::size_t i = text.find('.'); i != std::string_view::npos; i = text.find('.', i + 1)) {
    if (i == 0 || (text[i - 1] != '/' && text[i - 1] != ':')) continue;
    std::size_t end = i + 1;
    if (end < text.size() && text[end] == '.') ++end;
    if (end < text.size() && std::string_view("/>#?").find(text[end]) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

/// One RDF syntax through the reader (with `parser`); a graph that reads must write in
/// every syntax, read back from each, and write again byte-identically.
inline void rdf(std::string_view bytes, std::string_view syntax,
                kg::exporters::RdfParser parser = kg::exporters::RdfParser::kAuto) {
  if (bytes.size() > kMaxInput) return;
  const kg::exporters::Format* format = kg::exporters::find_format(syntax);
  if (format == nullptr) property_failed("known syntax", std::string(syntax));
  kg::exporters::ReadOptions options;
  options.ontology = shipped_ontology();
  options.parser = parser;
  options.base = "http://fuzz.example/base/";
  std::istringstream in{std::string(bytes)};
  auto graph = kg::exporters::read_graph(in, *format, "fuzz", options);
  if (!graph) return;
  const kg::exporters::Format& nquads = *kg::exporters::find_format("nquads");
  const kg::exporters::Format& ntriples = *kg::exporters::find_format("ntriples");
  // Named graphs: N-Triples, Turtle and RDF/XML carry none, so what they write is the
  // merged graph, a different graph from the one read. Its triples must be the same, and
  // from that graph on, write -> read -> write is identical.
  const auto as_nquads = write_as(*graph, nquads);
  const auto as_ntriples = write_as(*graph, ntriples);
  const bool named_graphs = as_nquads && as_ntriples && *as_nquads != *as_ntriples;
  // Raptor resolves the IRIs it reads in Turtle (and every RDF/XML reader does), which
  // removes "." and ".." path segments ("http:.//a" reads as "http:/a"): a graph with such
  // an IRI, written as Turtle, reads back through Raptor as another graph. (The RDF/XML
  // writer refuses such IRIs.)
  const bool raptor_resolves =
      parser == kg::exporters::RdfParser::kRaptor && as_nquads && has_dot_segment(*as_nquads);
  const auto read_back = [&](const std::string& text, const kg::exporters::Format& f) {
    std::istringstream again(text);
    auto back = kg::exporters::read_graph(again, f, f.name, options);
    if (!back) {
      property_failed("our own output reads back",
                      std::string(f.name) + ": " + back.error().to_string() + "\n" + text);
    }
    return std::move(*back);
  };
  // N-Triples lines, sorted, with blank node labels blanked out (RDF/XML spells some
  // labels differently, "_:6a" as "_:_x36a"; which label a blank node has is not data).
  const auto sorted_lines = [](const std::string& text) {
    std::vector<std::string> lines;
    std::string_view rest(text);
    while (!rest.empty()) {
      const auto nl = rest.find('\n');
      const std::string_view line = rest.substr(0, nl);
      std::string blanked;
      for (std::size_t i = 0; i < line.size(); ++i) {
        blanked += line[i];
        if (line[i] == '_' && i + 1 < line.size() && line[i + 1] == ':' &&
            (i == 0 || line[i - 1] == ' ')) {
          blanked += ':';
          for (i += 2; i < line.size() && line[i] != ' '; ++i) {
          }
          if (i < line.size()) blanked += ' ';
        }
      }
      lines.push_back(std::move(blanked));
      rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  for (const char* name : {"ntriples", "turtle", "nquads", "rdfxml"}) {
    const kg::exporters::Format& out_format = *kg::exporters::find_format(name);
    const auto written = write_as(*graph, out_format);
    if (!written) continue;
    std::string first = *written;
    if (raptor_resolves && out_format.name == "turtle") continue;
    auto back = read_back(first, out_format);
    if (named_graphs && out_format.name != "nquads") {
      const auto merged = write_as(back, ntriples);
      if (!merged || sorted_lines(*merged) != sorted_lines(*as_ntriples)) {
        property_failed(
            "a graph without its named graphs keeps every triple",
            std::string(name) + "\n--- read\n" + *as_ntriples + "\n--- written\n" + first);
      }
      const auto again = write_as(back, out_format);
      if (!again) property_failed("what was written once can be written again", first);
      first = *again;
      back = read_back(first, out_format);
    }
    const auto second = write_as(back, out_format);
    if (!second) property_failed("what was written once can be written again", first);
    if (*second != first) {
      property_failed("write -> read -> write is identical",
                      std::string(name) + "\n--- first\n" + first + "\n--- second\n" + *second);
    }
  }
}

/// N-Triples and N-Quads: the default line reader must give serd's graph, or serd's exact
/// error (line and column included), on every input.
inline void lines_match_serd(std::string_view bytes, std::string_view syntax) {
  if (bytes.size() > kMaxInput) return;
  const kg::exporters::Format& format = *kg::exporters::find_format(syntax);
  const kg::exporters::Format& nquads = *kg::exporters::find_format("nquads");
  auto read_with = [&](kg::exporters::RdfParser parser) -> std::string {
    kg::exporters::ReadOptions options;
    options.ontology = shipped_ontology();
    options.parser = parser;
    options.base = "http://fuzz.example/base/";
    std::istringstream in{std::string(bytes)};
    auto graph = kg::exporters::read_graph(in, format, "fuzz", options);
    if (!graph) return "error: " + graph.error().to_string();
    const auto written = write_as(*graph, nquads);
    return written ? *written : std::string("(not writable)");
  };
  const std::string lines = read_with(kg::exporters::RdfParser::kAuto);
  const std::string serd = read_with(kg::exporters::RdfParser::kSerd);
  if (lines != serd) {
    property_failed("the line reader agrees with serd",
                    std::string(syntax) + "\n--- lines\n" + lines + "\n--- serd\n" + serd);
  }
}

/// The ontology loader on one Turtle file (written to a private temporary file).
inline void ontology(std::string_view bytes) {
  if (bytes.size() > kMaxInput) return;
  static const std::string path = [] {
    const auto dir =
        std::filesystem::temp_directory_path() / ("kg_fuzz_ontology_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return (dir / "fuzz.ttl").string();
  }();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  auto onto = kg::ontology::Ontology::load_files({path});
  if (!onto) return;
  for (const auto& c : onto->classes()) {
    (void)onto->style_for_class(c.iri);
    (void)onto->is_subclass_of(c.iri, c.iri);
    (void)onto->label(c.iri);
  }
  for (const auto& p : onto->properties()) (void)onto->compact(p.iri);
}

}  // namespace kg::fuzz
