// Output files are replaced atomically: a process killed mid-write, a full disk or
// an unwritable directory leave the previous file whole, no partial file under the
// output's name, and (for errors) a message naming the file and what to do.

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "reliability_support.hpp"

namespace kg::reliability {
namespace {

// A graph big enough that writing it takes a while: `n` people in a chain of
// `met` relations, each with a label and evidence.
std::string big_ntriples(std::size_t n) {
  std::string out;
  out.reserve(n * 400);
  const std::string kgo = "<https://kg.example.org/ontology#";
  const std::string rdfs = "<http://www.w3.org/2000/01/rdf-schema#";
  for (std::size_t i = 0; i < n; ++i) {
    const std::string s = "<https://kg.example.org/entity/p" + std::to_string(i) + ">";
    out += s + " <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " + kgo + "Person> .\n";
    out += s + " " + rdfs + "label> \"Person number " + std::to_string(i) + "\"@en .\n";
    if (i > 0) {
      out += "<https://kg.example.org/entity/p" + std::to_string(i - 1) + "> " + kgo + "met> " + s +
             " .\n";
    }
  }
  return out;
}

// Runs `kg` in a private mount namespace where `mount_dir` is a fresh tmpfs with
// `mount_options`; empty when this is not possible here (no unshare, no privilege).
std::string unshare_prefix_script(const fs::path& mount_dir, const std::string& mount_options) {
  return "mount -t tmpfs -o " + mount_options + " kgtest '" + mount_dir.string() + "' || exit 99; ";
}

bool can_mount_tmpfs(const fs::path& scratch) {
  if (find_tool("unshare").empty() || find_tool("mount").empty()) return false;
  const fs::path probe = scratch / "probe";
  fs::create_directories(probe);
  const ChildResult r = run_program({find_tool("unshare"), "-m", "sh", "-c",
                                     "mount -t tmpfs -o size=64k kgprobe '" + probe.string() +
                                         "' && touch '" + probe.string() + "/x'"},
                                    scratch);
  fs::remove_all(probe);
  return r.exit_code == 0;
}

const std::string kPrevious = "# previous output\n";

using AtomicOutputTest = ScratchTest;

TEST_F(AtomicOutputTest, KillNineMidWriteLeavesThePreviousFileWhole) {
  const std::string input = file("big.nt", big_ntriples(60000));
  const std::string output = path("out.ttl").string();
  // The previous output: a complete, valid file of its own.
  ASSERT_EQ(kg({"convert", file("small.nt", big_ntriples(3)), output}).exit_code, 0);
  const std::string previous = slurp(output);
  ASSERT_FALSE(previous.empty());

  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::setenv("KG_ONTOLOGY_DIR", KG_ONTOLOGY_DIR, 1);
    const int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execl(KG_BINARY, KG_BINARY, "convert", input.c_str(), output.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Wait until the writer has put bytes into its temporary file (whatever its name:
  // any new file in the directory), then kill it.
  auto temp_file_size = [&] {
    std::uintmax_t biggest = 0;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
      const std::string name = e.path().filename().string();
      if (name == "out.ttl" || name == "big.nt" || name == "small.nt" ||
          name.rfind(".child.", 0) == 0) {
        continue;
      }
      const std::uintmax_t size = e.file_size(ec);
      if (!ec) biggest = std::max(biggest, size);  // it may vanish while we look
    }
    return biggest;
  };
  bool killed_mid_write = false;
  int status = 0;
  for (;;) {
    if (temp_file_size() > 4096) {
      ::kill(pid, SIGKILL);
      killed_mid_write = true;
      break;
    }
    if (::waitpid(pid, &status, WNOHANG) == pid) break;
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  if (killed_mid_write) ::waitpid(pid, &status, 0);
  ASSERT_TRUE(killed_mid_write) << "the conversion finished before it could be interrupted";
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(slurp(output), previous);
  // The next run replaces it with the complete new output (and its own temp file only).
  const ChildResult again = kg({"convert", input, output});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  const ChildResult back = kg({"convert", output, path("back.nt").string()});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  const std::string nt = slurp(path("back.nt"));
  EXPECT_EQ(static_cast<std::size_t>(std::count(nt.begin(), nt.end(), '\n')), 60000U * 3 - 1);
}

// Fills a 64 KiB tmpfs (in a private mount namespace) that holds the previous output
// with `kg <command>`; returns the child's stderr followed by the previous file's
// content and the directory listing. nullopt when tmpfs cannot be mounted here.
std::optional<ChildResult> run_on_full_disk(const fs::path& scratch, const fs::path& disk,
                                            const std::string& out, const std::string& command) {
  if (!can_mount_tmpfs(scratch)) return std::nullopt;
  const std::string script = unshare_prefix_script(disk, "size=64k") + "printf '%s' '" + kPrevious +
                             "' > '" + out + "' && '" + KG_BINARY + "' " + command +
                             "; rc=$?; cat '" + out + "' >&2; ls -a '" + disk.string() +
                             "' >&2; exit $rc";
  return run_program({find_tool("unshare"), "-m", "sh", "-c", script}, scratch);
}

TEST_F(AtomicOutputTest, FullDiskRenderIsAnErrorAndKeepsThePreviousFile) {
  const std::string input = file("big.nt", big_ntriples(2000));
  const fs::path disk = path("disk");
  fs::create_directories(disk);
  const std::string out = (disk / "g.svg").string();
  const auto r = run_on_full_disk(dir_, disk, out, "render '" + input + "' -o '" + out + "'");
  if (!r) {
    // Fallback without mount privileges: a file-size limit makes write() fail (EFBIG).
    write_bytes(out, kPrevious);
    RunOptions limited;
    limited.file_size_limit = 64 * 1024;
    const ChildResult f = kg({"render", input, "-o", out}, limited);
    EXPECT_EQ(f.exit_code, 1) << f.err;
    EXPECT_EQ(f.err.rfind("kg: error: " + out + ": cannot write '" + out + "': File too large", 0),
              0U)
        << f.err;
    EXPECT_EQ(slurp(out), kPrevious);
    EXPECT_EQ(std::distance(fs::directory_iterator(disk), fs::directory_iterator()), 1);
    return;
  }
  EXPECT_EQ(r->exit_code, 1) << r->err;
  // The exact error, then the previous content still there and no temporary file left.
  EXPECT_EQ(r->err, "kg: error: " + out + ": cannot write '" + out +
                        "': No space left on device (free some disk space and try again)\n" +
                        kPrevious + ".\n..\ng.svg\n");
}

// The RDF writers' failed write names the file, the reason (ENOSPC) and what to do,
// as the temporary file's commit does.
TEST_F(AtomicOutputTest, FullDiskConvertNamesTheFileAndTheReason) {
  const std::string input = file("big.nt", big_ntriples(2000));
  const fs::path disk = path("disk");
  fs::create_directories(disk);
  const std::string out = (disk / "g.ttl").string();
  const auto r = run_on_full_disk(dir_, disk, out, "convert '" + input + "' '" + out + "'");
  if (!r) GTEST_SKIP() << "cannot mount a tmpfs here";
  EXPECT_EQ(r->exit_code, 1) << r->err;
  EXPECT_EQ(r->err, "kg: error: " + out + ": cannot write '" + out +
                        "': No space left on device (free some disk space and try again)\n" +
                        kPrevious + ".\n..\ng.ttl\n");
}

TEST_F(AtomicOutputTest, FullDiskConvertFailsAndKeepsThePreviousFile) {
  const std::string input = file("big.nt", big_ntriples(2000));
  const fs::path disk = path("disk");
  fs::create_directories(disk);
  const std::string out = (disk / "g.ttl").string();
  const auto r = run_on_full_disk(dir_, disk, out, "convert '" + input + "' '" + out + "'");
  if (!r) GTEST_SKIP() << "cannot mount a tmpfs here";
  EXPECT_EQ(r->exit_code, 1) << r->err;
  EXPECT_EQ(r->err.rfind("kg: error: " + out + ": ", 0), 0U) << r->err;
  const std::string tail = kPrevious + ".\n..\ng.ttl\n";
  ASSERT_GE(r->err.size(), tail.size());
  EXPECT_EQ(r->err.substr(r->err.size() - tail.size()), tail);
}

TEST_F(AtomicOutputTest, RenderToAFullStandardOutputIsAnError) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  // /dev/full accepts the open and fails every write with ENOSPC.
  const std::string input = file("g.nt", big_ntriples(2000));
  const ChildResult r =
      run_program({"/bin/sh", "-c",
                   "'" + std::string(KG_BINARY) + "' render '" + input + "' --to dot > /dev/full"},
                  dir_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kg: error: cannot write to stdout\n");
}

// The same on standard output: the reason is given.
TEST_F(AtomicOutputTest, ConvertToAFullStandardOutputNamesTheReason) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  const std::string input = file("g.nt", big_ntriples(2000));
  const ChildResult r = run_program(
      {"/bin/sh", "-c", "'" + std::string(KG_BINARY) + "' convert '" + input + "' - > /dev/full"},
      dir_);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
}

TEST_F(AtomicOutputTest, UnwritableOutputDirectoryNamesTheFile) {
  const std::string input = file("g.nt", big_ntriples(10));
  const fs::path locked = path("locked");
  fs::create_directories(locked);
  const std::string out = (locked / "g.ttl").string();
  ChildResult r;
  std::string reason;
  if (::geteuid() != 0) {
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    r = kg({"convert", input, out});
    reason = "Permission denied";
  } else if (can_mount_tmpfs(dir_)) {
    // root ignores directory permissions; a read-only file system stops it.
    r = run_program({find_tool("unshare"), "-m", "sh", "-c",
                     unshare_prefix_script(locked, "ro,size=64k") + "exec '" + KG_BINARY +
                         "' convert '" + input + "' '" + out + "'"},
                    dir_);
    reason = "Read-only file system";
  } else {
    GTEST_SKIP() << "running as root without mount privileges: no way to deny writing";
  }
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "kg: error: " + out + ": cannot create a temporary file for '" + out +
                       "': " + reason + " (check that the directory exists and is writable)\n");
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(AtomicOutputTest, MissingOutputDirectoryNamesTheFile) {
  const std::string input = file("g.nt", big_ntriples(10));
  const std::string out = path("no/such/dir/g.svg").string();
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"convert", input, out},
        std::vector<std::string>{"render", input, "-o", out}}) {
    const ChildResult r = kg(args);
    EXPECT_EQ(r.exit_code, 1) << args[0];
    EXPECT_EQ(r.err, "kg: error: " + out + ": cannot create a temporary file for '" + out +
                         "': No such file or directory (check that the directory exists and is "
                         "writable)\n")
        << args[0];
  }
}

}  // namespace
}  // namespace kg::reliability
