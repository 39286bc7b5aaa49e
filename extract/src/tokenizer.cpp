#include <algorithm>
#include <array>
#include <cstring>
#include <kg/extract/tokenizer.hpp>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "case_profile.hpp"
#include "perceptron.hpp"
#include "util/binary_io.hpp"
#include "util/text.hpp"

namespace kg::extract {

using detail::decode_utf8;

struct Tokenizer::Impl {
  std::unordered_set<std::string> abbreviations;  // exact forms with final '.'
  // Sentence starters: capitalised words that begin many sentences of the training text and
  // are written in lower case elsewhere ("The", "He", "But"); after an abbreviation that
  // is no title they begin a sentence ("... in the U.S. The ...").
  std::unordered_set<std::string> starters;
  std::unordered_map<std::string, std::vector<std::uint8_t>> mwt;  // lower form -> split points
  std::unordered_set<std::string> hyphen_prefixes;  // lower left parts kept before '-'
  std::unordered_set<std::string> hyphen_words;     // lower compounds kept whole
  detail::LinearModel boundary;                     // 2 classes: 0 = continue, 1 = end
};

namespace {

constexpr char kMagic[] = "KGTOK3";
constexpr char kMagicWithoutStarters[] = "KGTOK2";
constexpr int kMaxSentenceTokens = 200;

struct Cp {
  char32_t c;
  std::size_t len;
};

Cp cp_at(std::string_view s, std::size_t i) {
  std::size_t len = 1;
  const char32_t c = decode_utf8(s, i, len);
  return {c, len};
}

// Start of the code point that ends at byte t (exclusive).
std::size_t prev_cp_start(std::string_view s, std::size_t t) {
  std::size_t i = t - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

bool is_opening(char32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '"' || c == 0x201C || c == 0x201E ||
         c == 0x2018 || c == 0xAB || c == 0xBF || c == 0xA1 || c == '*' || c == '<' || c == 0x201A;
}

bool is_closing(char32_t c) {
  return c == ')' || c == ']' || c == '}' || c == '"' || c == 0x201D || c == 0x2019 || c == '\'' ||
         c == 0xBB || c == ',' || c == ';' || c == ':' || c == '*' || c == '>';
}

bool is_dash(char32_t c) { return c == 0x2013 || c == 0x2014 || c == 0x2015; }

bool is_word_cp(char32_t c) { return detail::is_letter_cp(c) || detail::is_digit(c) || c == '_'; }

std::string digit_key(std::string_view lower) {
  std::string out(lower);
  for (auto& ch : out) {
    if (ch >= '0' && ch <= '9') ch = '0';
  }
  return out;
}

// "pic.twitter.com/LjBGjCo80l", "archive.today/gsnio": a host name of lower-case labels
// joined by dots, its last label all letters, then a path.
bool is_host_and_path(std::string_view w) {
  const auto slash = w.find('/');
  if (slash == std::string_view::npos || slash + 1 >= w.size()) return false;
  const std::string_view host = w.substr(0, slash);
  const auto dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || host.size() - dot - 1 < 2) return false;
  for (std::size_t k = 0; k < host.size(); ++k) {
    const char c = host[k];
    const bool lower = c >= 'a' && c <= 'z';
    const bool ok = lower || (c >= '0' && c <= '9' && k < dot) || (c == '-' && k < dot) ||
                    (c == '.' && k > 0 && host[k - 1] != '.');
    if (!ok) return false;
    if (k > dot && !lower) return false;
  }
  return true;
}

bool is_email_or_url(std::string_view w) {
  if (w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.") ||
      w.starts_with("ftp://") || is_host_and_path(w)) {
    return true;
  }
  const auto at = w.find('@');
  if (at != std::string_view::npos && at > 0) {
    const auto dot = w.find('.', at);
    return dot != std::string_view::npos && dot + 1 < w.size() &&
           std::isalnum(static_cast<unsigned char>(w[dot + 1]));
  }
  return false;
}

// ASCII emoticons, which UD English keeps as one token (":)", ":-(", ";)", "=)", ":D", "(:",
// "<3", "^_^"). Eyes ':' ';' '=', an optional nose '-' or tear '\'', then a mouth; or the
// mirror image for bracket mouths. Letter and digit mouths (":D", ":P", ":3") only count
// when `whole` (the emoticon stands alone between spaces), so that "Note:Do" is no face.
bool is_emoticon(std::string_view w, bool whole) {
  if (w == "<3" || w == "^_^" || w == "^^" || w == "-_-" || w == "^.^" || w == "o_O" ||
      w == "O_o") {
    return whole;
  }
  if (w.size() < 2 || w.size() > 3) return false;
  const auto eyes = [](char c) { return c == ':' || c == ';' || c == '='; };
  const auto nose = [](char c) { return c == '-' || c == '\''; };
  const auto bracket = [](char c) {
    return c == ')' || c == '(' || c == ']' || c == '[' || c == '/' || c == '|' || c == '*';
  };
  const auto letter = [](char c) {
    return c == 'D' || c == 'P' || c == 'p' || c == 'O' || c == 'o' || c == 'S' || c == 's' ||
           c == 'x' || c == 'X' || c == '3';
  };
  const auto mouth = [&](char c) { return bracket(c) || (whole && letter(c)); };
  if (eyes(w.front())) {
    if (w.size() == 2) return mouth(w[1]) || (whole && w == ":?");
    return nose(w[1]) && mouth(w[2]);
  }
  // Mirrored: "(:", "(-:", ")':" are rare; only the two-character forms.
  return w.size() == 2 && (w[0] == '(' || w[0] == ')') && eyes(w[1]) && whole;
}

// Abbreviations of English news text that keep their period whether or not the treebanks
// showed them often enough to learn (AP style: titles, months, days, US states, company
// words), as tokenizers' exception lists do. Titles stand before a name: a title followed
// by a capitalised word does not end a sentence ("Sen. Lindsey Graham").
constexpr std::array<std::string_view, 36> kTitles = {
    "Mr.",   "Mrs.",  "Ms.",  "Messrs.", "Dr.",   "Drs.",  "Prof.", "Sen.", "Sens.",
    "Rep.",  "Reps.", "Gov.", "Govs.",   "Gen.",  "Lt.",   "Col.",  "Maj.", "Capt.",
    "Sgt.",  "Cpl.",  "Pvt.", "Adm.",    "Cmdr.", "Brig.", "Rev.",  "Hon.", "Pres.",
    "Supt.", "Atty.", "Amb.", "Insp.",   "Det.",  "Msgr.", "Fr.",   "Mt.",  "Ft."};
constexpr std::array<std::string_view, 76> kAbbreviations = {
    "Jan.",    "Feb.",  "Mar.",  "Apr.",   "Jun.",  "Jul.",  "Aug.",  "Sep.",  "Sept.",  "Oct.",
    "Nov.",    "Dec.",  "Mon.",  "Tue.",   "Tues.", "Wed.",  "Thu.",  "Thur.", "Thurs.", "Fri.",
    "Ala.",    "Ariz.", "Ark.",  "Calif.", "Colo.", "Conn.", "Del.",  "Fla.",  "Ga.",    "Ill.",
    "Ind.",    "Kan.",  "Ky.",   "La.",    "Md.",   "Mass.", "Mich.", "Minn.", "Miss.",  "Mo.",
    "Mont.",   "Neb.",  "Nev.",  "Okla.",  "Ore.",  "Pa.",   "Tenn.", "Tex.",  "Vt.",    "Va.",
    "Wash.",   "Wis.",  "Wyo.",  "W.Va.",  "Inc.",  "Corp.", "Co.",   "Cos.",  "Ltd.",   "Bros.",
    "Assn.",   "Dept.", "Univ.", "Jr.",    "Sr.",   "St.",   "Ave.",  "Blvd.", "vs.",    "etc.",
    "approx.", "est.",  "Vol.",  "pp.",    "ca.",   "cf."};

bool listed_title(std::string_view w) {
  return std::find(kTitles.begin(), kTitles.end(), w) != kTitles.end();
}

bool listed_abbreviation(std::string_view w) {
  return listed_title(w) ||
         std::find(kAbbreviations.begin(), kAbbreviations.end(), w) != kAbbreviations.end();
}

// Units that UD English splits off a number written against them ("650k" -> "650" "k",
// "10am", "$5bn", "20km"), as tokenizers' unit lists do. Ordinals ("3rd") and decades
// ("1990s") stay whole.
constexpr std::array<std::string_view, 36> kUnits = {
    "k",   "m",   "b",  "bn",  "mn",  "tn",  "am",   "pm",  "mm",   "cm",  "km", "kg",
    "mg",  "ml",  "lb", "lbs", "ft",  "mph", "kph",  "kmh", "gb",   "mb",  "tb", "kb",
    "ghz", "mhz", "kw", "mw",  "hrs", "hr",  "mins", "min", "secs", "yrs", "yr", "oz"};

// Where a unit of kUnits begins in "650k", "10PM" or "3:30pm" (digits, then the unit), or
// npos.
std::size_t unit_start(std::string_view w) {
  std::size_t i = 0;
  while (i < w.size() && ((w[i] >= '0' && w[i] <= '9') ||
                          ((w[i] == '.' || w[i] == ',' || w[i] == ':') && i > 0 &&
                           i + 1 < w.size() && w[i + 1] >= '0' && w[i + 1] <= '9'))) {
    ++i;
  }
  if (i == 0 || i == w.size() || w[i - 1] < '0' || w[i - 1] > '9') return std::string_view::npos;
  const std::string unit = detail::to_lower(w.substr(i));
  return std::find(kUnits.begin(), kUnits.end(), unit) != kUnits.end() ? i : std::string_view::npos;
}

bool is_initials(std::string_view w) {
  // (L.)+ e.g. "U.S.", "p.m.", "J."
  std::size_t i = 0;
  int letters = 0;
  while (i < w.size()) {
    const Cp a = cp_at(w, i);
    if (!detail::is_letter_cp(a.c)) return false;
    i += a.len;
    if (i >= w.size() || w[i] != '.') return false;
    ++i;
    ++letters;
  }
  return letters > 0;
}

class ChunkSplitter {
 public:
  ChunkSplitter(const Tokenizer::Impl& m, std::string_view text, std::vector<Token>& out)
      : m_(m), text_(text), out_(out) {}

  void split(std::size_t s, std::size_t t) {
    std::vector<std::pair<std::size_t, std::size_t>> tail;
    const std::string_view whole = text_.substr(s, t - s);
    if (is_email_or_url(whole)) {
      // "<spahnn@hnks.com>", "(www.un.org)": brackets and quotes around it are tokens.
      while (s + 1 < t &&
             (text_[s] == '<' || text_[s] == '(' || text_[s] == '[' || text_[s] == '"')) {
        emit(s, s + 1, false);
        ++s;
      }
      while (t > s + 1) {
        const std::size_t p = prev_cp_start(text_, t);
        const char32_t c = cp_at(text_, p).c;
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
            c == '>' || c == ']' || c == '"' || c == '\'' || c == 0x201D || c == 0x2019) {
          tail.emplace_back(p, t);
          t = p;
        } else {
          break;
        }
      }
      emit(s, t, false);
      for (auto it = tail.rbegin(); it != tail.rend(); ++it) emit(it->first, it->second, false);
      return;
    }
    if (is_emoticon(whole, true)) {
      emit(s, t, false);
      return;
    }
    // Leading punctuation, currency symbols, hashtags and mentions.
    while (s < t) {
      const Cp a = cp_at(text_, s);
      if (is_opening(a.c)) {
        // A run of one symbol is one token ("***", "<<"), as is PTB's opening "``".
        std::size_t e = s + a.len;
        if (a.c == '*' || a.c == '<') {
          while (e < t && text_[e] == static_cast<char>(a.c)) ++e;
        }
        emit(s, e, false);
        s = e;
        continue;
      }
      if ((a.c == '`' || a.c == '\'') && s + 1 < t && text_[s + 1] == static_cast<char>(a.c)) {
        emit(s, s + 2, false);
        s += 2;
        continue;
      }
      if (a.c == '\'' || a.c == 0x2019) {
        const std::string rest = detail::to_lower(detail::normalize_form(text_.substr(s, t - s)));
        const bool clitic = rest == "'s" || rest == "'re" || rest == "'ll" || rest == "'ve" ||
                            rest == "'d" || rest == "'m" || rest == "'em" || rest == "'t";
        const bool decade = s + a.len < t && detail::is_digit(cp_at(text_, s + a.len).c);
        if (clitic || decade || t - s == a.len) break;
        emit(s, s + a.len, false);
        s += a.len;
        continue;
      }
      if (a.c == '-' && s + 1 < t && detail::is_digit(cp_at(text_, s + 1).c)) {
        emit(s, s + 1, false);  // "-2:30", "-0.39": UD English splits the sign off
        ++s;
        continue;
      }
      if (is_dash(a.c) || (a.c == '-' && s + 1 < t && text_[s + 1] == '-')) {
        std::size_t e = s;
        while (e < t) {
          const Cp b = cp_at(text_, e);
          if (!is_dash(b.c) && b.c != '-') break;
          e += b.len;
        }
        emit(s, e, false);
        s = e;
        continue;
      }
      if (a.c == '.' && s + 1 < t && text_[s + 1] == '.') {
        std::size_t e = s;
        while (e < t && text_[e] == '.') ++e;
        emit(s, e, false);
        s = e;
        continue;
      }
      if (a.c == 0x2026) {
        emit(s, s + a.len, false);
        s += a.len;
        continue;
      }
      if ((a.c == '$' || a.c == 0xA3 || a.c == 0x20AC || a.c == 0xA5) && s + a.len < t &&
          detail::is_digit(cp_at(text_, s + a.len).c)) {
        emit(s, s + a.len, false);
        s += a.len;
        continue;
      }
      if ((a.c == '#' || a.c == '@') && s + 1 < t && is_word_cp(cp_at(text_, s + 1).c)) {
        std::size_t e = s + 1;
        while (e < t) {
          const Cp b = cp_at(text_, e);
          if (!is_word_cp(b.c)) break;
          e += b.len;
        }
        emit(s, e, false);
        s = e;
        continue;
      }
      break;
    }
    // Trailing punctuation.
    const std::size_t chunk_end = t;
    while (t > s) {
      const std::size_t p = prev_cp_start(text_, t);
      const char32_t c = cp_at(text_, p).c;
      if (p == s) break;
      // A face after a word ("smoke-free:)").
      if (const std::size_t n = emoticon_suffix(s, t)) {
        tail.emplace_back(t - n, t);
        t -= n;
        continue;
      }
      // A mixed run of final punctuation is one token (".?", "?!", ",?"); a period that
      // completes an abbreviation stays with it ("U.S.?" is "U.S." and "?").
      if (c == '!' || c == '?' || c == '.') {
        std::size_t q = t;
        while (q > s && (text_[q - 1] == '.' || text_[q - 1] == '!' || text_[q - 1] == '?')) --q;
        if (q > s + 1 && (text_[q - 1] == ',' || text_[q - 1] == ':') && text_[q] == '?') --q;
        const std::string_view run = text_.substr(q, t - q);
        const bool mixed =
            run.size() >= 2 && run.find_first_not_of(run[0]) != std::string_view::npos;
        if (mixed && run.find("..") == std::string_view::npos &&
            run.find_first_of("!?") != std::string_view::npos) {
          if (q == s) break;  // all punctuation: one token
          if (run[0] == '.' && is_abbreviation(text_.substr(s, q + 1 - s))) ++q;
          tail.emplace_back(q, t);
          t = q;
          continue;
        }
      }
      if (c == '!' || c == '?') {
        std::size_t q = p;
        while (q > s && (text_[q - 1] == '!' || text_[q - 1] == '?')) --q;
        if (q == s) break;
        tail.emplace_back(q, t);
        t = q;
        continue;
      }
      if (is_closing(c)) {
        // A run of one symbol is one token (">>", "***"), as is PTB's closing "''".
        std::size_t q = p;
        if (c == '*' || c == '>' || c == '\'') {
          while (q > s && text_[q - 1] == static_cast<char>(c)) --q;
          if (c == '\'' && t - q > 2) q = t - 2;
          if (q == s) break;
        }
        tail.emplace_back(q, t);
        t = q;
        continue;
      }
      if (c == '.') {
        std::size_t q = p;
        while (q > s && text_[q - 1] == '.') --q;
        if (q == s) break;  // all dots: one token
        // "Inc.." is the abbreviation and a full stop.
        if (t - q == 2 && is_abbreviation(text_.substr(s, q + 1 - s))) {
          tail.emplace_back(q + 1, t);
          t = q + 1;
          continue;
        }
        if (t - q >= 2) {
          tail.emplace_back(q, t);
          t = q;
          continue;
        }
        const std::string_view core = text_.substr(s, t - s);
        if (is_abbreviation(core) || is_abbreviation(after_last_hyphen(core)) ||
            numero_before_number(core, chunk_end)) {
          break;
        }
        tail.emplace_back(p, t);
        t = p;
        continue;
      }
      if (c == 0x2026 || is_dash(c)) {
        tail.emplace_back(p, t);
        t = p;
        continue;
      }
      if (c == '-' && text_[p - 1] == '-') {
        std::size_t q = p;
        while (q > s && text_[q - 1] == '-') --q;
        if (q == s) break;
        tail.emplace_back(q, t);
        t = q;
        continue;
      }
      if (c == '%' && detail::is_digit(cp_at(text_, prev_cp_start(text_, p)).c)) {
        tail.emplace_back(p, t);
        t = p;
        continue;
      }
      break;
    }
    if (s < t) middle(s, t);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) emit(it->first, it->second, false);
  }

  // The part of "D-Calif." after its last hyphen (the hyphen is split off later), or "".
  static std::string_view after_last_hyphen(std::string_view core) {
    const auto dash = core.rfind('-');
    return dash == std::string_view::npos || dash == 0 ? std::string_view() : core.substr(dash + 1);
  }

  // "No." and "Nos." before a number are the numero sign ("No. 10 Downing St."), not the
  // word "No" ending a sentence (lower-case "no. 5" is left to the learned rules).
  [[nodiscard]] bool numero_before_number(std::string_view core, std::size_t chunk_end) const {
    const auto core_end = static_cast<std::size_t>(core.data() + core.size() - text_.data());
    if ((core != "No." && core != "Nos.") || core_end != chunk_end) return false;
    std::size_t k = chunk_end;
    while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t')) ++k;
    return k > chunk_end && k < text_.size() && text_[k] >= '0' && text_[k] <= '9';
  }

  // Length of a face (":)", ";-)") that ends text_[s, t) right after a letter or final
  // punctuation, or 0.
  [[nodiscard]] std::size_t emoticon_suffix(std::size_t s, std::size_t t) const {
    for (const std::size_t n : {std::size_t{3}, std::size_t{2}}) {
      if (t < s + n + 1) continue;
      if (!is_emoticon(text_.substr(t - n, n), false)) continue;
      const std::size_t b = prev_cp_start(text_, t - n);
      const char32_t before = cp_at(text_, b).c;
      if (detail::is_letter_cp(before) || before == '.' || before == '!' || before == '?') return n;
    }
    return 0;
  }

  [[nodiscard]] bool is_abbreviation(std::string_view core) const {
    if (is_initials(core)) return true;
    const std::string norm = detail::normalize_form(core);
    return m_.abbreviations.count(norm) > 0 || listed_abbreviation(norm);
  }

 private:
  // Splits the inside of a chunk: dashes, ellipses, emoji, slashes and commas between
  // letters, hyphens (unless learned as kept), then clitics.
  void middle(std::size_t s, std::size_t t) {
    std::size_t seg = s;
    std::size_t i = s;
    const auto flush = [&](std::size_t end) {
      if (end > seg) words(seg, end);
    };
    while (i < t) {
      const Cp a = cp_at(text_, i);
      if (detail::is_emoji_cp(a.c)) {
        flush(i);
        std::size_t e = i + a.len;
        while (e < t) {
          const Cp b = cp_at(text_, e);
          if (detail::is_emoji_modifier_cp(b.c)) {
            e += b.len;
            if (b.c == 0x200D && e < t) e += cp_at(text_, e).len;
          } else if (b.c >= 0x1F1E6 && b.c <= 0x1F1FF && a.c >= 0x1F1E6 && a.c <= 0x1F1FF &&
                     e == i + a.len) {
            e += b.len;  // regional-indicator pair (flag)
          } else {
            break;
          }
        }
        emit(i, e, false);
        i = e;
        seg = i;
        continue;
      }
      const bool prev_letter =
          i > s && detail::is_letter_cp(cp_at(text_, prev_cp_start(text_, i)).c);
      const bool next_letter = i + a.len < t && detail::is_letter_cp(cp_at(text_, i + a.len).c);
      const bool next_alnum = i + a.len < t && is_word_cp(cp_at(text_, i + a.len).c);
      if (is_dash(a.c) || (a.c == '-' && i + 1 < t && text_[i + 1] == '-') ||
          (a.c == '.' && i + 1 < t && text_[i + 1] == '.') || a.c == 0x2026) {
        flush(i);
        std::size_t e = i + a.len;
        if (a.c == '-' || a.c == '.') {
          while (e < t && text_[e] == static_cast<char>(a.c)) ++e;
        }
        emit(i, e, false);
        i = e;
        seg = i;
        continue;
      }
      // "b/c", "w/o", "s/he": a slash after a single letter is part of the word.
      const bool letter_slash =
          a.c == '/' && i == seg + cp_at(text_, seg).len &&
          (seg == s || !is_word_cp(cp_at(text_, prev_cp_start(text_, seg)).c));
      if ((a.c == '/' || a.c == ',' || a.c == ';') && prev_letter && next_letter && !letter_slash) {
        flush(i);
        emit(i, i + a.len, false);
        i += a.len;
        seg = i;
        continue;
      }
      if (a.c == ')' && i + 1 < t && text_[i + 1] == '(') {
        // "file.pdf)(See": the brackets between two parentheticals are tokens.
        flush(i);
        emit(i, i + 1, false);
        emit(i + 1, i + 2, false);
        i += 2;
        seg = i;
        continue;
      }
      if (a.c == '-' && i > seg && next_alnum) {
        // Decide on the compound from this segment to the end of the alphanumeric run.
        std::size_t e = i + 1;
        while (e < t) {
          const Cp b = cp_at(text_, e);
          if (!is_word_cp(b.c) && b.c != '-' && b.c != '.' && b.c != '\'' && b.c != 0x2019) break;
          e += b.len;
        }
        const std::string left = digit_key(detail::to_lower(text_.substr(seg, i - seg)));
        const std::string compound = detail::to_lower(text_.substr(seg, e - seg));
        const bool digits =
            std::all_of(left.begin(), left.end(), [](char ch) { return ch == '0'; });
        const bool keep = m_.hyphen_prefixes.count(left) > 0 ||
                          m_.hyphen_words.count(compound) > 0 ||
                          (digits && m_.hyphen_prefixes.count("0") > 0);
        if (!keep) {
          flush(i);
          emit(i, i + 1, false);
          ++i;
          seg = i;
          continue;
        }
        i = e;  // keep the whole compound in this segment
        continue;
      }
      i += a.len;
    }
    flush(t);
  }

  // Splits a word into its multiword-token parts (clitics) and emits them.
  void words(std::size_t s, std::size_t t) {
    const std::string_view w = text_.substr(s, t - s);
    const std::string lower = detail::to_lower(detail::normalize_form(w));
    std::vector<std::size_t> cuts;  // code-point positions
    if (const std::size_t u = unit_start(w); u != std::string_view::npos) {
      emit(s, s + u, false);
      emit(s + u, t, false);
      return;
    }
    const auto nt = lower.size() > 3 && lower.ends_with("nt")
                        ? m_.mwt.find(lower.substr(0, lower.size() - 2) + "n't")
                        : m_.mwt.end();
    if (const auto it = m_.mwt.find(lower); it != m_.mwt.end()) {
      for (const auto c : it->second) cuts.push_back(c);
    } else if (nt != m_.mwt.end() && nt->second.size() == 1 &&
               static_cast<std::size_t>(nt->second[0]) + 2 <= detail::utf8_length(lower)) {
      // "havent" as "haven't" is split: "have" "nt" (UD English splits such typos).
      cuts.push_back(nt->second[0]);
    } else {
      const std::size_t n = detail::utf8_length(lower);
      const auto ends = [&](std::string_view suf) {
        return lower.size() > suf.size() && lower.ends_with(suf);
      };
      std::size_t cut = 0;
      if (ends("n't") && n > 3) {
        cut = n - 3;
      } else if (ends("'re") || ends("'ve") || ends("'ll")) {
        cut = n - 3;
      } else if (ends("'s") || ends("'m") || ends("'d")) {
        cut = n - 2;
      }
      if (cut > 0) {
        const std::string_view head = detail::utf8_prefix(lower, cut);
        const bool letters = !head.empty() && detail::is_letter_cp(cp_at(head, 0).c);
        if (letters) cuts.push_back(cut);
      }
    }
    if (cuts.empty()) {
      emit(s, t, false);
      return;
    }
    std::size_t prev = s;
    for (const auto cut : cuts) {
      const std::size_t pos = s + detail::utf8_prefix(w, cut).size();
      if (pos <= prev || pos >= t) continue;
      emit(prev, pos, true);
      prev = pos;
    }
    emit(prev, t, false);
  }

  void emit(std::size_t s, std::size_t e, bool joined) {
    if (e <= s) return;
    Token tok;
    tok.start = static_cast<std::uint32_t>(s);
    tok.end = static_cast<std::uint32_t>(e);
    tok.norm = detail::normalize_form(text_.substr(s, e - s));
    tok.space_after = false;
    tok.joined_with_next = joined;
    out_.push_back(std::move(tok));
  }

  const Tokenizer::Impl& m_;
  std::string_view text_;
  std::vector<Token>& out_;
};

bool is_final_punct(std::string_view norm) {
  if (norm.empty()) return false;
  return std::all_of(norm.begin(), norm.end(),
                     [](char c) { return c == '.' || c == '!' || c == '?'; });
}

// Final punctuation, a word with a final period, or a face (":)" ends most sentences it
// follows in the treebanks' web text).
bool is_boundary_candidate(std::string_view norm) {
  return is_final_punct(norm) || (norm.size() > 1 && norm.back() == '.') || is_emoticon(norm, true);
}

bool is_closing_norm(std::string_view norm) {
  return norm == "\"" || norm == "'" || norm == ")" || norm == "]" || norm == "}" || norm == "''";
}

char first_class(std::string_view w) {
  if (w.empty()) return '_';
  const Cp a = cp_at(w, 0);
  if (detail::is_upper_cp(a.c)) return 'U';
  if (detail::is_letter_cp(a.c)) return 'l';
  if (detail::is_digit(a.c)) return 'd';
  return 'p';
}

// Features of a candidate boundary after word `j` (candidate word `i`, next word j+1).
void boundary_features(const std::vector<std::string_view>& norms, std::size_t i, std::size_t j,
                       std::vector<std::uint64_t>& f) {
  f.clear();
  const auto add = [&](std::string_view name, std::string_view value) {
    f.push_back(detail::fnv1a(value, detail::fnv1a(name)));
  };
  const std::string cand = detail::to_lower(norms[i]);
  const std::string next = j + 1 < norms.size() ? std::string(norms[j + 1]) : std::string("<END>");
  const std::string prev = i > 0 ? detail::to_lower(norms[i - 1]) : std::string("<S>");
  const char nc = first_class(next);
  const std::string ncs(1, nc);
  add("b", "");
  add("t", cand);
  add("abbr", cand.size() > 1 && cand.back() == '.' && !is_final_punct(cand) ? "1" : "0");
  add("n", next);
  add("nl", detail::to_lower(next));
  add("ns", detail::word_shape(next));
  add("nc", ncs);
  add("t+nc", cand + "|" + ncs);
  add("p", prev);
  add("p+t", prev + "|" + cand);
  const std::string_view q = j > i ? norms[j] : std::string_view();
  add("q", q);
  add("q+nc", std::string(q) + "|" + ncs);
  add("ps", detail::word_shape(i > 0 ? norms[i - 1] : std::string_view()));
}

// Which words close a quotation or bracket that is open before them in their paragraph: a
// right double quotation mark always; a straight double quote ('"', "''") when an odd number
// of them came before it, unless it is written against the next word after a space; ')' and
// ']' when a bracket is open. `forms` are the words as written, attached[k] says no space
// separates word k from word k+1, `paragraph[k]` says word k begins a paragraph.
std::vector<char> closing_words(const std::vector<std::string_view>& forms,
                                const std::vector<char>& attached,
                                const std::vector<char>& paragraph) {
  std::vector<char> out(forms.size(), 0);
  bool quote_open = false;
  int depth = 0;
  for (std::size_t k = 0; k < forms.size(); ++k) {
    if (paragraph[k]) {
      quote_open = false;
      depth = 0;
    }
    const std::string_view f = forms[k];
    if (f == "\xE2\x80\x9D") {
      out[k] = 1;
    } else if (f == "\"" || f == "''") {
      // One written against the next word after a space opens a quotation ("say? "THE").
      const bool opens = k > 0 && !attached[k - 1] && attached[k];
      out[k] = quote_open && !opens ? 1 : 0;
      quote_open = !out[k];
    } else if (f == "``") {
      quote_open = true;
    } else if (f == "(" || f == "[") {
      ++depth;
    } else if ((f == ")" || f == "]") && depth > 0) {
      out[k] = 1;
      --depth;
    }
  }
  return out;
}

// Closing quotes/brackets after the candidate belong to its sentence: those written right
// after it (attached[k] says no space separates word k from word k+1), and, after a space,
// those that close what was opened before them (closes[k], closing_words): "... laws . )",
// "... off you . ”" in text whose punctuation stands apart.
std::size_t extend_closing(const std::vector<std::string_view>& norms,
                           const std::vector<char>& attached, const std::vector<char>& closes,
                           std::size_t i) {
  std::size_t j = i;
  while (j + 1 < norms.size() && (attached[j] || closes[j + 1]) && is_closing_norm(norms[j + 1])) {
    ++j;
  }
  return j;
}

}  // namespace

Tokenizer::Tokenizer() : impl_(std::make_shared<Impl>()) {}

bool Tokenizer::is_abbreviation(std::string_view word) const {
  std::vector<Token> dummy;
  return ChunkSplitter(*impl_, word, dummy).is_abbreviation(word);
}

std::vector<Token> Tokenizer::tokenize(std::string_view text, std::size_t begin,
                                       std::size_t end) const {
  std::vector<Token> out;
  // Room for about as many tokens as the text will give (a chunk between spaces gives
  // 1.2 tokens in news and treebank text), so a long document's token array is not
  // copied again and again as it grows.
  std::size_t chunks = 0;
  for (std::size_t k = begin; k < end; ++k) {
    const bool space = text[k] == ' ' || text[k] == '\n' || text[k] == '\t' || text[k] == '\r';
    const bool starts = !space && (k == begin || text[k - 1] == ' ' || text[k - 1] == '\n' ||
                                   text[k - 1] == '\t' || text[k - 1] == '\r');
    chunks += starts ? 1 : 0;
  }
  out.reserve(chunks + chunks / 4 + 16);
  std::size_t i = begin;
  ChunkSplitter splitter(*impl_, text, out);
  while (i < end) {
    const Cp a = cp_at(text, i);
    if (detail::is_space_cp(a.c) || detail::is_invisible_cp(a.c)) {
      if (!out.empty()) out.back().space_after = true;
      i += a.len;
      continue;
    }
    std::size_t e = i;
    while (e < end) {
      const Cp b = cp_at(text, e);
      if (detail::is_space_cp(b.c) || detail::is_invisible_cp(b.c)) break;
      e += b.len;
    }
    // "discuss.#G20Summit": a hashtag or mention glued to punctuation starts a new chunk,
    // but not the '@' of an address ("mayur...@yahoo.com"); and '<' before an address
    // does ("Reynolds"<rreynol...@cogeco.ca>).
    std::size_t piece = i;
    for (std::size_t k = i + 1; k + 1 < e; ++k) {
      if ((text[k] == '#' || text[k] == '@') && std::strchr(".,;:!?)", text[k - 1]) != nullptr &&
          is_word_cp(cp_at(text, k + 1).c) &&
          !(text[k] == '@' && is_email_or_url(text.substr(piece, e - piece)))) {
        splitter.split(piece, k);
        piece = k;
      } else if (text[k] == '<' && k > piece && is_email_or_url(text.substr(k + 1, e - k - 1))) {
        splitter.split(piece, k);
        piece = k;
      }
    }
    splitter.split(piece, e);
    i = e;
  }
  return out;
}

void Tokenizer::process(Document& doc) const {
  const std::string& text = doc.text();
  auto tokens = tokenize(text, doc.begin(), text.size());
  std::vector<std::string_view> norms;  // views of the tokens' forms, which stay put
  std::vector<std::string_view> forms;  // the tokens as written
  std::vector<char> attached;
  std::vector<int> newlines;  // line breaks between word k and word k+1
  std::vector<char> paragraph;
  norms.reserve(tokens.size());
  forms.reserve(tokens.size());
  attached.reserve(tokens.size());
  newlines.reserve(tokens.size());
  paragraph.reserve(tokens.size());
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const auto& t = tokens[k];
    norms.push_back(t.norm);
    forms.push_back(std::string_view(text).substr(t.start, t.end - t.start));
    attached.push_back(t.space_after ? 0 : 1);
    int nl = 0;
    if (k + 1 < tokens.size()) {
      for (std::size_t c = t.end; c < tokens[k + 1].start; ++c) nl += text[c] == '\n';
    }
    newlines.push_back(nl);
    paragraph.push_back(k == 0 || newlines[k - 1] >= 2 ? 1 : 0);
  }
  const std::vector<char> closes = closing_words(forms, attached, paragraph);
  std::vector<Sentence> sentences;
  std::vector<std::uint64_t> feats;
  std::vector<float> buf;
  std::size_t begin = 0;
  const auto close = [&](std::size_t last) {
    if (last + 1 <= begin) return;
    Sentence s;
    s.token_begin = static_cast<std::uint32_t>(begin);
    s.token_end = static_cast<std::uint32_t>(last + 1);
    s.start = tokens[begin].start;
    s.end = tokens[last].end;
    sentences.push_back(s);
    begin = last + 1;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i + 1 == tokens.size()) {
      close(i);
      break;
    }
    if (tokens[i].joined_with_next) continue;
    const int nl = newlines[i];
    if (nl >= 2) {
      close(i);
      continue;
    }
    if (nl == 1) {
      // A line break ends the sentence unless the next line clearly continues it.
      if (first_class(norms[i + 1]) != 'l' && norms[i] != "," && norms[i] != "and") {
        close(i);
        continue;
      }
    }
    if (i - begin + 1 >= static_cast<std::size_t>(kMaxSentenceTokens)) {
      close(i);
      continue;
    }
    if (!is_boundary_candidate(norms[i])) continue;
    const std::size_t j = extend_closing(norms, attached, closes, i);
    if (j + 1 >= tokens.size()) continue;  // document end closes it
    if (j == i && listed_title(norms[i]) && first_class(norms[i + 1]) == 'U') continue;
    if (j == i && !is_final_punct(norms[i]) &&
        impl_->starters.count(std::string(norms[i + 1])) > 0) {
      close(j);
      continue;
    }
    boundary_features(norms, i, j, feats);
    if (impl_->boundary.n_classes() == 2 && impl_->boundary.predict(feats, buf) == 1) {
      close(j);
      i = j;
    }
  }
  doc.tokens() = std::move(tokens);
  doc.sentences() = std::move(sentences);
  doc.mark_assigned(kTokens | kSentences);
}

Tokenizer Tokenizer::train(const std::vector<std::vector<ConlluSentence>>& documents,
                           const TokenizerTrainOptions& options) {
  auto impl = std::make_shared<Impl>();
  std::map<std::string, int> abbr_kept;
  std::map<std::string, int> abbr_split;
  std::map<std::string, std::map<std::vector<std::uint8_t>, int>> mwt_counts;
  std::map<std::string, int> surface_counts;
  std::map<std::string, int> prefix_keep;
  std::map<std::string, int> prefix_split;
  std::map<std::string, int> word_keep;
  std::map<std::string, int> word_split;
  const auto space_after = [](const ConlluToken& t) {
    return t.misc.find("SpaceAfter=No") == std::string::npos;
  };
  const auto alnum_start = [](std::string_view w) {
    return !w.empty() && is_word_cp(cp_at(w, 0).c);
  };
  for (const auto& doc : documents) {
    for (const auto& s : doc) {
      const auto& toks = s.tokens;
      std::vector<int> in_mwt(toks.size(), 0);
      for (const auto& m : s.multiwords) {
        std::string surface = detail::to_lower(detail::normalize_form(m.form));
        std::vector<std::uint8_t> cuts;
        std::size_t acc = 0;
        for (int k = m.first; k < m.last && k <= static_cast<int>(toks.size()); ++k) {
          acc += detail::utf8_length(
              detail::normalize_form(toks[static_cast<std::size_t>(k - 1)].form));
          cuts.push_back(static_cast<std::uint8_t>(std::min<std::size_t>(acc, 255)));
        }
        for (int k = m.first; k <= m.last && k <= static_cast<int>(toks.size()); ++k) {
          in_mwt[static_cast<std::size_t>(k - 1)] = 1;
        }
        ++mwt_counts[surface][cuts];
        ++surface_counts[surface];
      }
      for (std::size_t i = 0; i < toks.size(); ++i) {
        const std::string form = detail::normalize_form(toks[i].form);
        if (!in_mwt[i]) ++surface_counts[detail::to_lower(form)];
        if (form.size() > 1 && form.back() == '.' && !is_final_punct(form)) ++abbr_kept[form];
        if (i + 1 < toks.size() && toks[i + 1].form == "." && !space_after(toks[i]) &&
            alnum_start(form)) {
          ++abbr_split[form + "."];
        }
        // Hyphen conventions.
        const auto dash = form.find('-');
        if (dash != std::string::npos && dash > 0 && dash + 1 < form.size() &&
            form.find("://") == std::string::npos) {
          ++prefix_keep[digit_key(detail::to_lower(form.substr(0, dash)))];
          ++word_keep[detail::to_lower(form)];
        }
        if (i + 2 < toks.size() && toks[i + 1].form == "-" && !space_after(toks[i]) &&
            !space_after(toks[i + 1]) && alnum_start(form) && alnum_start(toks[i + 2].form)) {
          ++prefix_split[digit_key(detail::to_lower(form))];
          ++word_split[detail::to_lower(form + "-" + detail::normalize_form(toks[i + 2].form))];
        }
      }
    }
  }
  for (const auto& [w, n] : abbr_kept) {
    const auto it = abbr_split.find(w);
    const int split = it == abbr_split.end() ? 0 : it->second;
    if (n >= 2 && n > split) impl->abbreviations.insert(w);
  }
  for (const auto& [surface, by_cuts] : mwt_counts) {
    const auto best =
        std::max_element(by_cuts.begin(), by_cuts.end(),
                         [](const auto& a, const auto& b) { return a.second < b.second; });
    const int total = surface_counts[surface];
    if (best->second >= 2 && best->second * 2 >= total) impl->mwt.emplace(surface, best->first);
  }
  for (const auto& [p, n] : prefix_keep) {
    const auto it = prefix_split.find(p);
    if (n >= 2 && n > (it == prefix_split.end() ? 0 : it->second)) impl->hyphen_prefixes.insert(p);
  }
  for (const auto& [w, n] : word_keep) {
    const auto it = word_split.find(w);
    if (n > (it == word_split.end() ? 0 : it->second)) impl->hyphen_words.insert(w);
  }

  // Sentence starters: at least 20 sentences begin with the word, and away from the
  // sentence start it is written in lower case at least 20 times and 20 times as often as
  // capitalised.
  {
    std::map<std::string, std::array<int, 3>> counts;  // lower-case form -> start, lower, upper
    for (const auto& doc : documents) {
      for (const auto& s : doc) {
        for (std::size_t i = 0; i < s.tokens.size(); ++i) {
          const std::string form = detail::normalize_form(s.tokens[i].form);
          const char c = first_class(form);
          if (c != 'U' && c != 'l') continue;
          auto& n = counts[detail::to_lower(form)];
          if (i == 0) {
            n[0] += c == 'U';
          } else {
            ++n[c == 'l' ? 1 : 2];
          }
        }
      }
    }
    for (const auto& [w, n] : counts) {
      if (w[0] < 'a' || w[0] > 'z' || n[0] < 20 || n[1] < 20 || n[1] < 20 * n[2]) continue;
      std::string cap = w;
      cap[0] = static_cast<char>(cap[0] - 'a' + 'A');
      impl->starters.insert(std::move(cap));
    }
  }

  // Sentence-boundary classifier over candidate positions in running documents.
  struct Example {
    std::vector<std::uint64_t> feats;
    int label;
  };
  std::vector<Example> examples;
  for (const auto& doc : documents) {
    std::vector<std::string> norms;
    std::vector<std::string_view> forms;
    std::vector<char> ends;
    std::vector<char> attached;
    std::vector<char> paragraph;
    for (const auto& s : doc) {
      bool newpar = forms.empty();
      for (const auto& c : s.comments) newpar = newpar || c.rfind("# newpar", 0) == 0;
      for (const auto& t : s.tokens) {
        norms.push_back(detail::normalize_form(t.form));
        forms.push_back(t.form);
        ends.push_back(0);
        attached.push_back(space_after(t) ? 0 : 1);
        paragraph.push_back(newpar ? 1 : 0);
        newpar = false;
      }
      if (!ends.empty()) ends.back() = 1;
    }
    const std::vector<std::string_view> views(norms.begin(), norms.end());
    const std::vector<char> closes = closing_words(forms, attached, paragraph);
    for (std::size_t i = 0; i + 1 < views.size(); ++i) {
      if (!is_boundary_candidate(views[i])) continue;
      const std::size_t j = extend_closing(views, attached, closes, i);
      if (j + 1 >= views.size()) continue;
      Example ex;
      boundary_features(views, i, j, ex.feats);
      ex.label = ends[j] ? 1 : 0;
      examples.push_back(std::move(ex));
      i = j;
    }
  }
  detail::PerceptronTrainer trainer(2);
  detail::SplitMix64 rng(options.seed);
  std::vector<std::size_t> order(examples.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::vector<double> buf;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    rng.shuffle(order);
    for (const auto k : order) {
      const auto& ex = examples[k];
      trainer.update(ex.feats, ex.label, trainer.predict(ex.feats, buf));
      trainer.tick();
    }
  }
  impl->boundary = trainer.average(1e-3);
  Tokenizer tok;
  tok.impl_ = std::move(impl);
  return tok;
}

Result<void> Tokenizer::save(const std::string& path) const {
  detail::BinaryWriter w;
  w.str(kMagic);
  w.strings(detail::sorted_strings(impl_->abbreviations));
  std::vector<std::string> keys;
  for (const auto& [k, v] : impl_->mwt) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  w.strings(keys);
  for (const auto& k : keys) w.vec(impl_->mwt.at(k));
  w.strings(detail::sorted_strings(impl_->hyphen_prefixes));
  w.strings(detail::sorted_strings(impl_->hyphen_words));
  impl_->boundary.save(w);
  w.strings(detail::sorted_strings(impl_->starters));
  return detail::write_file_atomic(path, w.bytes());
}

Result<Tokenizer> Tokenizer::load(const std::string& path) {
  auto bytes = detail::read_file_bytes(path);
  if (!bytes) return tl::unexpected(bytes.error());
  detail::BinaryReader r(*bytes, path);
  std::string magic;
  if (!r.str(magic) || (magic != kMagic && magic != kMagicWithoutStarters)) {
    return tl::unexpected(r.error("not a tokenizer model"));
  }
  auto impl = std::make_shared<Impl>();
  std::vector<std::string> v;
  if (!r.strings(v)) return tl::unexpected(r.error("abbreviations"));
  impl->abbreviations.insert(v.begin(), v.end());
  std::vector<std::string> keys;
  if (!r.strings(keys)) return tl::unexpected(r.error("multiword tokens"));
  for (const auto& k : keys) {
    std::vector<std::uint8_t> cuts;
    if (!r.vec(cuts)) return tl::unexpected(r.error("multiword tokens"));
    impl->mwt.emplace(k, std::move(cuts));
  }
  if (!r.strings(v)) return tl::unexpected(r.error("hyphen prefixes"));
  impl->hyphen_prefixes.insert(v.begin(), v.end());
  if (!r.strings(v)) return tl::unexpected(r.error("hyphen words"));
  impl->hyphen_words.insert(v.begin(), v.end());
  if (!impl->boundary.load(r)) return tl::unexpected(r.error("sentence boundary weights"));
  if (magic == kMagic) {
    if (!r.strings(v)) return tl::unexpected(r.error("sentence starters"));
    impl->starters.insert(v.begin(), v.end());
  }
  Tokenizer t;
  t.impl_ = std::move(impl);
  return t;
}

}  // namespace kg::extract
