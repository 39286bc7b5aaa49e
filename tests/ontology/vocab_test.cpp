// Every IRI the C++ code names in the kgo: namespace is declared in the
// ontology's Turtle, and every namespace it names has an output prefix.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "shipped_ontology.hpp"

namespace kg::ontology {
namespace {

namespace fs = std::filesystem;
using testing::kgo;
using testing::shipped;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// kgo: IRI -> first source file naming it, over the C++ of every module: full
// IRIs anywhere, and string literals that are exactly a kgo: CURIE ("kgo:met").
std::map<std::string, std::string> kgo_iris_in_code() {
  static const std::regex kIri(R"(https://kg\.example\.org/ontology#([A-Za-z_][A-Za-z0-9_-]*))");
  static const std::regex kCurie(R"x("kgo:([A-Za-z_][A-Za-z0-9_-]*)")x");
  std::map<std::string, std::string> found;
  for (const char* module :
       {"graph", "ontology", "export", "extract", "cli", "query", "examples"}) {
    const fs::path root = fs::path(KG_SOURCE_DIR) / module;
    if (!fs::is_directory(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      const auto ext = e.path().extension();
      if (!e.is_regular_file() || (ext != ".hpp" && ext != ".cpp" && ext != ".h")) continue;
      const std::string text = read_text(e.path());
      for (std::sregex_iterator it(text.begin(), text.end(), kIri), end; it != end; ++it) {
        found.try_emplace(it->str(), e.path().string());
      }
      for (std::sregex_iterator it(text.begin(), text.end(), kCurie), end; it != end; ++it) {
        found.try_emplace(kgo((*it)[1].str()), e.path().string());
      }
    }
  }
  return found;
}

TEST(VocabTest, EveryKgoIriInTheCodeIsDeclared) {
  const auto found = kgo_iris_in_code();
  // The scan must see vocab.hpp's terms, or it proves nothing.
  ASSERT_TRUE(found.count(kgo("Event")))
      << "the scan did not find graph/include/kg/graph/vocab.hpp";
  ASSERT_TRUE(found.count(kgo("cameoCode")));
  for (const auto& [iri, file] : found) {
    EXPECT_TRUE(shipped().declares(iri))
        << iri << " (named in " << file << ") is not declared in " << KG_ONTOLOGY_DIR;
  }
}

TEST(VocabTest, VocabTermsAreDeclaredWithTheRightKind) {
  const Ontology& o = shipped();
  for (auto iri : {vocab::kKgoDocument, vocab::kKgoEvent, vocab::kKgoEvidence}) {
    EXPECT_NE(o.find_class(iri), nullptr) << iri;
  }
  const PropertyInfo* evidence = o.find_property(vocab::kKgoEvidenceProp);
  ASSERT_NE(evidence, nullptr);
  EXPECT_FALSE(evidence->datatype_property);
  EXPECT_EQ(evidence->range, vocab::kKgoEvidence);
  for (auto iri : {vocab::kKgoConfidence, vocab::kKgoNegated, vocab::kKgoSentenceIndex,
                   vocab::kKgoTriggerBegin, vocab::kKgoTriggerEnd, vocab::kKgoRule,
                   vocab::kKgoPrefix, vocab::kKgoNamespace}) {
    const PropertyInfo* p = o.find_property(iri);
    ASSERT_NE(p, nullptr) << iri;
    EXPECT_TRUE(p->datatype_property) << iri;
  }
  EXPECT_EQ(o.find_property(vocab::kKgoNegated)->range, vocab::kXsdBoolean);
  EXPECT_EQ(o.find_property(vocab::kKgoSentenceIndex)->range, vocab::kXsdNonNegativeInteger);
  const PropertyInfo* related = o.find_property(vocab::kKgoRelatedTo);
  ASSERT_NE(related, nullptr);
  EXPECT_FALSE(related->datatype_property);
  // Annotation properties are declared but are not relations.
  for (auto iri : {vocab::kKgoColor, vocab::kKgoShape, vocab::kKgoCameoCode}) {
    EXPECT_TRUE(o.declares(iri)) << iri;
    EXPECT_EQ(o.find_property(iri), nullptr) << iri;
  }
}

TEST(VocabTest, EveryVocabNamespaceHasAPrefix) {
  const Ontology& o = shipped();
  for (auto ns : {vocab::kKgo, vocab::kRdf, vocab::kRdfs, vocab::kOwl, vocab::kXsd, vocab::kSkos,
                  vocab::kProv, vocab::kDcterms, vocab::kSchema, vocab::kNif, vocab::kItsrdf,
                  vocab::kWikidata}) {
    bool bound = false;
    for (const auto& [prefix, iri] : o.prefixes()) bound = bound || iri == ns;
    EXPECT_TRUE(bound) << ns;
    EXPECT_NE(o.compact(std::string(ns) + "x"), std::string(ns) + "x") << ns;
  }
}

// Terms written in the Turtle itself (kgo:xyz anywhere, comments included)
// are declared too, so a typo such as kgo:triggerfor cannot pass silently.
TEST(VocabTest, EveryKgoTermInTheTurtleIsDeclared) {
  static const std::regex kCurie(R"((^|[^A-Za-z0-9_])kgo:([A-Za-z_][A-Za-z0-9_]*))");
  std::size_t seen = 0;
  for (const auto& e : fs::directory_iterator(KG_ONTOLOGY_DIR)) {
    if (e.path().extension() != ".ttl") continue;
    const std::string text = read_text(e.path());
    for (std::sregex_iterator it(text.begin(), text.end(), kCurie), end; it != end; ++it) {
      ++seen;
      const std::string iri = kgo((*it)[2].str());
      EXPECT_TRUE(shipped().declares(iri)) << "kgo:" << (*it)[2] << " in " << e.path();
    }
  }
  EXPECT_GT(seen, 100U);
}

}  // namespace
}  // namespace kg::ontology
