#pragma once
// Training sentences for the entity recogniser's tests of its word resources (WordNet's
// names, word clusters, name lists): one name and a full stop each.

#include <kg/extract/entity_recognizer.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract::testing_support {

/// 32 made-up capitalised names (parity 0 or 1) in a checkerboard of syllables, so that
/// no spelling feature tells the names of one parity from the other's: only a word
/// resource (WordNet, the name lists) does.
inline std::vector<std::string> made_up_names(int parity) {
  static const char* const kFirst[] = {"Ka", "Lo", "Mi", "Nu", "Pe", "Ro", "Si", "Tu"};
  static const char* const kSecond[] = {"ka", "lo", "mi", "nu", "pe", "ro", "si", "tu"};
  std::vector<std::string> out;
  for (int i = 0; i < 64; ++i) {
    if ((i + i / 8) % 2 == parity) out.push_back(std::string(kFirst[i / 8]) + kSecond[i % 8]);
  }
  return out;
}

/// "<name> ." for each person (B-PER) and each place (B-LOC), `reps` times over.
inline std::vector<NerSentence> name_sentences(const std::vector<std::string>& people,
                                               const std::vector<std::string>& places,
                                               int reps = 1) {
  std::vector<NerSentence> out;
  for (int rep = 0; rep < reps; ++rep) {
    for (const auto* list : {&people, &places}) {
      for (const auto& w : *list) {
        NerSentence s;
        s.words = {w, "."};
        s.tags = {list == &people ? "B-PER" : "B-LOC", "O"};
        out.push_back(s);
      }
    }
  }
  return out;
}

/// The tag the recogniser gives `word` in the sentence "<word> .".
inline std::string tag_of(const EntityRecognizer& ner, std::string_view word) {
  return ner.tag({word, "."})[0];
}

}  // namespace kg::extract::testing_support
