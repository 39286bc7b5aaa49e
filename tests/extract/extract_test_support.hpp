#pragma once
/// Shared by the extract test files: where the models are, and reading a whole file.

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace kg::extract::testing_support {

/// The shipped models, or $KG_MODEL_DIR when set (e.g. freshly trained ones).
inline const std::string kModelDir = [] {
  const char* env = std::getenv("KG_MODEL_DIR");
  return env != nullptr && *env != '\0' ? std::string(env)
                                        : std::string(KG_SOURCE_DIR) + "/extract/models";
}();

/// The file's bytes; empty when it cannot be read (the caller's assertions say what failed).
inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace kg::extract::testing_support
