#pragma once
/// A tiny WordNet 3 database in the layout of Debian's wordnet-base, written by the tests
/// so that they do not depend on the system's copy.

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace kg::extract::testing_support {

struct MiniWordNet {
  std::vector<std::string> nouns;  ///< single words; a capital makes a name ("Hamburg")
  std::vector<std::string> verbs;
  std::vector<std::string> adjectives;
  std::vector<std::string> irregular_verbs;  ///< verb.exc forms, e.g. "ran", or "fled flee"
  std::vector<std::string> people;           ///< names of people (noun.person), e.g. "Putin"
  std::vector<std::string> places;           ///< names of places (noun.location)
};

/// Writes the index, data and exception files of `w` into `dir` (created).
inline void write_mini_wordnet(const std::filesystem::path& dir, const MiniWordNet& w) {
  std::filesystem::create_directories(dir);
  const std::string licence = "  1 This is a licence header line, skipped by readers.\n";
  const auto index = [&](const char* name, const std::vector<std::string>& words, char pos) {
    std::ofstream out(dir / name);
    out << licence;
    for (const auto& x : words) out << x << ' ' << pos << " 1 0 1 0 00000001  \n";
  };
  std::vector<std::string> common_nouns;
  for (const auto& x : w.nouns) {
    if (!x.empty() && (x[0] < 'A' || x[0] > 'Z')) common_nouns.push_back(x);
  }
  index("index.noun", common_nouns, 'n');
  index("index.verb", w.verbs, 'v');
  index("index.adj", w.adjectives, 'a');
  index("index.adv", {}, 'r');
  {
    std::ofstream out(dir / "data.noun");
    out << licence;
    int offset = 1;
    for (const auto& x : w.nouns) {
      out << offset++ << " 05 n 01 " << x << " 0 000 | a gloss\n";
    }
    for (const auto& x : w.people) out << offset++ << " 18 n 01 " << x << " 0 000 | a person\n";
    for (const auto& x : w.places) out << offset++ << " 15 n 01 " << x << " 0 000 | a place\n";
  }
  {
    std::ofstream out(dir / "verb.exc");
    for (const auto& x : w.irregular_verbs) {
      out << x << (x.find(' ') == std::string::npos ? " base\n" : "\n");
    }
  }
  std::ofstream(dir / "noun.exc") << "geese goose\n";
  std::ofstream(dir / "adj.exc") << "better good\n";
  std::ofstream(dir / "adv.exc") << "best well\n";
}

}  // namespace kg::extract::testing_support
