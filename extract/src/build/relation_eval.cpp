// Relation extraction scored on RAMS and CaRB dev.
//
// RAMS annotates one event per 5-sentence news window, with AIDA event types. The types that
// map onto our properties (meet, attack, sanction, aid, agreement, threat, charge)
// are scored at two levels: triggers (a fact of the mapped property whose trigger overlaps
// the gold trigger) and arguments (the fact's subject/object mentions overlapping the gold
// arguments of that trigger). Precision is a lower bound: other events in the window are not
// annotated. CaRB gives open-IE tuples per sentence; a fact matches a gold tuple when its
// trigger word is in the gold relation phrase and its subject and object overlap the gold
// arguments (token overlap, the lenient end of CaRB's own matcher).

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <kg/extract/relation_eval.hpp>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>

namespace kg::extract {
namespace {

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

bool overlaps(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
  return b1 < e2 && b2 < e1;
}

// The property a RAMS event type maps onto, or empty.
std::string rams_property(const std::string& type) {
  const std::string kgo(vocab::kKgo);
  auto starts = [&](std::string_view p) { return type.rfind(p, 0) == 0; };
  auto ends = [&](std::string_view p) {
    return type.size() >= p.size() && type.compare(type.size() - p.size(), p.size(), p) == 0;
  };
  if (starts("contact.discussion.meet") || starts("contact.negotiate")) return kgo + "met";
  if (starts("conflict.attack")) return kgo + "attacked";
  if (ends("embargosanction")) return kgo + "sanctioned";
  if (ends("giftgrantprovideaid")) return kgo + "providedAidTo";
  if (starts("government.agreements")) return kgo + "signedAgreementWith";
  if (starts("contact.threatencoerce")) return kgo + "threatened";
  if (starts("justice.initiatejudicialprocess.chargeindict")) return kgo + "accused";
  return {};
}

// Properties that count as the same answer ("met" also covers negotiations).
bool same_family(const std::string& predicted, const std::string& gold) {
  if (predicted == gold) return true;
  const std::string kgo(vocab::kKgo);
  if (gold == kgo + "met" && predicted == kgo + "negotiatedWith") return true;
  if (gold == kgo + "signedAgreementWith" && predicted == kgo + "agreedCeasefireWith") return true;
  return false;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!w.empty()) out.push_back(w);
      w.clear();
    } else {
      w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

bool word_overlap(const std::string& a, const std::string& b) {
  const auto wa = words(a);
  const auto wb = words(b);
  for (const auto& x : wa) {
    if (x.size() < 2 && !std::isalnum(static_cast<unsigned char>(x[0]))) continue;
    if (std::find(wb.begin(), wb.end(), x) != wb.end()) return true;
  }
  return false;
}

std::string substr_cp(const std::string& text, std::size_t begin, std::size_t end) {
  std::size_t cp = 0;
  std::size_t b = std::string::npos;
  std::size_t e = text.size();
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (cp == begin && b == std::string::npos) b = i;
      if (cp == end) {
        e = i;
        break;
      }
      ++cp;
    }
  }
  return b == std::string::npos ? std::string() : text.substr(b, e - b);
}

void print_prf(std::ostream& out, const std::string& name, const Prf& p) {
  out << std::left << std::setw(34) << name << std::right << std::fixed << std::setprecision(1)
      << " P " << std::setw(5) << 100 * p.precision() << "  R " << std::setw(5) << 100 * p.recall()
      << "  F1 " << std::setw(5) << 100 * p.f1() << "   (predicted " << p.predicted << ", gold "
      << p.gold << ")\n";
}

Result<void> eval_rams(const GraphBuilder& builder, const std::string& path, std::size_t limit,
                       std::ostream& out) {
  std::ifstream in(path);
  if (!in) {
    return fail(Error::Code::kNotFound, "cannot open RAMS dev", path, 0, 0,
                "give --data the directory holding rams_dev/");
  }
  Prf triggers;
  Prf arguments;
  std::map<std::string, Prf> per_property;
  std::string line;
  std::size_t n = 0;
  std::size_t mapped_examples = 0;
  while (std::getline(in, line) && (limit == 0 || n < limit)) {
    if (line.empty()) continue;
    ++n;
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) {
      return fail(Error::Code::kParse, "invalid JSON", path, n, 0, "RAMS lines are JSON objects");
    }
    Article a;
    a.id = j.value("doc_key", "rams-" + std::to_string(n));
    std::vector<std::pair<std::size_t, std::size_t>> tok;  // code-point spans
    for (const auto& s : j["sentences"]) {
      for (const auto& t : s) {
        if (!a.text.empty()) a.text += ' ';
        const std::string w = t.get<std::string>();
        const std::size_t b = code_points(a.text);
        a.text += w;
        tok.emplace_back(b, b + code_points(w));
      }
    }
    const DocumentFacts facts = builder.extract(a);
    // Gold: triggers with the property their type maps onto, and their arguments.
    struct GoldEvent {
      std::size_t begin, end;
      std::string property;
      std::vector<std::pair<std::size_t, std::size_t>> args;
    };
    std::vector<GoldEvent> gold;
    for (const auto& t : j["evt_triggers"]) {
      const std::string prop = rams_property(t[2][0][0].get<std::string>());
      if (prop.empty()) continue;
      const auto b = t[0].get<std::size_t>();
      const auto e = t[1].get<std::size_t>();
      if (e >= tok.size()) continue;
      GoldEvent g{tok[b].first, tok[e].second, prop, {}};
      for (const auto& link : j["gold_evt_links"]) {
        if (link[0][0].get<std::size_t>() != b) continue;
        const auto ab = link[1][0].get<std::size_t>();
        const auto ae = link[1][1].get<std::size_t>();
        if (ae < tok.size()) g.args.emplace_back(tok[ab].first, tok[ae].second);
      }
      gold.push_back(std::move(g));
    }
    if (!gold.empty()) ++mapped_examples;
    std::set<std::string> mapped;
    for (const auto& g : gold) mapped.insert(g.property);
    // Predictions: facts of the mappable properties, one per trigger.
    std::set<std::pair<std::size_t, std::string>> seen_triggers;
    std::vector<bool> gold_hit(gold.size(), false);
    for (const auto& f : facts.facts) {
      const std::string& p = f.relation.predicate;
      const std::string kgo(vocab::kKgo);
      if (p != kgo + "met" && p != kgo + "negotiatedWith" && p != kgo + "attacked" &&
          p != kgo + "sanctioned" && p != kgo + "providedAidTo" &&
          p != kgo + "signedAgreementWith" && p != kgo + "agreedCeasefireWith" &&
          p != kgo + "threatened" && p != kgo + "accused" && p != kgo + "denied") {
        continue;
      }
      const Provenance& pv = f.relation.provenance.front();
      if (!seen_triggers.insert({pv.trigger_begin, p}).second) continue;
      ++triggers.predicted;
      ++per_property[p].predicted;
      bool hit = false;
      for (std::size_t g = 0; g < gold.size(); ++g) {
        if (same_family(p, gold[g].property) &&
            overlaps(pv.trigger_begin, pv.trigger_end, gold[g].begin, gold[g].end)) {
          hit = true;
          gold_hit[g] = true;
          // Arguments of this fact against the gold arguments of this trigger.
          for (const Span& s : {f.subject_span, f.object_span}) {
            if (s.end == 0) continue;
            ++arguments.predicted;
            for (const auto& ga : gold[g].args) {
              if (overlaps(s.begin, s.end, ga.first, ga.second)) {
                ++arguments.matched_predicted;
                break;
              }
            }
          }
        }
      }
      if (hit) {
        ++triggers.matched_predicted;
        ++per_property[p].matched_predicted;
      }
    }
    for (std::size_t g = 0; g < gold.size(); ++g) {
      ++triggers.gold;
      ++per_property[gold[g].property].gold;
      arguments.gold += gold[g].args.size();
      if (!gold_hit[g]) continue;
      ++triggers.matched_gold;
      ++per_property[gold[g].property].matched_gold;
      // Gold arguments found by any fact on this trigger.
      for (const auto& ga : gold[g].args) {
        for (const auto& f : facts.facts) {
          const Provenance& pv = f.relation.provenance.front();
          if (!overlaps(pv.trigger_begin, pv.trigger_end, gold[g].begin, gold[g].end)) continue;
          if (overlaps(f.subject_span.begin, f.subject_span.end, ga.first, ga.second) ||
              overlaps(f.object_span.begin, f.object_span.end, ga.first, ga.second)) {
            ++arguments.matched_gold;
            break;
          }
        }
      }
    }
  }
  out << "RAMS dev: " << n << " examples, " << mapped_examples
      << " with an event type that maps onto an ontology property\n";
  print_prf(out, "  triggers (mapped types)", triggers);
  print_prf(out, "  arguments (of mapped triggers)", arguments);
  for (const auto& [p, prf] : per_property) {
    print_prf(out, "    " + p.substr(p.find('#') + 1), prf);
  }
  return {};
}

Result<void> eval_carb(const GraphBuilder& builder, const std::string& path, std::size_t limit,
                       std::ostream& out) {
  std::ifstream in(path);
  if (!in) {
    return fail(Error::Code::kNotFound, "cannot open CaRB gold", path, 0, 0,
                "give --data the directory holding carb_dev/gold/dev.tsv");
  }
  struct Tuple {
    std::string rel, arg1, arg2;
  };
  std::vector<std::string> order;
  std::map<std::string, std::vector<Tuple>> gold;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream s(line);
    std::string c;
    while (std::getline(s, c, '\t')) cols.push_back(c);
    if (cols.size() < 3) continue;
    if (gold.find(cols[0]) == gold.end()) order.push_back(cols[0]);
    Tuple t{cols[1], cols[2], {}};
    for (std::size_t k = 3; k < cols.size(); ++k) t.arg2 += (k > 3 ? " " : "") + cols[k];
    gold[cols[0]].push_back(std::move(t));
  }
  // Gold tuples "mapped" onto our relations: the relation phrase holds one of our trigger
  // lemmas (or a simple inflection of one).
  std::set<std::string> lemmas;
  for (const auto& t : builder.ontology().triggers()) lemmas.insert(t.lemma);
  auto mapped = [&](const std::string& rel) {
    for (const auto& w : words(rel)) {
      for (const std::string_view suffix : {"", "s", "ed", "d", "ing", "es"}) {
        if (w.size() > suffix.size() &&
            w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            lemmas.count(w.substr(0, w.size() - suffix.size())) != 0) {
          return true;
        }
      }
    }
    return false;
  };
  Prf all;
  Prf mapped_prf;
  std::size_t n = 0;
  for (const auto& sentence : order) {
    if (limit != 0 && n >= limit) break;
    ++n;
    Article a;
    a.id = "carb-" + std::to_string(n);
    a.text = sentence;
    const DocumentFacts facts = builder.extract(a);
    const auto& g = gold[sentence];
    std::vector<bool> hit(g.size(), false);
    for (const auto& f : facts.facts) {
      if (f.subject_span.end == 0 || f.object_span.end == 0) continue;
      const Provenance& pv = f.relation.provenance.front();
      const std::string trig = substr_cp(a.text, pv.trigger_begin, pv.trigger_end);
      const std::string a1 = substr_cp(a.text, f.subject_span.begin, f.subject_span.end);
      const std::string a2 = substr_cp(a.text, f.object_span.begin, f.object_span.end);
      ++all.predicted;
      ++mapped_prf.predicted;
      bool ok = false;
      for (std::size_t k = 0; k < g.size(); ++k) {
        const bool rel_ok = word_overlap(trig, g[k].rel) || word_overlap(trig, g[k].arg2);
        const bool args = (word_overlap(a1, g[k].arg1) && word_overlap(a2, g[k].arg2)) ||
                          (word_overlap(a1, g[k].arg2) && word_overlap(a2, g[k].arg1));
        if (rel_ok && args) {
          ok = true;
          hit[k] = true;
        }
      }
      if (ok) {
        ++all.matched_predicted;
        ++mapped_prf.matched_predicted;
      }
    }
    for (std::size_t k = 0; k < g.size(); ++k) {
      ++all.gold;
      if (hit[k]) ++all.matched_gold;
      if (mapped(g[k].rel)) {
        ++mapped_prf.gold;
        if (hit[k]) ++mapped_prf.matched_gold;
      }
    }
  }
  out << "CaRB dev: " << n << " sentences\n";
  print_prf(out, "  tuples (all gold)", all);
  print_prf(out, "  tuples (gold with our triggers)", mapped_prf);
  return {};
}

}  // namespace

Result<void> evaluate_relations(const GraphBuilder& builder, const RelationEvalOptions& options,
                                std::ostream& out) {
  std::string dir = options.data_dir;
  if (dir.empty()) {
    const char* env = std::getenv("KG_SHARED_DATA_DIR");
    dir = env != nullptr ? env : "../shared/data";
  }
  if (auto r = eval_rams(builder, dir + "/rams_dev/dev.jsonlines", options.limit, out); !r) {
    return r;
  }
  if (auto r = eval_carb(builder, dir + "/carb_dev/gold/dev.tsv", options.limit, out); !r) {
    return r;
  }
  if (options.seed_article.empty()) return {};
  std::ifstream in(options.seed_article, std::ios::binary);
  if (!in) {
    return fail(Error::Code::kNotFound, "cannot open the article", options.seed_article);
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  auto article = read_article(bytes.str(), options.seed_article);
  if (!article) return tl::unexpected(article.error());
  if (article->id.empty()) article->id = "seed";
  const DocumentFacts facts = builder.extract(*article);
  std::map<std::string, std::vector<const FactRecord*>> by_rule;
  for (const auto& f : facts.facts) by_rule[f.relation.provenance.front().rule].push_back(&f);
  std::map<std::string, std::string> labels;
  for (const auto& e : facts.entities) labels[e.iri] = e.label;
  const auto& onto = builder.ontology();
  out << "Rules on " << options.seed_article << ": " << facts.facts.size() << " facts, "
      << facts.entities.size() << " entities, " << facts.mentions.size() << " mentions\n";
  for (const auto& [rule, list] : by_rule) {
    out << "  " << rule << " (" << list.size() << ")\n";
    for (const FactRecord* f : list) {
      const Relation& r = f->relation;
      out << "    s" << r.provenance.front().sentence << "  " << labels[f->subject] << " | "
          << onto.compact(r.predicate) << " | " << labels[f->object];
      if (r.negated) out << " | negated";
      if (!r.attributed_to.empty()) {
        auto it = labels.find(r.attributed_to);
        out << " | claimed by " << (it == labels.end() ? r.attributed_to : it->second);
      }
      if (!r.date.empty()) out << " | " << r.date;
      out << std::fixed << std::setprecision(2) << " | " << r.confidence << '\n';
    }
  }
  return {};
}

}  // namespace kg::extract
