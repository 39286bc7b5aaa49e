#include <gtest/gtest.h>

#include <kg/extract/reader.hpp>

namespace kg::extract {
namespace {

TEST(ReaderTest, DateHeaderSetsDateTitleAndBody) {
  auto a =
      read_article(" date 2017-07-07 Leaders met in Hamburg.\n\nThe meeting ran long.\n", "x.txt");
  ASSERT_TRUE(a) << a.error().to_string();
  EXPECT_EQ(a->date, "2017-07-07");
  EXPECT_EQ(a->title, "Leaders met in Hamburg.");
  EXPECT_EQ(a->text.substr(a->body_begin, 7), "Leaders");
  EXPECT_TRUE(a->notes.empty());
  EXPECT_EQ(a->id, "x");
}

TEST(ReaderTest, MissingDateHeaderIsNotedNotFatal) {
  auto a = read_article("Just a sentence.\n", "plain.txt");
  ASSERT_TRUE(a) << a.error().to_string();
  EXPECT_TRUE(a->date.empty());
  ASSERT_EQ(a->notes.size(), 1U);
  EXPECT_NE(a->notes[0].find("no 'date YYYY-MM-DD' header"), std::string::npos);
  EXPECT_EQ(a->body_begin, 0U);
}

TEST(ReaderTest, MalformedDateIsNoted) {
  auto a = read_article("date 2017-13-45 Title\nBody.\n", "bad-date.txt");
  ASSERT_TRUE(a);
  EXPECT_TRUE(a->date.empty());
  EXPECT_FALSE(a->notes.empty());
}

TEST(ReaderTest, EmptyInputIsAnError) {
  auto a = read_article("  \n\n", "empty.txt");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, Error::Code::kParse);
  EXPECT_EQ(a.error().file, "empty.txt");
}

TEST(ReaderTest, InvalidUtf8ReportsByteOffsetLineAndColumn) {
  std::string text = "date 2017-07-07 ok\nab\xC3\x28 rest";
  auto a = read_article(text, "bad.txt");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, Error::Code::kEncoding);
  EXPECT_NE(a.error().message.find("byte offset 21"), std::string::npos) << a.error().message;
  EXPECT_EQ(a.error().line, 2U);
  EXPECT_EQ(a.error().column, 3U);
}

TEST(ReaderTest, RejectsOverlongAndSurrogateEncodings) {
  EXPECT_FALSE(validate_utf8("\xC0\xAF", "x"));
  EXPECT_FALSE(validate_utf8("\xED\xA0\x80", "x"));
  EXPECT_FALSE(validate_utf8("\xF4\x90\x80\x80", "x"));
  EXPECT_FALSE(validate_utf8("abc\xE2\x80", "x"));
  EXPECT_TRUE(validate_utf8("caf\xC3\xA9 \xF0\x9F\x87\xBA\xF0\x9F\x87\xB8", "x"));
}

TEST(ReaderTest, JsonLinesReadsEachArticle) {
  const std::string input =
      "{\"id\":\"a1\",\"date\":\"2017-07-07\",\"title\":\"T\",\"text\":\"Putin met Trump.\"}\n"
      "\n"
      "{\"id\":\"a2\",\"text\":\"No date here.\"}\n";
  auto v = read_articles_jsonl(input, "in.jsonl");
  ASSERT_TRUE(v) << v.error().to_string();
  ASSERT_EQ(v->size(), 2U);
  EXPECT_EQ((*v)[0].id, "a1");
  EXPECT_EQ((*v)[0].date, "2017-07-07");
  EXPECT_EQ((*v)[0].text, "Putin met Trump.");
  EXPECT_TRUE((*v)[1].date.empty());
  EXPECT_FALSE((*v)[1].notes.empty());
}

TEST(ReaderTest, JsonLinesErrorNamesTheLine) {
  auto v = read_articles_jsonl("{\"text\":\"ok\"}\n{\"text\": 3}\n", "in.jsonl");
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().line, 2U);
  auto w = read_articles_jsonl("{\"text\":\"ok\"}\n{not json\n", "in.jsonl");
  ASSERT_FALSE(w);
  EXPECT_EQ(w.error().line, 2U);
}

TEST(ReaderTest, NormalizationKeepsOriginalOffsets) {
  const std::string text =
      "Putin\xE2\x80\x99s \xE2\x80\x9C"
      "deal\xE2\x80\x9D \xE2\x80\x94 done";
  const auto n = normalize_for_matching(text);
  EXPECT_EQ(n.text, "Putin's \"deal\" -- done");
  const auto quote = n.text.find('"');
  EXPECT_EQ(text.substr(n.original(quote), 3), "\xE2\x80\x9C");
  const auto d = n.text.find("done");
  EXPECT_EQ(text.substr(n.original(d), 4), "done");
  EXPECT_EQ(n.original(n.text.size()), text.size());
}

}  // namespace
}  // namespace kg::extract
