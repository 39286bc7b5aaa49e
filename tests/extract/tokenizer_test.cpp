#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <kg/extract/document.hpp>
#include <kg/extract/reader.hpp>
#include <kg/extract/tokenizer.hpp>
#include <sstream>

#include "extract_test_support.hpp"

namespace kg::extract {
namespace {

using testing_support::kModelDir;

class TokenizerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t = Tokenizer::load(kModelDir + "/tokenizer.bin");
    ASSERT_TRUE(t) << t.error().to_string();
    tokenizer_ = new Tokenizer(std::move(*t));
  }
  static void TearDownTestSuite() {
    delete tokenizer_;
    tokenizer_ = nullptr;
  }

  static std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    for (const auto& t : tokenizer_->tokenize(text, 0, text.size())) {
      out.push_back(text.substr(t.start, t.end - t.start));
    }
    return out;
  }

  static std::vector<std::string> sentences(const std::string& text) {
    Document doc(text);
    tokenizer_->process(doc);
    std::vector<std::string> out;
    for (const auto& s : doc.sentences()) out.emplace_back(doc.text_of(s));
    return out;
  }

  static Tokenizer* tokenizer_;
};

Tokenizer* TokenizerTest::tokenizer_ = nullptr;

using Words = std::vector<std::string>;

TEST_F(TokenizerTest, KeepsAbbreviationsAndInitials) {
  EXPECT_EQ(words("the U.S. leader"), (Words{"the", "U.S.", "leader"}));
  EXPECT_EQ(words("at 2:09 p.m. ET"), (Words{"at", "2:09", "p.m.", "ET"}));
  EXPECT_EQ(words("Dr. Smith"), (Words{"Dr.", "Smith"}));
  EXPECT_EQ(words("Donald J. Trump"), (Words{"Donald", "J.", "Trump"}));
}

TEST_F(TokenizerTest, SplitsFinalPeriodOfOrdinaryWords) {
  EXPECT_EQ(words("They met."), (Words{"They", "met", "."}));
  EXPECT_EQ(words("Wait..."), (Words{"Wait", "..."}));
}

TEST_F(TokenizerTest, SplitsCliticsAsMultiwordTokens) {
  const std::string text = "I don't know";
  const auto toks = tokenizer_->tokenize(text, 0, text.size());
  ASSERT_EQ(toks.size(), 4U);
  EXPECT_EQ(text.substr(toks[1].start, toks[1].end - toks[1].start), "do");
  EXPECT_EQ(toks[2].norm, "n't");
  EXPECT_TRUE(toks[1].joined_with_next);
  EXPECT_FALSE(toks[2].joined_with_next);
  EXPECT_EQ(words("Assad's forces"), (Words{"Assad", "'s", "forces"}));
  EXPECT_EQ(words("they're"), (Words{"they", "'re"}));
}

TEST_F(TokenizerTest, CurlyApostropheClitics) {
  const std::string text = "Putin\xE2\x80\x99s assurances";
  const auto toks = tokenizer_->tokenize(text, 0, text.size());
  ASSERT_EQ(toks.size(), 3U);
  EXPECT_EQ(toks[0].norm, "Putin");
  EXPECT_EQ(toks[1].norm, "'s");
  EXPECT_EQ(text.substr(toks[1].start, toks[1].end - toks[1].start), "\xE2\x80\x99s");
}

TEST_F(TokenizerTest, HyphenatedWordsFollowTreebankConvention) {
  // UD English splits ordinary compounds but keeps learned prefixes such as "co-".
  EXPECT_EQ(words("a two-hour meeting"), (Words{"a", "two", "-", "hour", "meeting"}));
  EXPECT_EQ(words("co-founder"), (Words{"co-founder"}));
}

TEST_F(TokenizerTest, HashtagsMentionsUrlsAndEmoji) {
  EXPECT_EQ(words("Much to discuss.#G20Summit #USA"),
            (Words{"Much", "to", "discuss", ".", "#G20Summit", "#USA"}));
  EXPECT_EQ(words("(@realDonaldTrump)"), (Words{"(", "@realDonaldTrump", ")"}));
  EXPECT_EQ(words("see https://example.org/a-b."), (Words{"see", "https://example.org/a-b", "."}));
  EXPECT_EQ(words("great\xF0\x9F\x98\x80\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8"),
            (Words{"great", "\xF0\x9F\x98\x80", "\xF0\x9F\x87\xBA\xF0\x9F\x87\xB8"}));
}

TEST_F(TokenizerTest, NumbersMoneyAndDates) {
  EXPECT_EQ(words("$35,000 or 3.5%"), (Words{"$", "35,000", "or", "3.5", "%"}));
  EXPECT_EQ(words("July 7, 2017"), (Words{"July", "7", ",", "2017"}));
  EXPECT_EQ(words("in 2016."), (Words{"in", "2016", "."}));
}

TEST_F(TokenizerTest, DashesAndQuotes) {
  EXPECT_EQ(words("men\xE2\x80\x94Trump, Putin\xE2\x80\x94"
                  "and"),
            (Words{"men", "\xE2\x80\x94", "Trump", ",", "Putin", "\xE2\x80\x94", "and"}));
  EXPECT_EQ(words("a \xE2\x80\x9Cvery robust\xE2\x80\x9D exchange"),
            (Words{"a", "\xE2\x80\x9C", "very", "robust", "\xE2\x80\x9D", "exchange"}));
}

TEST_F(TokenizerTest, WebTextFacesAndSymbolRunsAreOneToken) {
  EXPECT_EQ(words("nice :) and :-( ok ;) :D"),
            (Words{"nice", ":)", "and", ":-(", "ok", ";)", ":D"}));
  EXPECT_EQ(words("be smoke-free:)"), (Words{"be", "smoke", "-", "free", ":)"}));
  // A bracket after a digit is no face, nor is a letter after a colon unless it stands alone.
  EXPECT_EQ(words("(see 8)"), (Words{"(", "see", "8", ")"}));
  EXPECT_NE(words("it:D").back(), ":D");
  EXPECT_EQ(words("****** and <<quote>> ***"),
            (Words{"******", "and", "<<", "quote", ">>", "***"}));
  EXPECT_EQ(words("He said ''no'' and ``yes''"),
            (Words{"He", "said", "''", "no", "''", "and", "``", "yes", "''"}));
}

TEST_F(TokenizerTest, MixedFinalPunctuationIsOneToken) {
  EXPECT_EQ(words("really.? yes?! what,?"), (Words{"really", ".?", "yes", "?!", "what", ",?"}));
  EXPECT_EQ(words("Dial:? 203"), (Words{"Dial", ":?", "203"}));
  // An ellipsis stays apart from the question mark, and an abbreviation keeps its period.
  EXPECT_EQ(words("so...?"), (Words{"so", "...", "?"}));
  EXPECT_EQ(words("the U.S.? etc., and CCNG, Inc.. On"),
            (Words{"the", "U.S.", "?", "etc.", ",", "and", "CCNG", ",", "Inc.", ".", "On"}));
}

TEST_F(TokenizerTest, AddressesInBracketsAndTruncatedAddresses) {
  EXPECT_EQ(words("\"Les Spahnn\" <spahnn@hnks.com> wrote"),
            (Words{"\"", "Les", "Spahnn", "\"", "<", "spahnn@hnks.com", ">", "wrote"}));
  EXPECT_EQ(words("\"Ryan Reynolds\"<rreynol...@cogeco.ca> Groups"),
            (Words{"\"", "Ryan", "Reynolds", "\"", "<", "rreynol...@cogeco.ca", ">", "Groups"}));
  EXPECT_EQ(words("write mayur...@yahoo.com now"), (Words{"write", "mayur...@yahoo.com", "now"}));
  EXPECT_EQ(words("see pic.twitter.com/LjBGjCo80l and archive.today/gsnio."),
            (Words{"see", "pic.twitter.com/LjBGjCo80l", "and", "archive.today/gsnio", "."}));
  EXPECT_EQ(words("in km/h"), (Words{"in", "km", "/", "h"}));
  EXPECT_EQ(words("file.pdf)(See attached"), (Words{"file.pdf", ")", "(", "See", "attached"}));
}

TEST_F(TokenizerTest, UnitsSignsSlashesAndMissingApostrophes) {
  EXPECT_EQ(words("at 3:30pm"), (Words{"at", "3:30", "pm"}));
  EXPECT_EQ(words("650k at 10am for $5bn, 20km"),
            (Words{"650", "k", "at", "10", "am", "for", "$", "5", "bn", ",", "20", "km"}));
  // Ordinals, decades and numbers with other letters stay whole.
  EXPECT_EQ(words("3rd in the 1990s on G20"), (Words{"3rd", "in", "the", "1990s", "on", "G20"}));
  EXPECT_EQ(words("from 1:30 -2:30"), (Words{"from", "1:30", "-", "2:30"}));
  EXPECT_EQ(words("b/c w/o s/he and/or"), (Words{"b/c", "w/o", "s/he", "and", "/", "or"}));
  // A contraction written without its apostrophe splits as the one with it does.
  EXPECT_EQ(words("havent seen"), (Words{"have", "nt", "seen"}));
  EXPECT_EQ(words("doesnt care"), (Words{"does", "nt", "care"}));
  EXPECT_EQ(words("the want ad"), (Words{"the", "want", "ad"}));
}

// In text whose punctuation stands apart (tokenized news), a closing quote or bracket after a
// space still ends the sentence it closes; a quote written against the next word opens one.
TEST_F(TokenizerTest, ClosingQuoteAfterASpaceStaysWithItsSentence) {
  auto s = sentences(
      "Obama called ISIS \xE2\x80\x9C junior varsity . \xE2\x80\x9D He later changed his mind .");
  ASSERT_EQ(s.size(), 2U);
  EXPECT_EQ(s[1], "He later changed his mind .");
  s = sentences("He said \" we are not giving up . \" Then he left .");
  ASSERT_EQ(s.size(), 2U);
  EXPECT_EQ(s[1], "Then he left .");
  s = sentences("Bush enacted laws ( and Clinton signed them . ) There is no reason to doubt it .");
  ASSERT_EQ(s.size(), 2U);
  EXPECT_EQ(s[1], "There is no reason to doubt it .");
  s = sentences("What will the theme say? \"The President agrees.\" He left.");
  ASSERT_EQ(s.size(), 3U);
  EXPECT_EQ(s[1], "\"The President agrees.\"");
}

TEST_F(TokenizerTest, AFaceCanEndASentence) {
  const auto s = sentences("I passed my exam :) Now I have a job.");
  ASSERT_EQ(s.size(), 2U);
  EXPECT_EQ(s[0], "I passed my exam :)");
}

TEST_F(TokenizerTest, SplitsSentencesButNotAfterTitles) {
  const auto s = sentences("Dr. Smith met Mr. Jones at 2 p.m. on Friday. Then they left.");
  ASSERT_EQ(s.size(), 2U);
  EXPECT_EQ(s[0], "Dr. Smith met Mr. Jones at 2 p.m. on Friday.");
  EXPECT_EQ(s[1], "Then they left.");
}

TEST_F(TokenizerTest, NumeroSignBeforeANumberIsNotASentenceEnd) {
  EXPECT_EQ(words("at No. 10 Downing St."), (Words{"at", "No.", "10", "Downing", "St."}));
  EXPECT_EQ(words("Nos. 4 and 5"), (Words{"Nos.", "4", "and", "5"}));
  const auto s =
      sentences("He lives at No. 10 Downing St. in London. The answer is No. It was late.");
  ASSERT_EQ(s.size(), 3U);
  EXPECT_EQ(s[0], "He lives at No. 10 Downing St. in London.");
  EXPECT_EQ(s[1], "The answer is No.");
  // Lower case "no." is the word "no" more often than not.
  EXPECT_EQ(words("I said no. 5 came"), (Words{"I", "said", "no", ".", "5", "came"}));
}

TEST_F(TokenizerTest, NewsAbbreviationsKeepTheirPeriod) {
  // Titles, months and US states in AP style, also after a party's hyphen.
  EXPECT_EQ(words("Sen. Lindsey Graham, R-S.C., said"),
            (Words{"Sen.", "Lindsey", "Graham", ",", "R", "-", "S.C.", ",", "said"}));
  EXPECT_EQ(words("Rep. Nancy Pelosi, D-Calif., on Aug. 5"),
            (Words{"Rep.", "Nancy", "Pelosi", ",", "D", "-", "Calif.", ",", "on", "Aug.", "5"}));
  // A title before a name does not end the sentence.
  for (const char* title : {"Sen.", "Rep.", "Gov.", "Prof.", "Capt.", "Col.", "Sgt."}) {
    const auto s = sentences(std::string("Yesterday ") + title + " Smith spoke. Then he left.");
    ASSERT_EQ(s.size(), 2U) << title;
    EXPECT_EQ(s[0], std::string("Yesterday ") + title + " Smith spoke.");
  }
  // Ordinary words still lose their final period.
  EXPECT_EQ(words("the well-known senator spoke."),
            (Words{"the", "well", "-", "known", "senator", "spoke", "."}));
}

TEST_F(TokenizerTest, SentenceStarterAfterAnAbbreviationBeginsASentence) {
  const auto s = sentences(
      "He left the U.S. He never came back. He joined the U.S. Army in 1990. They met at "
      "5 p.m. The talks ended.");
  ASSERT_EQ(s.size(), 5U);
  EXPECT_EQ(s[0], "He left the U.S.");
  EXPECT_EQ(s[1], "He never came back.");
  EXPECT_EQ(s[2], "He joined the U.S. Army in 1990.") << "\"Army\" is no sentence starter";
  EXPECT_EQ(s[3], "They met at 5 p.m.");
  EXPECT_EQ(s[4], "The talks ended.");
}

TEST_F(TokenizerTest, ClosingQuoteStaysWithItsSentence) {
  const auto s = sentences("He said \xE2\x80\x9CIt is done.\xE2\x80\x9D Then he left.");
  ASSERT_EQ(s.size(), 2U);
  EXPECT_EQ(s[1], "Then he left.");
}

TEST_F(TokenizerTest, BlankLineEndsASentence) {
  const auto s = sentences("A headline without a period\n\nThe body starts here.");
  ASSERT_EQ(s.size(), 2U);
  EXPECT_EQ(s[0], "A headline without a period");
}

TEST_F(TokenizerTest, SeedArticleTokensCoverTheTextAndMapBack) {
  const std::string path = std::string(KG_TEST_DATA_DIR) + "/extract/article_edge_cases.txt";
  auto a = read_article_file(path);
  ASSERT_TRUE(a) << a.error().to_string();
  Document doc(a->text, a->body_begin);
  tokenizer_->process(doc);
  ASSERT_GT(doc.sentences().size(), 3U);
  // Every non-space byte after the header belongs to exactly one token, in order.
  std::size_t covered = a->body_begin;
  for (const auto& t : doc.tokens()) {
    ASSERT_GE(t.start, covered);
    for (std::size_t k = covered; k < t.start; ++k) {
      EXPECT_TRUE(std::isspace(static_cast<unsigned char>(doc.text()[k])) ||
                  static_cast<unsigned char>(doc.text()[k]) == 0xC2 ||
                  static_cast<unsigned char>(doc.text()[k]) == 0xA0)
          << "byte " << k << " not covered";
    }
    EXPECT_LT(t.start, t.end);
    covered = t.end;
  }
  // Sentences are contiguous and ordered token ranges.
  std::uint32_t next = 0;
  for (const auto& s : doc.sentences()) {
    EXPECT_EQ(s.token_begin, next);
    EXPECT_LT(s.token_begin, s.token_end);
    next = s.token_end;
  }
  EXPECT_EQ(next, doc.tokens().size());
}

TEST_F(TokenizerTest, CorruptModelFileIsAnError) {
  const auto path = std::filesystem::temp_directory_path() / "kg_bad_tokenizer.bin";
  {
    std::ofstream out(path, std::ios::binary);
    out << "not a model";
  }
  auto t = Tokenizer::load(path.string());
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().file, path.string());
  std::filesystem::remove(path);
}

TEST_F(TokenizerTest, SeedArticleEdgeCases) {
  const std::string path = std::string(KG_SHARED_DATA_DIR) + "/../seed/g20-hamburg-2017-07-07.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "seed article not found: " << path;
  auto a = read_article_file(path);
  ASSERT_TRUE(a) << a.error().to_string();
  EXPECT_EQ(a->date, "2017-07-07");
  Document doc(a->text, a->body_begin);
  tokenizer_->process(doc);
  std::vector<std::string> forms;
  for (const auto& t : doc.tokens()) forms.emplace_back(doc.text_of(t));
  const auto has = [&](const std::string& w) {
    return std::find(forms.begin(), forms.end(), w) != forms.end();
  };
  EXPECT_TRUE(has("p.m."));
  EXPECT_TRUE(has("U.S."));
  EXPECT_TRUE(has("#G20Summit"));
  EXPECT_TRUE(has("@realDonaldTrump"));
  EXPECT_TRUE(has("n\xE2\x80\x99t"));
  EXPECT_FALSE(has("didn\xE2\x80\x99t"));
  EXPECT_FALSE(has("discuss.#G20Summit"));
  // The title line is its own sentence.
  ASSERT_FALSE(doc.sentences().empty());
  EXPECT_EQ(doc.text_of(doc.sentences()[0]), a->title);
}

}  // namespace
}  // namespace kg::extract
