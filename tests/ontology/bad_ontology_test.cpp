// Broken ontologies are rejected at load time with an error that names the
// file, the line and what to do. Each case under tests/data/ontology/bad/ is
// a .ttl file or a folder of them, with the exact error in <case>.error.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <kg/ontology/ontology.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace kg::ontology {
namespace {

namespace fs = std::filesystem;

const std::string kBadDir = std::string(KG_TEST_DATA_DIR) + "/ontology/bad";

std::string read_text(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// The error as a user sees it, with the test-data folder cut off the paths.
std::string load_error(const fs::path& input) {
  auto o = fs::is_directory(input) ? Ontology::load_directory(input.string())
                                   : Ontology::load_files({input.string()});
  if (o) return "(loaded without error)";
  std::string text = o.error().to_string();
  const std::string prefix = kBadDir + "/";
  for (std::size_t at; (at = text.find(prefix)) != std::string::npos;)
    text.erase(at, prefix.size());
  return text;
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kBadDir)) {
    if (e.is_directory() || e.path().extension() == ".ttl") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(OntologyBadInputTest, EveryCaseGivesItsExpectedError) {
  const auto all = cases();
  ASSERT_GE(all.size(), 4U) << "bad cases missing under " << kBadDir;
  for (const fs::path& input : all) {
    fs::path expected = input;
    expected.replace_extension(".error");
    if (fs::is_directory(input)) expected = input.string() + ".error";
    ASSERT_TRUE(fs::exists(expected)) << "no expected error for " << input;
    EXPECT_EQ(load_error(input), read_text(expected)) << input;
  }
}

TEST(OntologyBadInputTest, SyntaxErrorNamesFileAndLine) {
  auto o = Ontology::load_files({kBadDir + "/malformed.ttl"});
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().code, Error::Code::kParse);
  EXPECT_EQ(o.error().file, kBadDir + "/malformed.ttl");
  EXPECT_EQ(o.error().line, 9U);  // where the statement missing its '.' runs into the next
}

TEST(OntologyBadInputTest, UnknownDomainClassIsAValidationError) {
  auto o = Ontology::load_files({kBadDir + "/unknown_class_in_domain.ttl"});
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().code, Error::Code::kValidation);
  EXPECT_EQ(o.error().line, 10U);
  EXPECT_NE(o.error().message.find("ontology#Persn"), std::string::npos);
  EXPECT_NE(o.error().message.find("rdfs:domain"), std::string::npos);
}

TEST(OntologyBadInputTest, SubclassCycleNamesEveryClassInIt) {
  auto o = Ontology::load_files({kBadDir + "/subclass_cycle.ttl"});
  ASSERT_FALSE(o);
  for (const char* name : {"#Actor>", "#Person>", "#Organization>"}) {
    EXPECT_NE(o.error().message.find(name), std::string::npos) << name;
  }
}

TEST(OntologyBadInputTest, DuplicatePropertyNamesBothPlaces) {
  auto o = Ontology::load_directory(kBadDir + "/duplicate_property");
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().file, kBadDir + "/duplicate_property/b.ttl");
  EXPECT_NE(o.error().message.find("a.ttl:11"), std::string::npos);
}

TEST(OntologyBadInputTest, ShippedFilesPlusABadOneStillFail) {
  std::vector<std::string> paths;
  for (const auto& e : fs::directory_iterator(KG_ONTOLOGY_DIR)) {
    if (e.path().extension() == ".ttl") paths.push_back(e.path().string());
  }
  std::sort(paths.begin(), paths.end());
  paths.push_back(kBadDir + "/malformed_colour.ttl");
  auto o = Ontology::load_files(paths);
  ASSERT_FALSE(o);
  EXPECT_EQ(o.error().file, kBadDir + "/malformed_colour.ttl");
  EXPECT_EQ(o.error().line, 8U);
  // With the shipped prefixes loaded, the message uses prefixed names.
  EXPECT_NE(o.error().message.find("kgo:Person"), std::string::npos);
}

}  // namespace
}  // namespace kg::ontology
