// SPARQL through Rasqal with a triples source of our own: Rasqal parses the query
// and runs its algebra (joins, filters, aggregates, ORDER BY ...); every triple
// pattern it needs is answered here from the sorted quad indexes, with the
// variables bound so far as constants, so an anchored join touches only the
// matching triples instead of scanning the whole graph as Rasqal's default
// (Raptor-backed) source does.

#include <rasqal.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <kg/query/sparql.hpp>
#include <memory>
#include <stdexcept>
#include <string>

#include "ntriples_line.hpp"  // utf8_sequence (kg_exporters private, as rdf_internal.hpp)
#include "triple_index.hpp"

namespace kg::query {

using detail::kG;
using detail::kNoTerm;
using detail::kO;
using detail::kP;
using detail::kS;
using detail::QuadIds;
using detail::QuadIndex;
using detail::TermId;

namespace {

// Rasqal frees what it is given with free(); hand it malloc'd copies.
unsigned char* c_copy(std::string_view s) {
  auto* p = static_cast<unsigned char*>(std::malloc(s.size() + 1));
  if (p == nullptr) return nullptr;
  std::memcpy(p, s.data(), s.size());
  p[s.size()] = '\0';
  return p;
}

struct QueryDeleter {
  void operator()(rasqal_query* q) const { rasqal_free_query(q); }
};
struct ResultsDeleter {
  void operator()(rasqal_query_results* r) const { rasqal_free_query_results(r); }
};
struct UriDeleter {
  void operator()(raptor_uri* u) const { raptor_free_uri(u); }
};

// A message Rasqal logged while preparing or running a query.
struct LogEntry {
  int level = 0;
  int line = -1;
  int column = -1;
  std::string text;
};

}  // namespace

struct SparqlEngine::Impl {
  const KnowledgeGraph* graph = nullptr;
  const ontology::Ontology* ontology = nullptr;
  detail::RdfView view;
  rasqal_world* world = nullptr;
  raptor_world* raptor = nullptr;
  // Rasqal literals for term ids, made on first use and shared by reference count.
  std::vector<rasqal_literal*> literals;
  std::vector<LogEntry> log;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    for (rasqal_literal* l : literals) {
      if (l != nullptr) rasqal_free_literal(l);
    }
    if (world != nullptr) rasqal_free_world(world);
  }

  // The named graphs (document IRIs) of the N-Quads view, indexed on first use.
  std::vector<TermId> graph_names;

  void ensure_named() {
    if (view.named_built) return;
    detail::index_graph(*graph, ontology, true, view);
    for (const auto& d : graph->documents()) {
      if (auto id = view.terms.find(Term::Kind::kIri, d.iri, {}, {})) graph_names.push_back(*id);
    }
    // Graphs of kept foreign quads that are not documents.
    const auto all = view.named.lookup({});
    for (std::size_t i = all.begin; i < all.end; ++i) {
      const TermId g = (*all.order)[i][kG];
      if (g != kNoTerm &&
          std::find(graph_names.begin(), graph_names.end(), g) == graph_names.end()) {
        graph_names.push_back(g);
      }
    }
  }

  // A new reference to the Rasqal literal of term `id`.
  rasqal_literal* literal(TermId id) {
    if (id >= literals.size()) literals.resize(view.terms.size(), nullptr);
    rasqal_literal*& slot = literals[id];
    if (slot == nullptr) {
      const Term t = view.terms.term(id);
      switch (t.kind) {
        case Term::Kind::kIri:
          slot = rasqal_new_uri_literal(
              world,
              raptor_new_uri(raptor, reinterpret_cast<const unsigned char*>(t.value.c_str())));
          break;
        case Term::Kind::kBlank:
          slot = rasqal_new_simple_literal(world, RASQAL_LITERAL_BLANK, c_copy(t.value));
          break;
        case Term::Kind::kLiteral: {
          raptor_uri* dt =
              t.datatype.empty()
                  ? nullptr
                  : raptor_new_uri(raptor,
                                   reinterpret_cast<const unsigned char*>(t.datatype.c_str()));
          char* lang = t.language.empty() ? nullptr : reinterpret_cast<char*>(c_copy(t.language));
          slot = rasqal_new_string_literal(world, c_copy(t.value), lang, dt, nullptr);
          // A lexical form invalid for its datatype: keep it as a plain string.
          if (slot == nullptr) {
            slot = rasqal_new_string_literal(world, c_copy(t.value), nullptr, nullptr, nullptr);
          }
          break;
        }
      }
    }
    return slot == nullptr ? nullptr : rasqal_new_literal_from_literal(slot);
  }

  // The id of a constant Rasqal term, or nullopt when the graph does not hold it.
  [[nodiscard]] std::optional<TermId> id_of(rasqal_literal* l) const {
    switch (l->type) {
      case RASQAL_LITERAL_URI:
        return view.terms.find(Term::Kind::kIri,
                               reinterpret_cast<const char*>(raptor_uri_as_string(l->value.uri)),
                               {}, {});
      case RASQAL_LITERAL_BLANK:
        return view.terms.find(Term::Kind::kBlank, reinterpret_cast<const char*>(l->string), {},
                               {});
      case RASQAL_LITERAL_VARIABLE:
      case RASQAL_LITERAL_PATTERN:
      case RASQAL_LITERAL_QNAME:
      case RASQAL_LITERAL_UNKNOWN:
        return std::nullopt;
      default: {
        const unsigned char* lexical = rasqal_literal_as_string(l);
        if (lexical == nullptr) return std::nullopt;
        raptor_uri* dt = rasqal_literal_datatype(l);
        return view.terms.find(Term::Kind::kLiteral, reinterpret_cast<const char*>(lexical),
                               dt == nullptr
                                   ? std::string_view{}
                                   : reinterpret_cast<const char*>(raptor_uri_as_string(dt)),
                               l->language == nullptr ? std::string_view{} : l->language);
      }
    }
  }
};

namespace {

// ---- the triples source ----------------------------------------------------

// One triple pattern being matched: a range of one index order, the constants
// the range does not already fix, and which positions share a variable.
struct MatchState {
  SparqlEngine::Impl* impl = nullptr;
  const std::vector<QuadIds>* order = nullptr;
  std::size_t cur = 0;
  std::size_t end = 0;
  QuadIds want{};              // constants (kNoTerm = open)
  std::array<int, 4> same{};   // same[i] = j < i when positions i and j hold one variable
  bool graph_pattern = false;  // GRAPH: the named index, the graph must be a named one
  rasqal_variable* vars[4] = {nullptr, nullptr, nullptr, nullptr};

  [[nodiscard]] bool ok(const QuadIds& q) const {
    for (int i = 0; i < 4; ++i) {
      if (want[i] != kNoTerm && q[i] != want[i]) return false;
      if (same[i] >= 0 && q[i] != q[same[i]]) return false;
    }
    return !graph_pattern || q[kG] != kNoTerm;
  }
  void skip() {
    while (cur < end && !ok((*order)[cur])) ++cur;
  }
};

SparqlEngine::Impl* engine_of(void* user_data) {
  return *static_cast<SparqlEngine::Impl**>(user_data);
}

rasqal_triple_parts bind_match(rasqal_triples_match* rtm, void* /*user_data*/,
                               rasqal_variable* bindings[4], rasqal_triple_parts parts) {
  auto* m = static_cast<MatchState*>(rtm->user_data);
  if (m->cur >= m->end) return RASQAL_TRIPLE_NONE;
  const QuadIds& q = (*m->order)[m->cur];
  static constexpr rasqal_triple_parts kBits[4] = {RASQAL_TRIPLE_SUBJECT, RASQAL_TRIPLE_PREDICATE,
                                                   RASQAL_TRIPLE_OBJECT, RASQAL_TRIPLE_ORIGIN};
  unsigned result = RASQAL_TRIPLE_NONE;
  for (int i = 0; i < 4; ++i) {
    if (bindings[i] == nullptr || (parts & kBits[i]) == 0) continue;
    // A variable repeated in the pattern is bound once (equality was checked in skip()).
    bool earlier = false;
    for (int j = 0; j < i; ++j) earlier = earlier || bindings[j] == bindings[i];
    if (earlier) continue;
    rasqal_variable_set_value(bindings[i], m->impl->literal(q[i]));
    result |= kBits[i];
  }
  return static_cast<rasqal_triple_parts>(result);
}

void next_match(rasqal_triples_match* rtm, void* /*user_data*/) {
  auto* m = static_cast<MatchState*>(rtm->user_data);
  if (m->cur < m->end) {
    ++m->cur;
    m->skip();
  }
}

int is_end(rasqal_triples_match* rtm, void* /*user_data*/) {
  auto* m = static_cast<MatchState*>(rtm->user_data);
  return m == nullptr || m->cur >= m->end ? 1 : 0;
}

void finish_match(rasqal_triples_match* rtm, void* /*user_data*/) {
  delete static_cast<MatchState*>(rtm->user_data);
  rtm->user_data = nullptr;
}

// Resolves one position of a pattern: a constant (or a variable already bound by
// an earlier pattern) becomes a term id; a variable this pattern binds stays open.
// False when the constant is not in the graph (nothing can match).
bool resolve(SparqlEngine::Impl* impl, rasqal_literal* l, bool binds, TermId& id,
             rasqal_variable*& var) {
  id = kNoTerm;
  var = nullptr;
  if (l == nullptr) return true;
  if ((var = rasqal_literal_as_variable(l)) != nullptr) {
    if (binds) {
      rasqal_variable_set_value(var, nullptr);
      return true;
    }
    if (var->value == nullptr) return true;
    l = var->value;
  }
  const auto found = impl->id_of(l);
  if (!found) return false;
  id = *found;
  return true;
}

int init_triples_match(rasqal_triples_match* rtm, rasqal_triples_source* /*rts*/, void* user_data,
                       rasqal_triple_meta* meta, rasqal_triple* t) {
  SparqlEngine::Impl* impl = engine_of(user_data);
  rtm->bind_match = bind_match;
  rtm->next_match = next_match;
  rtm->is_end = is_end;
  rtm->finish = finish_match;
  auto* m = new MatchState;
  rtm->user_data = m;
  m->impl = impl;
  m->same = {-1, -1, -1, -1};
  m->graph_pattern = t->origin != nullptr;

  rasqal_literal* parts[4] = {t->subject, t->predicate, t->object, t->origin};
  static constexpr rasqal_triple_parts kBits[4] = {RASQAL_TRIPLE_SUBJECT, RASQAL_TRIPLE_PREDICATE,
                                                   RASQAL_TRIPLE_OBJECT, RASQAL_TRIPLE_ORIGIN};
  bool possible = true;
  QuadIds pattern{};
  for (int i = 0; i < 4; ++i) {
    const bool binds = (meta->parts & kBits[i]) != 0;
    possible = resolve(impl, parts[i], binds, pattern[i], m->vars[i]) && possible;
    meta->bindings[i] = m->vars[i];
  }
  // Positions sharing an open variable must hold equal terms.
  for (int i = 0; i < 4; ++i) {
    for (int j = 0; j < i && m->same[i] < 0; ++j) {
      if (m->vars[i] != nullptr && m->vars[i] == m->vars[j] && pattern[i] == kNoTerm) {
        m->same[i] = j;
      }
    }
  }
  m->want = pattern;
  if (!possible) {
    m->order = nullptr;
    return 0;
  }
  if (m->graph_pattern) impl->ensure_named();
  const QuadIndex& index = m->graph_pattern ? impl->view.named : impl->view.merged;
  const QuadIndex::Range range = index.lookup(pattern);
  m->order = range.order;
  m->cur = range.begin;
  m->end = range.end;
  m->skip();
  return 0;
}

int triple_present(rasqal_triples_source* /*rts*/, void* user_data, rasqal_triple* t) {
  SparqlEngine::Impl* impl = engine_of(user_data);
  QuadIds pattern{};
  rasqal_literal* parts[4] = {t->subject, t->predicate, t->object, t->origin};
  for (int i = 0; i < 4; ++i) {
    if (parts[i] == nullptr) continue;
    rasqal_literal* l = parts[i];
    if (rasqal_variable* v = rasqal_literal_as_variable(l)) {
      if (v->value == nullptr) continue;
      l = v->value;
    }
    const auto id = impl->id_of(l);
    if (!id) return 0;
    pattern[i] = *id;
  }
  if (t->origin != nullptr) impl->ensure_named();
  const QuadIndex& index = t->origin != nullptr ? impl->view.named : impl->view.merged;
  const auto range = index.lookup(pattern);
  for (std::size_t i = range.begin; i < range.end; ++i) {
    const QuadIds& q = (*range.order)[i];
    bool ok = true;
    for (int k = 0; k < 4; ++k) ok = ok && (pattern[k] == kNoTerm || q[k] == pattern[k]);
    if (ok) return 1;
  }
  return 0;
}

void free_triples_source(void* /*user_data*/) {}

int support_feature(void* /*user_data*/, rasqal_triples_source_feature /*feature*/) { return 0; }

int fill_source(void* factory_user_data, void* user_data, rasqal_triples_source* rts) {
  *static_cast<SparqlEngine::Impl**>(user_data) =
      static_cast<SparqlEngine::Impl*>(factory_user_data);
  rts->version = 2;
  rts->init_triples_match = init_triples_match;
  rts->triple_present = triple_present;
  rts->free_triples_source = free_triples_source;
  rts->support_feature = support_feature;
  return 0;
}

int new_triples_source(rasqal_query* /*query*/, void* factory_user_data, void* user_data,
                       rasqal_triples_source* rts) {
  return fill_source(factory_user_data, user_data, rts);
}

int init_triples_source(rasqal_query* /*query*/, void* factory_user_data, void* user_data,
                        rasqal_triples_source* rts, rasqal_triples_error_handler /*handler*/) {
  return fill_source(factory_user_data, user_data, rts);
}

int register_factory(rasqal_triples_source_factory* factory) {
  factory->version = 2;
  factory->user_data_size = sizeof(SparqlEngine::Impl*);
  factory->new_triples_source = new_triples_source;
  factory->init_triples_source = init_triples_source;
  return 0;
}

void log_handler(void* user_data, raptor_log_message* message) {
  auto* impl = static_cast<SparqlEngine::Impl*>(user_data);
  LogEntry e;
  e.level = static_cast<int>(message->level);
  if (message->locator != nullptr) {
    e.line = message->locator->line;
    e.column = message->locator->column;
  }
  if (message->text != nullptr) e.text = message->text;
  impl->log.push_back(std::move(e));
}

// ---- results ---------------------------------------------------------------

Term term_of(rasqal_literal* l) {
  switch (l->type) {
    case RASQAL_LITERAL_URI:
      return Term::iri(reinterpret_cast<const char*>(raptor_uri_as_string(l->value.uri)));
    case RASQAL_LITERAL_BLANK:
      return Term::blank(reinterpret_cast<const char*>(l->string));
    default: {
      const unsigned char* lexical = rasqal_literal_as_string(l);
      raptor_uri* dt = rasqal_literal_datatype(l);
      return Term::literal(
          lexical == nullptr ? std::string() : reinterpret_cast<const char*>(lexical),
          dt == nullptr ? std::string() : reinterpret_cast<const char*>(raptor_uri_as_string(dt)),
          l->language == nullptr ? std::string() : std::string(l->language));
    }
  }
}

Term term_of(const raptor_term* t) {
  switch (t->type) {
    case RAPTOR_TERM_TYPE_URI:
      return Term::iri(reinterpret_cast<const char*>(raptor_uri_as_string(t->value.uri)));
    case RAPTOR_TERM_TYPE_BLANK:
      return Term::blank(reinterpret_cast<const char*>(t->value.blank.string));
    case RAPTOR_TERM_TYPE_LITERAL:
      return Term::literal(
          reinterpret_cast<const char*>(t->value.literal.string),
          t->value.literal.datatype == nullptr
              ? std::string()
              : reinterpret_cast<const char*>(raptor_uri_as_string(t->value.literal.datatype)),
          t->value.literal.language == nullptr
              ? std::string()
              : reinterpret_cast<const char*>(t->value.literal.language));
    default:
      return Term::literal("");
  }
}

// Rasqal reports a line but often no column; the query's own text gives the line's text.
Error query_error(const std::vector<LogEntry>& log, std::string_view source_name,
                  std::string_view fallback) {
  const LogEntry* first = nullptr;
  for (const auto& e : log) {
    if (e.level >= RAPTOR_LOG_LEVEL_ERROR) {
      first = &e;
      break;
    }
  }
  if (first == nullptr) {
    return make_error(Error::Code::kParse, std::string(fallback), std::string(source_name), 0, 0,
                      "check the query against the SPARQL 1.1 grammar");
  }
  return make_error(Error::Code::kParse, first->text, std::string(source_name),
                    first->line > 0 ? static_cast<std::size_t>(first->line) : 0,
                    first->column > 0 ? static_cast<std::size_t>(first->column) : 0,
                    "check the query against the SPARQL 1.1 grammar");
}

bool mentions_graph(const std::string& text) {
  for (std::size_t i = 0; i + 5 <= text.size(); ++i) {
    if ((text[i] | 0x20) == 'g' && (text[i + 1] | 0x20) == 'r' && (text[i + 2] | 0x20) == 'a' &&
        (text[i + 3] | 0x20) == 'p' && (text[i + 4] | 0x20) == 'h') {
      return true;
    }
  }
  return false;
}

}  // namespace

const Term* SparqlResult::value(std::size_t row, std::string_view variable) const {
  if (row >= rows.size()) return nullptr;
  for (std::size_t i = 0; i < variables.size(); ++i) {
    if (variables[i] == variable) return rows[row][i] ? &*rows[row][i] : nullptr;
  }
  return nullptr;
}

SparqlEngine::SparqlEngine(const KnowledgeGraph& graph, const ontology::Ontology* ontology)
    : impl_(std::make_unique<Impl>()) {
  impl_->graph = &graph;
  impl_->ontology = ontology;
  detail::index_graph(graph, ontology, false, impl_->view);
  impl_->world = rasqal_new_world();
  if (impl_->world == nullptr || rasqal_world_open(impl_->world) != 0) {
    throw std::runtime_error("Rasqal could not be initialised");
  }
  impl_->raptor = rasqal_world_get_raptor(impl_->world);
  rasqal_world_set_log_handler(impl_->world, impl_.get(), log_handler);
  if (rasqal_set_triples_source_factory(impl_->world, register_factory, impl_.get()) != 0) {
    throw std::runtime_error("Rasqal refused the triples source");
  }
}

SparqlEngine::~SparqlEngine() = default;
SparqlEngine::SparqlEngine(SparqlEngine&&) noexcept = default;
SparqlEngine& SparqlEngine::operator=(SparqlEngine&&) noexcept = default;

std::size_t SparqlEngine::num_triples() const { return impl_->view.merged.size(); }

namespace {
bool has_values_pattern(rasqal_graph_pattern* gp, int depth = 0) {
  if (gp == nullptr || depth > 64) return false;
  if (rasqal_graph_pattern_get_operator(gp) == RASQAL_GRAPH_PATTERN_OPERATOR_VALUES) return true;
  for (int i = 0;; ++i) {
    rasqal_graph_pattern* sub = rasqal_graph_pattern_get_sub_graph_pattern(gp, i);
    if (sub == nullptr) return false;
    if (has_values_pattern(sub, depth + 1)) return true;
  }
}
}  // namespace

Result<SparqlResult> SparqlEngine::run(std::string_view query, std::string_view source_name) const {
  Impl& impl = *impl_;
  impl.log.clear();
  if (query.find('\0') != std::string_view::npos) {
    return fail(Error::Code::kParse, "the query contains a NUL byte", std::string(source_name), 0,
                0, "give the query as UTF-8 text");
  }
  // Rasqal takes any bytes, and its names would reach the JSON and CSV results as they are.
  for (std::size_t i = 0; i < query.size();) {
    const std::size_t n = exporters::detail::utf8_sequence(query, i);
    if (n == 0) {
      return fail(Error::Code::kParse,
                  "the query is not valid UTF-8 (byte offset " + std::to_string(i) + ")",
                  std::string(source_name), 0, 0, "give the query as UTF-8 text");
    }
    i += n;
  }
  const std::string text(query);
  std::unique_ptr<rasqal_query, QueryDeleter> q(
      rasqal_new_query(impl.world, "sparql11-query", nullptr));
  if (!q) return fail(Error::Code::kInternal, "Rasqal could not create a SPARQL query");
  std::unique_ptr<raptor_uri, UriDeleter> base(raptor_new_uri(
      impl.raptor, reinterpret_cast<const unsigned char*>(impl.graph->base().c_str())));
  if (rasqal_query_prepare(q.get(), reinterpret_cast<const unsigned char*>(text.c_str()),
                           base.get()) != 0) {
    return tl::unexpected(query_error(impl.log, source_name, "the query could not be parsed"));
  }
  // Rasqal 0.9.33 reads past a heap block when it joins a VALUES block with other patterns
  // (seen with valgrind and as a crash), so VALUES is refused rather than run.
  const auto rows = rasqal_query_get_bindings_rows_sequence(q.get());
  if ((rows != nullptr && raptor_sequence_size(rows) > 0) ||
      has_values_pattern(rasqal_query_get_query_graph_pattern(q.get()))) {
    return fail(Error::Code::kUnsupported, "VALUES blocks are not supported",
                std::string(source_name), 0, 0,
                "write FILTER(?x IN (...)) or FILTER(?x = ... || ...) instead of VALUES");
  }
  // Rasqal evaluates GRAPH patterns over the query's named data graphs: declare the
  // graph's documents as such (our triples source answers for them; nothing is loaded).
  if (mentions_graph(text)) {
    impl.ensure_named();
    for (const TermId g : impl.graph_names) {
      const Term name = impl.view.terms.term(g);
      raptor_uri* uri =
          raptor_new_uri(impl.raptor, reinterpret_cast<const unsigned char*>(name.value.c_str()));
      rasqal_data_graph* dg = rasqal_new_data_graph_from_uri(
          impl.world, uri, uri, RASQAL_DATA_GRAPH_NAMED, nullptr, nullptr, nullptr);
      raptor_free_uri(uri);
      if (dg != nullptr) rasqal_query_add_data_graph(q.get(), dg);
    }
  }
  std::unique_ptr<rasqal_query_results, ResultsDeleter> results(rasqal_query_execute(q.get()));
  if (!results) {
    return tl::unexpected(query_error(impl.log, source_name, "the query could not be run"));
  }
  SparqlResult out;
  if (rasqal_query_results_is_boolean(results.get()) != 0) {
    out.kind = ResultKind::kBoolean;
    const int b = rasqal_query_results_get_boolean(results.get());
    if (b < 0) return tl::unexpected(query_error(impl.log, source_name, "ASK failed"));
    out.boolean = b > 0;
  } else if (rasqal_query_results_is_graph(results.get()) != 0) {
    out.kind = ResultKind::kGraph;
    // Rasqal 0.9.33 dereferences a null pointer in rasqal_query_results_get_triple when the
    // CONSTRUCT template is empty ("CONSTRUCT { } WHERE { ... }", roqet crashes too): such a
    // query makes no triples, so it is not asked for any.
    raptor_sequence* construct = rasqal_query_get_construct_triples_sequence(q.get());
    const bool empty_template = construct == nullptr || raptor_sequence_size(construct) == 0;
    while (raptor_statement* st =
               empty_template ? nullptr : rasqal_query_results_get_triple(results.get())) {
      out.triples.push_back(
          {term_of(st->subject), term_of(st->predicate), term_of(st->object), {}});
      if (rasqal_query_results_next_triple(results.get()) != 0) break;
    }
  } else if (rasqal_query_results_is_bindings(results.get()) != 0) {
    out.kind = ResultKind::kBindings;
    int n = rasqal_query_results_get_bindings_count(results.get());
    for (int i = 0; i < n; ++i) {
      const unsigned char* name = rasqal_query_results_get_binding_name(results.get(), i);
      out.variables.emplace_back(name == nullptr ? "" : reinterpret_cast<const char*>(name));
    }
    if (n <= 0) {
      // No row: Rasqal knows no bindings yet, but the result still has the query's
      // variables (the CSV header, the JSON "vars").
      n = 0;
      if (raptor_sequence* vars = rasqal_query_get_bound_variable_sequence(q.get())) {
        for (int i = 0; i < raptor_sequence_size(vars); ++i) {
          const auto* v = static_cast<const rasqal_variable*>(raptor_sequence_get_at(vars, i));
          if (v != nullptr && v->name != nullptr) {
            out.variables.emplace_back(reinterpret_cast<const char*>(v->name));
          }
        }
      }
    }
    while (rasqal_query_results_finished(results.get()) == 0) {
      std::vector<std::optional<Term>> row(static_cast<std::size_t>(n));
      for (int i = 0; i < n; ++i) {
        if (rasqal_literal* l = rasqal_query_results_get_binding_value(results.get(), i)) {
          row[static_cast<std::size_t>(i)] = term_of(l);
        }
      }
      out.rows.push_back(std::move(row));
      if (rasqal_query_results_next(results.get()) != 0) break;
    }
  } else {
    return fail(Error::Code::kUnsupported, "only SELECT, ASK, CONSTRUCT and DESCRIBE are supported",
                std::string(source_name));
  }
  for (const auto& e : impl.log) {
    if (e.level >= RAPTOR_LOG_LEVEL_ERROR) {
      return tl::unexpected(query_error(impl.log, source_name, e.text));
    }
  }
  return out;
}

Result<SparqlResult> sparql(const KnowledgeGraph& graph, std::string_view query,
                            const ontology::Ontology* ontology) {
  SparqlEngine engine(graph, ontology);
  return engine.run(query);
}

}  // namespace kg::query
