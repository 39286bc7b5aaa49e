#pragma once
/// Helpers for the reliability suite: run the `kg` executable as a child process
/// (stdin from a file, stdout and stderr captured, optional file-size limit), learn
/// how it ended and its peak resident memory, and make scratch directories.

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace kg::reliability {

namespace fs = std::filesystem;

/// How a child process ended.
struct ChildResult {
  int exit_code = -1;    ///< exit status, -1 when killed by a signal
  int signal = 0;        ///< the signal that killed it, 0 when it exited
  std::string out;       ///< everything written on stdout
  std::string err;       ///< everything written on stderr
  long max_rss_kib = 0;  ///< peak resident set size of the child (getrusage)
};

/// Options for run_program().
struct RunOptions {
  std::string stdin_path = "/dev/null";  ///< what the child reads on stdin
  long file_size_limit = -1;             ///< RLIMIT_FSIZE in bytes, -1 = unchanged
  std::vector<std::string> env;          ///< extra NAME=value entries
};

/// The whole content of a file ("" when it cannot be read).
inline std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Writes `bytes` to `path`, replacing it.
inline void write_bytes(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/// Runs `argv` (argv[0] is the program path) and waits for it. stdout and stderr go to
/// files in `scratch` and are read back, so large outputs cannot block the child.
inline ChildResult run_program(const std::vector<std::string>& argv, const fs::path& scratch,
                               const RunOptions& options = {}) {
  ChildResult result;
  const fs::path out_path = scratch / ".child.stdout";
  const fs::path err_path = scratch / ".child.stderr";
  const pid_t pid = ::fork();
  if (pid < 0) return result;
  if (pid == 0) {
    const int in = ::open(options.stdin_path.c_str(), O_RDONLY);
    const int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    if (options.file_size_limit >= 0) {
      // Past the limit write() fails with EFBIG instead of the process being killed.
      ::signal(SIGXFSZ, SIG_IGN);
      const rlimit lim{static_cast<rlim_t>(options.file_size_limit),
                       static_cast<rlim_t>(options.file_size_limit)};
      ::setrlimit(RLIMIT_FSIZE, &lim);
    }
    ::setenv("KG_ONTOLOGY_DIR", KG_ONTOLOGY_DIR, 1);
    // In sanitizer builds, LeakSanitizer's list of used suppressions would be
    // appended to stderr; the tests compare stderr exactly.
    const char* lsan = std::getenv("LSAN_OPTIONS");
    const std::string quiet =
        (lsan != nullptr && *lsan != '\0' ? std::string(lsan) + ":" : std::string()) +
        "print_suppressions=0";
    ::setenv("LSAN_OPTIONS", quiet.c_str(), 1);
    for (const auto& e : options.env) ::putenv(const_cast<char*>(e.c_str()));
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  int status = 0;
  rusage usage{};
  while (::wait4(pid, &status, 0, &usage) < 0) {
    if (errno != EINTR) return result;
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  result.max_rss_kib = usage.ru_maxrss;
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  return result;
}

/// Runs the kg CLI with `args`.
inline ChildResult run_kg(const std::vector<std::string>& args, const fs::path& scratch,
                          const RunOptions& options = {}) {
  std::vector<std::string> argv{KG_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_program(argv, scratch, options);
}

/// A program found on PATH, or "" when absent.
inline std::string find_tool(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string p = path != nullptr ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= p.size()) {
    std::size_t end = p.find(':', start);
    if (end == std::string::npos) end = p.size();
    const fs::path candidate = fs::path(p.substr(start, end - start)) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate.string();
    start = end + 1;
  }
  return {};
}

/// A fresh scratch directory per test, removed afterwards.
class ScratchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("kg_reliability_" + std::to_string(::getpid()) + "_" +
                                        info->test_suite_name() + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  [[nodiscard]] fs::path path(const std::string& name) const { return dir_ / name; }
  [[nodiscard]] std::string file(const std::string& name, const std::string& bytes) const {
    write_bytes(dir_ / name, bytes);
    return (dir_ / name).string();
  }
  ChildResult kg(const std::vector<std::string>& args, const RunOptions& options = {}) const {
    return run_kg(args, dir_, options);
  }
  fs::path dir_;
};

/// Path of a file in the bad-input catalogue.
inline std::string bad_input(const std::string& name) {
  return std::string(KG_TEST_DATA_DIR) + "/bad/" + name;
}

}  // namespace kg::reliability
