// Punctuation attachment after parsing (UD guidelines, as Udapi's ud.FixPunct applies
// them): trees written for the test with the kinds of mistakes a greedy parser makes.

#include "parser/punctuation.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <kg/extract/conllu.hpp>
#include <string>
#include <vector>

namespace {

using kg::extract::ConlluSentence;
using kg::extract::ConlluToken;
using kg::extract::parser::attach_punctuation;

struct Word {
  const char* form;
  const char* upos;
  int head;
  const char* deprel;
};

ConlluSentence sentence(const std::vector<Word>& words) {
  ConlluSentence s;
  for (const auto& w : words) {
    ConlluToken t;
    t.form = w.form;
    t.upos = w.upos;
    t.head = w.head;
    t.deprel = w.deprel;
    s.tokens.push_back(t);
  }
  return s;
}

std::vector<int> heads(const ConlluSentence& s) {
  std::vector<int> out;
  for (const auto& t : s.tokens) out.push_back(t.head);
  return out;
}

// "Putin , who denied it , met Trump ." as a parser tree whose marks (the two commas and
// the period, tokens 2, 6 and 9) hang on the given words.
ConlluSentence relative_clause(int first_comma, int second_comma, int period) {
  return sentence({{"Putin", "PROPN", 7, "nsubj"},
                   {",", "PUNCT", first_comma, "punct"},
                   {"who", "PRON", 4, "nsubj"},
                   {"denied", "VERB", 1, "acl:relcl"},
                   {"it", "PRON", 4, "obj"},
                   {",", "PUNCT", second_comma, "punct"},
                   {"met", "VERB", 0, "root"},
                   {"Trump", "PROPN", 7, "obj"},
                   {".", "PUNCT", period, "punct"}});
}

// The relative clause's first comma on the main verb, which the clause's words lie
// between: it moves to the clause's head, the lower of the highest words on its left
// ("Putin") and on its right ("denied"). Marks already on a word the climb passes stay
// ("," on "denied", "." on "Trump").
TEST(PunctuationTest, ACommaThatSetsOffAClauseAttachesToTheClause) {
  auto s = relative_clause(7, 4, 8);
  attach_punctuation(s);
  EXPECT_EQ(heads(s), (std::vector<int>{7, 4, 4, 1, 4, 4, 0, 7, 8}));
}

// A comma hung across the clause it ends, on the object of the main verb, moves to the
// highest word on its left that keeps the tree projective.
TEST(PunctuationTest, ACommaHungAcrossItsClauseMovesBack) {
  auto s = relative_clause(4, 8, 7);
  attach_punctuation(s);
  EXPECT_EQ(heads(s), (std::vector<int>{7, 4, 4, 1, 4, 1, 0, 7, 7}));
}

// A correct tree is left as it is, labels included.
TEST(PunctuationTest, ATreeThatFollowsTheGuidelinesIsUnchanged) {
  const auto gold = relative_clause(4, 4, 7);
  auto s = gold;
  attach_punctuation(s);
  EXPECT_EQ(heads(s), heads(gold));
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    EXPECT_EQ(s.tokens[i].deprel, gold.tokens[i].deprel) << i;
  }
}

// Quotes attach to the head of the words they enclose, even when the parser hung them
// on the words next to them; a word hung on a mark moves to the mark's head.
TEST(PunctuationTest, QuotesAttachToWhatTheyEncloseAndMarksHaveNoDependents) {
  auto s = sentence({{"He", "PRON", 2, "nsubj"},
                     {"said", "VERB", 0, "root"},
                     {"\"", "PUNCT", 2, "punct"},
                     {"we", "PRON", 5, "nsubj"},
                     {"agreed", "VERB", 2, "ccomp"},
                     {"\"", "PUNCT", 8, "punct"},
                     {"today", "NOUN", 6, "obl:tmod"},
                     {".", "PUNCT", 2, "punct"}});
  attach_punctuation(s);
  EXPECT_EQ(heads(s), (std::vector<int>{2, 0, 5, 5, 2, 5, 2, 2}));
  EXPECT_EQ(s.tokens[6].deprel, "obl:tmod");
  EXPECT_EQ(s.tokens[5].deprel, "punct");
}

// A mark the parser made the root gives the root to a word, and the other words it
// held follow that word; the tree keeps exactly one root.
TEST(PunctuationTest, AMarkAtTheRootGivesTheRootToAWord) {
  auto s = sentence({{"Talks", "NOUN", 3, "nsubj"},
                     {"ended", "VERB", 3, "parataxis"},
                     {":", "PUNCT", 0, "root"},
                     {"no", "DET", 5, "det"},
                     {"deal", "NOUN", 3, "appos"}});
  attach_punctuation(s);
  int roots = 0;
  for (const auto& t : s.tokens) {
    roots += t.head == 0 ? 1 : 0;
    if (t.head == 0) {
      EXPECT_EQ(t.deprel, "root");
    }
    if (t.upos == "PUNCT") {
      EXPECT_EQ(t.deprel, "punct");
    }
  }
  EXPECT_EQ(roots, 1);
  for (const auto& t : s.tokens) {
    if (t.head > 0) {
      EXPECT_NE(s.tokens[static_cast<std::size_t>(t.head - 1)].upos, "PUNCT");
    }
  }
  EXPECT_GT(s.tokens[2].head, 0);
}

// An abbreviation's dot attached to its word stays there; a tree that is not a tree
// (unparsed heads) is left alone.
TEST(PunctuationTest, AbbreviationDotsAndUnparsedSentencesAreLeftAlone) {
  auto s = sentence({{"Washington", "PROPN", 0, "root"}, {".", "PUNCT", 1, "punct"}});
  attach_punctuation(s);
  EXPECT_EQ(heads(s), (std::vector<int>{0, 1}));
  auto u = sentence({{"a", "DET", -1, "_"}, {",", "PUNCT", -1, "_"}, {"b", "NOUN", -1, "_"}});
  attach_punctuation(u);
  EXPECT_EQ(heads(u), (std::vector<int>{-1, -1, -1}));
}

// Inch marks are words: "17 \" or 16 \" wheels" keeps its tree, where pairing the
// two marks as quotes would hang "17 \"" on "or" and close a cycle.
TEST(PunctuationTest, MarksTaggedAsWordsDoNotPairUp) {
  const auto parsed = sentence({{"buy", "VERB", 0, "root"},
                                {"17", "NUM", 3, "nummod"},
                                {"\"", "NOUN", 7, "compound"},
                                {"or", "CCONJ", 6, "cc"},
                                {"16", "NUM", 6, "nummod"},
                                {"\"", "NOUN", 3, "conj"},
                                {"wheels", "NOUN", 1, "obj"}});
  auto s = parsed;
  attach_punctuation(s);
  EXPECT_EQ(heads(s), heads(parsed));
}

// Any tree in, a tree out: random trees (projective or not) over words and marks of
// every kind, quotes and brackets unbalanced and nested, keep one root and no cycle.
TEST(PunctuationTest, AnyTreeStaysATree) {
  static const char* const kForms[] = {"w", "w", "w", ",", ".", "(", ")", "\"", "'", "[", "]", ":"};
  std::uint64_t state = 12345;
  const auto next = [&](std::uint64_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % bound;
  };
  for (int trial = 0; trial < 3000; ++trial) {
    const int n = 2 + static_cast<int>(next(24));
    ConlluSentence s;
    // Words attach in a random order, each to a word attached before it.
    std::vector<int> order(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i + 1;
    for (int i = n - 1; i > 0; --i) {
      std::swap(order[static_cast<std::size_t>(i)],
                order[static_cast<std::size_t>(next(static_cast<std::uint64_t>(i) + 1))]);
    }
    std::vector<int> head(static_cast<std::size_t>(n) + 1, 0);
    for (int k = 1; k < n; ++k) {
      head[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])] =
          order[static_cast<std::size_t>(next(static_cast<std::uint64_t>(k)))];
    }
    for (int i = 1; i <= n; ++i) {
      ConlluToken t;
      t.form = kForms[next(sizeof(kForms) / sizeof(kForms[0]))];
      // A mark is now and then tagged as a word (inch marks, apostrophes).
      t.upos = t.form == "w" || next(5) == 0 ? "NOUN" : "PUNCT";
      t.head = head[static_cast<std::size_t>(i)];
      t.deprel = t.head == 0 ? "root" : "dep";
      s.tokens.push_back(t);
    }
    attach_punctuation(s);
    int roots = 0;
    for (int i = 1; i <= n; ++i) {
      const int h = s.tokens[static_cast<std::size_t>(i - 1)].head;
      ASSERT_GE(h, 0);
      ASSERT_LE(h, n);
      roots += h == 0 ? 1 : 0;
      int x = i;
      int steps = 0;
      while (x != 0 && steps <= n) {
        x = s.tokens[static_cast<std::size_t>(x - 1)].head;
        ++steps;
      }
      ASSERT_EQ(x, 0) << "trial " << trial << ": word " << i << " is on a cycle";
    }
    ASSERT_EQ(roots, 1) << "trial " << trial;
  }
}

}  // namespace
