#pragma once
// Training sentences for the entity recogniser's tests of its word resources (WordNet's
// names, word clusters): one name and a full stop each.

#include <kg/extract/entity_recognizer.hpp>
#include <string>
#include <vector>

namespace kg::extract::testing_support {

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

}  // namespace kg::extract::testing_support
