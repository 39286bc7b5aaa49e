// The ontology's Turtle (and the test ontologies) parse with the two reference
// command-line tools, rapper (Raptor) and serdi (serd), not only with our loader.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

bool have(const char* tool) {
  return std::system(("command -v " + std::string(tool) + " >/dev/null 2>&1").c_str()) == 0;
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command and returns its stdout and exit status.
std::pair<std::string, int> run(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {out, -1};
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  const int status = pclose(pipe);
  return {out, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}

std::vector<std::string> turtle_files() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(KG_ONTOLOGY_DIR)) {
    if (e.path().extension() == ".ttl") out.push_back(e.path().string());
  }
  for (const auto& e :
       fs::recursive_directory_iterator(std::string(KG_TEST_DATA_DIR) + "/ontology")) {
    if (e.path().extension() == ".ttl" && e.path().filename() != "malformed.ttl") {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t count_lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

TEST(TurtleToolsTest, RapperAndSerdiParseEveryTurtleFileAlike) {
  if (!have("rapper") || !have("serdi")) GTEST_SKIP() << "rapper or serdi is not installed";
  const auto files = turtle_files();
  ASSERT_GE(files.size(), 5U);
  for (const std::string& f : files) {
    auto [raptor_out, raptor_rc] = run("rapper -q -i turtle -o ntriples " + quoted(f) + " 2>&1");
    EXPECT_EQ(raptor_rc, 0) << f << "\n" << raptor_out;
    auto [serd_out, serd_rc] = run("serdi -i turtle -o ntriples " + quoted(f) + " 2>&1");
    EXPECT_EQ(serd_rc, 0) << f << "\n" << serd_out;
    EXPECT_GT(count_lines(serd_out), 0U) << f;
    EXPECT_EQ(count_lines(raptor_out), count_lines(serd_out)) << f << ": triple counts differ";
  }
}

TEST(TurtleToolsTest, MalformedTurtleIsRejectedByBothTools) {
  if (!have("rapper") || !have("serdi")) GTEST_SKIP() << "rapper or serdi is not installed";
  const std::string f = std::string(KG_TEST_DATA_DIR) + "/ontology/bad/malformed.ttl";
  EXPECT_NE(run("rapper -q -i turtle -c " + quoted(f) + " 2>&1").second, 0);
  EXPECT_NE(run("serdi -i turtle -o ntriples " + quoted(f) + " 2>&1").second, 0);
}

}  // namespace
