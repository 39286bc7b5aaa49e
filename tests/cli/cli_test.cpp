// Runs the kg executable as a user would and checks exit codes and output.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CommandResult {
  int status = -1;
  std::string out;  // stdout and stderr together
};

CommandResult run(const std::string& args) {
  const std::string cmd = std::string("KG_ONTOLOGY_DIR='") + KG_ONTOLOGY_DIR + "' '" + KG_BINARY +
                          "' " + args + " 2>&1";
  CommandResult r;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kg_cli_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "g.ttl") << R"(@prefix kgo: <https://kg.example.org/ontology#> .
@prefix ex: <https://kg.example.org/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:A a kgo:Person ; rdfs:label "Ann \"Quote\" <b>"@en ; kgo:met ex:B .
ex:B a kgo:Person ; rdfs:label "Борис"@en ; kgo:backs ex:C .
ex:C a kgo:Country ; rdfs:label "Cland"@en .
)";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(CliTest, PrintsVersion) {
  const CommandResult r = run("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("kg "), std::string::npos);
}

TEST_F(CliTest, ListsFormats) {
  const CommandResult r = run("formats");
  EXPECT_EQ(r.status, 0);
  for (const char* name : {"turtle", "ntriples", "nquads", "rdfxml", "svg", "dot"}) {
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
  }
}

TEST_F(CliTest, ConvertsBetweenSyntaxesLosslessly) {
  ASSERT_EQ(run("convert " + path("g.ttl") + " " + path("g.nt")).status, 0);
  ASSERT_EQ(run("convert " + path("g.nt") + " " + path("g.rdf")).status, 0);
  ASSERT_EQ(run("convert " + path("g.rdf") + " " + path("back.nt")).status, 0);
  std::ifstream a(path("g.nt"));
  std::ifstream b(path("back.nt"));
  const std::string sa((std::istreambuf_iterator<char>(a)), {});
  const std::string sb((std::istreambuf_iterator<char>(b)), {});
  EXPECT_FALSE(sa.empty());
  EXPECT_EQ(sa, sb);
}

TEST_F(CliTest, ConvertToStdoutDefaultsToTurtle) {
  const CommandResult r = run("convert " + path("g.ttl") + " -");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("@prefix"), std::string::npos);
}

TEST_F(CliTest, MissingInputIsAnErrorNamingTheFile) {
  const CommandResult r = run("convert " + path("missing.ttl") + " " + path("x.nt"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("kg: error:"), std::string::npos);
  EXPECT_NE(r.out.find("missing.ttl"), std::string::npos);
  EXPECT_FALSE(fs::exists(path("x.nt")));
}

TEST_F(CliTest, UnknownFormatIsAnError) {
  const CommandResult r = run("convert " + path("g.ttl") + " " + path("x.nt") + " --to nosuch");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("unknown format 'nosuch'"), std::string::npos);
}

TEST_F(CliTest, MalformedTurtleReportsLine) {
  std::ofstream(path("bad.ttl"))
      << "@prefix ex: <http://e/> .\nex:a ex:b ex:c .\nex:a ex:b \"open .\n";
  const CommandResult r = run("validate " + path("bad.ttl"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("bad.ttl:3"), std::string::npos) << r.out;
}

TEST_F(CliTest, RendersWellFormedSvg) {
  const CommandResult r = run("render " + path("g.ttl") + " -o " + path("g.svg"));
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(fs::file_size(path("g.svg")) > 0);
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) GTEST_SKIP() << "no xmllint";
  EXPECT_EQ(std::system(("xmllint --noout '" + path("g.svg") + "'").c_str()), 0);
}

TEST_F(CliTest, QueriesRelationsOfAnEntity) {
  const CommandResult r = run("query relations " + path("g.ttl") + " Борис");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("met"), std::string::npos);
  EXPECT_NE(r.out.find("backs"), std::string::npos);
  const CommandResult only =
      run("query relations " + path("g.ttl") + " Борис --predicate kgo:backs");
  EXPECT_EQ(only.out.find("met"), std::string::npos) << only.out;
}

TEST_F(CliTest, FindsAPath) {
  const CommandResult r =
      run("query path " + path("g.ttl") + " Cland https://kg.example.org/entity/A");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("backs"), std::string::npos);
  EXPECT_NE(r.out.find("met"), std::string::npos);
}

TEST_F(CliTest, UnknownEntityIsAnError) {
  const CommandResult r = run("query neighbours " + path("g.ttl") + " Nobody");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("no entity 'Nobody'"), std::string::npos);
}

TEST_F(CliTest, ValidateRejectsDomainViolation) {
  std::ofstream(path("v.ttl")) << R"(@prefix kgo: <https://kg.example.org/ontology#> .
@prefix ex: <https://kg.example.org/entity/> .
ex:C a kgo:Country . ex:P a kgo:Person .
ex:C kgo:counterpartOf ex:P .
)";
  const CommandResult r = run("validate " + path("v.ttl"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.out.find("counterpartOf"), std::string::npos) << r.out;
}

}  // namespace
