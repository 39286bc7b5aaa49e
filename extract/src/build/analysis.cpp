// Mention detection, coreference and relation rules over one parsed document.
//
// The order is fixed: names (lexicon and NER) -> group nouns, event nouns, pronouns and
// descriptions -> name clusters -> descriptions, groups and pronouns resolved in reading order
// -> relation rules (run twice: the first pass only creates the document's events so that a
// mention may refer to an event introduced later) -> state-level lifting -> output records.
// Rules read the parse first and fall back on word order near the trigger when the parse has
// no argument, at a lower confidence, because news sentences are long and parsers err.

#include "build/analysis.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <kg/graph/iri.hpp>
#include <kg/graph/vocab.hpp>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace kg::extract::build {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_upper(std::string_view s) {
  return !s.empty() && std::isupper(static_cast<unsigned char>(s[0])) != 0;
}

bool has_rel(std::string_view deprel, std::string_view rel) {
  return deprel == rel || (deprel.size() > rel.size() && deprel.substr(0, rel.size()) == rel &&
                           deprel[rel.size()] == ':');
}

constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};

// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2 ? 1 : 0;
  auto two = [](unsigned v) {
    return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10);
  };
  std::string year = std::to_string(y);
  while (year.size() < 4) year.insert(year.begin(), '0');
  return year + "-" + two(m) + "-" + two(d);
}

bool parse_date(const std::string& date, long& days) {
  unsigned y = 0, m = 0, d = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4u-%2u-%2u", &y, &m, &d) != 3) return false;
  days = days_from_civil(static_cast<long>(y), m, d);
  return true;
}

const std::set<std::string_view> kQuantifiers = {
    "several", "many", "some",  "few", "most", "all",  "other", "such",  "various", "any",
    "both",    "each", "every", "no",  "more", "much", "its",   "their", "his",     "her"};
const std::set<std::string_view> kDirections = {
    "southern", "northern", "eastern",      "western",      "central",      "north",       "south",
    "east",     "west",     "northeastern", "northwestern", "southeastern", "southwestern"};
// Verbs whose object is the subject of their "to"-complement ("urged Muslims to join").
const std::set<std::string_view> kObjectControl = {
    "urge",      "ask",      "tell",      "order",   "force",    "persuade", "invite",
    "allow",     "permit",   "encourage", "push",    "press",    "pressure", "compel",
    "convince",  "instruct", "require",   "enable",  "advise",   "warn",     "beg",
    "authorize", "direct",   "oblige",    "inspire", "motivate", "prompt",   "call"};

const std::set<std::string_view> kActorClasses = {
    "Actor",      "Person",         "Organization",      "Government", "Military",
    "ArmedGroup", "PoliticalParty", "MediaOrganization", "Country",    "InternationalOrganization"};

struct ArgRef {
  int cluster = -1;
  int mention = -1;
  bool surface = false;  // found by word order, not by the parse
};

struct GroupRec {
  int pos = 0;  // token after which the group is known
  std::vector<int> members;
};

class Analyzer {
 public:
  Analyzer(const Document& doc, const Article& article, std::string doc_iri, const Lexicons& lex,
           const ontology::Ontology& onto, bool open, std::string base)
      : doc_(doc),
        article_(article),
        doc_iri_(std::move(doc_iri)),
        lex_(lex),
        onto_(onto),
        open_(open),
        base_(std::move(base)),
        tok_(doc.tokens()),
        kgo_(vocab::kKgo) {}

  DocumentFacts run() {
    index_tokens();
    find_names();
    find_nominals();
    cluster_names();
    resolve_in_order();
    emit_ = false;
    run_rules();
    facts_.clear();
    fact_keys_.clear();
    emit_ = true;
    run_rules();
    event_places();
    lift_to_states();
    return output();
  }

 private:
  // ---- tokens ------------------------------------------------------------

  void index_tokens() {
    const std::size_t n = tok_.size();
    sent_of_.assign(n, 0);
    head_.assign(n, -1);
    kids_.assign(n, {});
    low_.resize(n);
    lem_.resize(n);
    key_.resize(n);
    tok_mention_.assign(n, -1);
    norp_.assign(n, {});
    const auto& sents = doc_.sentences();
    for (std::size_t s = 0; s < sents.size(); ++s) {
      for (std::uint32_t i = sents[s].token_begin; i < sents[s].token_end; ++i) {
        sent_of_[i] = static_cast<int>(s);
        const int h = tok_[i].head;
        if (h > 0) {
          head_[i] = static_cast<int>(sents[s].token_begin) + h - 1;
          kids_[static_cast<std::size_t>(head_[i])].push_back(static_cast<int>(i));
        }
      }
    }
    for (std::size_t i = 0; i < n; ++i) {
      low_[i] = lower(tok_[i].norm);
      lem_[i] = tok_[i].lemma.empty() ? low_[i] : lower(tok_[i].lemma);
      key_[i] = lem_[i];
      // Hyphenated compounds split by the tokenizer ("cease - fire") are looked up whole.
      if (i >= 2 && tok_[i - 1].norm == "-" && !tok_[i - 2].space_after &&
          !tok_[i - 1].space_after && sent_of_[i - 2] == sent_of_[i]) {
        key_[i] = low_[i - 2] + "-" + lem_[i];
      }
      auto d = lex_.demonyms.find(tok_[i].norm);
      if (d != lex_.demonyms.end()) norp_[i] = d->second;
      if (i > 0 && tok_[i - 1].space_after && sent_of_[i - 1] == sent_of_[i]) {
        auto two = lex_.demonyms.find(tok_[i - 1].norm + " " + tok_[i].norm);  // "North Korean"
        if (two != lex_.demonyms.end()) norp_[i - 1] = norp_[i] = two->second;
      }
    }
    for (const auto& e : doc_.entities()) {
      if (e.label != "NORP" || e.country.empty()) continue;
      for (auto i = e.token_begin; i < e.token_end; ++i) norp_[i] = e.country;
    }
    // Byte offset -> code point offset, for NIF-style offsets.
    const std::string& text = doc_.text();
    cp_.assign(text.size() + 1, 0);
    std::uint32_t count = 0;
    for (std::size_t b = 0; b < text.size(); ++b) {
      cp_[b] = count;
      if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) ++count;
    }
    cp_[text.size()] = count;
  }

  [[nodiscard]] int sent_begin(int s) const {
    return static_cast<int>(doc_.sentences()[static_cast<std::size_t>(s)].token_begin);
  }
  [[nodiscard]] int sent_end(int s) const {
    return static_cast<int>(doc_.sentences()[static_cast<std::size_t>(s)].token_end);
  }
  [[nodiscard]] const std::string& dep(int i) const {
    return tok_[static_cast<std::size_t>(i)].deprel;
  }
  [[nodiscard]] const std::string& upos(int i) const {
    return tok_[static_cast<std::size_t>(i)].upos;
  }
  [[nodiscard]] std::vector<int> children(int i, std::string_view rel) const {
    std::vector<int> out;
    for (int c : kids_[static_cast<std::size_t>(i)]) {
      if (has_rel(dep(c), rel)) out.push_back(c);
    }
    return out;
  }
  // A word of a title: one the ontology makes a role ("president") or one that stands in or
  // before titles ("prime", "Sen.", "King").
  [[nodiscard]] bool is_title(int k) const {
    const auto ku = static_cast<std::size_t>(k);
    return lex_.title_property.count(lem_[ku]) != 0 || lex_.title_extra.count(low_[ku]) != 0;
  }

  // A hyphen written inside a word, between two tokens of one sentence ("AFL-CIO",
  // "Jae-in", "Secretary-General"; not a dash set apart by spaces).
  [[nodiscard]] bool inner_hyphen(int k) const {
    if (k < 1 || k + 1 >= static_cast<int>(tok_.size())) return false;
    const auto ku = static_cast<std::size_t>(k);
    return tok_[ku].norm == "-" && !tok_[ku - 1].space_after && !tok_[ku].space_after &&
           sent_of_[ku - 1] == sent_of_[ku + 1];
  }

  [[nodiscard]] bool is_descendant(int t, int ancestor) const {
    for (int k = 0; t >= 0 && k < 64; ++k) {
      if (t == ancestor) return true;
      t = head_[static_cast<std::size_t>(t)];
    }
    return false;
  }
  // The case marker of a nominal dependent ("with", "between", "along with").
  [[nodiscard]] std::string case_of(int t) const {
    std::string out;
    for (int c : kids_[static_cast<std::size_t>(t)]) {
      if ((dep(c) == "case" || dep(c) == "mark") && c < t) {
        if (!out.empty()) out += ' ';
        // "along with" / "together with" whatever the parser made of the first word.
        const std::string& before = c > 0 ? low_[static_cast<std::size_t>(c - 1)] : low_[0];
        if (out.empty() && c > 0 && (before == "along" || before == "together") &&
            low_[static_cast<std::size_t>(c)] == "with" && dep(c - 1) != "case") {
          out += before + " ";
        }
        out += low_[static_cast<std::size_t>(c)];
        for (int f : kids_[static_cast<std::size_t>(c)]) {  // "such as", "along with"
          if (dep(f) == "fixed") out += " " + low_[static_cast<std::size_t>(f)];
        }
      }
    }
    return out;
  }
  // Normalised words [b, e) as written, but for a hyphen that tokenized text spaced inside a
  // name ("Bashar al - Assad", "Su - 24"): "Bashar al-Assad".
  [[nodiscard]] std::string text_of(int b, int e) const {
    const auto spaced_hyphen = [&](int k) {
      if (k <= b || k + 1 >= e) return false;
      const auto& t = tok_[static_cast<std::size_t>(k)];
      const auto& prev = tok_[static_cast<std::size_t>(k - 1)];
      const auto word = [](const std::string& w) {
        return !w.empty() && (std::isalnum(static_cast<unsigned char>(w.front())) != 0 ||
                              (static_cast<unsigned char>(w.front()) & 0x80) != 0);
      };
      return t.norm == "-" && prev.space_after && t.space_after && word(prev.norm) &&
             word(tok_[static_cast<std::size_t>(k + 1)].norm);
    };
    // An editor's bracket inside a name is no part of it: "[Russian President Vladimir]
    // Putin" names Vladimir Putin.
    const auto bracket = [&](int k) {
      const std::string& w = tok_[static_cast<std::size_t>(k)].norm;
      return k > b && k + 1 < e && (w == "[" || w == "]");
    };
    std::string out;
    for (int k = b; k < e; ++k) {
      if (bracket(k)) continue;
      if (!out.empty() && (tok_[static_cast<std::size_t>(k - 1)].space_after || bracket(k - 1)) &&
          !spaced_hyphen(k) && !spaced_hyphen(k - 1)) {
        out += ' ';
      }
      out += tok_[static_cast<std::size_t>(k)].norm;
    }
    return out;
  }
  [[nodiscard]] bool is_temporal(int t) const {
    static const std::set<std::string_view> kTime = {
        "today",   "yesterday", "tomorrow",  "tonight", "week",     "month",
        "year",    "time",      "morning",   "evening", "night",    "weekend",
        "january", "february",  "march",     "april",   "may",      "june",
        "july",    "august",    "september", "october", "november", "december"};
    int w = 0;
    return is_weekday(t, w) || kTime.count(low_[static_cast<std::size_t>(t)]) != 0;
  }

  [[nodiscard]] bool is_weekday(int t, int& weekday) const {
    for (std::size_t w = 0; w < kWeekdays.size(); ++w) {
      if (low_[static_cast<std::size_t>(t)] == kWeekdays[w]) {
        weekday = static_cast<int>(w);
        return true;
      }
    }
    return false;
  }

  // ---- mentions ------------------------------------------------------------

  int add_mention(Mention m) {
    // A person's given name of hyphenated syllables runs on over its lower-case part: "Moon
    // Jae-in", "Kim Jong-un", "Ban Ki-moon" (not "Obama-era", "Trump-backed").
    if (m.cls == "Person" && (m.kind == "name" || m.kind == "person")) {
      static const std::set<std::string_view> kCompoundHeads = {
          "era",  "style", "type", "like",   "led",    "based",   "backed",    "born",    "run",
          "made", "free",  "old",  "linked", "allied", "aligned", "appointed", "friendly"};
      const int n = static_cast<int>(tok_.size());
      const int e = m.end;
      if (e + 1 < n && inner_hyphen(e)) {
        const std::string& w = tok_[static_cast<std::size_t>(e + 1)].norm;
        const bool syllable =
            !w.empty() && w.size() <= 5 &&
            std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::islower(c) != 0; }) &&
            upos(e + 1) != "VERB" && kCompoundHeads.count(w) == 0 &&
            tok_mention_[static_cast<std::size_t>(e + 1)] < 0;
        if (syllable) {
          m.end = e + 2;
          m.canonical = text_of(m.begin, m.end);
        }
      }
    }
    for (int k = m.begin; k < m.end; ++k) {
      if (tok_mention_[static_cast<std::size_t>(k)] >= 0) return -1;
    }
    if (m.head < m.begin || m.head >= m.end) m.head = syntactic_head(m.begin, m.end);
    const int id = static_cast<int>(mentions_.size());
    for (int k = m.begin; k < m.end; ++k) tok_mention_[static_cast<std::size_t>(k)] = id;
    mentions_.push_back(std::move(m));
    return id;
  }

  [[nodiscard]] int syntactic_head(int b, int e) const {
    for (int k = b; k < e; ++k) {
      const int h = head_[static_cast<std::size_t>(k)];
      if (h < b || h >= e) return k;
    }
    return e - 1;
  }

  void find_names() {
    struct Candidate {
      int begin, end;
      Mention m;
    };
    std::vector<Candidate> lexical;
    const int nsent = static_cast<int>(doc_.sentences().size());
    const int max_tokens = static_cast<int>(lex_.max_words) + 3;
    for (int s = 0; s < nsent; ++s) {
      const int e = sent_end(s);
      for (int i = sent_begin(s); i < e;) {
        if (!starts_upper(tok_[static_cast<std::size_t>(i)].norm)) {
          ++i;
          continue;
        }
        std::string cand;
        int best = -1;
        const LexiconEntry* entry = nullptr;
        for (int k = i; k < e && k - i < max_tokens; ++k) {
          if (k > i && tok_[static_cast<std::size_t>(k - 1)].space_after) cand += ' ';
          cand += tok_[static_cast<std::size_t>(k)].norm;
          if (const auto* found = lex_.find_name(cand)) {
            best = k;
            entry = found;
          }
        }
        if (entry == nullptr) {
          ++i;
          continue;
        }
        Mention m;
        m.sentence = s;
        m.begin = i;
        m.end = best + 1;
        m.head = -1;
        m.kind = entry->kind;  // country, capital, person, seat, alias
        m.cls = entry->cls;
        m.canonical = entry->canonical;
        m.qid = entry->qid;
        m.country = entry->country;
        lexical.push_back({i, best + 1, std::move(m)});
        i = best + 1;
      }
    }
    std::vector<Candidate> ner;
    // Tokens where the recogniser starts a name, and the lexicon names a country or person.
    std::vector<char> name_start(tok_.size(), 0);
    for (const auto& span : doc_.entities()) {
      if (span.token_begin < tok_.size()) name_start[span.token_begin] = 1;
    }
    for (const auto& c : lexical) name_start[static_cast<std::size_t>(c.begin)] = 1;
    for (const auto& span : doc_.entities()) {
      if (span.label != "PER" && span.label != "ORG" && span.label != "LOC") continue;
      int b = static_cast<int>(span.token_begin);
      int e = static_cast<int>(span.token_end);
      while (b < e && (low_[static_cast<std::size_t>(b)] == "the" || upos(b) == "PUNCT" ||
                       upos(b) == "DET")) {
        ++b;
      }
      while (e > b && (upos(e - 1) == "PART" || upos(e - 1) == "PUNCT")) --e;
      // A name written with a hyphen runs on over it: "AFL-CIO" (tokenized "AFL - CIO") when
      // the recogniser stopped at "AFL".
      while (e > b && inner_hyphen(e) && starts_upper(tok_[static_cast<std::size_t>(e + 1)].norm) &&
             name_start[static_cast<std::size_t>(e + 1)] == 0) {
        e += 2;
      }
      // ... and back over one: "Kassym-Jomart Tokayev" when it started at "Jomart".
      while (b >= 2 && inner_hyphen(b - 1) &&
             starts_upper(tok_[static_cast<std::size_t>(b - 2)].norm) &&
             norp_[static_cast<std::size_t>(b - 2)].empty() && !is_title(b - 2)) {
        b -= 2;
      }
      // A courtesy title is no part of the name, and "Mr", "Mrs", "Ms" before it name a
      // person whatever type the recogniser gave ("Mr Roslovtsev" is Roslovtsev).
      std::string label = span.label;
      // A courtesy title right before the span names a person too ("Dr. Cornel West", which
      // the recogniser took for a place).
      if (b > 0 &&
          sent_of_[static_cast<std::size_t>(b - 1)] == sent_of_[static_cast<std::size_t>(b)] &&
          lex_.honorific.count(low_[static_cast<std::size_t>(b - 1)]) != 0 &&
          low_[static_cast<std::size_t>(b - 1)] != "miss") {
        label = "PER";
      }
      while (e - b > 1 && lex_.honorific.count(low_[static_cast<std::size_t>(b)]) != 0) {
        const std::string& h = low_[static_cast<std::size_t>(b)];
        if (h.rfind("mr", 0) == 0 || h.rfind("ms", 0) == 0 || h.rfind("mx", 0) == 0) {
          label = "PER";
        }
        if (label != "PER") break;
        ++b;
      }
      // Titles are roles, not part of the name: "President Bashar al-Assad", and with what
      // qualifies them: "UN Ambassador Liu Jieyi", "Chairman Sen. John McCain". The name
      // starts after the last title word that a capitalised word follows ("Martin Luther
      // King Jr." keeps its "King").
      if (label == "PER") {
        static const std::set<std::string_view> kSuffixes = {"jr.", "jr",  "sr.", "sr",
                                                             "ii",  "iii", "iv"};
        for (int k = e - 2; k >= b; --k) {
          if (!is_title(k)) continue;
          const auto next = static_cast<std::size_t>(k + 1);
          if (starts_upper(tok_[next].norm) && kSuffixes.count(low_[next]) == 0) b = k + 1;
          break;
        }
      }
      if (b >= e) continue;
      if (lex_.demonyms.count(text_of(b, e)) != 0) continue;  // "Belarusian" is a nationality
      Mention m;
      m.sentence = sent_of_[static_cast<std::size_t>(b)];
      m.begin = b;
      m.end = e;
      m.head = -1;
      m.kind = "name";
      m.canonical = text_of(b, e);
      m.cls = label == "PER" ? "Person" : label == "ORG" ? "Organization" : "Place";
      if (label == "ORG") {
        for (int k = b; k < e; ++k) {
          auto g = lex_.group.find(lem_[static_cast<std::size_t>(k)]);
          if (g != lex_.group.end()) m.cls = g->second;
        }
      }
      ner.push_back({b, e, std::move(m)});
    }
    // Within one article a name keeps its sense: a lone "Tillerson" after "Rex Tillerson" is
    // the person even when the recogniser typed this occurrence as a place or organization.
    // A single common word the recogniser capitalised into a name ("Officials" opening a
    // sentence) is not a name at all.
    // What the recogniser said, before the rules below retype single occurrences.
    std::unordered_map<std::string, std::map<std::string, int>> recognised;
    for (const auto& c : ner) ++recognised[lower(c.m.canonical)][c.m.cls];
    {
      std::unordered_set<std::string> surnames;
      for (const auto& c : ner) {
        if (c.m.cls == "Person" && c.end - c.begin >= 2) {
          surnames.insert(tok_[static_cast<std::size_t>(c.end - 1)].norm);
        }
      }
      for (auto& c : ner) {
        if (c.end - c.begin == 1 && c.m.cls != "Person" &&
            surnames.count(tok_[static_cast<std::size_t>(c.begin)].norm) != 0) {
          c.m.cls = "Person";
        }
      }
      // A lone politician's surname the recogniser took for a place ("Merkel met Obama") is
      // the person when it stands where an actor stands (subject, object, possessor), not
      // after a place preposition, and is no place the lexicon knows ("Jordan").
      static const std::set<std::string_view> kPlacePreps = {
          "in", "at", "from", "to", "near", "into", "across", "outside", "inside", "around"};
      for (auto& c : ner) {
        if (c.end - c.begin != 1 || c.m.cls != "Place") continue;
        const auto bu = static_cast<std::size_t>(c.begin);
        if (lex_.surnames.count(tok_[bu].norm) == 0 || lex_.find_name(tok_[bu].norm) != nullptr) {
          continue;
        }
        const std::string& d = dep(c.begin);
        if (!(has_rel(d, "nsubj") || d == "obj" || d == "nmod:poss" || d == "obl:agent")) continue;
        bool place_prep = false;
        for (int k : children(c.begin, "case")) {
          place_prep = place_prep || kPlacePreps.count(low_[static_cast<std::size_t>(k)]) != 0;
        }
        if (!place_prep) c.m.cls = "Person";
      }
      std::erase_if(ner, [&](const Candidate& c) {
        return c.end - c.begin == 1 && (upos(c.begin) == "NOUN" || upos(c.begin) == "PRON" ||
                                        upos(c.begin) == "VERB" || upos(c.begin) == "ADV");
      });
      // The same words typed differently in one article are one name of one type: the type
      // most of its occurrences have; on a tie, the one the recogniser gave most ("involved
      // with Orlando shooting ... the Orlando story" stays a place), then a person ("Americans
      // see Trump as the problem: Trump has trouble ..."), then an organization.
      std::unordered_map<std::string, std::map<std::string, int>> types;
      for (const auto& c : ner) ++types[lower(c.m.canonical)][c.m.cls];
      for (auto& c : ner) {
        const auto& t = types[lower(c.m.canonical)];
        if (t.size() < 2) continue;
        const auto& r = recognised[lower(c.m.canonical)];
        auto said = [&](const std::string& cls) {
          auto it = r.find(cls);
          return it == r.end() ? 0 : it->second;
        };
        auto rank = [](const std::string& cls) {
          return cls == "Person" ? 2 : cls == "Organization" ? 1 : 0;
        };
        std::string best;
        int best_n = 0;
        for (const auto& [cls, n] : t) {
          const bool better =
              n > best_n || (n == best_n && (said(cls) > said(best) ||
                                             (said(cls) == said(best) && rank(cls) > rank(best))));
          if (better) {
            best = cls;
            best_n = n;
          }
        }
        c.m.cls = best;
      }
    }
    // A name in capitals (a wire dateline, "NEW YORK (Reuters) -") is the name the article
    // writes in mixed case elsewhere ("New York"); a capitalised name of several words it does
    // not write otherwise is title-cased ("SAN FRANCISCO" -> "San Francisco"). One word in
    // capitals stays as it is: it is more often an acronym ("NATO").
    {
      std::unordered_map<std::string, std::string> written;  // lower case -> mixed case
      for (const auto* list : {&lexical, &ner}) {
        for (const auto& c : *list) {
          const std::string text = text_of(c.begin, c.end);
          if (Lexicons::title_cased_capitals(text).empty()) written.emplace(lower(text), text);
        }
      }
      for (auto& c : ner) {
        std::string titled = Lexicons::title_cased_capitals(c.m.canonical);
        if (titled.empty()) continue;
        if (const auto it = written.find(lower(c.m.canonical)); it != written.end()) {
          c.m.canonical = it->second;
        } else if (c.m.canonical.find(' ') != std::string::npos) {
          c.m.canonical = std::move(titled);
        }
      }
    }
    // A lexicon match wins unless the recogniser found a longer person or organization name
    // around it ("Jordan Peterson", "Russian Foreign Ministry").
    std::vector<Candidate> chosen;
    std::vector<char> lexical_used(lexical.size(), 1);
    for (auto& n : ner) {
      bool keep = true;
      for (std::size_t l = 0; l < lexical.size(); ++l) {
        const auto& x = lexical[l];
        if (x.end <= n.begin || x.begin >= n.end) continue;
        const bool longer =
            n.begin <= x.begin && n.end >= x.end && (n.end - n.begin) > (x.end - x.begin);
        if (longer && n.m.cls != "Place" && x.m.kind != "person") {
          lexical_used[l] = 0;
        } else {
          keep = false;
        }
      }
      if (keep) chosen.push_back(std::move(n));
    }
    for (std::size_t l = 0; l < lexical.size(); ++l) {
      if (lexical_used[l] != 0) chosen.push_back(std::move(lexical[l]));
    }
    std::sort(chosen.begin(), chosen.end(),
              [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
    for (auto& c : chosen) add_mention(std::move(c.m));
    propagate_names();
  }

  // The recogniser misses names it found elsewhere in the same article ("Putin" after
  // "Vladimir Putin") and names beside a title ("Kremlin spokesman Dmitry Peskov"): both are
  // added here, from the document itself.
  void propagate_names() {
    std::unordered_map<std::string, std::string> surname;  // last token -> full name
    for (const Mention& m : mentions_) {
      if (m.cls != "Person" || m.end - m.begin < 2) continue;
      surname.emplace(tok_[static_cast<std::size_t>(m.end - 1)].norm, m.canonical);
    }
    const int n = static_cast<int>(tok_.size());
    for (int t = 0; t < n; ++t) {
      const auto tu = static_cast<std::size_t>(t);
      if (tok_mention_[tu] >= 0 || upos(t) != "PROPN" || !starts_upper(tok_[tu].norm)) continue;
      // A run of capitalised proper nouns.
      int e = t;
      int words = 0;  // at most four words; the hyphens between them do not count
      while (e < n && words < 4 && tok_mention_[static_cast<std::size_t>(e)] < 0 &&
             sent_of_[static_cast<std::size_t>(e)] == sent_of_[tu] &&
             (upos(e) == "PROPN" || (tok_[static_cast<std::size_t>(e)].norm == "-" && e > t &&
                                     !tok_[static_cast<std::size_t>(e - 1)].space_after)) &&
             (starts_upper(tok_[static_cast<std::size_t>(e)].norm) ||
              tok_[static_cast<std::size_t>(e)].norm == "-")) {
        if (tok_[static_cast<std::size_t>(e)].norm != "-") ++words;
        ++e;
      }
      if (e == t) continue;
      const int run_end = e;
      while (e > t && tok_[static_cast<std::size_t>(e - 1)].norm == "-") --e;  // "Jae-" of "Jae-in"
      // Nationality and title words before the name are not part of it
      // ("Ukrainian President Volodymyr Zelensky", "UN Secretary-General Ban Ki-moon").
      int b = t;
      while (b < e && (!norp_[static_cast<std::size_t>(b)].empty() ||
                       lex_.honorific.count(low_[static_cast<std::size_t>(b)]) != 0 ||
                       is_title(b) || tok_[static_cast<std::size_t>(b)].norm == "-" ||
                       (b + 1 < e && tok_[static_cast<std::size_t>(b + 1)].norm == "-" &&
                        lex_.title_extra.count(low_[static_cast<std::size_t>(b)]) != 0))) {
        ++b;
      }
      if (b < e && lex_.title_extra.count(low_[static_cast<std::size_t>(b)]) != 0 && b > t &&
          tok_[static_cast<std::size_t>(b - 1)].norm == "-") {
        ++b;  // "General" of "Secretary-General"
      }
      if (b == e) {
        t = run_end - 1;
        continue;
      }
      Mention m;
      m.sentence = sent_of_[tu];
      m.begin = b;
      m.end = e;
      m.head = -1;
      m.kind = "name";
      m.cls = "Person";
      m.canonical = text_of(b, e);
      if (e - b == 1 && surname.count(tok_[static_cast<std::size_t>(b)].norm) != 0) {
        add_mention(std::move(m));
      } else if (e - b >= 2 && (title_before(b) || title_after(e))) {
        add_mention(std::move(m));
      }
      t = run_end - 1;
    }
  }

  [[nodiscard]] bool title_before(int t) const {
    for (int k = t - 1;
         k >= 0 && k >= t - 4 &&
         sent_of_[static_cast<std::size_t>(k)] == sent_of_[static_cast<std::size_t>(t)];
         --k) {
      const auto ku = static_cast<std::size_t>(k);
      if (lex_.title_property.count(lem_[ku]) != 0) return true;
      if (inner_hyphen(k)) continue;  // "Secretary-General"
      if (lex_.title_extra.count(low_[ku]) == 0 && norp_[ku].empty() && upos(k) != "PROPN") break;
    }
    return false;
  }

  [[nodiscard]] bool title_after(int e) const {
    const int n = static_cast<int>(tok_.size());
    if (e >= n || tok_[static_cast<std::size_t>(e)].norm != ",") return false;
    for (int k = e + 1; k < n && k <= e + 6; ++k) {
      const auto ku = static_cast<std::size_t>(k);
      if (lex_.title_property.count(lem_[ku]) != 0) return true;
      if (upos(k) == "PUNCT" || upos(k) == "VERB") break;
    }
    return false;
  }

  [[nodiscard]] int np_left(int h) const {
    int b = h;
    const int s0 = sent_begin(sent_of_[static_cast<std::size_t>(h)]);
    while (b - 1 >= s0) {
      const int k = b - 1;
      const auto ku = static_cast<std::size_t>(k);
      if (!is_descendant(k, h)) break;
      const bool hyphen_linked = !tok_[ku].space_after;
      const std::string& u = upos(k);
      if (kQuantifiers.count(low_[ku]) != 0) break;
      // A word the tokenizer split at a hyphen is one word, whatever the tag of its first
      // part ("de-escalation": "de" may be tagged X or PROPN).
      const bool before_hyphen = hyphen_linked && low_[ku + 1] == "-";
      if (u == "ADJ" || u == "NOUN" || u == "PROPN" || before_hyphen ||
          (hyphen_linked && (u == "VERB" || u == "PUNCT"))) {
        b = k;
        continue;
      }
      break;
    }
    while (b < h && upos(b) == "PUNCT") ++b;
    return b;
  }

  void find_nominals() {
    const int n = static_cast<int>(tok_.size());
    for (int t = 0; t < n; ++t) {
      const auto tu = static_cast<std::size_t>(t);
      if (tok_mention_[tu] >= 0) continue;
      const std::string& u = upos(t);
      // Pronouns.
      if (u == "PRON") {
        static const std::set<std::string_view> kPronouns = {
            "he",      "him",  "his",  "himself", "she",    "her",        "hers",
            "herself", "they", "them", "their",   "theirs", "themselves", "it",
            "its",     "i",    "me",   "my",      "myself"};
        // "IT" in capitals is information technology ("government IT overhaul").
        if (kPronouns.count(low_[tu]) != 0 && tok_[tu].norm != "IT") {
          Mention m;
          m.sentence = sent_of_[tu];
          m.begin = t;
          m.end = t + 1;
          m.head = t;
          m.kind = "pronoun";
          m.pronoun = low_[tu];
          add_mention(std::move(m));
        }
        continue;
      }
      if (u != "NOUN" && u != "PROPN") continue;
      // Events and references to events ("de-escalation zones").
      std::string phrase;
      if (t > 0 && tok_[tu - 1].space_after && sent_of_[tu - 1] == sent_of_[tu]) {
        phrase = key_[tu - 1] + " " + lem_[tu];
      }
      auto ev = lex_.event.find(key_[tu]);
      auto ref = phrase.empty() ? lex_.eventref.end() : lex_.eventref.find(phrase);
      if (ref != lex_.eventref.end() || (ev != lex_.event.end() && !has_rel(dep(t), "compound"))) {
        Mention m;
        m.sentence = sent_of_[tu];
        m.head = t;
        m.end = t + 1;
        m.begin = ref != lex_.eventref.end() ? np_left(t) : np_left(t);
        m.kind = ref != lex_.eventref.end() ? "eventref" : "event";
        m.cls = ref != lex_.eventref.end() ? ref->second : ev->second;
        m.canonical = text_of(m.begin, m.end);
        add_mention(std::move(m));
        continue;
      }
      // Plural group descriptions: "the two leaders".
      auto pl = lex_.plural.find(lem_[tu]);
      if (pl != lex_.plural.end() && tok_[tu].xpos == "NNS") {
        bool two = false;
        for (int c : kids_[tu]) {
          if (low_[static_cast<std::size_t>(c)] == "two" ||
              low_[static_cast<std::size_t>(c)] == "both") {
            two = true;
          }
        }
        if (two) {
          Mention m;
          m.sentence = sent_of_[tu];
          m.begin = t;
          while (m.begin > sent_begin(m.sentence) &&
                 (low_[static_cast<std::size_t>(m.begin - 1)] == "two" ||
                  low_[static_cast<std::size_t>(m.begin - 1)] == "both")) {
            --m.begin;
          }
          m.end = t + 1;
          m.head = t;
          m.kind = "group";
          m.cls = pl->second;
          add_mention(std::move(m));
          continue;
        }
      }
      // Titles used as descriptions: "the U.S. leader", "the President of the United States".
      auto title = lex_.title_property.find(lem_[tu]);
      if (title != lex_.title_property.end() && tok_[tu].xpos != "NNS") {
        bool definite = false;
        for (int c : kids_[tu]) {
          if (dep(c) == "det" && low_[static_cast<std::size_t>(c)] == "the") definite = true;
        }
        const bool appositive = has_rel(dep(t), "appos") || !children(t, "appos").empty();
        const bool before_name =
            t + 1 < static_cast<int>(tok_.size()) && tok_mention_[tu + 1] >= 0 &&
            mentions_[static_cast<std::size_t>(tok_mention_[tu + 1])].cls == "Person";
        const std::string country = country_modifier(t);
        if (definite && !appositive && !before_name && !country.empty()) {
          Mention m;
          m.sentence = sent_of_[tu];
          m.begin = np_left(t);
          m.end = t + 1;
          m.head = t;
          m.kind = "description";
          m.cls = "Person";
          m.country = country;
          m.canonical = title->second;  // the property the title implies
          // The span starts after the country name when that is a mention of its own.
          int b = m.begin;
          while (b < t && tok_mention_[static_cast<std::size_t>(b)] >= 0) ++b;
          m.begin = b;
          add_mention(std::move(m));
          continue;
        }
      }
      // Group nouns: "several rebel groups", "State-run Russian media".
      auto g = lex_.group.find(lem_[tu]);
      int h = t;
      if (g == lex_.group.end()) continue;
      if ((has_rel(dep(t), "compound") || dep(t) == "amod") && head_[tu] >= 0 &&
          upos(head_[tu]) == "NOUN") {
        h = head_[tu];
      }
      if (h < t || tok_mention_[static_cast<std::size_t>(h)] >= 0) continue;
      Mention m;
      m.sentence = sent_of_[tu];
      m.head = h;
      m.end = h + 1;
      m.begin = np_left(h);
      // A country name inside ("U.S. troops") stays its own mention.
      for (int k = m.begin; k <= h; ++k) {
        if (tok_mention_[static_cast<std::size_t>(k)] >= 0) m.begin = k + 1;
      }
      if (m.begin > t) continue;
      m.kind = "nominal";
      auto hg = lex_.group.find(lem_[static_cast<std::size_t>(h)]);
      m.cls = hg != lex_.group.end() ? hg->second : g->second;
      m.canonical = text_of(m.begin, m.end);
      for (int k = m.begin; k < m.end; ++k) {
        if (!norp_[static_cast<std::size_t>(k)].empty())
          m.country = norp_[static_cast<std::size_t>(k)];
      }
      add_mention(std::move(m));
    }
  }

  // The country a title or noun is qualified by: "U.S. secretary", "Russian counterpart",
  // "Kremlin spokesman", "President of the United States".
  [[nodiscard]] std::string country_modifier(int t) const {
    // The agent of a participle is not the title's country: "the Saudi(-)backed president".
    const auto agent_of_participle = [&](int c) {
      int k = c + 1;
      if (k < static_cast<int>(tok_.size()) && tok_[static_cast<std::size_t>(k)].norm == "-") ++k;
      if (k >= static_cast<int>(tok_.size()) || k >= t) return false;
      const std::string& x = tok_[static_cast<std::size_t>(k)].xpos;
      return upos(k) == "VERB" && (x == "VBN" || x == "VBD");
    };
    for (int c : kids_[static_cast<std::size_t>(t)]) {
      const auto cu = static_cast<std::size_t>(c);
      const std::string& d = dep(c);
      if (!(has_rel(d, "compound") || d == "amod" || has_rel(d, "nmod"))) continue;
      if (c < t && agent_of_participle(c)) continue;
      if (has_rel(d, "nmod") && d != "nmod:poss" && case_of(c) != "of") continue;
      if (!norp_[cu].empty()) return norp_[cu];
      const int m = tok_mention_[cu];
      if (m >= 0) {
        const Mention& mm = mentions_[static_cast<std::size_t>(m)];
        if (mm.cls == "Country" || mm.kind == "seat" || mm.kind == "capital") return mm.country;
      }
    }
    // Linear fallback: the word right before the title ("U.S. leader" parsed otherwise), or
    // its possessor ("Jordan's King Abdullah", the possessive parsed onto the name).
    for (int k = t - 1; k >= 0 && k >= t - 3; --k) {
      const auto ku = static_cast<std::size_t>(k);
      if (tok_[ku].xpos == "POS") continue;
      if (!norp_[ku].empty()) return norp_[ku];
      const int m = tok_mention_[ku];
      if (m >= 0) {
        const Mention& mm = mentions_[static_cast<std::size_t>(m)];
        if (mm.cls == "Country" || mm.kind == "seat") return mm.country;
        break;
      }
      if (upos(k) != "ADJ" && upos(k) != "NOUN" && lex_.title_extra.count(low_[ku]) == 0) break;
    }
    return {};
  }

  // ---- clusters --------------------------------------------------------------

  int cluster_for(const std::string& key, const std::string& label, const std::string& cls,
                  int sentence) {
    auto it = cluster_by_key_.find(key);
    if (it != cluster_by_key_.end()) return it->second;
    // One name in one article is one entity, however it was found: "al-Qaeda" typed by the
    // recogniser is the armed group the lexicon lists as "Al Qaeda", and a place found twice,
    // once by the lexicon and once by the recogniser, is one place. Only where one class is
    // the other or more specific; a person and a place stay apart.
    if (const int same = same_named(label, cls); same >= 0) {
      Cluster& x = clusters_[static_cast<std::size_t>(same)];
      if (x.cls != cls && onto_.is_subclass_of(kgo_ + cls, kgo_ + x.cls)) x.cls = cls;
      cluster_by_key_.emplace(key, same);
      return same;
    }
    Cluster c;
    c.label = label;
    c.cls = cls;
    c.key = key;
    c.first_sentence = sentence;
    c.event = is_event_class(cls);
    clusters_.push_back(std::move(c));
    const int id = static_cast<int>(clusters_.size()) - 1;
    cluster_by_key_.emplace(key, id);
    return id;
  }

  [[nodiscard]] static bool is_event_class(const std::string& cls) {
    return cls == "Meeting" || cls == "Ceasefire" || cls == "Interference" || cls == "Summit" ||
           cls == "Attack" || cls == "Protest" || cls == "Agreement" || cls == "Election" ||
           cls == "Event";
  }

  // The cluster of another entity named `label` (compared in lower case) whose class is
  // `cls`, a superclass or a subclass of it; -1 if none. Persons, events and roles are matched
  // by their own keys only.
  [[nodiscard]] int same_named(const std::string& label, const std::string& cls) const {
    auto plain = [](const std::string& c) {
      return !is_event_class(c) && c != "Person" && c != "Role" && c != "Region" && c != "Actor";
    };
    if (!plain(cls)) return -1;
    const std::string want = lower(label);
    for (std::size_t c = 0; c < clusters_.size(); ++c) {
      const Cluster& x = clusters_[c];
      if (x.event || !plain(x.cls) || lower(x.label) != want) continue;
      if (x.cls == cls || onto_.is_subclass_of(kgo_ + cls, kgo_ + x.cls) ||
          onto_.is_subclass_of(kgo_ + x.cls, kgo_ + cls)) {
        return static_cast<int>(c);
      }
    }
    return -1;
  }

  void bind(int m, int c) {
    mentions_[static_cast<std::size_t>(m)].cluster = c;
    clusters_[static_cast<std::size_t>(c)].mentions.push_back(m);
  }

  [[nodiscard]] bool actor_position(const Mention& m) const {
    const std::string& d = dep(m.head);
    if (has_rel(d, "nsubj") || d == "nmod:poss" || d == "obl:agent" || has_rel(d, "compound")) {
      return true;
    }
    return false;
  }

  // The object of a verb whose relations take an actor as their object (accuse, criticize,
  // press, sanction; not attack or visit, whose object may be a place).
  [[nodiscard]] bool actor_object(const Mention& m) const {
    if (m.head < 0 || dep(m.head) != "obj") return false;
    const int v = head_[static_cast<std::size_t>(m.head)];
    if (v < 0 || upos(v) != "VERB") return false;
    auto it = lex_.triggers.find(key_[static_cast<std::size_t>(v)]);
    if (it == lex_.triggers.end()) return false;
    bool any = false;
    for (const auto* tr : it->second) {
      if (tr->pos != "VERB" || tr->pattern != "svo") continue;
      const auto* p = onto_.find_property(tr->property);
      if (p == nullptr || p->range.empty() || !onto_.is_subclass_of(kgo_ + "Actor", p->range) ||
          onto_.is_subclass_of(kgo_ + "Place", p->range)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  [[nodiscard]] static std::vector<std::string> words(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < s.size()) {
      std::size_t sp = s.find(' ', start);
      if (sp == std::string::npos) sp = s.size();
      if (sp > start) out.push_back(s.substr(start, sp - start));
      start = sp + 1;
    }
    return out;
  }

  void cluster_names() {
    // Full person names first, so that "Trump" can find "Donald Trump" wherever it is.
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      Mention& m = mentions_[i];
      if (m.cls != "Person" || (m.kind != "name" && m.kind != "person")) continue;
      const auto w = words(m.canonical);
      if (w.size() < 2) continue;
      int found = -1;
      for (std::size_t c = 0; c < clusters_.size(); ++c) {
        if (clusters_[c].cls != "Person") continue;
        const auto cw = words(clusters_[c].label);
        if (cw.size() >= 2 && cw.front() == w.front() && cw.back() == w.back()) {
          found = static_cast<int>(c);
          break;
        }
      }
      if (found < 0)
        found = cluster_for("person:" + m.canonical, m.canonical, "Person", m.sentence);
      if (!m.qid.empty()) clusters_[static_cast<std::size_t>(found)].qid = m.qid;
      if (!m.country.empty()) clusters_[static_cast<std::size_t>(found)].country = m.country;
      bind(static_cast<int>(i), found);
    }
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      Mention& m = mentions_[i];
      if (m.cluster >= 0) continue;
      if (m.kind == "name" || m.kind == "person") {
        if (m.cls == "Person") {
          int best = -1;
          std::size_t best_count = 0;
          for (std::size_t c = 0; c < clusters_.size(); ++c) {
            if (clusters_[c].cls != "Person") continue;
            const auto cw = words(clusters_[c].label);
            std::string last = cw.empty() ? std::string() : cw.back();
            if (last.find('-') != std::string::npos) last = last.substr(last.rfind('-') + 1);
            if (!cw.empty() && (cw.back() == m.canonical || last == m.canonical) &&
                (best < 0 || clusters_[c].mentions.size() > best_count)) {
              best = static_cast<int>(c);
              best_count = clusters_[c].mentions.size();
            }
          }
          for (std::size_t c = 0; best < 0 && c < clusters_.size(); ++c) {
            // Family name first ("Kim" of "Kim Jong Un").
            const auto cw = words(clusters_[c].label);
            if (clusters_[c].cls == "Person" && cw.size() >= 2 && cw.front() == m.canonical) {
              best = static_cast<int>(c);
            }
          }
          if (best < 0)
            best = cluster_for("person:" + m.canonical, m.canonical, "Person", m.sentence);
          bind(static_cast<int>(i), best);
          continue;
        }
        // Organization or place names the lexicon does not know.
        bind(static_cast<int>(i),
             cluster_for(m.cls + ":" + m.canonical, m.canonical, m.cls, m.sentence));
        continue;
      }
      if (m.kind == "country" || m.kind == "seat" || m.kind == "alias") {
        bind(static_cast<int>(i),
             cluster_for("country:" + m.canonical, m.canonical, "Country", m.sentence));
        continue;
      }
      if (m.kind == "capital") {
        // A capital acting or owning something stands for its country's government, and so
        // does one that is accused, criticized or pressed ("Blinken accused Moscow of ...").
        if (actor_position(m) || actor_object(m)) {
          bind(static_cast<int>(i),
               cluster_for("country:" + m.country, m.country, "Country", m.sentence));
        } else {
          bind(static_cast<int>(i),
               cluster_for("place:" + m.canonical, m.canonical, "City", m.sentence));
        }
        continue;
      }
      if (m.kind == "nominal") {
        bind(static_cast<int>(i),
             cluster_for("nominal:" + lower(m.canonical), m.canonical, m.cls, m.sentence));
        if (!m.country.empty()) clusters_[static_cast<std::size_t>(m.cluster)].country = m.country;
      }
    }
    // Coordinated names form groups ("Trump and Putin") that "they" and "the two" refer to.
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      if (m.cluster < 0 || m.kind == "group") continue;
      std::vector<int> members{m.cluster};
      int last = m.end;
      for (int c : conj_chain(m.head)) {
        const int cm = tok_mention_[static_cast<std::size_t>(c)];
        if (cm < 0 || mentions_[static_cast<std::size_t>(cm)].cluster < 0) continue;
        const int cl = mentions_[static_cast<std::size_t>(cm)].cluster;
        if (std::find(members.begin(), members.end(), cl) == members.end()) members.push_back(cl);
        last = std::max(last, mentions_[static_cast<std::size_t>(cm)].end);
      }
      if (members.size() >= 2) groups_.push_back({last, members});
    }
  }

  [[nodiscard]] std::vector<int> conj_chain(int t) const {
    std::vector<int> out;
    std::vector<int> stack{t};
    while (!stack.empty()) {
      const int x = stack.back();
      stack.pop_back();
      for (int c : kids_[static_cast<std::size_t>(x)]) {
        if (has_rel(dep(c), "conj") && out.size() < 12) {
          out.push_back(c);
          stack.push_back(c);
        }
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  [[nodiscard]] const Cluster& cl(int c) const { return clusters_[static_cast<std::size_t>(c)]; }
  Cluster& cl(int c) { return clusters_[static_cast<std::size_t>(c)]; }

  void resolve_in_order() {
    // Appositions with a female title ("Melania Trump, the first lady") and honorifics before
    // the name ("Mrs. Clinton", "Mr. Obama") mark the person's gender.
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      if (m.cluster < 0 || cl(m.cluster).cls != "Person") continue;
      for (int a : children(m.head, "appos")) {
        if (lex_.female.count(lem_[static_cast<std::size_t>(a)]) != 0) cl(m.cluster).female = true;
      }
      // The first name of a full name ("Amy Goodman", not "Kim" alone).
      if ((m.kind == "name" || m.kind == "person") && m.end - m.begin >= 2 &&
          cl(m.cluster).name_gender == 0) {
        auto g = lex_.first_name_gender.find(low_[static_cast<std::size_t>(m.begin)]);
        if (g != lex_.first_name_gender.end()) cl(m.cluster).name_gender = g->second;
      }
      if (m.begin > 0 && sent_of_[static_cast<std::size_t>(m.begin - 1)] == m.sentence) {
        const std::string& before = low_[static_cast<std::size_t>(m.begin - 1)];
        if (lex_.female.count(before) != 0) cl(m.cluster).female = true;
        if (before == "mr." || before == "mr") cl(m.cluster).male = true;
      }
    }
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      Mention& m = mentions_[i];
      if (m.kind == "description") {
        resolve_description(static_cast<int>(i));
      } else if (m.kind == "group") {
        resolve_group(static_cast<int>(i));
      } else if (m.kind == "pronoun") {
        resolve_pronoun(static_cast<int>(i));
      }
    }
  }

  // The person mentions before token `before`, nearest first, within `window` sentences.
  [[nodiscard]] std::vector<int> persons_before(int before, int window) const {
    std::vector<int> out;
    const int s = sent_of_[static_cast<std::size_t>(before)];
    for (int i = static_cast<int>(mentions_.size()) - 1; i >= 0; --i) {
      const Mention& m = mentions_[static_cast<std::size_t>(i)];
      if (m.begin >= before || m.cluster < 0 || m.sentence < s - window) continue;
      if (cl(m.cluster).cls == "Person") out.push_back(i);
    }
    std::sort(out.begin(), out.end(), [&](int a, int b) {
      return mentions_[static_cast<std::size_t>(a)].begin >
             mentions_[static_cast<std::size_t>(b)].begin;
    });
    return out;
  }

  void resolve_description(int id) {
    Mention& m = mentions_[static_cast<std::size_t>(id)];
    // Whoever already holds this title for this country ("the U.S. leader" ... "the President
    // of the United States").
    const std::string role = m.canonical + "|" + m.country;
    auto held = role_holder_.find(role);
    int chosen = held == role_holder_.end() ? -1 : held->second;
    for (int p : chosen >= 0 ? std::vector<int>{} : persons_before(m.begin, 1000)) {
      const Cluster& c = cl(mentions_[static_cast<std::size_t>(p)].cluster);
      if (c.country == m.country) {
        chosen = mentions_[static_cast<std::size_t>(p)].cluster;
        break;
      }
    }
    // Else a recent person of no known country; not one of the sentence of a description in a
    // prepositional phrase ("a promise by the Canadian prime minister" is not Snowden's, who
    // speaks of it; "as he becomes the 33rd president" is his), nor a picture credit
    // ("( Alain Bachellier / Flickr )").
    const auto credit = [&](const Mention& pm) {
      const auto at = [&](int k) -> std::string_view {
        return k >= 0 && k < static_cast<int>(tok_.size())
                   ? std::string_view(tok_[static_cast<std::size_t>(k)].norm)
                   : std::string_view();
      };
      return at(pm.end) == "/" || at(pm.begin - 1) == "/" || at(pm.begin - 1) == "(";
    };
    if (chosen < 0) {
      for (int p : persons_before(m.begin, 3)) {
        const Mention& pm = mentions_[static_cast<std::size_t>(p)];
        if ((pm.sentence == m.sentence && !children(m.head, "case").empty()) || credit(pm))
          continue;
        const Cluster& c = cl(mentions_[static_cast<std::size_t>(p)].cluster);
        // A bare surname the gazetteer knows only for other countries is not this title's
        // holder ("Duterte" is not "the South Korean president").
        const auto space = c.label.rfind(' ');
        const auto known =
            lex_.surnames.find(space == std::string::npos ? c.label : c.label.substr(space + 1));
        if (known != lex_.surnames.end() && !m.country.empty() &&
            known->second.count(m.country) == 0) {
          continue;
        }
        if (c.country.empty()) {
          chosen = mentions_[static_cast<std::size_t>(p)].cluster;
          break;
        }
      }
    }
    if (chosen < 0) return;
    bind(id, chosen);
    role_holder_.emplace(role, chosen);
    if (cl(chosen).country.empty()) cl(chosen).country = m.country;
    role_facts_.push_back({id, chosen});
  }

  void resolve_group(int id) {
    Mention& m = mentions_[static_cast<std::size_t>(id)];
    const std::size_t count = 2;  // "the two ...", "both ..."
    for (auto it = groups_.rbegin(); it != groups_.rend(); ++it) {
      if (it->pos > m.begin) continue;
      std::vector<int> members;
      for (int c : it->members) {
        int x = -1;
        if (m.cls == "Actor" || cl(c).cls == m.cls) {
          x = c;
        } else if (m.cls == "Country" && cl(c).cls == "Person" && !cl(c).country.empty()) {
          x = cluster_for("country:" + cl(c).country, cl(c).country, "Country", m.sentence);
        }
        if (x >= 0 && std::find(members.begin(), members.end(), x) == members.end()) {
          members.push_back(x);
        }
      }
      if (members.size() == count && it->members.size() == count) {
        m.members = members;
        groups_.push_back({m.end, members});
        return;
      }
    }
  }

  // A subject, through name-internal links ("German Chancellor Angela Merkel") and
  // apposition; an apposition the parse hung on the noun of an "of" phrase ("The director of
  // the European Centre, Ina Kirsch, told") belongs to the noun that phrase modifies.
  [[nodiscard]] bool is_subject(const Mention& cm) const { return subject_of(cm) >= 0; }

  // The word whose subject the mention is, or -1.
  [[nodiscard]] int subject_of(const Mention& cm) const {
    int h = cm.head;
    bool appos = false;
    for (int k = 0; k < 5 && h >= 0 &&
                    (has_rel(dep(h), "flat") || has_rel(dep(h), "compound") || dep(h) == "appos" ||
                     dep(h) == "nmod:desc" || (appos && dep(h) == "nmod"));
         ++k) {
      appos = dep(h) == "appos";
      h = head_[static_cast<std::size_t>(h)];
    }
    return h >= 0 && has_rel(dep(h), "nsubj") ? head_[static_cast<std::size_t>(h)] : -1;
  }

  // A plural common noun in [from, to) that is a subject or object and is not one of the
  // group's members, with no member named after it: the nearer antecedent of a "they".
  // Returns the cluster a subject noun stands for ("Polish officials"), kNoCluster for a noun
  // the graph does not name ("South African officials contend that ... their efforts") or an
  // object, or kNoRival. Not a number ("killing thousands in their assault"), nor the object
  // of a verb whose subject already stands for the group ("they found 15 patches ... and when
  // they punctured them").
  static constexpr int kNoRival = -1;
  static constexpr int kNoCluster = -2;
  [[nodiscard]] int plural_rival(int from, int to, const std::vector<int>& members) const {
    static const std::set<std::string_view> kNumberNouns = {
        "dozen", "hundred", "thousand", "million", "billion", "trillion", "score"};
    const auto member = [&](int c) {
      return c >= 0 && std::find(members.begin(), members.end(), c) != members.end();
    };
    int rival = kNoRival;
    for (int t = std::max(0, from); t < to; ++t) {
      const auto tu = static_cast<std::size_t>(t);
      // A member of the group, subject after the rival, brings the group back ("the U.S.
      // backs several rebel groups ... Trump has said ... Their agreement"); one inside the
      // rival's phrase does not ("senior aides to Hillary Clinton ... which they had heard").
      if (const int tm = tok_mention_[tu]; tm >= 0) {
        const Mention& mm = mentions_[static_cast<std::size_t>(tm)];
        if (is_subject(mm) &&
            (member(mm.cluster) || (!mm.members.empty() && mm.members == members))) {
          rival = kNoRival;
          continue;
        }
      }
      if (upos(t) != "NOUN" || tok_[tu].xpos != "NNS") continue;
      const std::string& d = dep(t);
      const bool object = d == "obj" || d == "iobj";
      if (!has_rel(d, "nsubj") && !object) continue;
      // Nor a word that describes such groups ("The leaders agreed"): it is the group.
      if (kNumberNouns.count(lem_[tu]) != 0 || lex_.plural.count(lem_[tu]) != 0) continue;
      if (object && head_[tu] >= 0 && subject_stands_for(head_[tu], members)) continue;
      const int tm = tok_mention_[tu];
      if (tm >= 0 && !mentions_[static_cast<std::size_t>(tm)].members.empty()) continue;
      const int c = tm >= 0 ? mentions_[static_cast<std::size_t>(tm)].cluster : -1;
      if (member(c)) continue;
      // Only a subject is salient enough to be bound; an object only blocks.
      rival = c >= 0 && is_actor(c) && has_rel(d, "nsubj") ? c : kNoCluster;
    }
    return rival;
  }

  // Whether a subject of verb `v` is a mention already standing for the group `members`.
  [[nodiscard]] bool subject_stands_for(int v, const std::vector<int>& members) const {
    for (int c : children(v, "nsubj")) {
      const int cm = tok_mention_[static_cast<std::size_t>(c)];
      if (cm >= 0 && mentions_[static_cast<std::size_t>(cm)].members == members) return true;
    }
    return false;
  }

  void resolve_pronoun(int id) {
    Mention& m = mentions_[static_cast<std::size_t>(id)];
    const std::string& p = m.pronoun;
    if (p == "they" || p == "them" || p == "their" || p == "theirs" || p == "themselves") {
      for (auto it = groups_.rbegin(); it != groups_.rend(); ++it) {
        if (it->pos > m.begin) continue;
        if (sent_of_[static_cast<std::size_t>(std::max(0, it->pos - 1))] < m.sentence - 3) break;
        // A plural noun that is a subject or object between the group and the pronoun is
        // the nearer antecedent ("Kenya and Sudan ... South African officials contend that
        // ... their efforts"): "they" then stands for people the graph does not name.
        if (const int rival = plural_rival(it->pos, m.begin, it->members); rival != kNoRival) {
          if (rival >= 0) bind(id, rival);
          return;
        }
        // Only actors act as "they": not places ("the Middle East and North Africa").
        if (std::none_of(it->members.begin(), it->members.end(),
                         [&](int c) { return is_actor(c); })) {
          return;
        }
        // An object pronoun is not its own verb's subject ("when they punctured them").
        if (p == "them" && (dep(m.head) == "obj" || dep(m.head) == "iobj") &&
            subject_stands_for(head_[static_cast<std::size_t>(m.head)], it->members)) {
          return;
        }
        m.members = it->members;
        return;
      }
      // No group of names near: a plural subject the graph names, in this sentence or the
      // one before ("Ukrainian officials met in Kyiv. They accused Russia ...").
      const int from = sent_begin(std::max(0, m.sentence - 1));
      if (const int rival = plural_rival(from, m.begin, {}); rival >= 0) bind(id, rival);
      return;
    }
    if (p == "it" || p == "its") {
      // Expletive "it" ("it was the first ...") is common: only a subject of a full verb counts.
      if (p == "it" &&
          (!has_rel(dep(m.head), "nsubj") || head_[static_cast<std::size_t>(m.head)] < 0 ||
           upos(head_[static_cast<std::size_t>(m.head)]) != "VERB")) {
        return;
      }
      // Nor of the verbs that take an expletive or a situation as subject ("It comes as
      // Russia vowed ...", "it seems", "it happened").
      static const std::set<std::string_view> kSituationVerbs = {"come",   "seem",   "appear",
                                                                 "happen", "matter", "mean"};
      if (p == "it" &&
          kSituationVerbs.count(
              lem_[static_cast<std::size_t>(head_[static_cast<std::size_t>(m.head)])]) != 0) {
        return;
      }
      for (int i = m.begin - 1; i >= 0 && sent_of_[static_cast<std::size_t>(i)] >= m.sentence - 1;
           --i) {
        const auto iu = static_cast<std::size_t>(i);
        const int mm = tok_mention_[iu];
        // A singular subject nearer than any actor that names none is what "it" stands for:
        // "the plane made a turn ... before it disappeared", "an FBI investigation ... since
        // it was first revealed" ("its" keeps the nearest actor: "that country receives ...
        // despite its violations").
        if (p == "it" && (mm < 0 || mentions_[static_cast<std::size_t>(mm)].cluster < 0) &&
            has_rel(dep(i), "nsubj") &&
            ((upos(i) == "NOUN" && tok_[iu].xpos == "NN") ||
             (upos(i) == "PROPN" && tok_[iu].xpos == "NNP"))) {
          return;
        }
        // For "it" only a subject is salient enough: "it" is far more often an event, a thing
        // or an expletive than the country named "in eastern Ukraine" or "near Poland" ("its"
        // keeps the nearest: "pressure Russia to cease its support").
        if (mm >= 0 && mentions_[static_cast<std::size_t>(mm)].cluster >= 0 &&
            (p == "its" || is_subject(mentions_[static_cast<std::size_t>(mm)]))) {
          // Any actor but a person: a country, government, army or organization of any kind
          // ("The European Union extended its sanctions").
          const Cluster& c = cl(mentions_[static_cast<std::size_t>(mm)].cluster);
          if (c.cls != "Person" && c.cls != "Actor" && kActorClasses.count(c.cls) != 0) {
            bind(id, mentions_[static_cast<std::size_t>(mm)].cluster);
            return;
          }
        }
        if (!norp_[iu].empty()) {
          bind(id, cluster_for("country:" + norp_[iu], norp_[iu], "Country", m.sentence));
          return;
        }
      }
      return;
    }
    if (p == "i" || p == "me" || p == "my" || p == "myself") {
      // First person in a quotation: the speaker of the sentence's speech verb.
      for (int v = sent_begin(m.sentence); v < sent_end(m.sentence); ++v) {
        if (upos(v) != "VERB" || lex_.speech_verbs.count(lem_[static_cast<std::size_t>(v)]) == 0) {
          continue;
        }
        for (int c : children(v, "nsubj")) {
          const int cm = tok_mention_[static_cast<std::size_t>(c)];
          if (cm >= 0 && cm != id && mentions_[static_cast<std::size_t>(cm)].cluster >= 0 &&
              cl(mentions_[static_cast<std::size_t>(cm)].cluster).cls == "Person") {
            bind(id, mentions_[static_cast<std::size_t>(cm)].cluster);
            return;
          }
        }
      }
      return;
    }
    const bool female = p == "she" || p == "her" || p == "hers" || p == "herself";
    const auto candidates = persons_before(m.begin, 2);
    // Prefer a person of the pronoun's known gender, then one whose gender is unknown (for
    // "he", unknown has always been accepted); within each, the subject of the pronoun's own
    // sentence, then the nearest person. A binding fixes the person's gender for later ones.
    // The gender of a first name counts where nothing else is known: "she" is Marianne
    // Gasser, and "he" is never Amy Goodman (when the recogniser misses the man meant, a
    // woman's name is no fallback for "he").
    auto fits = [&](int cluster, bool unknown_ok) {
      const Cluster& x = cl(cluster);
      const bool is_female = x.female || (!x.male && x.name_gender == 'f');
      const bool is_male = x.male || (!x.female && x.name_gender == 'm');
      if (female) return is_female || (unknown_ok && !is_male);
      return !is_female;
    };
    // Binds the pronoun to the first person of the right gender named inside subject c of its
    // sentence ("Senate Foreign Relations Chairman Bob Corker", however the title parses).
    auto bind_person_inside = [&](int c) {
      for (std::size_t j = 0; j < mentions_.size(); ++j) {
        const Mention& sm = mentions_[j];
        if (static_cast<int>(j) == id || sm.sentence != m.sentence || sm.cluster < 0 ||
            cl(sm.cluster).cls != "Person" || !is_descendant(sm.begin, c) ||
            !fits(sm.cluster, true)) {
          continue;
        }
        bind(id, sm.cluster);
        (female ? cl(sm.cluster).female : cl(sm.cluster).male) = true;
        return true;
      }
      return false;
    };
    // "Discussing his concern in a statement, Malaysia's Prime Minister Najib Razak said": a
    // participle clause before its clause's subject, with no subject of its own, is that
    // subject's, and so is a pronoun inside it, when the gender fits.
    for (int v = m.head, k = 0; v >= 0 && k < 8; v = head_[static_cast<std::size_t>(v)], ++k) {
      if (dep(v) != "advcl") continue;
      const std::string& x = tok_[static_cast<std::size_t>(v)].xpos;
      const int h = head_[static_cast<std::size_t>(v)];
      if ((x != "VBG" && x != "VBN") || !children(v, "nsubj").empty() || h < 0) break;
      for (int c : children(h, "nsubj")) {
        if (c < v) break;  // the participle follows the subject: not fronted
        if (bind_person_inside(c)) return;
      }
      break;
    }
    // "Corker told Al-Monitor that he met Rice": the subject pronoun of reported speech is the
    // speaker when the gender fits.
    if (has_rel(dep(m.head), "nsubj")) {
      int v = head_[static_cast<std::size_t>(m.head)];
      for (int k = 0; k < 3 && v >= 0 && dep(v) == "conj"; ++k)
        v = head_[static_cast<std::size_t>(v)];
      const int say = v >= 0 && dep(v) == "ccomp" ? head_[static_cast<std::size_t>(v)] : -1;
      if (say >= 0 && lex_.speech_verbs.count(lem_[static_cast<std::size_t>(say)]) != 0) {
        for (int c : children(say, "nsubj")) {
          if (bind_person_inside(c)) return;
        }
      }
    }
    // Within each gender pass: the subject of the pronoun's own sentence, then the nearest
    // person before it in that sentence ("sermons in which he criticized"), then the nearest
    // subject of the sentences before (the person the text is about: "Ted Cruz took swipes
    // at Trump and Obama. He blasted ..."), then the nearest person.
    const int own_verb = head_[static_cast<std::size_t>(m.head)];
    const bool main_subject = own_verb >= 0 && has_rel(dep(m.head), "nsubj") &&
                              head_[static_cast<std::size_t>(own_verb)] < 0;
    const bool object_pronoun = own_verb >= 0 && (dep(m.head) == "obj" || dep(m.head) == "iobj" ||
                                                  has_rel(dep(m.head), "obl"));
    for (const bool unknown_ok : {false, true}) {
      if (!female && unknown_ok) break;
      for (const int mode : {0, 1, 2, 3}) {
        for (int c : candidates) {
          const Mention& cm = mentions_[static_cast<std::size_t>(c)];
          if (mode == 0 && (cm.sentence != m.sentence || !has_rel(dep(cm.head), "nsubj"))) {
            continue;
          }
          // A main-clause subject pronoun takes no person from an adjunct before it
          // ("Placed under the care of a Dr. Bailey, he ..." is not Bailey).
          if (mode == 1 && (cm.sentence != m.sentence || main_subject)) continue;
          if (!fits(cm.cluster, unknown_ok)) continue;
          // An object pronoun is not the subject of its own verb ("Trump praised him").
          if (object_pronoun && subject_of(cm) == own_verb) continue;
          // A person of unknown gender is taken only when it is a subject (salient), not a
          // possessor or object nearby ("... Trump's campaign for using her words").
          const bool need_subject = mode == 2 || (unknown_ok && !cl(cm.cluster).female);
          if (need_subject && !is_subject(cm)) continue;
          bind(id, cm.cluster);
          (female ? cl(cm.cluster).female : cl(cm.cluster).male) = true;
          return;
        }
      }
    }
  }

  // ---- arguments -------------------------------------------------------------

  [[nodiscard]] bool is_actor(int c) const { return kActorClasses.count(cl(c).cls) != 0; }

  // Entities a token stands for: its mention, a group's members, an apposed name, or the
  // possessor of a metonymic noun ("Assad's rule").
  void resolve_token(int t, std::vector<ArgRef>& out, int depth = 0) const {
    const auto tu = static_cast<std::size_t>(t);
    const int m = tok_mention_[tu];
    if (m >= 0) {
      const Mention& mm = mentions_[static_cast<std::size_t>(m)];
      if (mm.kind == "event" || mm.kind == "eventref") return;  // see resolve_event_arg
      // A government noun with a named possessor is that ruler's: "President Bashar
      // al-Assad's government" is Assad, as "Assad's rule" is.
      if (mm.kind == "nominal" && depth <= 2 && lex_.metonym.count(lem_[tu]) != 0) {
        for (int c : children(t, "nmod:poss")) {
          const int pm = tok_mention_[static_cast<std::size_t>(c)];
          if (pm < 0 || pm == m || mentions_[static_cast<std::size_t>(pm)].kind == "pronoun") {
            continue;
          }
          const std::size_t before = out.size();
          resolve_token(c, out, depth + 1);
          if (out.size() > before) return;
        }
      }
      // "UN Ambassador Liu Jieyi met ..." parsed with "UN" at the head: the argument is the
      // person the title names, not the organization or country that qualifies the title.
      if (depth == 0 && mm.cluster >= 0 && cl(mm.cluster).cls != "Person") {
        int k = mm.end;
        while (k < static_cast<int>(tok_.size()) &&
               sent_of_[static_cast<std::size_t>(k)] == mm.sentence &&
               tok_mention_[static_cast<std::size_t>(k)] < 0 && is_title(k)) {
          ++k;
        }
        if (k > mm.end && k < static_cast<int>(tok_.size()) && is_descendant(k, t)) {
          const int pm = tok_mention_[static_cast<std::size_t>(k)];
          const Mention* p = pm >= 0 ? &mentions_[static_cast<std::size_t>(pm)] : nullptr;
          if (p != nullptr && p->cluster >= 0 && cl(p->cluster).cls == "Person") {
            out.push_back({p->cluster, pm, false});
            return;
          }
        }
      }
      if (mm.cluster >= 0) {
        out.push_back({mm.cluster, m, false});
        return;
      }
      if (!mm.members.empty()) {
        for (int c : mm.members) out.push_back({c, m, false});
        return;
      }
      if (mm.kind != "description" && mm.kind != "nominal") return;
    }
    if (depth > 2) return;
    // A courtesy title the parse made the head of the name ("met [Ms] Anna Keller").
    if (m < 0 && lex_.honorific.count(low_[tu]) != 0 && tu + 1 < tok_.size() &&
        sent_of_[tu + 1] == sent_of_[tu] && tok_mention_[tu + 1] >= 0) {
      resolve_token(t + 1, out, depth + 1);
      return;
    }
    // "endorsed by the AFL-CIO last month" parsed with the time word at the head: the
    // argument is the name the parse made its compound.
    if (m < 0 && is_temporal(t)) {
      for (int c : kids_[tu]) {
        if (has_rel(dep(c), "compound") && c < t &&
            tok_mention_[static_cast<std::size_t>(c)] >= 0) {
          resolve_token(c, out, depth + 1);
          return;
        }
      }
    }
    // "Ukrainian President Volodymyr Zelenskiy thanked ..." parsed with the nationality word
    // at the head: the argument is the person its title names.
    if (m < 0 && (!norp_[tu].empty() || is_title(t))) {
      int k = t + 1;
      while (k < static_cast<int>(tok_.size()) &&
             sent_of_[static_cast<std::size_t>(k)] == sent_of_[tu] &&
             tok_mention_[static_cast<std::size_t>(k)] < 0 &&
             (is_title(k) || !norp_[static_cast<std::size_t>(k)].empty())) {
        ++k;
      }
      if (k > t + 1 && k < static_cast<int>(tok_.size()) && is_descendant(k, t)) {
        const int pm = tok_mention_[static_cast<std::size_t>(k)];
        const Mention* p = pm >= 0 ? &mentions_[static_cast<std::size_t>(pm)] : nullptr;
        if (p != nullptr && p->cluster >= 0 && cl(p->cluster).cls == "Person") {
          out.push_back({p->cluster, pm, false});
          return;
        }
      }
    }
    for (int a : children(t, "appos")) {
      const std::size_t before = out.size();
      resolve_token(a, out, depth + 1);
      if (out.size() > before) return;
    }
    if (has_rel(dep(t), "appos") && head_[tu] >= 0 && tok_mention_[tu] < 0) {
      resolve_token(head_[tu], out, depth + 1);
      return;
    }
    if (lex_.metonym.count(lem_[tu]) != 0) {
      for (int c : kids_[tu]) {
        if (dep(c) == "nmod:poss" || has_rel(dep(c), "compound")) {
          resolve_token(c, out, depth + 1);
          return;
        }
      }
      // "Assad' rule": a possessive apostrophe the parser attached elsewhere.
      if (t > 0 && tok_mention_[tu - 1] >= 0) resolve_token(t - 1, out, depth + 1);
    }
  }

  [[nodiscard]] std::vector<ArgRef> resolve_expanded(int t) const {
    std::vector<ArgRef> out;
    resolve_token(t, out);
    for (int c : conj_chain(t)) resolve_token(c, out);
    // Word-order coordination the parse missed: "Russian President Vladimir Putin and North
    // Korean leader Kim Jong Un" (a name, "and", titles or nationality words, a name).
    const int m = tok_mention_[static_cast<std::size_t>(t)];
    if (m >= 0 && mentions_[static_cast<std::size_t>(m)].cluster >= 0) {
      const Mention& mm = mentions_[static_cast<std::size_t>(m)];
      const int n = static_cast<int>(tok_.size());
      int k = mm.end;
      if (k < n && low_[static_cast<std::size_t>(k)] == "and" &&
          sent_of_[static_cast<std::size_t>(k)] == mm.sentence) {
        for (++k; k < n && k <= mm.end + 5; ++k) {
          const auto ku = static_cast<std::size_t>(k);
          const int other = tok_mention_[ku];
          if (other >= 0) {
            const Mention& om = mentions_[static_cast<std::size_t>(other)];
            if (om.cluster >= 0 && cl(om.cluster).cls == cl(mm.cluster).cls) {
              bool seen = false;
              for (const auto& a : out) seen = seen || a.cluster == om.cluster;
              if (!seen) out.push_back({om.cluster, other, false});
            }
            break;
          }
          if (norp_[ku].empty() && !is_title(k)) {
            break;
          }
        }
      }
    }
    return out;
  }

  [[nodiscard]] bool passive(int t) const {
    for (int c : kids_[static_cast<std::size_t>(t)]) {
      if (dep(c) == "aux:pass" || dep(c) == "nsubj:pass") return true;
    }
    return false;
  }

  [[nodiscard]] std::vector<ArgRef> subjects(int t, int depth = 0) const {
    std::vector<ArgRef> out;
    const auto tu = static_cast<std::size_t>(t);
    if (passive(t)) {
      for (int c : kids_[tu]) {
        if (has_rel(dep(c), "obl") && case_of(c) == "by") {
          auto r = resolve_expanded(c);
          out.insert(out.end(), r.begin(), r.end());
        }
      }
    } else {
      // A clause has one subject: of two the parse gave it ("REUTERS / Jorge Silva GENEVA The
      // United States and Russia failed", a photo credit glued to the sentence), the nearer.
      auto nsubjs = children(t, "nsubj");
      if (nsubjs.size() > 1) {  // a time is no subject ("The administration earlier this month")
        std::erase_if(nsubjs, [&](int c) { return is_temporal(c); });
      }
      if (nsubjs.size() > 1) {
        int nearest = nsubjs.front();
        for (int c : nsubjs) {
          if (std::abs(c - t) < std::abs(nearest - t)) nearest = c;
        }
        nsubjs = {nearest};
      }
      for (int c : nsubjs) {
        const std::string& l = lem_[static_cast<std::size_t>(c)];
        if (dep(t) == "acl:relcl" && upos(c) == "PRON" &&
            (l == "who" || l == "which" || l == "that")) {
          resolve_token(head_[tu], out);  // "Tillerson, the secretary who attended ..."
          continue;
        }
        auto r = resolve_expanded(c);
        out.insert(out.end(), r.begin(), r.end());
      }
    }
    if (out.empty() && depth < 4 && head_[tu] >= 0 && children(t, "nsubj").empty()) {
      const std::string& d = dep(t);
      const int h = head_[tu];
      // "to"-infinitive the parse took for a purpose clause ("urged Trump to meet Putin",
      // "rearranged his schedule to meet Trudeau") is read as the complement it may be.
      const bool purpose = d == "advcl" && has_mark(t, "to") && upos(h) == "VERB";
      if (d == "xcomp" || purpose) {
        // Object control: "urged Muslims in Russia to join ISIS" is the Muslims' joining, so
        // an object that names no actor leaves the clause without one (neither the subject's
        // nor the nearest name's).
        auto objs = children(h, "obj");
        const bool controlled =
            !objs.empty() && lex_.speech_verbs.count(lem_[static_cast<std::size_t>(h)]) == 0;
        if (controlled) {
          for (int o : objs) {
            auto r = resolve_expanded(o);
            out.insert(out.end(), r.begin(), r.end());
          }
        }
        // Only verbs of object control say so; "rearranged his schedule to attend" is a
        // purpose the parse made a complement of, and the subject's.
        const bool object_control = kObjectControl.count(lem_[static_cast<std::size_t>(h)]) != 0;
        if (purpose && !object_control) out.clear();  // "rearranged his schedule to meet"
        if (out.empty() && controlled && object_control) return out;
        if (out.empty()) out = subjects(h, depth + 1);
      } else if (has_rel(d, "conj") && (upos(h) == "VERB" || upos(h) == "AUX")) {
        out = subjects(h, depth + 1);
      } else if (d == "advcl" && tok_[tu].xpos == "VBG") {
        // "donated $2 million to a group supporting Fiorina": a participle written right
        // after a noun of its governing clause (no comma) is that noun's, whatever the parse
        // attached it to; only a participle that stands apart ("..., criticizing Obama")
        // shares the clause's subject, as does one after a time ("spent the year reeling").
        const int before = t - 1;
        const auto bu = static_cast<std::size_t>(std::max(before, 0));
        const bool after_noun =
            before >= 0 && (upos(before) == "NOUN" || upos(before) == "PROPN") &&
            sent_of_[bu] == sent_of_[tu] && head_[bu] != t && !is_temporal(before) &&
            (dep(before) == "obj" || has_rel(dep(before), "obl") || has_rel(dep(before), "nmod"));
        if (after_noun) {
          resolve_token(before, out);
        } else {
          out = subjects(h, depth + 1);
        }
      } else if (d == "acl" || d == "amod" || d == "acl:relcl") {
        resolve_token(h, out);
      }
    }
    // "X, along with Y, attended ..." / "X together with Y".
    for (int c : kids_[tu]) {
      if (!has_rel(dep(c), "obl")) continue;
      const std::string cs = case_of(c);
      if (cs == "along with" || cs == "together with") {
        auto r = resolve_expanded(c);
        out.insert(out.end(), r.begin(), r.end());
      }
    }
    if (out.empty() && depth == 0) {
      // Word-order fallback: an actor mention right before the trigger ("with Trump pressing").
      for (int k = t - 1;
           k >= 0 && k >= t - 4 && sent_of_[static_cast<std::size_t>(k)] == sent_of_[tu]; --k) {
        const int m = tok_mention_[static_cast<std::size_t>(k)];
        if (m >= 0) {
          std::vector<ArgRef> r;
          resolve_token(k, r);
          for (auto& a : r) a.surface = true;
          out = r;
          break;
        }
        const std::string& u = upos(k);
        if (u != "AUX" && u != "ADV" && u != "PART") break;
      }
    }
    return out;
  }

  std::vector<ArgRef> objects(int t) {
    std::vector<ArgRef> out;
    if (passive(t)) {
      for (int c : children(t, "nsubj")) {
        auto r = resolve_expanded(c);
        out.insert(out.end(), r.begin(), r.end());
      }
      return out;
    }
    for (int c : children(t, "obj")) {
      auto r = resolve_expanded(c);
      out.insert(out.end(), r.begin(), r.end());
    }
    if (out.empty()) {  // "attended the meeting": an event
      for (int c : children(t, "obj")) resolve_event_arg(c, out);
    }
    if (out.empty()) {
      // Word-order fallback: a mention within two words after the trigger.
      const auto tu = static_cast<std::size_t>(t);
      for (int k = t + 1; k < static_cast<int>(tok_.size()) && k <= t + 3 &&
                          sent_of_[static_cast<std::size_t>(k)] == sent_of_[tu];
           ++k) {
        // Not the agent of a hyphenated participle ("supporting the Saudi-backed president").
        if (k + 2 < static_cast<int>(tok_.size()) &&
            tok_[static_cast<std::size_t>(k + 1)].norm == "-" &&
            tok_[static_cast<std::size_t>(k + 2)].xpos == "VBN") {
          break;
        }
        if (tok_mention_[static_cast<std::size_t>(k)] >= 0) {
          std::vector<ArgRef> r;
          resolve_token(k, r);
          for (auto& a : r) a.surface = true;
          return r;
        }
        const std::string& u = upos(k);
        const auto ku = static_cast<std::size_t>(k);
        const bool title = !norp_[ku].empty() || is_title(k);
        if (u != "DET" && u != "ADJ" && u != "ADV" && !title) break;
      }
    }
    return out;
  }

  [[nodiscard]] std::vector<ArgRef> prep_objects(int t, const std::string& prep) const {
    std::vector<ArgRef> out;
    for (int c : kids_[static_cast<std::size_t>(t)]) {
      if (!(has_rel(dep(c), "obl") || has_rel(dep(c), "nmod"))) continue;
      const std::string cs = case_of(c);
      // Exact case marker; "along with" and "together with" add a co-agent, not an object.
      if (cs == prep) {
        auto r = resolve_expanded(c);
        out.insert(out.end(), r.begin(), r.end());
      }
    }
    return out;
  }

  // ---- clause properties -------------------------------------------------------

  // Verbs of the denial property: what their clausal complement says is claimed false.
  [[nodiscard]] std::set<std::string> denial_lemmas() const {
    std::set<std::string> out;
    for (const auto& [lemma, list] : lex_.triggers) {
      for (const auto* t : list) {
        if (t->property == denied_ && t->pos == "VERB") out.insert(lemma);
      }
    }
    return out;
  }

  struct Clause {
    bool negated = false;
    double factor = 1.0;
    int attributed = -1;
    std::string date;
  };

  [[nodiscard]] std::string resolve_weekday(int w, int governing) const {
    long today = 0;
    if (!parse_date(article_.date, today)) return {};
    const long dow = ((today + 4) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
    const std::string& x = tok_[static_cast<std::size_t>(governing)].xpos;
    const bool past = x == "VBD" || x == "VBN";
    long diff = (w - dow + 7) % 7;  // days forward to the weekday
    if (past && diff != 0) diff -= 7;
    return civil_from_days(today + diff);
  }

  // A calendar date written around token c: "April 10", "10 April 2021", "Oct. 5, 2020"
  // (the day, its month and year among c and its dependents). Without a year, the article's
  // year, or the year before for a past event that would otherwise follow the article.
  [[nodiscard]] std::string calendar_date(int c, int governing) const {
    static const std::array<std::string_view, 12> kMonths = {
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    static const std::array<std::string_view, 12> kFullMonths = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    int month = 0;
    int day = 0;
    int year = 0;
    std::vector<int> around = {c};
    const auto& k = kids_[static_cast<std::size_t>(c)];
    around.insert(around.end(), k.begin(), k.end());
    for (int x : around) {
      const auto xu = static_cast<std::size_t>(x);
      std::string w = low_[xu];
      if (!w.empty() && w.back() == '.') w.pop_back();
      if (upos(x) == "PROPN" && w.size() >= 3) {
        for (std::size_t i = 0; i < kMonths.size(); ++i) {
          if (w == kMonths[i] || w == kFullMonths[i] || (i == 8 && w == "sept")) {
            month = static_cast<int>(i) + 1;
          }
        }
        continue;
      }
      if (upos(x) != "NUM" || w.empty() ||
          !std::all_of(w.begin(), w.end(), [](unsigned char ch) { return std::isdigit(ch); })) {
        continue;
      }
      const int v = std::stoi(w.size() > 4 ? std::string("0") : w);
      if (w.size() == 4 && v >= 1900 && v <= 2100) year = v;
      if (w.size() <= 2 && v >= 1 && v <= 31) day = v;
    }
    if (month == 0 || day == 0) return {};
    long today = 0;
    const bool known = parse_date(article_.date, today);
    if (year == 0) {
      if (!known) return {};
      year = std::stoi(article_.date.substr(0, 4));
      const std::string& x = tok_[static_cast<std::size_t>(governing)].xpos;
      const bool past = x == "VBD" || x == "VBN";
      if (past &&
          days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) > today) {
        --year;
      }
    }
    return civil_from_days(
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
  }

  [[nodiscard]] std::string date_near(int t) const {
    for (int c : kids_[static_cast<std::size_t>(t)]) {
      int w = 0;
      if (is_weekday(c, w)) return resolve_weekday(w, t);
      if (has_rel(dep(c), "obl") || dep(c) == "nmod:tmod" || dep(c) == "nmod:unmarked") {
        if (auto d = calendar_date(c, t); !d.empty()) return d;
      }
      const std::string& l = low_[static_cast<std::size_t>(c)];
      if (l == "today" || l == "tonight") return article_.date;
      for (int g : kids_[static_cast<std::size_t>(c)]) {  // "earlier Friday"
        if (is_weekday(g, w) && has_rel(dep(c), "advmod")) return resolve_weekday(w, t);
      }
    }
    return {};
  }

  // A verb that is only planned, wanted, threatened or asked for: "plans to impose", "wants to
  // hold", "urged Trump to meet".
  [[nodiscard]] bool intended(int v) const {
    static const std::set<std::string_view> kIntent = {
        "plan",     "want",     "hope",      "intend",   "expect",    "try",     "seek",   "aim",
        "likely",   "propose",  "threaten",  "consider", "vow",       "prepare", "urge",   "ask",
        "press",    "pressure", "encourage", "invite",   "call",      "push",    "advise", "beg",
        "advocate", "favor",    "favour",    "suggest",  "recommend", "demand"};
    // The second of two joined complements is as intended as the first ("advocated killing
    // the families of terrorists and invading Syria").
    for (int k = 0; k < 3 && dep(v) == "conj" && head_[static_cast<std::size_t>(v)] >= 0; ++k) {
      v = head_[static_cast<std::size_t>(v)];
    }
    const int h = head_[static_cast<std::size_t>(v)];
    if (h < 0) return false;
    const std::string& hl = lem_[static_cast<std::size_t>(h)];
    // An event noun that is supported, proposed or called for has not happened yet: "China
    // supports direct talks between the United States and North Korea", "called for talks".
    static const std::set<std::string_view> kFavour = {"support", "back", "welcome", "endorse",
                                                       "offer",   "seek", "want",    "propose"};
    if (upos(v) == "NOUN" && (kIntent.count(hl) != 0 || kFavour.count(hl) != 0) &&
        (dep(v) == "obj" || (has_rel(dep(v), "obl") && case_of(v) == "for"))) {
      return true;
    }
    if (kIntent.count(hl) == 0) return false;
    // "urged Trump to meet Putin" parsed as a purpose clause counts too.
    return dep(v) == "xcomp" || (dep(v) == "advcl" && has_mark(v, "to"));
  }

  // A verb whose governing verb says it did not happen: "refused to meet", "declined to
  // indict", "failed to reach", "avoided meeting", "refrained from attacking". A negated
  // refusal ("did not refuse to meet") says nothing of the kind.
  [[nodiscard]] bool refused(int v) const {
    static const std::set<std::string_view> kRefuse = {"refuse", "decline", "fail", "neglect",
                                                       "avoid"};
    const int h = head_[static_cast<std::size_t>(v)];
    if (h < 0 || negated_word(h)) return false;
    const std::string& l = lem_[static_cast<std::size_t>(h)];
    // "failed on Friday to reach a deal" parsed as a purpose clause counts too.
    if ((dep(v) == "xcomp" || (dep(v) == "advcl" && has_mark(v, "to"))) && kRefuse.count(l) != 0) {
      return true;
    }
    return l == "refrain" && dep(v) == "advcl" && has_mark(v, "from");
  }

  // A clause introduced by this word ("to" of an infinitive, "from" of "refrained from").
  [[nodiscard]] bool has_mark(int v, std::string_view word) const {
    for (int m : children(v, "mark")) {
      if (low_[static_cast<std::size_t>(m)] == word) return true;
    }
    return false;
  }

  // A word negated by its own dependents: "not", "never", "n't", or the determiner "no".
  [[nodiscard]] bool negated_word(int t) const {
    for (int k : kids_[static_cast<std::size_t>(t)]) {
      const std::string& l = lem_[static_cast<std::size_t>(k)];
      if ((dep(k) == "advmod" || dep(k) == "neg" || dep(k) == "det") &&
          (l == "not" || l == "never" || l == "n't" || (l == "no" && dep(k) == "det"))) {
        return true;
      }
    }
    return false;
  }

  [[nodiscard]] Clause clause_of(int t) const {
    Clause c;
    const auto tu = static_cast<std::size_t>(t);
    c.negated = negated_word(t) != refused(t);
    for (int k : kids_[tu]) {
      const std::string& l = lem_[static_cast<std::size_t>(k)];
      if (dep(k) == "aux" && (l == "may" || l == "might" || l == "could" || l == "would")) {
        c.factor *= 0.6;
      }
    }
    if (intended(t)) c.factor *= 0.6;
    c.date = date_near(t);
    // Attribution: the nearest speech verb whose clausal complement holds the trigger.
    int cur = t;
    for (int k = 0; k < 16 && head_[static_cast<std::size_t>(cur)] >= 0; ++k) {
      const int up = head_[static_cast<std::size_t>(cur)];
      const std::string& d = dep(cur);
      const bool denial =
          d == "ccomp" && denial_verbs_.count(lem_[static_cast<std::size_t>(up)]) != 0;
      if (denial) c.negated = !c.negated;
      // The object of a speech verb that has a clausal complement is whom it was said to
      // ("Kerry told Turkish Foreign Minister Mevlut Cavusoglu that ..."), not what was said.
      const bool addressee = d == "obj" && !children(up, "ccomp").empty();
      if ((d == "ccomp" || d == "parataxis" || (d == "obj" && !addressee) || denial) &&
          (denial || lex_.speech_verbs.count(lem_[static_cast<std::size_t>(up)]) != 0) && up != t) {
        const auto who = subjects(up);
        // Only an actor speaks: a place glued to the sentence by a dateline does not.
        if (!who.empty() && is_actor(who.front().cluster)) c.attributed = who.front().cluster;
        c.attributed = c.attributed >= 0 ? c.attributed : -2;  // a speaker we cannot name
        break;
      }
      cur = up;
    }
    if (c.attributed == -1) {
      // "Lavrov said X ..." with X misparsed: everything after a sentence-initial speaker's
      // speech verb is reported content.
      const int s0 = sent_begin(sent_of_[tu]);
      for (int r = s0; r < t; ++r) {
        if (head_[static_cast<std::size_t>(r)] >= 0 ||
            tok_[static_cast<std::size_t>(r)].head != 0) {
          continue;
        }
        if (lex_.speech_verbs.count(lem_[static_cast<std::size_t>(r)]) == 0) break;
        bool in_subject = false;
        for (int sc : children(r, "nsubj")) in_subject = in_subject || is_descendant(t, sc);
        if (in_subject) break;
        // A clause joined to the speech verb with its own subject is no reported content
        // ("officials have not said why ..., but Afghan Ambassador Hamdullah Mohib says").
        bool own_clause = false;
        for (int cj : children(r, "conj")) {
          own_clause = own_clause || (is_descendant(t, cj) && !children(cj, "nsubj").empty());
        }
        if (own_clause) break;
        const auto who = subjects(r);
        c.attributed = who.empty() ? -2 : who.front().cluster;
        return c;
      }
    }
    if (c.attributed == -1) {
      // A quotation closed by its speech verb: "..., there were issues such as Ukraine," Putin
      // said. The verb hangs off the quoted clause's root as parataxis.
      for (int x = t, k = 0; x >= 0 && k < 16; x = head_[static_cast<std::size_t>(x)], ++k) {
        for (int v : kids_[static_cast<std::size_t>(x)]) {
          if (dep(v) != "parataxis" || v <= t ||
              lex_.speech_verbs.count(lem_[static_cast<std::size_t>(v)]) == 0) {
            continue;
          }
          const auto who = subjects(v);
          c.attributed = who.empty() ? -2 : who.front().cluster;
          return c;
        }
      }
    }
    return c;
  }

  // ---- facts -------------------------------------------------------------------

  bool allowed(int s, const std::string& predicate, int o) {
    const std::string key = cl(s).cls + '|' + predicate + '|' + cl(o).cls;
    auto it = allowed_cache_.find(key);
    if (it != allowed_cache_.end()) return it->second;
    Entity se;
    se.class_iri = kgo_ + cl(s).cls;
    Entity oe;
    oe.class_iri = kgo_ + cl(o).cls;
    const bool ok = onto_.check(se, predicate, oe).has_value();
    allowed_cache_.emplace(key, ok);
    return ok;
  }

  bool add_fact(int s, const std::string& predicate_in, int o, int trigger,
                const std::string& rule_in, double confidence, const Clause& clause, int sm = -1,
                int om = -1) {
    if (s < 0 || o < 0 || s == o) return false;
    std::string predicate = predicate_in;
    std::string rule = rule_in;
    // Persons, parties and news outlets "attack" one another in words: "Trump attacked
    // Biden's record", "Assange launched a vicious attack on Hillary Clinton", "the New York
    // Times has chosen to attack my character".
    const auto speaks = [&](int x) {
      const std::string& c = cl(x).cls;
      return c == "Person" || c == "PoliticalParty" || c == "MediaOrganization";
    };
    // ... and a person's "attack" on an organization or a government body is in words too
    // ("Musk attacked the Securities and Exchange Commission"; not on a country or an army).
    const auto civil = [&](int x) {
      const std::string& c = cl(x).cls;
      const bool named = cl(x).key.rfind("nominal:", 0) != 0;  // not "peaceful protesters"
      return speaks(x) || (named && (c == "Organization" || c == "Government" ||
                                     c == "InternationalOrganization"));
    };
    if (predicate == attacked_ &&
        ((speaks(s) && speaks(o)) || (cl(s).cls == "Person" && civil(o)))) {
      predicate = criticized_;
      rule += "+verbal";
    }
    if (!allowed(s, predicate, o)) return false;
    if (!emit_) return true;
    // One fact per (subject, predicate, object, trigger, reading): the first rule wins.
    const std::string key = std::to_string(s) + "|" + predicate + "|" + std::to_string(o) + "|" +
                            std::to_string(trigger) + "|" + (clause.negated ? "n" : "p") +
                            std::to_string(clause.attributed);
    if (!fact_keys_.insert(key).second) return false;
    Fact f;
    f.subject = s;
    f.object = o;
    f.predicate = predicate;
    f.confidence = confidence * clause.factor;
    f.negated = clause.negated;
    f.attributed = clause.attributed;
    f.date = clause.date;
    f.sentence = sent_of_[static_cast<std::size_t>(trigger)];
    f.trigger = trigger;
    f.rule = rule;
    f.subject_mention = sm;
    f.object_mention = om;
    facts_.push_back(std::move(f));
    return true;
  }

  void pairs(const std::vector<ArgRef>& subj, const std::vector<ArgRef>& obj,
             const std::string& predicate, int trigger, const std::string& rule, double conf,
             const Clause& clause) {
    for (const auto& s : subj) {
      for (const auto& o : obj) {
        const bool surface = s.surface || o.surface;
        const bool added =
            add_fact(s.cluster, predicate, o.cluster, trigger, surface ? rule + "+order" : rule,
                     surface ? conf * 0.7 : conf, clause, s.mention, o.mention);
        if (added && predicate == met_ && !clause.negated) {
          meeting_for(s.cluster, o.cluster, trigger, clause);
        }
      }
    }
  }

  void all_pairs(const std::vector<ArgRef>& parties, const std::string& predicate, int trigger,
                 const std::string& rule, double conf, const Clause& clause) {
    if (!onto_.is_symmetric(predicate)) return;  // "A and B discussed" is not "A discussed B"
    for (std::size_t a = 0; a < parties.size(); ++a) {
      for (std::size_t b = a + 1; b < parties.size(); ++b) {
        if (parties[a].cluster == parties[b].cluster) continue;
        const bool added = add_fact(parties[a].cluster, predicate, parties[b].cluster, trigger,
                                    rule, conf, clause, parties[a].mention, parties[b].mention);
        // A meeting that did not take place ("refused to meet") is no meeting event.
        if (added && predicate == met_ && !clause.negated) {
          meeting_for(parties[a].cluster, parties[b].cluster, trigger, clause);
        }
      }
    }
  }

  // The meeting event of two participants: the document's first meeting binds to the
  // unqualified "the meeting" mentions.
  int meeting_for(int a, int b, int trigger, const Clause& clause) {
    if (a > b) std::swap(a, b);
    const std::string key = "meeting:" + std::to_string(a) + ":" + std::to_string(b);
    auto it = cluster_by_key_.find(key);
    int ev = -1;
    if (it != cluster_by_key_.end()) {
      ev = it->second;
    } else if (default_meeting_pair_.empty()) {
      ev = cluster_for("event:Meeting", "meeting", "Meeting",
                       sent_of_[static_cast<std::size_t>(trigger)]);
      cluster_by_key_.emplace(key, ev);
      default_meeting_pair_ = key;
    } else {
      ev = cluster_for(key, "meeting", "Meeting", sent_of_[static_cast<std::size_t>(trigger)]);
    }
    Cluster& e = cl(ev);
    e.event = true;
    for (int p : {a, b}) {
      if (std::find(participants_[ev].begin(), participants_[ev].end(), p) ==
          participants_[ev].end()) {
        participants_[ev].push_back(p);
      }
    }
    if (e.start_date.empty()) e.start_date = clause.date;
    // A noun trigger ("his meeting with Abe") is a mention of this very meeting.
    const int m = tok_mention_[static_cast<std::size_t>(trigger)];
    if (m >= 0 && mentions_[static_cast<std::size_t>(m)].kind == "event") {
      mention_event_[m] = ev;
    }
    Clause plain = clause;
    plain.negated = false;
    add_fact(ev, has_participant_, a, trigger, "event-meeting", 0.9, plain);
    add_fact(ev, has_participant_, b, trigger, "event-meeting", 0.9, plain);
    // Where they met: "met in Helsinki", "their meeting in Hamburg" (a place, not a person or
    // organization the parse put after "in").
    std::vector<int> around = kids_[static_cast<std::size_t>(trigger)];
    const int governor = head_[static_cast<std::size_t>(trigger)];
    if (upos(trigger) == "NOUN" && governor >= 0 && upos(governor) == "VERB") {
      // "met in Helsinki for their first summit"
      const auto& g = kids_[static_cast<std::size_t>(governor)];
      around.insert(around.end(), g.begin(), g.end());
    }
    for (int o : children(trigger, "obj")) {
      // "met Emmanuel Macron in Paris", parsed as Macron's
      const auto& g = kids_[static_cast<std::size_t>(o)];
      std::vector<ArgRef> who;
      resolve_token(o, who);
      if (!who.empty()) around.insert(around.end(), g.begin(), g.end());
    }
    for (int k : around) {
      if (k == trigger) continue;
      if (!(has_rel(dep(k), "obl") || has_rel(dep(k), "nmod")) || case_of(k) != "in") continue;
      const int place = place_of(k, trigger, plain);
      if (place >= 0 && onto_.is_subclass_of(kgo_ + cl(place).cls, kgo_ + "Place")) {
        add_fact(ev, event_place_, place, trigger, "event-place", 0.85, plain);
      }
    }
    return ev;
  }

  // The label of a cluster. The IRI of a person comes from the gazetteer's full name (the same
  // in every article), but a person the text calls "Emmanuel Macron" is labelled so, not
  // "Emmanuel Jean-Michel Frédéric Macron" (which stays an alias).
  [[nodiscard]] std::string display_label(const Cluster& x) const {
    if (x.cls != "Person" || x.qid.empty() || std::count(x.label.begin(), x.label.end(), ' ') < 2) {
      return x.label;
    }
    const auto last = x.label.substr(x.label.rfind(' ') + 1);
    for (int mi : x.mentions) {
      const Mention& m = mentions_[static_cast<std::size_t>(mi)];
      if (m.kind != "person" && m.kind != "name") continue;
      const std::string t = text_of(m.begin, m.end);
      const auto space = t.rfind(' ');
      if (space != std::string::npos && t.substr(space + 1) == last) return t;
    }
    return x.label;
  }

  // Where an event with participants took place, said of a noun that names it: "The
  // meeting, which was held in Hamburg", "the talks took place in Geneva".
  void event_places() {
    static const std::set<std::string_view> kHappen = {"hold",    "take", "occur", "happen",
                                                       "convene", "open", "begin", "start"};
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      if (m.kind != "event" || m.head < 0) continue;
      auto bound = mention_event_.find(static_cast<int>(i));
      const auto has_participants = [&](int e) {
        return std::any_of(facts_.begin(), facts_.end(), [&](const Fact& f) {
          return f.subject == e && f.predicate == has_participant_ && !f.negated;
        });
      };
      int ev = bound != mention_event_.end() ? bound->second : -1;
      // Not bound by a rule: the latest event of its class named up to its sentence ("Biden
      // and Xi held talks. The talks, which were held in Bali, ...").
      for (std::size_t k = 0; ev < 0 && k < clusters_.size(); ++k) {
        const Cluster& x = clusters_[k];
        if (!x.event || x.cls != m.cls || x.first_sentence > m.sentence) continue;
        if (!has_participants(static_cast<int>(k))) continue;
        int best = static_cast<int>(k);
        for (std::size_t j = k + 1; j < clusters_.size(); ++j) {
          const Cluster& y = clusters_[j];
          if (y.event && y.cls == m.cls && y.first_sentence <= m.sentence &&
              y.first_sentence >= clusters_[static_cast<std::size_t>(best)].first_sentence &&
              has_participants(static_cast<int>(j))) {
            best = static_cast<int>(j);
          }
        }
        ev = best;
      }
      if (ev < 0 || !has_participants(ev)) continue;
      std::vector<int> verbs;
      const int h = head_[static_cast<std::size_t>(m.head)];
      if (h >= 0 && has_rel(dep(m.head), "nsubj")) verbs.push_back(h);
      for (int r : children(m.head, "acl:relcl")) {
        for (int sj : kids_[static_cast<std::size_t>(r)]) {
          const std::string& l = lem_[static_cast<std::size_t>(sj)];
          if (has_rel(dep(sj), "nsubj") && (l == "which" || l == "that")) verbs.push_back(r);
        }
      }
      for (int v : verbs) {
        if (kHappen.count(lem_[static_cast<std::size_t>(v)]) == 0) continue;
        const Clause c = clause_of(v);
        if (c.negated) continue;
        for (int k : kids_[static_cast<std::size_t>(v)]) {
          if (!has_rel(dep(k), "obl") || case_of(k) != "in") continue;
          const int place = place_of(k, v, c);
          if (place >= 0 && onto_.is_subclass_of(kgo_ + cl(place).cls, kgo_ + "Place")) {
            add_fact(ev, event_place_, place, v, "event-place", 0.85, c);
          }
        }
      }
    }
  }

  // The event a mention refers to: bound by a rule, else the document's event of its class
  // (an "anaphor" noun refers to the latest event of any class).
  int event_of_mention(int m) {
    auto it = mention_event_.find(m);
    if (it != mention_event_.end()) return it->second;
    const Mention& mm = mentions_[static_cast<std::size_t>(m)];
    if (mm.kind == "eventref") {
      auto c = cluster_by_key_.find("event:" + mm.cls);
      return c == cluster_by_key_.end() ? -1 : c->second;
    }
    if (mm.kind != "event") return -1;
    const int ev = cluster_for("event:" + mm.cls, mm.canonical, mm.cls, mm.sentence);
    if (mm.cls != "Meeting" || cl(ev).label != "meeting") {
      if (mm.canonical.size() > cl(ev).label.size() && mm.cls != "Meeting" &&
          mm.cls != "Ceasefire") {
        cl(ev).label = mm.canonical;
      }
    }
    return ev;
  }

  // A noun naming an attack: a noun trigger of kgo:attacked ("strike", "airstrike", "attack").
  [[nodiscard]] bool attack_noun(int n) const {
    if (upos(n) != "NOUN") return false;
    auto it = lex_.triggers.find(key_[static_cast<std::size_t>(n)]);
    if (it == lex_.triggers.end()) return false;
    return std::any_of(it->second.begin(), it->second.end(), [&](const ontology::Trigger* tr) {
      return tr->property == attacked_ && tr->pos == "NOUN";
    });
  }

  // The owners of a thing an attack or threat hits (nominals.tsv kind asset), named before
  // it: "a U.S. military drone", "the Saudi embassy", "a Turkish convoy".
  void asset_owners(int noun, std::vector<ArgRef>& out) {
    if (lex_.asset.count(lem_[static_cast<std::size_t>(noun)]) == 0) return;
    named_qualifiers(noun, out);
  }

  // The actors named before a noun as its possessor, compound or nationality: "a U.S. drone",
  // "a Turkish convoy", "Iran's militias".
  void named_qualifiers(int noun, std::vector<ArgRef>& out) {
    std::vector<ArgRef> owners;
    for (int c : kids_[static_cast<std::size_t>(noun)]) {
      const auto cu = static_cast<std::size_t>(c);
      if (dep(c) == "nmod:poss" || has_rel(dep(c), "compound")) resolve_token(c, owners);
      if (dep(c) == "amod" && !norp_[cu].empty()) {
        owners.push_back(
            {cluster_for("country:" + norp_[cu], norp_[cu], "Country", sent_of_[cu]), -1, false});
      }
    }
    for (const auto& a : owners) {
      if (is_actor(a.cluster)) out.push_back(a);
    }
  }

  // Events as arguments: a mention that is an event noun, or "any such action".
  void resolve_event_arg(int t, std::vector<ArgRef>& out) {
    const auto tu = static_cast<std::size_t>(t);
    const int m = tok_mention_[tu];
    if (m >= 0) {
      const int ev = event_of_mention(m);
      if (ev >= 0) {
        out.push_back({ev, m, false});
        if (emit_) bind_event_mention(m, ev);
      }
      return;
    }
    if (lex_.anaphor.count(lem_[tu]) != 0 && last_event_ >= 0) {
      // An act a name qualifies is that actor's own ("the U.S. action", "Russia's move"), not a
      // reference back to the latest event.
      for (int c : kids_[tu]) {
        if ((has_rel(dep(c), "compound") || dep(c) == "nmod:poss") &&
            tok_mention_[static_cast<std::size_t>(c)] >= 0) {
          return;
        }
      }
      for (int c : kids_[tu]) {
        const std::string& l = low_[static_cast<std::size_t>(c)];
        if (l == "such" || l == "this" || l == "that" || l == "the") {
          out.push_back({last_event_, -1, false});
          return;
        }
      }
    }
  }

  void bind_event_mention(int m, int ev) {
    Mention& mm = mentions_[static_cast<std::size_t>(m)];
    if (mm.cluster < 0) bind(m, ev);
  }

  std::vector<ArgRef> event_objects(int t) {
    std::vector<ArgRef> out = objects(t);
    if (!out.empty()) return out;
    for (int c : children(t, "obj")) {
      resolve_event_arg(c, out);
      // "denied any role in the attack": the event is a dependent of the object.
      if (out.empty()) {
        for (int k : children(c, "nmod")) resolve_event_arg(k, out);
      }
    }
    return out;
  }

  void run_rules() {
    last_event_ = -1;
    participants_.clear();
    for (auto& c : clusters_) c.start_date = c.start_date;  // dates kept between passes
    const int n = static_cast<int>(tok_.size());
    for (int t = 0; t < n; ++t) {
      const auto tu = static_cast<std::size_t>(t);
      // The latest event mentioned so far, for "any such action".
      const int m = tok_mention_[tu];
      if (m >= 0 && mentions_[static_cast<std::size_t>(m)].head == t &&
          mentions_[static_cast<std::size_t>(m)].kind == "event") {
        const int ev = event_of_mention(m);
        if (ev >= 0 && mentions_[static_cast<std::size_t>(m)].cls != "Meeting" &&
            mentions_[static_cast<std::size_t>(m)].cls != "Election") {
          last_event_ = ev;
        }
      }
      if (m >= 0 && mentions_[static_cast<std::size_t>(m)].head == t &&
          (mentions_[static_cast<std::size_t>(m)].kind == "event" ||
           mentions_[static_cast<std::size_t>(m)].kind == "eventref")) {
        event_participants(t, m);
      }
      if (m >= 0 && mentions_[static_cast<std::size_t>(m)].head == t) role_rules(t, m);
      auto it = lex_.triggers.find(key_[tu]);
      if (it != lex_.triggers.end()) {
        for (const ontology::Trigger* tr : it->second) apply(*tr, t);
      } else if (open_ && upos(t) == "VERB") {
        open_relation(t);
      }
      if (key_[tu] != lem_[tu]) {  // "Russia-backed": the participle's own lemma
        auto own = lex_.triggers.find(lem_[tu]);
        if (own == lex_.triggers.end()) continue;
        for (const ontology::Trigger* tr : own->second) {
          if (tr->pattern == "agent-compound") apply(*tr, t);
        }
      }
    }
    for (const auto& [mention, person] : role_facts_) description_fact(mention, person);
  }

  // --open-relations: a verb the lexicon does not know, between two entities, kept as
  // kgo:relatedTo; the rule names the verb ("open:sign").
  void open_relation(int t) {
    static const std::set<std::string_view> kSkip = {"be", "have", "do", "get", "make", "take"};
    if (kSkip.count(lem_[static_cast<std::size_t>(t)]) != 0) return;
    std::vector<ArgRef> subj;
    for (int c : children(t, "nsubj")) {
      auto r = resolve_expanded(c);
      subj.insert(subj.end(), r.begin(), r.end());
    }
    std::vector<ArgRef> obj;
    for (int c : children(t, "obj")) {
      auto r = resolve_expanded(c);
      obj.insert(obj.end(), r.begin(), r.end());
    }
    if (subj.empty() || obj.empty()) return;
    pairs(subj, obj, related_to_, t, "open:" + lem_[static_cast<std::size_t>(t)], 0.5,
          clause_of(t));
  }

  [[nodiscard]] bool pos_ok(const ontology::Trigger& tr, int t) const {
    if (tr.pos.empty()) return true;
    const std::string& u = upos(t);
    if (u == tr.pos) return true;
    if (tr.pattern == "modifier-prep" && (u == "VERB" || u == "ADJ")) return true;
    if (tr.pos == "NOUN" && u == "PROPN") return true;
    return false;
  }

  void apply(const ontology::Trigger& tr, int t) {
    if (!pos_ok(tr, t)) {
      if (tr.pos == "VERB" && tr.pattern == "svo" && upos(t) == "NOUN") verb_tagged_noun(tr, t);
      return;
    }
    const std::string& p = tr.pattern;
    if (p == "apposition" || p == "compound" || p == "subj-ccomp") return;  // roles, attribution
    const Clause clause = clause_of(t);
    const std::string rule = p + ":" + std::string(key_[static_cast<std::size_t>(t)]);
    if (p == "svo") {
      auto subj = subjects(t);
      // An attack that kills or hits is its agent's: "A U.S. drone strike killed Qassem
      // Soleimani", "an Israeli airstrike hit the building".
      if (subj.empty() && tr.property == attacked_) {
        for (int n : children(t, "nsubj")) {
          if (attack_noun(n)) named_qualifiers(n, subj);
        }
      }
      if (subj.empty()) return;
      auto obj = tr.property == denied_ ? event_objects(t) : objects(t);
      // One visits a place, not the country that qualifies it: "visited the U.S. embassy" (the
      // word-order fallback found "U.S." inside the object).
      if (tr.property == visited_) {
        std::erase_if(obj, [&](const ArgRef& a) {
          if (!a.surface || a.mention < 0) return false;
          const int at = mentions_[static_cast<std::size_t>(a.mention)].begin;
          for (int o : children(t, "obj")) {
            if (o != at && is_descendant(at, o)) return true;
          }
          return false;
        });
      }
      // An attack or threat on what a country or group owns is one on its owner: "Iran shot
      // down a U.S. military drone", "stormed the Saudi embassy".
      if (obj.empty() && (tr.property == attacked_ || tr.property == threatened_)) {
        for (int o : children(t, "obj")) asset_owners(o, obj);
      }

      if (obj.empty() && tr.property == discussed_) {
        // "discussed forging a common path in Syria": the topics inside the clause.
        for (int x : kids_[static_cast<std::size_t>(t)]) {
          if (dep(x) != "xcomp" && dep(x) != "ccomp") continue;
          for (int k : kids_[static_cast<std::size_t>(x)]) {
            if (dep(k) == "obj" || has_rel(dep(k), "obl")) {
              auto r = resolve_expanded(k);
              obj.insert(obj.end(), r.begin(), r.end());
            }
          }
        }
      }
      // One addresses an audience, not a topic, when the object is a person or an
      // organization ("Coe addressed the media", "Putin addressed the Duma").
      if (lem_[static_cast<std::size_t>(t)] == "address") {
        std::erase_if(obj, [&](const ArgRef& a) {
          return cl(a.cluster).cls != "Country" && kActorClasses.count(cl(a.cluster).cls) != 0;
        });
      }
      // Heading a seat of government ("led the State Department", "heads the Pentagon") is
      // heading that office, not the country the seat stands for in what it does.
      if (tr.property == leads_) {
        std::erase_if(obj, [&](const ArgRef& a) {
          return a.mention >= 0 && mentions_[static_cast<std::size_t>(a.mention)].kind == "seat";
        });
      }
      // Pressing someone is pressing them to do something ("urged Russia to find"), not
      // moving them somewhere ("push America to the brink of nuclear war").
      if (tr.property == pressed_ && children(t, "xcomp").empty()) {
        for (int o : children(t, "obl")) {
          if (case_of(o) == "to" && upos(o) == "NOUN") return;
        }
      }
      if (!passive(t) && obj.empty()) return;
      pairs(subj, obj, tr.property, t, rule, 0.9, clause);
      if (tr.property == denied_) last_denial_ = t;
    } else if (p == "subj-prep") {
      // Firing a person is dismissing them ("if Trump fires Mueller"), not firing at anyone.
      if (tr.property == attacked_ && lem_[static_cast<std::size_t>(t)] == "fire") {
        for (int o : children(t, "obj")) {
          std::vector<ArgRef> r;
          resolve_token(o, r);
          if (!r.empty() || upos(o) == "PROPN") return;  // a name, recognised or not
        }
      }
      auto subj = subjects(t);
      auto obj = prep_objects(t, tr.preposition);
      if (obj.empty() && (tr.property == attacked_ || tr.property == threatened_)) {
        // "fired missiles at a Syrian air base"
        for (int k : kids_[static_cast<std::size_t>(t)]) {
          if (has_rel(dep(k), "obl") && case_of(k) == tr.preposition) asset_owners(k, obj);
        }
      }
      pairs(subj, obj, tr.property, t, rule + "/" + tr.preposition, 0.9, clause);
    } else if (p == "coord-subj") {
      for (int o : children(t, "obj")) {
        if (!is_temporal(o)) return;  // "X and Y met reporters" is not "X met Y"
      }
      auto subj = subjects(t);
      if (subj.size() >= 2) all_pairs(subj, tr.property, t, rule, 0.9, clause);
    } else if (p == "nominal") {
      nominal(tr, t, rule, clause);
    } else if (p == "subj-xcomp") {
      control(tr, t, rule, clause);
    } else if (p == "agent-compound") {
      // "Russia-backed rebels": name, hyphen, participle, modified noun.
      if (t < 2 || tok_[static_cast<std::size_t>(t - 1)].norm != "-" ||
          tok_[static_cast<std::size_t>(t - 2)].space_after ||
          tok_[static_cast<std::size_t>(t - 1)].space_after) {
        return;
      }
      std::vector<ArgRef> subj;
      resolve_token(t - 2, subj);
      // A nationality stands for its country ("Iranian-backed militias").
      if (const auto& country = norp_[static_cast<std::size_t>(t - 2)];
          subj.empty() && !country.empty()) {
        subj.push_back({cluster_for("country:" + country, country, "Country",
                                    sent_of_[static_cast<std::size_t>(t)]),
                        -1, false});
      }
      std::vector<ArgRef> obj;
      int noun = head_[static_cast<std::size_t>(t)];
      if (!(dep(t) == "amod" || has_rel(dep(t), "acl") || has_rel(dep(t), "compound")))
        noun = t + 1;
      if (noun >= 0 && noun < static_cast<int>(tok_.size())) resolve_token(noun, obj);
      // A title before a name ("the Saudi-backed president Abd Rabbuh Mansur Hadi"): the
      // person it describes.
      if (obj.empty() && noun >= 0 && noun < static_cast<int>(tok_.size()) &&
          (dep(noun) == "nmod:desc" || has_rel(dep(noun), "compound")) &&
          head_[static_cast<std::size_t>(noun)] >= 0) {
        resolve_token(head_[static_cast<std::size_t>(noun)], obj);
      }
      pairs(subj, obj, tr.property, t, "agent-compound:" + lem_[static_cast<std::size_t>(t)], 0.85,
            clause);
    } else if (p == "modifier-prep") {
      const std::string& d = dep(t);
      std::vector<ArgRef> subj;
      if (d == "amod" || has_rel(d, "acl")) {
        resolve_token(head_[static_cast<std::size_t>(t)], subj);
      } else {
        subj = subjects(t);
      }
      auto obj = prep_objects(t, tr.preposition.empty() ? "to" : tr.preposition);
      pairs(subj, obj, tr.property, t, rule, 0.85, clause);
    }
  }

  // A verb the tagger took for a noun ("the U.S. backs several rebel groups", backs/NNS):
  // when a name stands right before it and a noun phrase with a name follows, read it as
  // subject-verb-object by word order, at a lower confidence.
  void verb_tagged_noun(const ontology::Trigger& tr, int t) {
    const auto tu = static_cast<std::size_t>(t);
    if (t == 0 || tok_mention_[tu - 1] < 0 || sent_of_[tu - 1] != sent_of_[tu]) return;
    // A noun modifying another noun is a noun ("White House press secretary Josh Earnest"),
    // and so is one that is another word's object ("met Fox News host Tucker Carlson").
    if (has_rel(dep(t), "compound") || dep(t) == "obj" || dep(t) == "iobj" ||
        has_rel(dep(t), "obl") || has_rel(dep(t), "nmod")) {
      return;
    }
    std::vector<ArgRef> subj;
    resolve_token(t - 1, subj);
    std::vector<ArgRef> obj;
    for (int k = t + 1; k < static_cast<int>(tok_.size()) && k <= t + 4 &&
                        sent_of_[static_cast<std::size_t>(k)] == sent_of_[tu];
         ++k) {
      if (tok_mention_[static_cast<std::size_t>(k)] >= 0) {
        resolve_token(k, obj);
        break;
      }
      const std::string& u = upos(k);
      if (u != "DET" && u != "ADJ" && u != "NUM" && u != "NOUN") break;
    }
    if (subj.empty() || obj.empty()) return;
    for (auto& a : subj) a.surface = true;
    pairs(subj, obj, tr.property, t, "svo:" + key_[tu], 0.9, clause_of(t));
  }

  // A noun trigger: possessor or modifier names and prepositional dependents are the
  // arguments ("Trump's meeting with Putin", "the meeting between Trump and Putin").
  void nominal(const ontology::Trigger& tr, int t, const std::string& rule, const Clause& clause) {
    const auto tu = static_cast<std::size_t>(t);
    std::vector<ArgRef> subj;
    std::vector<ArgRef> modifiers;  // the compound names before the noun ("NATO member")
    for (int c : kids_[tu]) {
      if (dep(c) == "nmod:poss") resolve_token(c, subj);
      if (has_rel(dep(c), "compound") && c < t) resolve_token(c, modifiers);
    }
    subj.insert(subj.end(), modifiers.begin(), modifiers.end());
    if (subj.empty() && !children(t, "nsubj").empty()) subj = subjects(t);  // "X is an ally of Y"
    // A noun in apposition describes the name it follows: "Turkey, a NATO ally of the U.S."
    // is Turkey's alliance (the compound only qualifies it).
    // Not when the noun names its own holder: "Viktor Kolokoltsev, head of the Federal Drug
    // Control Service Viktor Ivanov".
    const auto names_own_person = [&](auto&& self, int x, int depth) -> bool {
      for (int c : kids_[static_cast<std::size_t>(x)]) {
        const int cm = tok_mention_[static_cast<std::size_t>(c)];
        if (dep(c) == "appos" && cm >= 0 && mentions_[static_cast<std::size_t>(cm)].cluster >= 0 &&
            cl(mentions_[static_cast<std::size_t>(cm)].cluster).cls == "Person") {
          return true;
        }
        if (depth < 3 && self(self, c, depth + 1)) return true;
      }
      return false;
    };
    bool apposed = false;
    if (dep(t) == "appos" && head_[tu] >= 0 && !names_own_person(names_own_person, t, 0)) {
      std::vector<ArgRef> named;
      resolve_token(head_[tu], named);
      apposed = !named.empty();
      if (apposed) subj = std::move(named);
    }
    auto obj = prep_objects(t, tr.preposition);
    // Then a name before a noun of membership or alliance is its object: "Turkey, a NATO
    // member" is a member of NATO, "Japan, a U.S. ally" an ally of the United States (before an
    // event noun it is the agent: "an IS attack").
    if (apposed && obj.empty() && (tr.property == member_of_ || tr.property == allied_with_)) {
      obj = modifiers;
    }
    // A light verb's subject is the noun's agent: "X held talks with Y".
    const int h = head_[tu];
    static const std::set<std::string_view> kLightVerbs = {
        "hold",  "have",   "sign",   "conclude", "reach", "seal",    "strike",   "broker",
        "begin", "start",  "launch", "resume",   "make",  "declare", "announce", "hammer",
        "carry", "impose", "slap",   "level",    "place", "conduct", "stage",    "mount"};
    // Aid is given: "Japan provided assistance to Syria", "sent weapons to Ukraine".
    static const std::set<std::string_view> kGivingVerbs = {
        "provide", "give",  "send",    "deliver", "supply", "donate", "ship",
        "pledge",  "offer", "promise", "extend",  "grant",  "approve"};
    const bool giving = tr.property == provided_aid_ && h >= 0 &&
                        kGivingVerbs.count(lem_[static_cast<std::size_t>(h)]) != 0;
    bool light = false;
    // "provided 500 million euros in aid to Ukraine": the aid is what the sum was given as.
    const bool given_as = giving && has_rel(dep(t), "obl") && case_of(t) == "in";
    if (subj.empty() && h >= 0 && (dep(t) == "obj" || given_as) && upos(h) == "VERB" &&
        (giving || kLightVerbs.count(lem_[static_cast<std::size_t>(h)]) != 0)) {
      light = true;
      subj = subjects(h);
      if (obj.empty()) obj = prep_objects(h, tr.preposition);
    }
    std::string r = rule + "/" + tr.preposition;
    // The light verb's intention is the event's: "X plans to impose sanctions on Y" is less
    // certain than "X imposed".
    Clause c = clause;
    if (light && intended(h)) c.factor *= 0.6;
    if (light && refused(h)) c.negated = !c.negated;  // "refused to hold talks with"
    // An event its governing verb calls off did not take place: "the White House canceled his
    // meeting with Duterte", "the talks were postponed" (negated, as a denial is; "did not
    // cancel" negates that again). The light verb's own negation is the event's: "X did not
    // hold talks with Y".
    if (h >= 0 && upos(h) == "VERB" && (dep(t) == "obj" || has_rel(dep(t), "nsubj:pass"))) {
      static const std::set<std::string_view> kCallOff = {
          "cancel", "postpone", "scrap", "scuttle", "abandon", "shelve", "nix", "scrub", "axe"};
      const auto hu = static_cast<std::size_t>(h);
      bool off = kCallOff.count(lem_[hu]) != 0;
      if (lem_[hu] == "call") {
        for (int p : children(h, "compound:prt"))
          off = off || low_[static_cast<std::size_t>(p)] == "off";
      }
      const bool verb_negated = negated_word(h);
      if (off != verb_negated && (off || kLightVerbs.count(lem_[hu]) != 0)) c.negated = !c.negated;
      if (off) r += "+called-off";
    }
    // A reported topic list with no agent ("there were issues such as Ukraine, Putin said").
    if (subj.empty() && !obj.empty() && clause.attributed >= 0 && tr.property == discussed_) {
      subj.push_back({clause.attributed, -1, false});
      r += "+speaker";
    }
    if (tr.preposition == "between" || (obj.empty() && subj.size() >= 2)) {
      std::vector<ArgRef> parties = subj;
      parties.insert(parties.end(), obj.begin(), obj.end());
      if (parties.size() >= 2) all_pairs(parties, tr.property, t, r, 0.8, c);
      return;
    }
    pairs(subj, obj, tr.property, t, r, 0.8, c);
  }

  // Control: "agreed to set up a cease-fire", "agreed on a truce", "agreed a ceasefire".
  void control(const ontology::Trigger& tr, int t, const std::string& rule, const Clause& clause) {
    const auto tu = static_cast<std::size_t>(t);
    int noun = -1;
    int verb = t;
    auto noun_of = [&](int v) {
      for (int c : kids_[static_cast<std::size_t>(v)]) {
        if (dep(c) != "obj" && !has_rel(dep(c), "obl")) continue;
        auto it = lex_.triggers.find(key_[static_cast<std::size_t>(c)]);
        if (it == lex_.triggers.end()) continue;
        for (const auto* x : it->second) {
          if (x->property == tr.property && x->pattern == "nominal") return c;
        }
      }
      return -1;
    };
    noun = noun_of(t);
    if (noun < 0) {
      for (int x : children(t, "xcomp")) {
        noun = noun_of(x);
        if (noun >= 0) {
          verb = x;
          break;
        }
      }
    }
    if (noun < 0) return;
    std::vector<ArgRef> parties = subjects(t);
    auto with = prep_objects(t, "with");
    parties.insert(parties.end(), with.begin(), with.end());
    auto with2 = prep_objects(verb, "with");
    parties.insert(parties.end(), with2.begin(), with2.end());
    auto between = prep_objects(noun, "between");
    parties.insert(parties.end(), between.begin(), between.end());
    Clause c = clause;
    c.date.clear();
    all_pairs(parties, tr.property, t, rule, 0.9, c);
    // The agreement is also an event: participants, place and start date.
    const int m = tok_mention_[static_cast<std::size_t>(noun)];
    if (m < 0) return;
    const int ev = event_of_mention(m);
    if (ev < 0) return;
    bind_event_mention(m, ev);
    for (const auto& p : parties) {
      add_fact(ev, has_participant_, p.cluster, t, "event-agreement", 0.9, c, -1, p.mention);
    }
    for (int src : {noun, verb}) {
      for (int k : kids_[static_cast<std::size_t>(src)]) {
        if (!(has_rel(dep(k), "obl") || has_rel(dep(k), "nmod")) || case_of(k) != "in") continue;
        const int place = place_of(k, t, c);
        if (place >= 0) {
          add_fact(ev, event_place_, place, t, "event-place", 0.85, c);
          if (cl(ev).cls == "Ceasefire" &&
              cl(ev).label == text_of(mentions_[static_cast<std::size_t>(m)].begin,
                                      mentions_[static_cast<std::size_t>(m)].end)) {
            cl(ev).label = "ceasefire in " + cl(place).label;
          }
        }
      }
    }
    // Start date: a weekday or date in the noun's relative clause or the verbs' modifiers.
    for (int src : {noun, verb, t}) {
      std::vector<int> stack{src};
      for (int guard = 0; !stack.empty() && guard < 40; ++guard) {
        const int x = stack.back();
        stack.pop_back();
        int w = 0;
        if (x != src && is_weekday(x, w) && head_[static_cast<std::size_t>(x)] >= 0) {
          const std::string d = resolve_weekday(w, head_[static_cast<std::size_t>(x)]);
          if (!d.empty()) cl(ev).start_date = d;
          return;
        }
        for (int k : kids_[static_cast<std::size_t>(x)]) {
          if (src == t && k != x && (dep(k) == "xcomp" || dep(k) == "obj")) continue;
          stack.push_back(k);
        }
      }
    }
    (void)tu;
  }

  // A place argument: a place or country mention, or "southern Syria(n)" made a region.
  int place_of(int k, int trigger, const Clause& clause) {
    std::vector<ArgRef> r;
    resolve_token(k, r);
    if (!r.empty()) return r.front().cluster;
    const auto ku = static_cast<std::size_t>(k);
    std::string country = norp_[ku];
    if (country.empty()) return -1;
    for (int c : kids_[ku]) {
      if (kDirections.count(low_[static_cast<std::size_t>(c)]) != 0) {
        const std::string label = low_[static_cast<std::size_t>(c)] + " " + country;
        const int region = cluster_for("region:" + label, label, "Region", sent_of_[ku]);
        const int ctry = cluster_for("country:" + country, country, "Country", sent_of_[ku]);
        Clause plain = clause;
        plain.attributed = -1;
        plain.negated = false;
        add_fact(region, located_in_, ctry, trigger, "region-of-country", 0.8, plain);
        return region;
      }
    }
    return cluster_for("country:" + country, country, "Country", sent_of_[ku]);
  }

  // Actors doing something around an event: "Russian military police, working with the U.S.
  // and Jordan, will provide security around de-escalation zones".
  void event_participants(int t, int m) {
    const int ev = event_of_mention(m);
    if (ev < 0 || cl(ev).cls == "Meeting" || cl(ev).cls == "Election") return;
    if (emit_) bind_event_mention(m, ev);
    if (mentions_[static_cast<std::size_t>(m)].kind == "eventref") event_cooccurrence(t, ev);
    // The verb the event noun is an argument of, at most two hops up (object, oblique or
    // nominal modifier; a coordination is another topic, not an argument).
    int v = t;
    for (int k = 0; k < 2 && v >= 0 && upos(v) != "VERB"; ++k) {
      const std::string& d = dep(v);
      if (!(d == "obj" || has_rel(d, "obl") || has_rel(d, "nmod"))) return;
      v = head_[static_cast<std::size_t>(v)];
    }
    if (v < 0 || upos(v) != "VERB") return;
    const auto vu = static_cast<std::size_t>(v);
    if (lex_.triggers.count(key_[vu]) != 0) return;
    // Only a support verb makes its subject a participant ("carried out airstrikes",
    // "signed accords"); other verbs talk about the event ("questioning global security
    // agreements", "reeling from terror attacks").
    std::string support = lem_[vu];
    for (int c : children(v, "compound:prt")) support += " " + low_[static_cast<std::size_t>(c)];
    if (lex_.support.count(support) == 0) return;
    std::vector<ArgRef> actors = subjects(v);
    for (int s : children(v, "nsubj")) {
      for (int a : kids_[static_cast<std::size_t>(s)]) {
        if (dep(a) == "acl" || dep(a) == "advcl") {
          auto w = prep_objects(a, "with");
          actors.insert(actors.end(), w.begin(), w.end());
        }
      }
    }
    auto w = prep_objects(v, "with");
    actors.insert(actors.end(), w.begin(), w.end());
    const Clause clause = clause_of(v);
    for (const auto& a : actors) {
      if (!is_actor(a.cluster)) continue;
      add_fact(ev, has_participant_, a.cluster, v, "event-participant", 0.75, clause, -1,
               a.mention);
    }
  }

  // A phrase that refers back to an event ("de-escalation zones" -> the ceasefire): the
  // actors the sentence's reported content names take part in it. Word co-occurrence, so a
  // low confidence; the speaker is not a participant.
  void event_cooccurrence(int t, int ev) {
    const int s = sent_of_[static_cast<std::size_t>(t)];
    const Clause clause = clause_of(t);
    std::set<int> seen;
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      if (m.sentence != s) continue;
      std::vector<int> who;
      if (m.cluster >= 0) who.push_back(m.cluster);
      for (int c : m.members) who.push_back(c);
      for (int c : who) {
        if (c == clause.attributed || c == ev || !is_actor(c) || !seen.insert(c).second) continue;
        add_fact(ev, has_participant_, c, t, "event-cooccurrence", 0.6, clause, -1,
                 static_cast<int>(i));
      }
    }
  }

  // Titles in apposition or before a name: "Rex Tillerson, the U.S. secretary of state",
  // "his Russian counterpart, Sergey Lavrov", "Kremlin spokesman Dmitry Peskov".
  void role_rules(int t, int m) {
    const Mention& mm = mentions_[static_cast<std::size_t>(m)];
    if (mm.cluster < 0 || cl(mm.cluster).cls != "Person") return;
    const int person = mm.cluster;
    std::vector<int> titles;
    for (int a : children(t, "appos")) titles.push_back(a);
    if (has_rel(dep(t), "appos") && head_[static_cast<std::size_t>(t)] >= 0) {
      titles.push_back(head_[static_cast<std::size_t>(t)]);
    }
    // Titles right before the name, linked by the parse or not.
    for (int k = mm.begin - 1;
         k >= 0 && k >= mm.begin - 5 && sent_of_[static_cast<std::size_t>(k)] == mm.sentence; --k) {
      const auto ku = static_cast<std::size_t>(k);
      if (lex_.title_property.count(lem_[ku]) != 0) {
        titles.push_back(k);
        break;
      }
      if (inner_hyphen(k)) continue;  // "Secretary-General"

      if (lex_.title_extra.count(low_[ku]) == 0 && upos(k) != "PROPN" && upos(k) != "ADJ") break;
    }
    for (int title : titles) {
      const auto ti = static_cast<std::size_t>(title);
      auto tp = lex_.title_property.find(lem_[ti]);
      if (tp == lex_.title_property.end()) continue;
      Clause c = clause_of(title);
      c.negated = false;
      c.date.clear();
      // A title is the writer's description of the person, not part of what a speaker is
      // reported to say ("Kerry said he raised the issue with Russian Foreign Minister Sergei
      // Lavrov"), unless the speaker's own words are quoted.
      if (!inside_quotes(title)) c.attributed = -1;
      // "former Russian president", "ex-president": no current office; "vice president",
      // "deputy leader": an official, not the leader.
      const std::string rank = title_rank(title);
      if (rank == "former") continue;
      const std::string rule =
          (title < mm.begin && !has_rel(dep(t), "appos") && children(t, "appos").empty())
              ? "title-compound:" + lem_[ti]
              : "title-apposition:" + lem_[ti];
      if (tp->second == counterpart_) {
        std::vector<ArgRef> other;
        for (int k : children(title, "nmod:poss")) resolve_token(k, other);
        for (const auto& o : other)
          add_fact(o.cluster, counterpart_, person, title, rule, 0.85, c, o.mention, m);
      }
      // A company's or agency's title is no office of the country named before it ("USA
      // Triathlon CEO Rob Urbach" where the recogniser missed "USA Triathlon").
      static const std::set<std::string_view> kOrganizationTitles = {"ceo", "chairman",
                                                                     "chairwoman", "director"};
      const std::string country =
          kOrganizationTitles.count(lem_[ti]) != 0 ? std::string() : country_modifier(title);
      if (country.empty()) {
        // An organization qualifies the title: "European Commission President Ursula von der
        // Leyen", "NATO spokeswoman Oana Lungescu".
        const int org = organization_modifier(title);
        if (org < 0 || tp->second == counterpart_) continue;
        const std::string org_prop =
            rank == "deputy" && tp->second == leads_ ? official_of_ : tp->second;
        add_fact(person, org_prop, org, title, rule, 0.85, c, m);
        if (org_prop == official_of_ || org_prop == leads_) {
          role_entity(person, org, title, rule, c, m);
        }
        continue;
      }
      const int ctry = cluster_for("country:" + country, country, "Country", mm.sentence);
      std::string prop = tp->second == counterpart_ ? official_of_ : tp->second;
      if (rank == "deputy" && prop == leads_) prop = official_of_;
      add_fact(person, prop, ctry, title, rule, 0.85, c, m);
      if (cl(person).country.empty()) cl(person).country = country;
      if (prop == official_of_ || prop == leads_) role_entity(person, ctry, title, rule, c, m);
    }
  }

  // True when an odd number of quotation marks precede the token in its sentence.
  [[nodiscard]] bool inside_quotes(int t) const {
    int marks = 0;
    for (int k = sent_begin(sent_of_[static_cast<std::size_t>(t)]); k < t; ++k) {
      const std::string& w = tok_[static_cast<std::size_t>(k)].norm;
      if (w == "\"" || w == "``" || w == "''" || w == "\u201c" || w == "\u201d") ++marks;
    }
    return marks % 2 == 1;
  }

  // "former" when the words before a title say its holder no longer holds it ("former",
  // "ex-", "late"), "deputy" when they say the holder is second to it ("vice", "deputy"),
  // else empty.
  [[nodiscard]] std::string title_rank(int t) const {
    for (int k = t - 1; k >= 0 && k >= t - 5; --k) {
      const auto ku = static_cast<std::size_t>(k);
      if (sent_of_[ku] != sent_of_[static_cast<std::size_t>(t)]) break;
      const std::string& w = low_[ku];
      if (w == "former" || w == "ex" || w == "late" || w == "ex-") return "former";
      if (w == "vice" || w == "deputy" || w == "vice-") return "deputy";
      const bool in_title = w == "-" || !norp_[ku].empty() || is_title(k) ||
                            lex_.title_extra.count(w) != 0 || upos(k) == "ADJ" ||
                            upos(k) == "PROPN" || upos(k) == "NOUN";
      if (!in_title) break;
    }
    return {};
  }

  // The organization (not a person, country or place) named right before a title or as its
  // compound or possessor: "European Commission President", "NATO's secretary-general"; -1 if
  // none.
  [[nodiscard]] int organization_modifier(int t) const {
    auto organization = [&](int k) {
      const int m = tok_mention_[static_cast<std::size_t>(k)];
      if (m < 0) return -1;
      // A name, not a group noun ("rebel leader", "a senior financial official") or a
      // pronoun ("its president").
      const Mention& mm = mentions_[static_cast<std::size_t>(m)];
      if (mm.kind != "name" || (mm.begin <= t && t < mm.end)) return -1;
      const int c = mm.cluster;
      if (c < 0 || !is_actor(c)) return -1;
      const std::string& cls = cl(c).cls;
      return cls == "Person" || cls == "Country" || cls == "Actor" ? -1 : c;
    };
    for (int c : kids_[static_cast<std::size_t>(t)]) {
      if (!(has_rel(dep(c), "compound") || dep(c) == "nmod:poss")) continue;
      if (const int o = organization(c); o >= 0) return o;
    }
    for (int k = t - 1; k >= 0 && k >= t - 3; --k) {
      const auto ku = static_cast<std::size_t>(k);
      if (sent_of_[ku] != sent_of_[static_cast<std::size_t>(t)]) break;
      if (tok_[ku].xpos == "POS") continue;
      if (tok_mention_[ku] >= 0) return organization(k);
      if (upos(k) != "ADJ" && upos(k) != "NOUN" && lex_.title_extra.count(low_[ku]) == 0) break;
    }
    return -1;
  }

  // "secretary of state" of the United States as a Role entity the person holds.
  void role_entity(int person, int country, int title, const std::string& rule, const Clause& c,
                   int m) {
    const auto ti = static_cast<std::size_t>(title);
    if (tok_[ti].norm == "counterpart") return;
    std::string words = lem_[ti];
    int b = title;
    while (b - 1 >= 0 && (lex_.title_extra.count(low_[static_cast<std::size_t>(b - 1)]) != 0) &&
           low_[static_cast<std::size_t>(b - 1)] != "of") {
      --b;
    }
    words = lower(text_of(b, title + 1));
    // "secretary-general", tokenized "secretary - general".
    if (inner_hyphen(title + 1) && low_[ti + 2] == "general") {
      words += "-general";
    }
    // "vice-president", tokenized "vice - president".
    if (b == title && title >= 2 && tok_[ti - 1].norm == "-" &&
        (low_[ti - 2] == "vice" || low_[ti - 2] == "deputy")) {
      words = low_[ti - 2] + "-" + words;
    }
    for (int k : kids_[ti]) {  // "secretary of state"
      if (has_rel(dep(k), "nmod") && case_of(k) == "of" &&
          tok_mention_[static_cast<std::size_t>(k)] < 0 && upos(k) == "NOUN") {
        words += " of " + low_[static_cast<std::size_t>(k)];
      }
    }
    const std::string label = cl(country).label + " " + words;
    const int role = cluster_for("role:" + label, label, "Role", sent_of_[ti]);
    add_fact(person, holds_role_, role, title, rule, 0.85, c, m);
    add_fact(role, role_in_, country, title, rule, 0.85, c);
  }

  void description_fact(int mention, int person) {
    const Mention& m = mentions_[static_cast<std::size_t>(mention)];
    if (m.country.empty()) return;
    const int ctry = cluster_for("country:" + m.country, m.country, "Country", m.sentence);
    Clause c;
    add_fact(person, m.canonical, ctry, m.head,
             "description:" + lem_[static_cast<std::size_t>(m.head)], 0.8, c, mention);
  }

  // State-level acts done by leaders hold for their states: "the two leaders agreed to set up
  // a cease-fire" -> the United States and Russia agreed a ceasefire.
  void lift_to_states() {
    std::unordered_map<int, int> leads;
    for (const Fact& f : facts_) {
      if (f.predicate == leads_ && !f.negated && f.attributed < 0 &&
          cl(f.object).cls == "Country") {
        leads.emplace(f.subject, f.object);
      }
    }
    const std::size_t n = facts_.size();
    for (std::size_t i = 0; i < n; ++i) {
      const Fact f = facts_[i];
      const bool state_act = f.predicate == agreed_ceasefire_ || f.predicate == signed_agreement_ ||
                             f.predicate == allied_;
      const bool participation = f.predicate == has_participant_ && cl(f.subject).cls != "Meeting";
      if (!state_act && !participation) continue;
      auto lift = [&](int c) {
        auto it = leads.find(c);
        return it == leads.end() ? c : it->second;
      };
      const int s = participation ? f.subject : lift(f.subject);
      const int o = lift(f.object);
      if (s == f.subject && o == f.object) continue;
      Fact g = f;
      g.subject = s;
      g.object = o;
      g.confidence = f.confidence * 0.85;
      g.rule = f.rule + "+leader-state";
      g.subject_mention = -1;
      g.object_mention = -1;
      if (s != o && allowed(s, g.predicate, o)) facts_.push_back(std::move(g));
    }
  }

  // ---- output ------------------------------------------------------------------

  [[nodiscard]] std::size_t cp(std::size_t byte) const { return cp_[byte]; }

  DocumentFacts output() {
    DocumentFacts out;
    out.document.iri = doc_iri_;
    out.document.title = article_.title;
    out.document.date = article_.date;
    out.words = tok_.size();
    // Which clusters become entities: named things, and anything a fact mentions.
    std::vector<char> used(clusters_.size(), 0);
    for (std::size_t c = 0; c < clusters_.size(); ++c) {
      const Cluster& x = clusters_[c];
      if (x.event || x.cls == "Role" || x.cls == "Region") continue;
      // A thing only described ("Officials from the two countries") is kept when a fact
      // needs it; a thing named once is kept even without facts.
      for (int mi : x.mentions) {
        const std::string& kind = mentions_[static_cast<std::size_t>(mi)].kind;
        if (kind == "name" || kind == "country" || kind == "capital" || kind == "person" ||
            kind == "seat" || kind == "alias") {
          used[c] = 1;
        }
      }
    }
    for (const Fact& f : facts_) {
      used[static_cast<std::size_t>(f.subject)] = 1;
      used[static_cast<std::size_t>(f.object)] = 1;
      if (f.attributed >= 0) used[static_cast<std::size_t>(f.attributed)] = 1;
    }
    // Event labels name their participants, as their labels read, when nothing better is
    // known.
    for (std::size_t c = 0; c < clusters_.size(); ++c) {
      Cluster& x = clusters_[c];
      if (!x.event) continue;
      std::vector<std::string> names;
      for (const Fact& f : facts_) {
        if (f.subject == static_cast<int>(c) && f.predicate == has_participant_ &&
            cl(f.object).cls == (x.cls == "Meeting" ? "Person" : "Country")) {
          const std::string name = display_label(cl(f.object));
          if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
      }
      std::sort(names.begin(), names.end());
      if (x.cls == "Meeting" && names.size() >= 2) {
        x.label = "meeting of " + names[0] + " and " + names[1];
        const std::string date = x.start_date.empty() ? article_.date : x.start_date;
        if (!date.empty()) x.label += " on " + date;
      } else if (x.cls == "Ceasefire" && x.label.rfind("ceasefire in ", 0) != 0 &&
                 names.size() >= 2) {
        x.label = "ceasefire between " + names[0] + " and " + names[1];
      } else if (x.cls == "Meeting" || x.label == "meeting") {
        x.label = "meeting in " + article_.id + (article_.date.empty() ? "" : " " + article_.date);
      }
    }
    // IRIs from labels; a label two clusters share gets the class appended.
    std::vector<std::string> iris(clusters_.size());
    std::unordered_map<std::string, int> taken;
    for (std::size_t c = 0; c < clusters_.size(); ++c) {
      if (used[c] == 0) continue;
      Cluster& x = clusters_[c];
      std::string label = x.label;
      if (!label.empty() && !x.event && x.cls != "Role" && x.cls != "Region" &&
          std::islower(static_cast<unsigned char>(label[0])) != 0 && x.cls != "Country") {
        // group nouns keep their case ("rebel groups")
      }
      auto [it, fresh] = taken.emplace(lower(label), static_cast<int>(c));
      if (!fresh) label += " (" + x.cls + ")";
      x.label = label;
      iris[c] = entity_iri(label, base_);
    }
    for (std::size_t c = 0; c < clusters_.size(); ++c) {
      if (used[c] == 0) continue;
      const Cluster& x = clusters_[c];
      Entity e;
      e.iri = iris[c];
      e.label = display_label(x);
      e.class_iri = kgo_ + x.cls;
      if (!x.qid.empty()) e.same_as.push_back(std::string(vocab::kWikidata) + x.qid);
      std::set<std::string> aliases;
      for (int mi : x.mentions) {
        const Mention& m = mentions_[static_cast<std::size_t>(mi)];
        if (m.kind == "pronoun" || m.kind == "group" || m.kind == "event" || m.kind == "eventref")
          continue;
        std::string a = text_of(m.begin, m.end);
        if (m.kind == "description") a = "the " + a;
        if (a != e.label) aliases.insert(a);
      }
      if (e.label != x.label) aliases.insert(x.label);
      e.aliases.assign(aliases.begin(), aliases.end());
      if (!x.start_date.empty()) {
        e.attributes.push_back(
            {kgo_ + "startDate", Term::literal(x.start_date, std::string(vocab::kXsdDate))});
      }
      out.entities.push_back(std::move(e));
    }
    const auto& sents = doc_.sentences();
    auto span_of = [&](int mention) {
      if (mention < 0) return Span{};
      const Mention& m = mentions_[static_cast<std::size_t>(mention)];
      return Span{cp(tok_[static_cast<std::size_t>(m.begin)].start),
                  cp(tok_[static_cast<std::size_t>(m.end - 1)].end)};
    };
    for (std::size_t i = 0; i < mentions_.size(); ++i) {
      const Mention& m = mentions_[i];
      std::vector<int> targets;
      if (m.cluster >= 0) targets.push_back(m.cluster);
      for (int c : m.members) targets.push_back(c);
      for (int c : targets) {
        if (used[static_cast<std::size_t>(c)] == 0) continue;
        MentionRecord r;
        r.span = span_of(static_cast<int>(i));
        const auto b = tok_[static_cast<std::size_t>(m.begin)].start;
        const auto e = tok_[static_cast<std::size_t>(m.end - 1)].end;
        r.text = doc_.text().substr(b, e - b);
        r.entity = iris[static_cast<std::size_t>(c)];
        r.class_iri = kgo_ + cl(c).cls;
        r.sentence = static_cast<std::size_t>(m.sentence);
        r.kind = m.kind == "country" || m.kind == "capital" || m.kind == "person" ||
                         m.kind == "seat" || m.kind == "alias"
                     ? "name"
                     : m.kind;
        out.mentions.push_back(std::move(r));
      }
    }
    for (const Fact& f : facts_) {
      FactRecord r;
      r.subject = iris[static_cast<std::size_t>(f.subject)];
      r.object = iris[static_cast<std::size_t>(f.object)];
      r.relation.predicate = f.predicate;
      r.relation.confidence = std::min(1.0, std::max(0.0, f.confidence));
      r.relation.negated = f.negated;
      r.relation.date = f.date;
      if (f.attributed >= 0) {
        r.relation.attributed_to = iris[static_cast<std::size_t>(f.attributed)];
      } else if (f.attributed == -2) {
        r.relation.attributed_to = "unnamed source";
      }
      const auto& s = sents[static_cast<std::size_t>(f.sentence)];
      Provenance p;
      p.document = doc_iri_;
      p.sentence = static_cast<std::size_t>(f.sentence);
      p.begin = cp(s.start);
      p.end = cp(s.end);
      p.evidence = doc_.text().substr(s.start, s.end - s.start);
      p.trigger_begin = cp(tok_[static_cast<std::size_t>(f.trigger)].start);
      p.trigger_end = cp(tok_[static_cast<std::size_t>(f.trigger)].end);
      p.rule = f.rule;
      r.relation.provenance.push_back(std::move(p));
      r.subject_span = span_of(f.subject_mention);
      r.object_span = span_of(f.object_mention);
      out.facts.push_back(std::move(r));
    }
    return out;
  }

  const Document& doc_;
  const Article& article_;
  std::string doc_iri_;
  const Lexicons& lex_;
  const ontology::Ontology& onto_;
  bool open_;
  std::string base_;
  const std::vector<Token>& tok_;
  std::string kgo_;
  std::string met_ = kgo_ + "met";
  std::string denied_ = kgo_ + "denied";
  std::string discussed_ = kgo_ + "discussed";
  std::string provided_aid_ = kgo_ + "providedAidTo";
  std::string member_of_ = kgo_ + "memberOf";
  std::string attacked_ = kgo_ + "attacked";
  std::string criticized_ = kgo_ + "criticized";
  std::string visited_ = kgo_ + "visited";
  std::string threatened_ = kgo_ + "threatened";
  std::string allied_with_ = kgo_ + "alliedWith";
  std::string related_to_ = kgo_ + "relatedTo";
  std::string has_participant_ = kgo_ + "hasParticipant";
  std::string event_place_ = kgo_ + "eventPlace";
  std::string located_in_ = kgo_ + "locatedIn";
  std::string counterpart_ = kgo_ + "counterpartOf";
  std::string official_of_ = kgo_ + "officialOf";
  std::string leads_ = kgo_ + "leads";
  std::string holds_role_ = kgo_ + "holdsRole";
  std::string role_in_ = kgo_ + "roleIn";
  std::string agreed_ceasefire_ = kgo_ + "agreedCeasefireWith";
  std::string signed_agreement_ = kgo_ + "signedAgreementWith";
  std::string allied_ = kgo_ + "alliedWith";
  std::string pressed_ = kgo_ + "pressed";

  std::vector<int> sent_of_, head_;
  std::vector<std::vector<int>> kids_;
  std::vector<std::string> low_, lem_, key_, norp_;
  std::vector<int> tok_mention_;
  std::vector<std::uint32_t> cp_;
  std::vector<Mention> mentions_;
  std::vector<Cluster> clusters_;
  std::unordered_map<std::string, int> cluster_by_key_;
  std::vector<GroupRec> groups_;
  std::vector<std::pair<int, int>> role_facts_;
  std::unordered_map<std::string, int> role_holder_;
  std::vector<Fact> facts_;
  std::map<int, std::vector<int>> participants_;
  std::unordered_map<int, int> mention_event_;
  std::unordered_map<std::string, bool> allowed_cache_;
  std::set<std::string> fact_keys_;
  std::set<std::string> denial_verbs_ = denial_lemmas();
  std::string default_meeting_pair_;
  int last_event_ = -1;
  int last_denial_ = -1;
  bool emit_ = true;
};

}  // namespace

DocumentFacts analyse(const Document& doc, const Article& article, const std::string& doc_iri,
                      const Lexicons& lex, const ontology::Ontology& onto, bool open_relations,
                      const std::string& base) {
  Analyzer a(doc, article, doc_iri, lex, onto, open_relations, base);
  return a.run();
}

}  // namespace kg::extract::build
