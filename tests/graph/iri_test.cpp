#include <gtest/gtest.h>

#include <kg/graph/iri.hpp>

namespace {

TEST(IriTest, SlugReplacesSpacesAndKeepsHyphens) {
  EXPECT_EQ(kg::slug("Bashar al-Assad"), "Bashar_al-Assad");
  EXPECT_EQ(kg::slug("  Vladimir   Putin "), "Vladimir_Putin");
  EXPECT_EQ(kg::slug(""), "_");
}

TEST(IriTest, SlugPercentEncodesUnsafeAscii) {
  EXPECT_EQ(kg::slug("a\"b<c>d"), "a%22b%3Cc%3Ed");
  EXPECT_EQ(kg::slug("x/y?z#w"), "x%2Fy%3Fz%23w");
  EXPECT_TRUE(kg::is_valid_iri(kg::entity_iri("<script>\"];")));
}

TEST(IriTest, SlugKeepsUnicodeLettersAndEncodesBrokenUtf8) {
  EXPECT_EQ(kg::slug("Владимир Путин"), "Владимир_Путин");
  EXPECT_EQ(kg::slug(std::string("a\xff") + "b"), "a%FFb");
}

TEST(IriTest, ValidatesIris) {
  EXPECT_TRUE(kg::is_valid_iri("https://kg.example.org/entity/X"));
  EXPECT_FALSE(kg::is_valid_iri("no-scheme"));
  EXPECT_FALSE(kg::is_valid_iri("http://a b"));
  EXPECT_FALSE(kg::is_valid_iri("http://a>b"));
}

TEST(IriTest, StableHashIsFixed) {
  // FNV-1a 64 of "a" is a published constant; std::hash gives no such promise.
  EXPECT_EQ(kg::hex64(kg::stable_hash("a")), "af63dc4c8601ec8c");
}

}  // namespace
