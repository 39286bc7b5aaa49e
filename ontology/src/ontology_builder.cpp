// Turns the triples of the ontology's Turtle files into an Ontology: classes,
// properties, styles, triggers and prefixes, with the semantic checks that
// make a broken ontology fail at load time rather than as odd output later.

#include <algorithm>
#include <array>
#include <fstream>
#include <kg/graph/iri.hpp>
#include <kg/graph/vocab.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "curie.hpp"
#include "index.hpp"
#include "terms.hpp"
#include "turtle_reader.hpp"

namespace kg::ontology {
namespace {

using detail::SourceTriple;
using detail::StringMap;

constexpr std::array<std::string_view, 17> kUpos = {
    "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

// Graphviz node shapes (https://graphviz.org/doc/info/shapes.html).
constexpr std::array<std::string_view, 60> kShapes = {"box",
                                                      "polygon",
                                                      "ellipse",
                                                      "oval",
                                                      "circle",
                                                      "point",
                                                      "egg",
                                                      "triangle",
                                                      "plaintext",
                                                      "plain",
                                                      "diamond",
                                                      "trapezium",
                                                      "parallelogram",
                                                      "house",
                                                      "pentagon",
                                                      "hexagon",
                                                      "septagon",
                                                      "octagon",
                                                      "doublecircle",
                                                      "doubleoctagon",
                                                      "tripleoctagon",
                                                      "invtriangle",
                                                      "invtrapezium",
                                                      "invhouse",
                                                      "Mdiamond",
                                                      "Msquare",
                                                      "Mcircle",
                                                      "rect",
                                                      "rectangle",
                                                      "square",
                                                      "star",
                                                      "none",
                                                      "underline",
                                                      "cylinder",
                                                      "note",
                                                      "tab",
                                                      "folder",
                                                      "box3d",
                                                      "component",
                                                      "promoter",
                                                      "cds",
                                                      "terminator",
                                                      "utr",
                                                      "primersite",
                                                      "restrictionsite",
                                                      "fivepoverhang",
                                                      "threepoverhang",
                                                      "noverhang",
                                                      "assembly",
                                                      "signature",
                                                      "insulator",
                                                      "ribosite",
                                                      "rnastab",
                                                      "proteasesite",
                                                      "proteinstab",
                                                      "rpromoter",
                                                      "rarrow",
                                                      "larrow",
                                                      "lpromoter",
                                                      "record"};

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& set, std::string_view value) {
  return std::find(set.begin(), set.end(), value) != set.end();
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool is_colour(std::string_view s) {
  if (s.size() != 7 || s[0] != '#') return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

bool is_datatype(std::string_view iri) {
  return starts_with(iri, vocab::kXsd) || iri == terms::kRdfsLiteral ||
         iri == terms::kRdfLangString || iri == terms::kRdfPlainLiteral;
}

bool is_top_class(std::string_view iri) {
  return iri == terms::kOwlThing || iri == terms::kRdfsResource;
}

std::string key_of(const Term& t) { return t.is_blank() ? "_:" + t.value : t.value; }

// Language preference for labels and comments: English, then untagged, then any.
int language_rank(const Term& t) {
  if (t.language == "en") return 0;
  if (starts_with(t.language, "en-")) return 1;
  if (t.language.empty()) return 2;
  return 3;
}

enum class Kind { kNone, kClass, kObjectProperty, kDatatypeProperty, kAnnotationProperty };

}  // namespace

// Everything the builder needs while it works; errors are collected with
// their position and the first one in file order is reported.
class Ontology::Index::Builder {
 public:
  Builder(const std::vector<SourceTriple>& triples, const std::vector<std::string>& paths)
      : triples_(triples), paths_(paths) {}

  Result<Ontology> run(Ontology& out, Ontology::Index& index);

 private:
  void group_subjects();
  void read_types();
  void read_prefixes(Ontology& out);
  void read_classes(Ontology& out);
  void read_properties(Ontology& out);
  void check_styles_on_non_classes();
  void check_references(Ontology& out, Ontology::Index& index);
  void check_cycles(Ontology& out, Ontology::Index& index);
  void close_hierarchies(Ontology& out, Ontology::Index& index);
  void read_triggers(Ontology& out);

  // The triples of a subject with a given predicate, in file order.
  std::vector<const SourceTriple*> values(std::string_view subject,
                                          std::string_view predicate) const;
  // One literal/IRI value; conflicting values are an error naming both places.
  std::optional<const SourceTriple*> single(std::string_view subject, std::string_view predicate,
                                            std::string_view what, std::string_view term_kind);
  // The preferred-language literal among several (labels, comments).
  std::optional<const SourceTriple*> best_literal(std::string_view subject,
                                                  std::string_view predicate,
                                                  std::string_view term_kind, bool conflicts);

  void error(const SourceTriple& at, std::string message, std::string hint = {});
  void error_at(std::size_t file, std::size_t line, std::string message, std::string hint = {});
  std::string show(std::string_view iri) const;
  std::string where(const SourceTriple& t);
  // The line of the statement that holds the triple's object (see line_of in the .cpp).
  std::size_t line_of(const SourceTriple& t);

  const std::vector<SourceTriple>& triples_;
  const std::vector<std::string>& paths_;
  StringMap<std::vector<std::size_t>> by_subject_;
  std::vector<std::string> subject_order_;
  StringMap<Kind> kind_;
  StringMap<const SourceTriple*> kind_at_;
  std::unordered_set<std::string> symmetric_;
  std::set<std::string> declared_;
  std::vector<std::string> trigger_nodes_;
  std::vector<std::string> prefix_nodes_;
  std::vector<std::pair<std::string, std::string>> prefixes_;
  std::vector<std::size_t> prefix_order_;
  // Where each class parent / property domain, range, inverse, super property was stated.
  std::map<std::pair<std::string, std::string>, const SourceTriple*> parent_at_;
  StringMap<const SourceTriple*> domain_at_, range_at_, inverse_at_;
  std::vector<std::pair<std::string, const SourceTriple*>> super_properties_;
  StringMap<std::vector<std::string>> super_of_;
  std::unordered_set<std::string> own_color_, own_shape_;
  std::map<std::size_t, std::vector<std::string>> file_lines_;  // read on the error path only
  std::vector<std::pair<std::pair<std::size_t, std::size_t>, Error>> errors_;
};

void Ontology::Index::Builder::error(const SourceTriple& at, std::string message,
                                     std::string hint) {
  error_at(at.file, line_of(at), std::move(message), std::move(hint));
}

void Ontology::Index::Builder::error_at(std::size_t file, std::size_t line, std::string message,
                                        std::string hint) {
  errors_.push_back(
      {{file, line},
       make_error(Error::Code::kValidation, std::move(message),
                  file < paths_.size() ? paths_[file] : std::string(), line, 0, std::move(hint))});
}

std::string Ontology::Index::Builder::show(std::string_view iri) const {
  std::string c = detail::compact_iri(prefixes_, prefix_order_, iri);
  return c.empty() ? "<" + std::string(iri) + ">" : c;
}

std::string Ontology::Index::Builder::where(const SourceTriple& t) {
  std::string w = t.file < paths_.size() ? paths_[t.file] : std::string("?");
  if (const std::size_t line = line_of(t); line > 0) w += ":" + std::to_string(line);
  return w;
}

// Raptor reports the line where a statement ends; a message is more useful
// when it points at the line that holds the offending term. Within the lines
// the statement can span, take the first one that shows both the predicate's
// and the object's local names, else the object's, else the statement's end.
// Only errors pay for this: the file is read again here.
std::size_t Ontology::Index::Builder::line_of(const SourceTriple& t) {
  if (t.line == 0 || t.first_line == 0 || t.first_line >= t.line || t.file >= paths_.size()) {
    return t.line;
  }
  auto [it, inserted] = file_lines_.try_emplace(t.file);
  if (inserted) {
    std::ifstream in(paths_[t.file], std::ios::binary);
    for (std::string l; std::getline(in, l);) it->second.push_back(std::move(l));
  }
  const auto& lines = it->second;
  auto local = [](std::string_view iri) {
    const auto cut = iri.find_last_of("#/");
    return cut == std::string_view::npos ? iri : iri.substr(cut + 1);
  };
  const std::string_view object =
      t.object.is_blank()
          ? std::string_view()
          : (t.object.is_iri() ? local(t.object.value) : std::string_view(t.object.value));
  const std::string_view predicate =
      t.predicate == vocab::kRdfType ? std::string_view() : local(t.predicate);
  if (object.empty()) return t.line;
  // The previous statement ends on first_line, so this one usually starts
  // after it; first_line itself is searched last, for two statements on a line.
  std::size_t object_only = 0;
  auto scan = [&](std::size_t n) -> std::size_t {
    if (n == 0 || n > lines.size()) return 0;
    const std::string& text = lines[n - 1];
    if (text.find(object) == std::string::npos) return 0;
    if (predicate.empty() || text.find(predicate) != std::string::npos) return n;
    if (object_only == 0) object_only = n;
    return 0;
  };
  for (std::size_t n = t.first_line + 1; n <= t.line; ++n) {
    if (const std::size_t hit = scan(n)) return hit;
  }
  if (object_only == 0) {
    if (const std::size_t hit = scan(t.first_line)) return hit;
  }
  return object_only != 0 ? object_only : t.line;
}

void Ontology::Index::Builder::group_subjects() {
  by_subject_.reserve(triples_.size() / 3 + 16);
  for (std::size_t i = 0; i < triples_.size(); ++i) {
    std::string key = key_of(triples_[i].subject);
    auto [it, inserted] = by_subject_.try_emplace(key);
    if (inserted) subject_order_.push_back(key);
    it->second.push_back(i);
  }
}

std::vector<const SourceTriple*> Ontology::Index::Builder::values(
    std::string_view subject, std::string_view predicate) const {
  std::vector<const SourceTriple*> out;
  auto it = by_subject_.find(subject);
  if (it == by_subject_.end()) return out;
  for (std::size_t i : it->second) {
    if (triples_[i].predicate == predicate) out.push_back(&triples_[i]);
  }
  return out;
}

std::optional<const SourceTriple*> Ontology::Index::Builder::single(std::string_view subject,
                                                                    std::string_view predicate,
                                                                    std::string_view what,
                                                                    std::string_view term_kind) {
  auto vs = values(subject, predicate);
  if (vs.empty()) return std::nullopt;
  for (std::size_t i = 1; i < vs.size(); ++i) {
    if (vs[i]->object != vs[0]->object) {
      const Term& a = vs[0]->object;
      const Term& b = vs[i]->object;
      auto text = [&](const Term& t) { return t.is_iri() ? show(t.value) : "\"" + t.value + "\""; };
      error(*vs[i],
            "duplicate " + std::string(term_kind) + " " + show(subject) + ": " + std::string(what) +
                " " + text(b) + " conflicts with " + text(a) + " at " + where(*vs[0]),
            "declare each term once, with one " + std::string(what));
      break;
    }
  }
  return vs[0];
}

std::optional<const SourceTriple*> Ontology::Index::Builder::best_literal(
    std::string_view subject, std::string_view predicate, std::string_view term_kind,
    bool conflicts) {
  auto vs = values(subject, predicate);
  const SourceTriple* best = nullptr;
  for (const SourceTriple* v : vs) {
    if (!v->object.is_literal()) continue;
    if (best == nullptr || language_rank(v->object) < language_rank(best->object)) {
      best = v;
    } else if (conflicts && language_rank(v->object) == language_rank(best->object) &&
               v->object.value != best->object.value) {
      error(*v,
            "duplicate " + std::string(term_kind) + " " + show(subject) + ": label \"" +
                v->object.value + "\" conflicts with \"" + best->object.value + "\" at " +
                where(*best),
            "give each term one label per language");
    }
  }
  if (best == nullptr) return std::nullopt;
  return best;
}

void Ontology::Index::Builder::read_types() {
  for (const SourceTriple& t : triples_) {
    if (t.predicate != vocab::kRdfType || !t.object.is_iri()) continue;
    const std::string& type = t.object.value;
    if (t.subject.is_iri()) declared_.insert(t.subject.value);
    const std::string key = key_of(t.subject);
    if (type == terms::kKgoTrigger) {
      trigger_nodes_.push_back(key);
      continue;
    }
    if (type == terms::kKgoPrefixDeclaration) {
      prefix_nodes_.push_back(key);
      continue;
    }
    Kind kind = Kind::kNone;
    if (type == vocab::kOwlClass || type == terms::kRdfsClass) {
      kind = Kind::kClass;
    } else if (type == vocab::kOwlObjectProperty || type == terms::kRdfProperty) {
      kind = Kind::kObjectProperty;
    } else if (type == vocab::kOwlSymmetricProperty) {
      symmetric_.insert(key);
      kind = Kind::kObjectProperty;
    } else if (type == vocab::kOwlDatatypeProperty) {
      kind = Kind::kDatatypeProperty;
    } else if (type == terms::kOwlAnnotationProperty) {
      kind = Kind::kAnnotationProperty;
    } else {
      continue;
    }
    if (!t.subject.is_iri()) {
      error(t, "a class or property must be named by an IRI, not a blank node",
            "give the term an IRI in the kgo: namespace");
      continue;
    }
    auto [it, inserted] = kind_.try_emplace(key, kind);
    if (inserted) {
      kind_at_[key] = &t;
      continue;
    }
    Kind& have = it->second;
    if (have == kind) continue;
    // rdf:Property / owl:SymmetricProperty say less than owl:DatatypeProperty:
    // the more specific declaration wins, anything else is a contradiction.
    const bool object_vs_data = (have == Kind::kObjectProperty && kind == Kind::kDatatypeProperty &&
                                 (type == terms::kRdfProperty)) ||
                                (have == Kind::kDatatypeProperty && kind == Kind::kObjectProperty &&
                                 (type == terms::kRdfProperty));
    if (object_vs_data) {
      have = Kind::kDatatypeProperty;
      continue;
    }
    auto kind_name = [](Kind k) {
      switch (k) {
        case Kind::kClass:
          return "a class";
        case Kind::kObjectProperty:
          return "an object property";
        case Kind::kDatatypeProperty:
          return "a datatype property";
        case Kind::kAnnotationProperty:
          return "an annotation property";
        case Kind::kNone:
          break;
      }
      return "something else";
    };
    error(t,
          show(key) + " is declared as " + kind_name(kind) + " here but as " + kind_name(have) +
              " at " + where(*kind_at_[key]),
          "declare each term once, with one kind");
  }
  // A subject may carry kgo:triggerFor without `a kgo:Trigger`; it is still an entry.
  std::unordered_set<std::string> seen(trigger_nodes_.begin(), trigger_nodes_.end());
  for (const SourceTriple& t : triples_) {
    if (t.predicate == terms::kKgoTriggerFor && seen.insert(key_of(t.subject)).second) {
      trigger_nodes_.push_back(key_of(t.subject));
    }
  }
  std::unordered_set<std::string> seen_prefix(prefix_nodes_.begin(), prefix_nodes_.end());
  for (const SourceTriple& t : triples_) {
    if (t.predicate == vocab::kKgoPrefix && seen_prefix.insert(key_of(t.subject)).second) {
      prefix_nodes_.push_back(key_of(t.subject));
    }
  }
}

void Ontology::Index::Builder::read_prefixes(Ontology& out) {
  (void)out;
  std::map<std::string, std::pair<std::string, const SourceTriple*>> by_prefix;
  for (const std::string& node : prefix_nodes_) {
    auto p = values(node, vocab::kKgoPrefix);
    auto n = values(node, vocab::kKgoNamespace);
    const SourceTriple* at = !p.empty() ? p[0] : (!n.empty() ? n[0] : nullptr);
    if (at == nullptr) continue;
    if (p.size() != 1 || n.size() != 1) {
      error(*at, "a prefix declaration needs exactly one kgo:prefix and one kgo:namespace",
            "write [] a kgo:PrefixDeclaration ; kgo:prefix \"ex\" ; kgo:namespace \"...\"");
      continue;
    }
    const std::string& prefix = p[0]->object.value;
    const std::string& ns = n[0]->object.value;
    if (!p[0]->object.is_literal() || !detail::is_pn_prefix(prefix)) {
      error(*p[0], "invalid prefix name \"" + prefix + "\"",
            "a prefix starts with a letter and holds letters, digits, '-', '_' or '.'");
      continue;
    }
    if (!is_valid_iri(ns)) {
      error(*n[0], "invalid namespace IRI \"" + ns + "\" for prefix \"" + prefix + "\"",
            "give an absolute IRI ending in '/' or '#'");
      continue;
    }
    auto [it, inserted] = by_prefix.try_emplace(prefix, ns, p[0]);
    if (!inserted && it->second.first != ns) {
      error(*p[0],
            "prefix \"" + prefix + "\" is bound to " + ns + " here but to " + it->second.first +
                " at " + where(*it->second.second),
            "bind each prefix once");
    }
  }
  for (auto& [prefix, value] : by_prefix) prefixes_.emplace_back(prefix, value.first);
  prefix_order_ = detail::order_by_namespace_length(prefixes_);
}

void Ontology::Index::Builder::read_classes(Ontology& out) {
  for (const auto& [iri, kind] : kind_) {
    if (kind != Kind::kClass) continue;
    ClassInfo c;
    c.iri = iri;
    if (auto l = best_literal(iri, vocab::kRdfsLabel, "class", true)) c.label = (*l)->object.value;
    if (auto l = best_literal(iri, vocab::kRdfsComment, "class", false)) {
      c.comment = (*l)->object.value;
    }
    for (const SourceTriple* t : values(iri, vocab::kRdfsSubClassOf)) {
      // Blank superclasses are OWL restrictions; they say nothing the validator uses.
      if (!t->object.is_iri()) continue;
      if (std::find(c.parents.begin(), c.parents.end(), t->object.value) == c.parents.end()) {
        c.parents.push_back(t->object.value);
        parent_at_[{iri, t->object.value}] = t;
      }
    }
    if (auto color = single(iri, vocab::kKgoColor, "kgo:displayColor", "class style")) {
      const SourceTriple& t = **color;
      if (!t.object.is_literal() || !is_colour(t.object.value)) {
        error(t, "malformed colour \"" + t.object.value + "\" in the style of " + show(iri),
              "write the colour as '#' and six hex digits, like \"#77AADD\"");
      } else {
        c.style.color = t.object.value;
        c.has_own_style = true;
        own_color_.insert(iri);
      }
    }
    if (auto shape = single(iri, vocab::kKgoShape, "kgo:displayShape", "class style")) {
      const SourceTriple& t = **shape;
      if (!t.object.is_literal() || !contains(kShapes, t.object.value)) {
        error(t, "unknown Graphviz shape \"" + t.object.value + "\" in the style of " + show(iri),
              "use a node shape from https://graphviz.org/doc/info/shapes.html");
      } else {
        c.style.shape = t.object.value;
        c.has_own_style = true;
        own_shape_.insert(iri);
      }
    }
    out.classes_.push_back(std::move(c));
  }
  std::sort(out.classes_.begin(), out.classes_.end(),
            [](const ClassInfo& a, const ClassInfo& b) { return a.iri < b.iri; });
}

void Ontology::Index::Builder::read_properties(Ontology& out) {
  for (const auto& entry : kind_) {
    // Named references, not a structured binding: clang before 16 cannot capture
    // bindings in the lambda below.
    const auto& iri = entry.first;
    const auto& kind = entry.second;
    if (kind != Kind::kObjectProperty && kind != Kind::kDatatypeProperty) continue;
    PropertyInfo p;
    p.iri = iri;
    p.datatype_property = kind == Kind::kDatatypeProperty;
    p.symmetric = symmetric_.contains(iri);
    if (auto l = best_literal(iri, vocab::kRdfsLabel, "property", true)) {
      p.label = (*l)->object.value;
    }
    if (auto l = best_literal(iri, vocab::kRdfsComment, "property", false)) {
      p.comment = (*l)->object.value;
    }
    auto take_iri = [&](std::string_view predicate, std::string_view what, std::string& field,
                        StringMap<const SourceTriple*>& at) {
      auto v = single(iri, predicate, what, "property");
      if (!v) return;
      if (!(*v)->object.is_iri()) {
        error(**v, std::string(what) + " of " + show(iri) + " must be one IRI",
              "unions and restrictions are not supported; declare a common superclass");
        return;
      }
      field = (*v)->object.value;
      at[iri] = *v;
    };
    take_iri(vocab::kRdfsDomain, "rdfs:domain", p.domain, domain_at_);
    take_iri(vocab::kRdfsRange, "rdfs:range", p.range, range_at_);
    take_iri(vocab::kOwlInverseOf, "owl:inverseOf", p.inverse, inverse_at_);
    if (auto code = single(iri, vocab::kKgoCameoCode, "kgo:cameoCode", "property")) {
      const std::string& v = (*code)->object.value;
      const bool digits = !v.empty() && std::all_of(v.begin(), v.end(),
                                                    [](char ch) { return ch >= '0' && ch <= '9'; });
      if (!(*code)->object.is_literal() || !digits || v.size() < 2 || v.size() > 4) {
        error(**code, "malformed CAMEO code \"" + v + "\" on " + show(iri),
              "a CAMEO code is a string of 2 to 4 digits, such as \"0871\"");
      } else {
        p.cameo_code = v;
      }
    }
    for (const SourceTriple* t : values(iri, terms::kRdfsSubPropertyOf)) {
      if (t->object.is_iri()) {
        super_of_[iri].push_back(t->object.value);
        super_properties_.emplace_back(iri, t);
      }
    }
    out.properties_.push_back(std::move(p));
  }
  std::sort(out.properties_.begin(), out.properties_.end(),
            [](const PropertyInfo& a, const PropertyInfo& b) { return a.iri < b.iri; });
}

void Ontology::Index::Builder::check_styles_on_non_classes() {
  for (const SourceTriple& t : triples_) {
    if (t.predicate != vocab::kKgoColor && t.predicate != vocab::kKgoShape) continue;
    auto it = kind_.find(key_of(t.subject));
    if (it == kind_.end() || it->second != Kind::kClass) {
      error(t, "style for " + show(key_of(t.subject)) + ", which is not a declared class",
            "declare the class in classes.ttl (a owl:Class) or fix the name");
    }
  }
}

void Ontology::Index::Builder::check_references(Ontology& out, Ontology::Index& index) {
  auto is_class = [&](std::string_view iri) { return index.class_by_iri.contains(iri); };
  for (const ClassInfo& c : out.classes_) {
    for (const std::string& parent : c.parents) {
      if (is_class(parent) || is_top_class(parent)) continue;
      error(*parent_at_[{c.iri, parent}],
            "unknown class " + show(parent) + " in rdfs:subClassOf of " + show(c.iri),
            "declare " + show(parent) + " as an owl:Class, or align with owl:equivalentClass");
    }
  }
  for (PropertyInfo& p : out.properties_) {
    if (!p.domain.empty() && !is_class(p.domain) && !is_top_class(p.domain)) {
      error(*domain_at_[p.iri],
            "unknown class " + show(p.domain) + " in rdfs:domain of " + show(p.iri),
            "declare " + show(p.domain) + " as an owl:Class, or fix the name");
    }
    if (!p.range.empty()) {
      const bool datatype = is_datatype(p.range);
      if (p.datatype_property && !datatype) {
        error(*range_at_[p.iri],
              "the range of datatype property " + show(p.iri) + " is " + show(p.range) +
                  ", which is not a datatype",
              "use an xsd: datatype or rdfs:Literal, or make it an owl:ObjectProperty");
      } else if (!p.datatype_property && datatype) {
        error(*range_at_[p.iri],
              "the range of object property " + show(p.iri) + " is the datatype " + show(p.range),
              "make it an owl:DatatypeProperty, or give a class as range");
      } else if (!p.datatype_property && !is_class(p.range) && !is_top_class(p.range)) {
        error(*range_at_[p.iri],
              "unknown class " + show(p.range) + " in rdfs:range of " + show(p.iri),
              "declare " + show(p.range) + " as an owl:Class, or fix the name");
      }
    }
    if (!p.inverse.empty() && !index.property_by_iri.contains(p.inverse)) {
      error(*inverse_at_[p.iri],
            "unknown property " + show(p.inverse) + " in owl:inverseOf of " + show(p.iri),
            "declare the inverse property too");
      p.inverse.clear();
    }
  }
  for (const auto& [iri, at] : super_properties_) {
    if (!index.property_by_iri.contains(at->object.value)) {
      error(*at,
            "unknown property " + show(at->object.value) + " in rdfs:subPropertyOf of " + show(iri),
            "declare the super property too");
    }
  }
  // owl:inverseOf is symmetric: fill in the side that did not say it.
  for (PropertyInfo& p : out.properties_) {
    if (p.inverse.empty()) continue;
    PropertyInfo& q = out.properties_[index.property_by_iri.find(p.inverse)->second];
    if (q.inverse.empty()) q.inverse = p.iri;
  }
}

void Ontology::Index::Builder::check_cycles(Ontology& out, Ontology::Index& index) {
  // Iterative three-colour DFS over declared parents, classes in IRI order, so
  // the reported cycle is the same on every run.
  const std::size_t n = out.classes_.size();
  std::vector<int> colour(n, 0);  // 0 new, 1 on stack, 2 done
  for (std::size_t start = 0; start < n; ++start) {
    if (colour[start] != 0) continue;
    std::vector<std::pair<std::size_t, std::size_t>> stack{{start, 0}};
    colour[start] = 1;
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      const auto& parents = out.classes_[v].parents;
      if (next == parents.size()) {
        colour[v] = 2;
        stack.pop_back();
        continue;
      }
      const std::string& parent = parents[next++];
      auto it = index.class_by_iri.find(parent);
      if (it == index.class_by_iri.end()) continue;
      const std::size_t w = it->second;
      if (colour[w] == 0) {
        colour[w] = 1;
        stack.emplace_back(w, 0);
      } else if (colour[w] == 1) {
        std::string path;
        bool on = false;
        for (const auto& [u, unused] : stack) {
          if (u == w) on = true;
          if (on) path += show(out.classes_[u].iri) + " rdfs:subClassOf ";
        }
        path += show(out.classes_[w].iri);
        error(*parent_at_[{out.classes_[v].iri, parent}], "subclass cycle: " + path,
              "a class cannot be its own superclass; remove one rdfs:subClassOf");
        // Cut the edge so the hierarchy stays a DAG for the rest of the build.
        auto& ps = out.classes_[v].parents;
        ps.erase(ps.begin() + static_cast<std::ptrdiff_t>(next - 1));
        --next;
      }
    }
  }
}

void Ontology::Index::Builder::close_hierarchies(Ontology& out, Ontology::Index& index) {
  const std::size_t n = out.classes_.size();
  index.class_ancestors.assign(n, {});
  // Breadth-first from each class: the nearest styled ancestor gives the style.
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::size_t> order{i};
    std::vector<bool> seen(n, false);
    seen[i] = true;
    for (std::size_t k = 0; k < order.size(); ++k) {
      for (const std::string& parent : out.classes_[order[k]].parents) {
        auto it = index.class_by_iri.find(parent);
        if (it != index.class_by_iri.end() && !seen[it->second]) {
          seen[it->second] = true;
          order.push_back(it->second);
        }
      }
    }
    bool have_color = false;
    bool have_shape = false;
    Style style;
    for (std::size_t k : order) {
      const ClassInfo& a = out.classes_[k];
      const bool own_color = own_color_.contains(a.iri);
      const bool own_shape = own_shape_.contains(a.iri);
      if (!have_color && own_color) {
        style.color = a.style.color;
        have_color = true;
      }
      if (!have_shape && own_shape) {
        style.shape = a.style.shape;
        have_shape = true;
      }
    }
    out.classes_[i].style = style;
    std::sort(order.begin(), order.end());
    index.class_ancestors[i] = std::move(order);
  }
  const std::size_t m = out.properties_.size();
  index.super_properties.assign(m, {});
  for (std::size_t i = 0; i < m; ++i) {
    std::vector<std::size_t> order{i};
    std::vector<bool> seen(m, false);
    seen[i] = true;
    for (std::size_t k = 0; k < order.size(); ++k) {
      auto it = super_of_.find(out.properties_[order[k]].iri);
      if (it == super_of_.end()) continue;
      for (const std::string& super : it->second) {
        auto p = index.property_by_iri.find(super);
        if (p != index.property_by_iri.end() && !seen[p->second]) {
          seen[p->second] = true;
          order.push_back(p->second);
        }
      }
    }
    std::sort(order.begin(), order.end());
    index.super_properties[i] = std::move(order);
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (const SourceTriple* t : values(out.classes_[i].iri, terms::kOwlEquivalentClass)) {
      if (t->object.is_iri() && !index.class_by_iri.contains(t->object.value)) {
        index.equivalent_class.try_emplace(t->object.value, i);
      }
    }
  }
}

void Ontology::Index::Builder::read_triggers(Ontology& out) {
  auto strings = [&](const std::string& node, std::string_view predicate) {
    std::vector<std::string> out_values;
    for (const SourceTriple* t : values(node, predicate)) {
      if (!t->object.is_literal()) {
        error(*t, "trigger values must be literals", "write the value in quotes");
        continue;
      }
      if (std::find(out_values.begin(), out_values.end(), t->object.value) == out_values.end()) {
        out_values.push_back(t->object.value);
      }
    }
    return out_values;
  };
  for (const std::string& node : trigger_nodes_) {
    auto it = by_subject_.find(node);
    if (it == by_subject_.end() || it->second.empty()) continue;
    const SourceTriple& first = triples_[it->second.front()];
    auto fors = values(node, terms::kKgoTriggerFor);
    if (fors.size() != 1 || !fors[0]->object.is_iri()) {
      error(first, "a trigger needs exactly one kgo:triggerFor naming a property",
            "add kgo:triggerFor kgo:<property> to the entry");
      continue;
    }
    const std::string& property = fors[0]->object.value;
    auto k = kind_.find(property);
    if (k == kind_.end() ||
        (k->second != Kind::kObjectProperty && k->second != Kind::kDatatypeProperty)) {
      error(*fors[0], "trigger for unknown property " + show(property),
            "declare the property in properties.ttl or fix the name");
      continue;
    }
    auto lemmas = strings(node, terms::kKgoLemma);
    auto pos = strings(node, terms::kKgoPos);
    auto patterns = strings(node, terms::kKgoPattern);
    auto prepositions = strings(node, terms::kKgoPreposition);
    if (lemmas.empty()) {
      error(first, "a trigger for " + show(property) + " has no kgo:lemma",
            "add kgo:lemma \"word\"");
      continue;
    }
    if (pos.size() > 1) {
      error(first, "a trigger for " + show(property) + " has several kgo:pos values",
            "split the entry, one part of speech each");
      continue;
    }
    if (!pos.empty() && !contains(kUpos, pos[0])) {
      error(*values(node, terms::kKgoPos)[0],
            "unknown UPOS tag \"" + pos[0] + "\" in a trigger for " + show(property),
            "use a Universal Dependencies UPOS tag such as VERB or NOUN");
      continue;
    }
    if (patterns.empty()) patterns.emplace_back();
    if (prepositions.empty()) prepositions.emplace_back();
    for (const std::string& lemma : lemmas) {
      for (const std::string& pattern : patterns) {
        for (const std::string& prep : prepositions) {
          out.triggers_.push_back(
              Trigger{property, lemma, pos.empty() ? std::string() : pos[0], pattern, prep});
        }
      }
    }
  }
}

Result<Ontology> Ontology::Index::Builder::run(Ontology& out, Ontology::Index& index) {
  group_subjects();
  read_types();
  read_prefixes(out);
  read_classes(out);
  read_properties(out);
  for (std::size_t i = 0; i < out.classes_.size(); ++i) index.class_by_iri[out.classes_[i].iri] = i;
  for (std::size_t i = 0; i < out.properties_.size(); ++i) {
    index.property_by_iri[out.properties_[i].iri] = i;
  }
  check_styles_on_non_classes();
  check_references(out, index);
  check_cycles(out, index);
  close_hierarchies(out, index);
  read_triggers(out);

  if (!errors_.empty()) {
    auto first = std::min_element(errors_.begin(), errors_.end(),
                                  [](const auto& a, const auto& b) { return a.first < b.first; });
    return tl::unexpected(first->second);
  }
  out.prefixes_ = std::move(prefixes_);
  index.prefixes_by_length = std::move(prefix_order_);
  out.declared_.assign(declared_.begin(), declared_.end());
  return std::move(out);
}

Result<Ontology> Ontology::Index::build(const std::vector<detail::SourceTriple>& triples,
                                        const std::vector<std::string>& paths) {
  Ontology out;
  auto index = std::make_shared<Index>();
  Builder builder(triples, paths);
  auto result = builder.run(out, *index);
  if (!result) return result;
  result->index_ = std::move(index);
  return result;
}

}  // namespace kg::ontology
