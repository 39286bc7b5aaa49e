#include "turtle_reader.hpp"

#include <raptor2.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>
#include <utility>

namespace kg::ontology::detail {
namespace {

// RAII owners for the Raptor objects; the deleters are the library's own.
struct WorldDeleter {
  void operator()(raptor_world* w) const { raptor_free_world(w); }
};
struct ParserDeleter {
  void operator()(raptor_parser* p) const { raptor_free_parser(p); }
};
struct UriDeleter {
  void operator()(raptor_uri* u) const { raptor_free_uri(u); }
};
struct MemoryDeleter {
  void operator()(unsigned char* s) const { raptor_free_memory(s); }
};
using WorldPtr = std::unique_ptr<raptor_world, WorldDeleter>;
using ParserPtr = std::unique_ptr<raptor_parser, ParserDeleter>;
using UriPtr = std::unique_ptr<raptor_uri, UriDeleter>;
using MemoryPtr = std::unique_ptr<unsigned char, MemoryDeleter>;

// What the C callbacks write into while one file is parsed.
struct ParseContext {
  std::vector<SourceTriple>* triples = nullptr;
  raptor_parser* parser = nullptr;
  std::size_t file_index = 0;
  std::string path;
  std::optional<Error> error;  // the first error only: later ones are usually follow-ups
  // Raptor hands over a statement's triples once the statement ends, so the
  // locator gives its last line; the previous statement's last line bounds
  // where this one can start.
  std::size_t previous_end = 1;
  std::size_t current_end = 1;
};

std::string uri_string(raptor_uri* uri) {
  std::size_t len = 0;
  const unsigned char* s = raptor_uri_as_counted_string(uri, &len);
  return {reinterpret_cast<const char*>(s), len};
}

Term to_term(const raptor_term* term, std::size_t file_index) {
  switch (term->type) {
    case RAPTOR_TERM_TYPE_URI:
      return Term::iri(uri_string(term->value.uri));
    case RAPTOR_TERM_TYPE_BLANK: {
      const auto& b = term->value.blank;
      return Term::blank("f" + std::to_string(file_index) + "_" +
                         std::string(reinterpret_cast<const char*>(b.string), b.string_len));
    }
    case RAPTOR_TERM_TYPE_LITERAL: {
      const auto& l = term->value.literal;
      std::string lexical(reinterpret_cast<const char*>(l.string), l.string_len);
      std::string datatype = l.datatype ? uri_string(l.datatype) : std::string();
      std::string language =
          l.language ? std::string(reinterpret_cast<const char*>(l.language), l.language_len)
                     : std::string();
      return Term::literal(std::move(lexical), std::move(datatype), std::move(language));
    }
    case RAPTOR_TERM_TYPE_UNKNOWN:
      break;
  }
  return Term::iri({});
}

std::size_t current_line(raptor_parser* parser) {
  const raptor_locator* loc = parser ? raptor_parser_get_locator(parser) : nullptr;
  return (loc && loc->line > 0) ? static_cast<std::size_t>(loc->line) : 0;
}

void on_statement(void* user_data, raptor_statement* st) {
  auto* ctx = static_cast<ParseContext*>(user_data);
  if (ctx->error) return;
  SourceTriple t;
  t.subject = to_term(st->subject, ctx->file_index);
  t.predicate = st->predicate->type == RAPTOR_TERM_TYPE_URI ? uri_string(st->predicate->value.uri)
                                                            : std::string();
  t.object = to_term(st->object, ctx->file_index);
  t.file = ctx->file_index;
  t.line = current_line(ctx->parser);
  if (t.line != ctx->current_end) {
    ctx->previous_end = ctx->current_end;
    ctx->current_end = t.line;
  }
  t.first_line = std::min(ctx->previous_end, t.line);
  ctx->triples->push_back(std::move(t));
}

void on_log(void* user_data, raptor_log_message* message) {
  auto* ctx = static_cast<ParseContext*>(user_data);
  if (ctx == nullptr || message->level < RAPTOR_LOG_LEVEL_ERROR || ctx->error) return;
  std::size_t line = 0;
  std::size_t column = 0;
  if (message->locator) {
    if (message->locator->line > 0) line = static_cast<std::size_t>(message->locator->line);
    if (message->locator->column > 0) column = static_cast<std::size_t>(message->locator->column);
  }
  std::string text = message->text ? message->text : "unknown error";
  ctx->error =
      make_error(Error::Code::kParse, "Turtle syntax error: " + text, ctx->path, line, column,
                 "fix the Turtle; `rapper -i turtle -c FILE` shows the same error");
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Error::Code::kNotFound, "cannot open ontology file", path, 0, 0,
                "check the path, or set KG_ONTOLOGY_DIR to the folder holding the .ttl files");
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return fail(Error::Code::kIo, "cannot read ontology file", path);
  return std::move(buffer).str();
}

}  // namespace

Result<std::vector<SourceTriple>> read_turtle_files(const std::vector<std::string>& paths) {
  WorldPtr world(raptor_new_world());
  if (!world) return fail(Error::Code::kInternal, "raptor_new_world failed");
  // The log handler must be installed before the world opens; its user data is
  // re-pointed at each file's context below through this shared slot.
  ParseContext* current = nullptr;
  raptor_world_set_log_handler(world.get(), &current, [](void* slot, raptor_log_message* message) {
    on_log(*static_cast<ParseContext**>(slot), message);
  });
  if (raptor_world_open(world.get()) != 0) {
    return fail(Error::Code::kInternal, "raptor_world_open failed");
  }

  std::vector<SourceTriple> triples;
  triples.reserve(1024);
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const std::string& path = paths[i];
    auto text = read_file(path);
    if (!text) return tl::unexpected(text.error());

    ParserPtr parser(raptor_new_parser(world.get(), "turtle"));
    if (!parser) return fail(Error::Code::kInternal, "Raptor has no Turtle parser");
    ParseContext ctx;
    ctx.triples = &triples;
    ctx.parser = parser.get();
    ctx.file_index = i;
    ctx.path = path;
    current = &ctx;
    raptor_parser_set_statement_handler(parser.get(), &ctx, on_statement);

    // The base IRI only matters for relative IRIs; the file's own URI is what
    // rapper would use, so errors and results match the command-line tool.
    MemoryPtr base_string(raptor_uri_filename_to_uri_string(path.c_str()));
    UriPtr base(base_string ? raptor_new_uri(world.get(), base_string.get()) : nullptr);
    if (!base) return fail(Error::Code::kInternal, "cannot make a base URI", path);

    int rc = raptor_parser_parse_start(parser.get(), base.get());
    if (rc == 0) {
      rc = raptor_parser_parse_chunk(
          parser.get(), reinterpret_cast<const unsigned char*>(text->data()), text->size(), 1);
    }
    current = nullptr;
    if (ctx.error) return tl::unexpected(std::move(*ctx.error));
    if (rc != 0) {
      return fail(Error::Code::kParse, "Turtle syntax error", path, current_line(parser.get()), 0,
                  "fix the Turtle; `rapper -i turtle -c FILE` shows the error");
    }
  }
  return triples;
}

}  // namespace kg::ontology::detail
