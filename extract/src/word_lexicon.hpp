#pragma once
// An English lexicon from WordNet (Debian `wordnet-base`): which parts of speech a word
// form can have, including inflected forms found by WordNet's own morphology rules
// ("sanctioned" -> a past form of a verb, "leaders" -> a plural noun). The tagger uses
// the class as a feature, mostly for words the treebanks have seen rarely or never.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "kg/graph/error.hpp"
#include "util/binary_io.hpp"

namespace kg::extract::detail {

class WordLexicon {
 public:
  /// Reads index.{noun,verb,adj,adv}, the exception lists and data.noun (for names,
  /// written with a capital in WordNet) from a WordNet 3 database directory.
  static Result<WordLexicon> read_wordnet(const std::string& dir);

  /// The class of a lower-case word form, e.g. "N|V|Vd"; "-" when WordNet does not know it.
  [[nodiscard]] std::string classify(std::string_view lower) const;

  [[nodiscard]] bool empty() const { return lemmas_.empty(); }
  [[nodiscard]] std::size_t size() const { return lemmas_.size() + irregular_.size(); }

  void save(BinaryWriter& w) const;
  bool load(BinaryReader& r);

 private:
  [[nodiscard]] std::uint16_t lemma_bits(std::string_view w) const;

  // Looked up by string_view without building a std::string (the tagger asks for
  // every word).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Table = std::unordered_map<std::string, std::uint16_t, Hash, std::equal_to<>>;
  Table lemmas_;     // lemma -> part-of-speech bits
  Table irregular_;  // "geese", "ran" -> bits
};

/// Names in WordNet (nouns written with a capital) by lower-case word, with the kind of
/// thing they name: bits kNamePerson, kNamePlace, kNameGroup (organisations, peoples),
/// kNameOther, and kNameWhole when the word is a whole name ("Hamburg"), not only a word
/// of a longer one ("Vladimir" of "Vladimir Putin").
enum : std::uint8_t {
  kNamePerson = 1,
  kNamePlace = 2,
  kNameGroup = 4,
  kNameOther = 8,
  kNameWhole = 16,
};
using NameKinds = std::unordered_map<std::string, std::uint8_t>;
Result<NameKinds> read_wordnet_names(const std::string& dir);
/// WordNet's one-word lemmas and irregular forms, for checking a lemmatizer's guesses.
/// Keys start with the part of speech, 'N', 'V', 'J' (adjective) or 'R' (adverb):
/// `lemmas` holds "Vbomb", `irregular` pairs "Vfled" with "flee", one pair per base in the
/// order WordNet lists them ("Vinstalled" with "instal", then with "install").
struct WordNetLemmas {
  std::vector<std::string> lemmas;
  std::vector<std::pair<std::string, std::string>> irregular;
};
Result<WordNetLemmas> read_wordnet_lemmas(const std::string& dir);
/// "PER|LOC+w" style text of the bits, for features; "-" for 0.
std::string name_kind_text(std::uint8_t bits);

}  // namespace kg::extract::detail
