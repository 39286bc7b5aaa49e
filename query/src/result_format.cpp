// Result syntaxes written by hand rather than through Rasqal's formatters, so the
// typed SparqlResult is the one source of every output (and tests compare it).

#include <algorithm>
#include <cctype>
#include <kg/query/sparql.hpp>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "rdf_internal.hpp"

namespace kg::query {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// SPARQL CSV: IRIs and lexical forms bare, blank nodes as _:label; quoted when needed.
std::string csv_field(const std::optional<Term>& t) {
  if (!t) return {};
  std::string v = t->is_blank() ? "_:" + t->value : t->value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

nlohmann::json json_term(const Term& t) {
  nlohmann::json j;
  switch (t.kind) {
    case Term::Kind::kIri:
      j["type"] = "uri";
      break;
    case Term::Kind::kBlank:
      j["type"] = "bnode";
      break;
    case Term::Kind::kLiteral:
      j["type"] = "literal";
      if (!t.language.empty()) j["xml:lang"] = t.language;
      if (!t.datatype.empty()) j["datatype"] = t.datatype;
      break;
  }
  j["value"] = t.value;
  return j;
}

// Display width in code points, so a table with non-ASCII labels stays aligned.
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void write_triples(const SparqlResult& r, std::ostream& out) {
  for (const auto& q : r.triples) {
    out << to_ntriples(q.subject) << ' ' << to_ntriples(q.predicate) << ' ' << to_ntriples(q.object)
        << " .\n";
  }
}

void write_table(const SparqlResult& r, std::ostream& out) {
  if (r.kind == ResultKind::kBoolean) {
    out << (r.boolean ? "true" : "false") << '\n';
    return;
  }
  if (r.kind == ResultKind::kGraph) {
    write_triples(r, out);
    return;
  }
  std::vector<std::vector<std::string>> cells;
  std::vector<std::size_t> widths;
  for (const auto& v : r.variables) widths.push_back(width("?" + v));
  for (const auto& row : r.rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line.push_back(row[i] ? to_ntriples(*row[i]) : std::string());
      widths[i] = std::max(widths[i], width(line.back()));
    }
    cells.push_back(std::move(line));
  }
  auto rule = [&] {
    out << '+';
    for (auto w : widths) out << std::string(w + 2, '-') << '+';
    out << '\n';
  };
  auto line = [&](const std::vector<std::string>& values) {
    out << '|';
    for (std::size_t i = 0; i < values.size(); ++i) {
      out << ' ' << values[i] << std::string(widths[i] - width(values[i]), ' ') << " |";
    }
    out << '\n';
  };
  rule();
  std::vector<std::string> head;
  for (const auto& v : r.variables) head.push_back("?" + v);
  line(head);
  rule();
  for (const auto& c : cells) line(c);
  rule();
  out << r.rows.size() << (r.rows.size() == 1 ? " row\n" : " rows\n");
}

}  // namespace

std::string to_ntriples(const Term& term) {
  std::string out;
  switch (term.kind) {
    case Term::Kind::kIri:
      out += '<';
      exporters::detail::append_escaped_iri(out, term.value);
      out += '>';
      break;
    case Term::Kind::kBlank:
      out += "_:";
      exporters::detail::append_blank_label(out, term.value);
      break;
    case Term::Kind::kLiteral:
      out += '"';
      exporters::detail::append_escaped_literal(out, term.value);
      out += '"';
      if (!term.language.empty()) {
        out += '@' + term.language;
      } else if (!term.datatype.empty()) {
        out += "^^<";
        exporters::detail::append_escaped_iri(out, term.datatype);
        out += '>';
      }
      break;
  }
  return out;
}

Result<ResultFormat> parse_result_format(std::string_view name) {
  const std::string n = lower(name);
  if (n == "table" || n == "text") return ResultFormat::kTable;
  if (n == "csv") return ResultFormat::kCsv;
  if (n == "tsv") return ResultFormat::kTsv;
  if (n == "json" || n == "srj") return ResultFormat::kJson;
  if (n == "ntriples" || n == "nt" || n == "n-triples") return ResultFormat::kNTriples;
  return fail(Error::Code::kInvalidArgument, "unknown result format '" + std::string(name) + "'",
              {}, 0, 0, "use table, csv, tsv, json or ntriples");
}

void write_result(const SparqlResult& r, ResultFormat format, std::ostream& out) {
  if (r.kind == ResultKind::kGraph && format != ResultFormat::kJson) {
    write_triples(r, out);
    return;
  }
  switch (format) {
    case ResultFormat::kTable:
    case ResultFormat::kNTriples:
      write_table(r, out);
      return;
    case ResultFormat::kCsv:
    case ResultFormat::kTsv: {
      const bool csv = format == ResultFormat::kCsv;
      if (r.kind == ResultKind::kBoolean) {
        out << (csv ? "" : "?") << "boolean" << (csv ? "\r\n" : "\n")
            << (r.boolean ? "true" : "false") << (csv ? "\r\n" : "\n");
        return;
      }
      const char* sep = csv ? "," : "\t";
      const char* eol = csv ? "\r\n" : "\n";
      for (std::size_t i = 0; i < r.variables.size(); ++i) {
        out << (i ? sep : "") << (csv ? "" : "?") << r.variables[i];
      }
      out << eol;
      for (const auto& row : r.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
          if (i) out << sep;
          if (csv) {
            out << csv_field(row[i]);
          } else if (row[i]) {
            out << to_ntriples(*row[i]);
          }
        }
        out << eol;
      }
      return;
    }
    case ResultFormat::kJson: {
      nlohmann::json j;
      if (r.kind == ResultKind::kBoolean) {
        j["head"] = nlohmann::json::object();
        j["boolean"] = r.boolean;
      } else if (r.kind == ResultKind::kGraph) {
        // No SPARQL JSON form for graphs: RDF/JSON-like subject -> predicate -> objects.
        nlohmann::json g = nlohmann::json::object();
        for (const auto& q : r.triples) {
          const std::string s = q.subject.is_blank() ? "_:" + q.subject.value : q.subject.value;
          g[s][q.predicate.value].push_back(json_term(q.object));
        }
        j = std::move(g);
      } else {
        j["head"]["vars"] = r.variables;
        nlohmann::json bindings = nlohmann::json::array();
        for (const auto& row : r.rows) {
          nlohmann::json b = nlohmann::json::object();
          for (std::size_t i = 0; i < row.size(); ++i) {
            if (row[i]) b[r.variables[i]] = json_term(*row[i]);
          }
          bindings.push_back(std::move(b));
        }
        j["results"]["bindings"] = std::move(bindings);
      }
      out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
      return;
    }
  }
}

}  // namespace kg::query
