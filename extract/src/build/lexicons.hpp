#pragma once
// The word lists kg build reads at run time: the entity lexicon derived from the gazetteers
// (entities.tsv) and the hand-written nominal lexicon (nominals.tsv), plus the ontology's
// trigger lexicon indexed by lemma.

#include <kg/graph/error.hpp>
#include <kg/ontology/ontology.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace kg::extract::build {

/// A named thing the lexicon knows.
struct LexiconEntry {
  std::string kind;       // country | capital | person | seat | alias
  std::string canonical;  // canonical name of the entity meant
  std::string cls;        // ontology class local name
  std::string qid;        // Wikidata id, may be empty
  std::string country;    // the country the entry belongs to, may be empty
};

struct Lexicons {
  std::unordered_map<std::string, LexiconEntry> names;      // surface form -> entry
  std::unordered_map<std::string, std::string> demonyms;    // "Russian" -> "Russia"
  std::unordered_map<std::string, std::string> capital_of;  // "Moscow" -> "Russia"
  std::unordered_map<std::string, std::string> country_qid;
  std::size_t max_words = 1;
  std::unordered_map<std::string, std::string> group;     // lemma -> class local name
  std::unordered_map<std::string, std::string> event;     // lemma / phrase -> event class
  std::unordered_map<std::string, std::string> eventref;  // phrase -> event class
  std::unordered_map<std::string, std::string> plural;    // lemma -> member class
  std::unordered_set<std::string> anaphor, metonym, female, title_extra;
  std::unordered_set<std::string> honorific;  // "mr", "mrs.", "dr" ... (lower case)
  // Support verbs of event nouns ("carry out", "sign"): lemma, a space and the particle.
  std::unordered_set<std::string> support;
  std::unordered_set<std::string> asset;  // things an attack on is an attack on their owner
  // Lower-case first name -> 'f' or 'm' (first_names.tsv, from compromise's lexicon).
  std::unordered_map<std::string, char> first_name_gender;
  // Last word of each gazetteer politician's name -> the countries of those politicians.
  std::unordered_map<std::string, std::unordered_set<std::string>> surnames;
  // Trigger lexicon by lemma (pointers into the ontology, which outlives the lexicons).
  std::unordered_map<std::string, std::vector<const ontology::Trigger*>> triggers;
  std::unordered_set<std::string> speech_verbs;                 // lemmas of subj-ccomp triggers
  std::unordered_map<std::string, std::string> title_property;  // title lemma -> property IRI

  /// The entry of a surface form; a form in capitals ("WASHINGTON", the dateline of wire
  /// news) is also looked up as its words are written in lexicons ("Washington").
  [[nodiscard]] const LexiconEntry* find_name(std::string_view surface) const {
    auto it = names.find(std::string(surface));
    if (it != names.end()) return &it->second;
    const std::string title = title_cased_capitals(surface);
    if (title.empty()) return nullptr;
    it = names.find(title);
    return it == names.end() ? nullptr : &it->second;
  }

  /// A form written in capitals (no lower-case letter, at least four capitals: shorter ones
  /// are acronyms, "NATO" is listed as written) with each word title-cased ("NEW YORK" ->
  /// "New York"); empty for any other form.
  [[nodiscard]] static std::string title_cased_capitals(std::string_view surface) {
    std::size_t letters = 0;
    for (const char c : surface) {
      if (c >= 'a' && c <= 'z') return {};
      letters += c >= 'A' && c <= 'Z';
    }
    if (letters < 4) return {};
    std::string title(surface);
    for (std::size_t k = 1; k < title.size(); ++k) {
      const char before = title[k - 1];
      const bool word_start = before == ' ' || before == '-';
      if (!word_start && title[k] >= 'A' && title[k] <= 'Z')
        title[k] = static_cast<char>(title[k] - 'A' + 'a');
    }
    return title;
  }
};

/// Reads entities.tsv, nominals.tsv and first_names.tsv from `model_dir` and indexes the ontology's
/// triggers.
Result<Lexicons> load_lexicons(const std::string& model_dir, const ontology::Ontology& onto);

}  // namespace kg::extract::build
