// Replays the fuzz seed corpus and every saved fuzz crash (tests/fuzz/regressions/
// <target>/) through the fuzz targets' own code, so each crash the fuzzers found
// stays fixed in every build, sanitizers or not.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "../fuzz/fuzz_entry.hpp"
#ifdef KG_FUZZ_REPLAY_SPARQL
#include "../fuzz/fuzz_sparql_entry.hpp"
#endif
#include "reliability_support.hpp"

namespace kg::reliability {
namespace {

using Entry = void (*)(std::string_view);

void rdf_turtle(std::string_view b) {
  kg::fuzz::rdf(b, "turtle");
  kg::fuzz::rdf(b, "turtle", kg::exporters::RdfParser::kRaptor);
}
// As the fuzz targets: the default line reader, serd alone, Raptor, and the line reader
// against serd.
void rdf_ntriples(std::string_view b) {
  kg::fuzz::rdf(b, "ntriples");
  kg::fuzz::rdf(b, "ntriples", kg::exporters::RdfParser::kSerd);
  kg::fuzz::lines_match_serd(b, "ntriples");
  kg::fuzz::rdf(b, "ntriples", kg::exporters::RdfParser::kRaptor);
}
void rdf_nquads(std::string_view b) {
  kg::fuzz::rdf(b, "nquads");
  kg::fuzz::rdf(b, "nquads", kg::exporters::RdfParser::kSerd);
  kg::fuzz::lines_match_serd(b, "nquads");
  kg::fuzz::rdf(b, "nquads", kg::exporters::RdfParser::kRaptor);
}
void rdf_rdfxml(std::string_view b) { kg::fuzz::rdf(b, "rdfxml"); }

struct Target {
  const char* name;
  Entry entry;
};

const Target kTargets[] = {
    {"article", kg::fuzz::article},   {"conllu", kg::fuzz::conllu},
    {"ontology", kg::fuzz::ontology}, {"rdf_turtle", rdf_turtle},
    {"rdf_ntriples", rdf_ntriples},   {"rdf_nquads", rdf_nquads},
    {"rdf_rdfxml", rdf_rdfxml},
#ifdef KG_FUZZ_REPLAY_SPARQL
    {"sparql", kg::fuzz::sparql},
#endif
};

std::vector<fs::path> files_under(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class FuzzReplayTest : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzReplayTest, SeedCorpusRunsCleanly) {
  const fs::path dir = fs::path(KG_SOURCE_DIR) / "tests" / "fuzz" / "corpus" / GetParam().name;
  const auto files = files_under(dir);
  EXPECT_FALSE(files.empty()) << "no seed corpus in " << dir;
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    GetParam().entry(slurp(f));
  }
}

TEST_P(FuzzReplayTest, SavedCrashesStayFixed) {
  const fs::path dir = fs::path(KG_SOURCE_DIR) / "tests" / "fuzz" / "regressions" / GetParam().name;
  for (const auto& f : files_under(dir)) {
    SCOPED_TRACE(f.string());
    GetParam().entry(slurp(f));
  }
}

INSTANTIATE_TEST_SUITE_P(EveryTarget, FuzzReplayTest, ::testing::ValuesIn(kTargets),
                         [](const ::testing::TestParamInfo<Target>& info) {
                           std::string name;
                           bool upper = true;
                           for (const char* p = info.param.name; *p != '\0'; ++p) {
                             if (*p == '_') {
                               upper = true;
                               continue;
                             }
                             name += upper ? static_cast<char>(std::toupper(*p)) : *p;
                             upper = false;
                           }
                           return name;
                         });

}  // namespace
}  // namespace kg::reliability
