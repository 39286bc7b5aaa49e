// Large inputs finish with bounded memory: a 20,000-sentence article through the
// whole language pipeline, a 50 MB single line through the article reader and the
// RDF reader and writers. Memory is the child's peak resident set (getrusage).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reliability_support.hpp"

namespace kg::reliability {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

// AddressSanitizer's redzones and quarantine multiply the heap several times.
constexpr long kMemoryFactor = kAddressSanitizer ? 4 : 1;

// An article of `n` sentences, each a distinct short news sentence.
std::string article(std::size_t n) {
  static const char* const kSubjects[] = {"Donald Trump",  "Vladimir Putin", "Rex Tillerson",
                                          "Sergey Lavrov", "Angela Merkel",  "Shinzo Abe"};
  static const char* const kVerbs[] = {"met", "criticized", "backed", "called", "praised"};
  static const char* const kPlaces[] = {"Hamburg", "Moscow", "Washington", "Amman", "Tokyo"};
  std::string text = "date 2017-07-07 Leaders meet at the G20 summit in Hamburg\n";
  for (std::size_t i = 0; i < n; ++i) {
    text += kSubjects[i % 6];
    text += ' ';
    text += kVerbs[(i / 6) % 5];
    text += ' ';
    text += kSubjects[(i + 1 + i / 30) % 6];
    text += " in ";
    text += kPlaces[(i / 7) % 5];
    text += " on day " + std::to_string(i + 1) + ".";
    text += (i % 8 == 7) ? "\n\n" : " ";
  }
  return text;
}

std::size_t count_lines_starting(const std::string& text, const std::string& prefix) {
  std::size_t n = 0;
  for (std::size_t at = 0; at < text.size();) {
    if (text.compare(at, prefix.size(), prefix) == 0) ++n;
    const std::size_t eol = text.find('\n', at);
    if (eol == std::string::npos) break;
    at = eol + 1;
  }
  return n;
}

using LargeInputTest = ScratchTest;

TEST_F(LargeInputTest, TwentyThousandSentenceArticleFinishesInBoundedMemory) {
  const std::string text = article(20000);
  const std::string input = file("long.txt", text);
  const ChildResult r = kg({"parse", input});
  ASSERT_EQ(r.signal, 0);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The text is processed to its end: the last sentence is there, and the
  // splitter (a learned model) keeps nearly every sentence boundary.
  EXPECT_NE(r.out.find("# text = " + std::string("Donald Trump")), std::string::npos);
  EXPECT_NE(r.out.find("\t20000\t"), std::string::npos);
  EXPECT_GT(count_lines_starting(r.out, "# text = "), 19900U);
  EXPECT_LE(count_lines_starting(r.out, "# text = "), 20001U);
  // Peak memory: the models plus a bounded cost per input byte (measured about 0.1 GB
  // here for this 1.3 MB article); 1 GiB leaves room but catches a blow-up.
  EXPECT_LT(r.max_rss_kib, kMemoryFactor * 1024 * 1024) << "peak RSS " << r.max_rss_kib << " KiB";
}

TEST_F(LargeInputTest, FiftyMegabyteLineWithABadByteAtTheEndNamesItsOffset) {
  // The reader must get through 50 MB on one line and report the exact offset and column.
  std::string text = "date 2017-07-07 ";
  text.resize(50U << 20, 'a');
  const std::size_t bad = text.size();
  text += "\xC3\x28 tail";
  const std::string input = file("line.txt", text);
  const ChildResult r = kg({"ner", input});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kg: error: " + input + ":1:" + std::to_string(bad + 1) +
                       ": invalid UTF-8 byte 0xC3 at byte offset " + std::to_string(bad) +
                       " (convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8`)\n");
  EXPECT_LT(r.max_rss_kib, kMemoryFactor * 512 * 1024) << "peak RSS " << r.max_rss_kib << " KiB";
}

TEST_F(LargeInputTest, FiftyMegabyteLiteralOnOneLineConvertsLosslessly) {
  // One N-Triples line holding a 50 MB literal (with quotes, backslashes and
  // non-ASCII escaped as N-Triples requires) goes through Turtle and back unchanged.
  std::string literal;
  literal.reserve(50U << 20);
  const std::string chunk = "Putin said \\\"no\\\" \\\\ to Trump in Hamburg \xC3\xA9t\xC3\xA9 ";
  while (literal.size() < (50U << 20)) literal += chunk;
  const std::string line =
      "<https://kg.example.org/entity/a> "
      "<http://www.w3.org/2000/01/rdf-schema#comment> \"" +
      literal + "\" .\n";
  const std::string input = file("big.nt", line);
  const ChildResult to_ttl = kg({"convert", input, path("big.ttl").string()});
  ASSERT_EQ(to_ttl.exit_code, 0) << to_ttl.err;
  const ChildResult back = kg({"convert", path("big.ttl").string(), path("back.nt").string()});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  const std::string round = slurp(path("back.nt"));
  EXPECT_EQ(round.size(), line.size());
  EXPECT_TRUE(round == line) << "the literal changed on the way";
  // A handful of copies of the literal at most, not one per character or per line.
  EXPECT_LT(to_ttl.max_rss_kib, kMemoryFactor * 1024 * 1024)
      << "peak RSS " << to_ttl.max_rss_kib << " KiB";
}

TEST_F(LargeInputTest, FiftyMegabyteWordOnOneLineIsTokenizedInBoundedMemory) {
  // One 50 MB "word": the tokenizer and NER must neither split it quadratically nor
  // copy it per character. `kg ner` prints it once as a single token.
  std::string text = "date 2017-07-07 ";
  text.resize(50U << 20, 'x');
  text += ".\n";
  const std::string input = file("word.txt", text);
  const ChildResult r = kg({"ner", input});
  ASSERT_EQ(r.signal, 0);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(r.out.size(), 50U << 20);
  EXPECT_LT(r.max_rss_kib, kMemoryFactor * 3 * 1024 * 1024)
      << "peak RSS " << r.max_rss_kib << " KiB";
}

}  // namespace
}  // namespace kg::reliability
