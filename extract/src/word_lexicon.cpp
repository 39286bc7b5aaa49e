#include "word_lexicon.hpp"

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <vector>

namespace kg::extract::detail {

namespace {

enum : std::uint16_t {
  kNoun = 1,  // a common noun (written in lower case in WordNet)
  kVerb = 2,
  kAdj = 4,
  kAdv = 8,
  kName = 16,       // a one-word name (written with a capital: "Hamburg")
  kNamePart = 32,   // a word of a longer name ("Vladimir" of "Vladimir Putin")
  kIrrPlural = 64,  // an irregular plural from noun.exc ("geese")
  kIrrVerb = 128,   // an irregular verb form from verb.exc ("ran", "taken")
  kIrrAdj = 256,    // an irregular comparison from adj.exc ("better")
};

constexpr char kMagic[] = "KGWLEX1";

bool ascii_lower(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c < 'A' || c > 'Z'; });
}

std::string lowered(std::string_view w) {
  std::string out(w);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Calls f(line) for every line of a WordNet file, skipping the licence header (lines
// starting with two spaces).
template <class F>
Result<void> each_line(const std::filesystem::path& path, F f) {
  auto bytes = read_file_bytes(path.string());
  if (!bytes) return tl::unexpected(bytes.error());
  std::string_view rest(*bytes);
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.empty() || line.starts_with("  ")) continue;
    f(line);
  }
  return {};
}

std::string_view field(std::string_view line, std::size_t k) {
  std::size_t pos = 0;
  for (std::size_t i = 0; i < k; ++i) {
    pos = line.find(' ', pos);
    if (pos == std::string_view::npos) return {};
    ++pos;
  }
  const auto end = line.find(' ', pos);
  return line.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
}

bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Calls f(word, lexfile) for every word of every synset of data.noun: "offset lexfile n
// count word lex_id word lex_id ...", the word count in hexadecimal, adjective markers
// such as "(a)" removed; multiword entries keep their underscores.
template <class F>
Result<void> each_noun(const std::filesystem::path& data_noun, F f) {
  return each_line(data_noun, [&](std::string_view line) {
    const auto lexfile = field(line, 1);
    const auto count_text = field(line, 3);
    if (count_text.empty()) return;
    const unsigned long count = std::strtoul(std::string(count_text).c_str(), nullptr, 16);
    for (unsigned long i = 0; i < count && i < 64; ++i) {
      std::string_view word = field(line, 4 + 2 * i);
      if (const auto paren = word.find('('); paren != std::string_view::npos) {
        word = word.substr(0, paren);
      }
      if (!word.empty()) f(word, lexfile);
    }
  });
}

// Calls g(part) for every word of a multiword entry ("Vladimir_Putin") that starts with a
// capital.
template <class G>
void each_capitalised_part(std::string_view word, G g) {
  std::size_t start = 0;
  while (start <= word.size()) {
    const auto end = std::min(word.find('_', start), word.size());
    const auto part = word.substr(start, end - start);
    if (!part.empty() && !ascii_lower(part.substr(0, 1))) g(part);
    start = end + 1;
  }
}

}  // namespace

Result<WordLexicon> WordLexicon::read_wordnet(const std::string& dir) {
  namespace fs = std::filesystem;
  WordLexicon lex;
  const fs::path root(dir);
  // The first field of every line of each file, when it is one word, gets the file's bit:
  // the lemmas of the index files and the inflected forms of the exception lists.
  using Files = std::initializer_list<std::pair<const char*, std::uint16_t>>;
  const auto mark_first_words = [&](Table& table, Files files) -> Result<void> {
    for (const auto& [name, bit] : files) {
      auto ok = each_line(root / name, [&, bit = bit](std::string_view line) {
        const auto word = field(line, 0);
        if (!word.empty() && word.find('_') == std::string_view::npos) {
          table[std::string(word)] |= bit;
        }
      });
      if (!ok) return ok;
    }
    return {};
  };
  if (auto ok = mark_first_words(lex.lemmas_,
                                 {{"index.verb", kVerb}, {"index.adj", kAdj}, {"index.adv", kAdv}});
      !ok) {
    return tl::unexpected(ok.error());
  }
  // Nouns from the synsets, where names keep their capitals.
  auto ok = each_noun(root / "data.noun", [&](std::string_view word, std::string_view) {
    if (word.find('_') == std::string_view::npos) {
      lex.lemmas_[lowered(word)] |= ascii_lower(word) ? kNoun : kName;
    } else if (!ascii_lower(word)) {
      each_capitalised_part(
          word, [&](std::string_view part) { lex.lemmas_[lowered(part)] |= kNamePart; });
    }
  });
  if (!ok) return tl::unexpected(ok.error());
  if (auto read = mark_first_words(
          lex.irregular_, {{"noun.exc", kIrrPlural}, {"verb.exc", kIrrVerb}, {"adj.exc", kIrrAdj}});
      !read) {
    return tl::unexpected(read.error());
  }
  if (lex.lemmas_.empty()) {
    return fail(Error::Code::kInvalidArgument, "no WordNet words found", dir, 0, 0,
                "point to a WordNet 3 database directory such as /usr/share/wordnet "
                "(Debian package wordnet-base)");
  }
  return lex;
}

std::uint16_t WordLexicon::lemma_bits(std::string_view w) const {
  if (w.empty()) return 0;
  const auto it = lemmas_.find(w);
  return it == lemmas_.end() ? 0 : it->second;
}

std::string WordLexicon::classify(std::string_view w) const {
  if (lemmas_.empty()) return "-";
  const std::uint16_t base = lemma_bits(w);
  std::uint16_t irregular = 0;
  if (const auto it = irregular_.find(w); it != irregular_.end()) {
    irregular = it->second;
  }
  std::string scratch;
  // Bases of a suffixed form: strip the suffix, and also try "+e", "+y" for "ie"/"i",
  // and an undoubled final consonant ("stopped" -> "stop").
  const auto any_base = [&](std::string_view suffix, std::uint16_t bit,
                            std::initializer_list<std::string_view> appends) {
    if (w.size() < suffix.size() + 2 || !w.ends_with(suffix)) return false;
    const std::string_view stem = w.substr(0, w.size() - suffix.size());
    for (const auto a : appends) {
      if (a.empty()) {
        if (lemma_bits(stem) & bit) return true;
        continue;
      }
      scratch.assign(stem);
      scratch += a;
      if (lemma_bits(scratch) & bit) return true;
    }
    if (stem.back() == 'i') {
      scratch.assign(stem.substr(0, stem.size() - 1));
      scratch += 'y';
      if (lemma_bits(scratch) & bit) return true;
    }
    if (stem.size() >= 3 && stem.back() == stem[stem.size() - 2] && !is_vowel(stem.back()) &&
        (lemma_bits(stem.substr(0, stem.size() - 1)) & bit))
      return true;
    return false;
  };
  std::string out;
  const auto put = [&](bool on, const char* name) {
    if (!on) return;
    if (!out.empty()) out += '|';
    out += name;
  };
  put(base & kNoun, "N");
  put(base & kName, "P");
  put(base & kNamePart, "p");
  put(base & kVerb, "V");
  put(base & kAdj, "J");
  put(base & kAdv, "R");
  put((irregular & kIrrPlural) || any_base("s", kNoun, {""}) || any_base("es", kNoun, {""}), "Ns");
  put(any_base("s", kVerb, {""}) || any_base("es", kVerb, {""}), "Vz");
  put(any_base("ed", kVerb, {"", "e"}), "Vd");
  put(any_base("ing", kVerb, {"", "e"}), "Vg");
  put(irregular & kIrrVerb, "Vx");
  put(any_base("er", kAdj, {"", "e"}) || (irregular & kIrrAdj), "Jr");
  put(any_base("est", kAdj, {"", "e"}), "Js");
  return out.empty() ? "-" : out;
}

Result<NameKinds> read_wordnet_names(const std::string& dir) {
  NameKinds names;
  // Lexicographer files 14 noun.group, 15 noun.location, 18 noun.person.
  auto ok = each_noun(std::filesystem::path(dir) / "data.noun", [&](std::string_view word,
                                                                    std::string_view lexfile) {
    if (ascii_lower(word.substr(0, 1))) return;
    std::uint8_t kind = kNameOther;
    if (lexfile == "14") kind = kNameGroup;
    if (lexfile == "15") kind = kNamePlace;
    if (lexfile == "18") kind = kNamePerson;
    if (word.find('_') == std::string_view::npos) {
      names[lowered(word)] |= kind | kNameWhole;
    } else {
      each_capitalised_part(word, [&](std::string_view part) { names[lowered(part)] |= kind; });
    }
  });
  if (!ok) return tl::unexpected(ok.error());
  if (names.empty()) {
    return fail(Error::Code::kInvalidArgument, "no names found in WordNet's data.noun", dir, 0, 0,
                "point to a WordNet 3 database directory such as /usr/share/wordnet "
                "(Debian package wordnet-base)");
  }
  return names;
}

Result<WordNetLemmas> read_wordnet_lemmas(const std::string& dir) {
  const std::filesystem::path root(dir);
  WordNetLemmas out;
  for (const auto& [name, pos] :
       {std::pair{"noun", 'N'}, {"verb", 'V'}, {"adj", 'J'}, {"adv", 'R'}}) {
    auto ok =
        each_line(root / (std::string("index.") + name), [&, pos = pos](std::string_view line) {
          const auto word = field(line, 0);
          if (word.empty() || word.find('_') != std::string_view::npos || !ascii_lower(word))
            return;
          out.lemmas.push_back(pos + std::string(word));
        });
    if (!ok) return tl::unexpected(ok.error());
    ok = each_line(root / (std::string(name) + ".exc"), [&, pos = pos](std::string_view line) {
      const auto form = field(line, 0);
      if (form.empty() || form.find('_') != std::string_view::npos) return;
      for (std::size_t k = 1;; ++k) {
        const auto base = field(line, k);
        if (base.empty()) break;
        if (base.find('_') == std::string_view::npos) {
          out.irregular.emplace_back(pos + std::string(form), std::string(base));
        }
      }
    });
    if (!ok) return tl::unexpected(ok.error());
  }
  std::sort(out.lemmas.begin(), out.lemmas.end());
  out.lemmas.erase(std::unique(out.lemmas.begin(), out.lemmas.end()), out.lemmas.end());
  if (out.lemmas.empty()) {
    return fail(Error::Code::kInvalidArgument, "no WordNet lemmas found", dir, 0, 0,
                "point to a WordNet 3 database directory such as /usr/share/wordnet "
                "(Debian package wordnet-base)");
  }
  return out;
}

std::string name_kind_text(std::uint8_t bits) {
  if (bits == 0) return "-";
  std::string out;
  const auto put = [&](std::uint8_t bit, const char* name) {
    if ((bits & bit) == 0) return;
    if (!out.empty()) out += '|';
    out += name;
  };
  put(kNamePerson, "PER");
  put(kNamePlace, "LOC");
  put(kNameGroup, "GRP");
  put(kNameOther, "OTH");
  out += (bits & kNameWhole) ? "+w" : "+p";
  return out;
}

void WordLexicon::save(BinaryWriter& w) const {
  w.str(kMagic);
  w.string_map(lemmas_);
  w.string_map(irregular_);
}

bool WordLexicon::load(BinaryReader& r) {
  std::string magic;
  return r.str(magic) && magic == kMagic && r.string_map(lemmas_) && r.string_map(irregular_);
}

}  // namespace kg::extract::detail
