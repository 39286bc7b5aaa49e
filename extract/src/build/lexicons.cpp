// Loading of the run-time lexicons. All three files are tab-separated with '#' comments, so a
// user can read and extend them without tools; errors name the file and line.

#include "build/lexicons.hpp"

#include <fstream>
#include <kg/graph/vocab.hpp>
#include <sstream>

namespace kg::extract::build {
namespace {

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

Result<std::vector<std::vector<std::string>>> read_tsv(const std::string& path,
                                                       std::size_t min_columns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Error::Code::kNotFound, "cannot open the lexicon", path, 0, 0,
                "run from the source tree, install kg, or set KG_MODEL_DIR");
  }
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cols = split_tabs(line);
    if (cols.size() < min_columns) {
      return fail(Error::Code::kParse,
                  "expected " + std::to_string(min_columns) + " tab-separated columns", path,
                  number, 0, "separate the columns with one tab each");
    }
    rows.push_back(std::move(cols));
  }
  return rows;
}

std::size_t word_count(std::string_view s) {
  std::size_t n = 1;
  for (char c : s) n += c == ' ' ? 1 : 0;
  return n;
}

}  // namespace

Result<Lexicons> load_lexicons(const std::string& model_dir, const ontology::Ontology& onto) {
  Lexicons lex;
  auto entities = read_tsv(model_dir + "/entities.tsv", 6);
  if (!entities) return tl::unexpected(entities.error());
  for (auto& r : *entities) {
    const std::string& kind = r[0];
    if (kind == "demonym") {
      lex.demonyms.emplace(r[1], r[2]);
      continue;
    }
    if (kind == "capital") lex.capital_of.emplace(r[1], r[5]);
    if (kind == "person") {
      const auto space = r[2].rfind(' ');
      if (space != std::string::npos) lex.surnames[r[2].substr(space + 1)].insert(r[5]);
    }
    // A country name wins over a capital or a politician with the same surface form.
    auto it = lex.names.find(r[1]);
    if (it != lex.names.end() && (it->second.kind == "country" || kind != "country")) continue;
    lex.max_words = std::max(lex.max_words, word_count(r[1]));
    lex.names[r[1]] = LexiconEntry{kind, r[2], r[3], r[4], r[5]};
  }
  // "Rodrigo Duterte" for the gazetteer's "Rodrigo Roa Duterte": first and last word of a
  // longer name, when no entry of another person has that short form (the spelling without
  // diacritics of the same person gives the same one: "Emmanuel Jean-Michel Frederic Macron").
  {
    std::unordered_map<std::string, const std::vector<std::string>*> short_forms;
    std::unordered_set<std::string> ambiguous;
    for (const auto& r : *entities) {
      if (r[0] != "person") continue;
      const auto first = r[1].find(' ');
      const auto last = r[1].rfind(' ');
      if (first == std::string::npos || first == last) continue;
      std::string short_form = r[1].substr(0, first) + r[1].substr(last);
      const auto [it, fresh] = short_forms.emplace(short_form, &r);
      if (!fresh && (*it->second)[4] != r[4]) ambiguous.insert(short_form);
    }
    for (const auto& [short_form, row] : short_forms) {
      if (ambiguous.count(short_form) != 0 || lex.names.count(short_form) != 0) continue;
      const auto& r = *row;
      lex.names[short_form] = LexiconEntry{r[0], r[2], r[3], r[4], r[5]};
    }
  }
  auto nominals = read_tsv(model_dir + "/nominals.tsv", 2);
  if (!nominals) return tl::unexpected(nominals.error());
  for (auto& r : *nominals) {
    const std::string& kind = r[0];
    const std::string value = r.size() > 2 ? r[2] : std::string();
    if (kind == "group") {
      lex.group.emplace(r[1], value);
    } else if (kind == "seat" || kind == "alias") {
      lex.names[r[1]] = LexiconEntry{kind, value, "Country", {}, value};
      lex.max_words = std::max(lex.max_words, word_count(r[1]));
    } else if (kind == "org") {
      const std::string cls = r.size() > 3 ? r[3] : std::string("Organization");
      lex.names[r[1]] = LexiconEntry{"name", value, cls, {}, {}};
      lex.max_words = std::max(lex.max_words, word_count(r[1]));
    } else if (kind == "event") {
      lex.event.emplace(r[1], value);
    } else if (kind == "eventref") {
      lex.eventref.emplace(r[1], value);
    } else if (kind == "anaphor") {
      lex.anaphor.insert(r[1]);
    } else if (kind == "metonym") {
      lex.metonym.insert(r[1]);
    } else if (kind == "female") {
      lex.female.insert(r[1]);
    } else if (kind == "plural") {
      lex.plural.emplace(r[1], value);
    } else if (kind == "title") {
      lex.title_extra.insert(r[1]);
    } else if (kind == "honorific") {
      lex.honorific.insert(r[1]);
    } else if (kind == "support") {
      lex.support.insert(r[1]);
    } else if (kind == "asset") {
      lex.asset.insert(r[1]);
    }
  }
  auto first_names = read_tsv(model_dir + "/first_names.tsv", 2);
  if (!first_names) return tl::unexpected(first_names.error());
  for (auto& r : *first_names) {
    if (r[0] == "female" || r[0] == "male") lex.first_name_gender[r[1]] = r[0][0];
  }
  for (const auto& t : onto.triggers()) {
    lex.triggers[t.lemma].push_back(&t);
    if (t.pattern == "subj-ccomp") lex.speech_verbs.insert(t.lemma);
    if (t.pattern == "apposition" || t.pattern == "compound") {
      lex.title_property.emplace(t.lemma, t.property);
    }
  }
  return lex;
}

}  // namespace kg::extract::build
