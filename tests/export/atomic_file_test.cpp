#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "export_test_util.hpp"

namespace kg::exporters {
namespace {

using testing::read_file;
using testing::TempDir;

bool leftover_temp_files(const std::string& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().find(".tmp.") != std::string::npos) return true;
  }
  return false;
}

TEST(AtomicFileTest, ReplacesTheFileCompletely) {
  TempDir dir;
  const std::string path = dir.file("out.txt");
  ASSERT_TRUE(write_file_atomically(path, "old contents that are longer"));
  ASSERT_TRUE(write_file_atomically(path, "new"));
  EXPECT_EQ(read_file(path), "new");
  EXPECT_FALSE(leftover_temp_files(dir.path()));
}

TEST(AtomicFileTest, WriteGraphFileWritesAReadableFile) {
  TempDir dir;
  const std::string path = dir.file("graph.ttl");
  const auto g = testing::sample_graph();
  ASSERT_TRUE(write_graph_file(g, *find_format("turtle"), path));
  EXPECT_EQ(read_file(path), testing::write_string(g, "turtle"));
  EXPECT_FALSE(leftover_temp_files(dir.path()));
}

TEST(AtomicFileTest, FailureToCreateTheTemporaryKeepsTheOldFile) {
  TempDir dir;
  const std::string path = dir.file("graph.ttl");
  ASSERT_TRUE(write_file_atomically(path, "old"));
  // A directory where the temporary file should go makes creating it fail,
  // whatever the user's privileges.
  std::filesystem::create_directory(path + ".tmp." + std::to_string(::getpid()));
  auto r = write_graph_file(testing::sample_graph(), *find_format("turtle"), path);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Error::Code::kIo);
  EXPECT_NE(r.error().message.find(path), std::string::npos) << r.error().to_string();
  EXPECT_NE(r.error().message.find("Is a directory"), std::string::npos) << r.error().to_string();
  EXPECT_EQ(read_file(path), "old");
}

TEST(AtomicFileTest, UnwritableDirectoryKeepsTheOldFile) {
  if (::geteuid() == 0) GTEST_SKIP() << "root ignores directory permissions";
  TempDir dir;
  const std::string sub = dir.file("ro");
  std::filesystem::create_directory(sub);
  const std::string path = sub + "/graph.nt";
  ASSERT_TRUE(write_file_atomically(path, "old"));
  ASSERT_EQ(::chmod(sub.c_str(), 0555), 0);
  auto r = write_graph_file(testing::sample_graph(), *find_format("nt"), path);
  ::chmod(sub.c_str(), 0755);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Error::Code::kIo);
  EXPECT_NE(r.error().message.find("Permission denied"), std::string::npos)
      << r.error().to_string();
  EXPECT_EQ(read_file(path), "old");
  EXPECT_FALSE(leftover_temp_files(sub));
}

TEST(AtomicFileTest, MissingDirectoryIsAnIoErrorNamingThePath) {
  auto r = write_file_atomically("/nonexistent-dir/x/out.ttl", "data");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Error::Code::kIo);
  EXPECT_EQ(r.error().file, "/nonexistent-dir/x/out.ttl");
  EXPECT_NE(r.error().message.find("No such file or directory"), std::string::npos);
}

TEST(AtomicFileTest, WriterErrorRemovesTheTemporaryFile) {
  TempDir dir;
  const std::string path = dir.file("graph.svg");
  ASSERT_TRUE(write_file_atomically(path, "old"));
  // A predicate RDF/XML cannot spell makes the writer fail midway.
  KnowledgeGraph g;
  g.add_extra(
      {Term::iri("http://e.org/s"), Term::iri("http://e.org/p/123"), Term::literal("x"), ""});
  auto r = write_graph_file(g, *find_format("rdfxml"), path);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().file, path);
  EXPECT_EQ(read_file(path), "old");
  EXPECT_FALSE(leftover_temp_files(dir.path()));
}

}  // namespace
}  // namespace kg::exporters
