#include <cstdlib>
#include <filesystem>
#include <kg/extract/models.hpp>

#ifndef KG_SOURCE_MODEL_DIR
#define KG_SOURCE_MODEL_DIR ""
#endif
#ifndef KG_INSTALL_MODEL_DIR
#define KG_INSTALL_MODEL_DIR ""
#endif

namespace kg::extract {

std::string find_model_dir() {
  if (const char* env = std::getenv("KG_MODEL_DIR"); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  const std::filesystem::path installed(KG_INSTALL_MODEL_DIR);
  if (!installed.empty() && std::filesystem::exists(installed / kTaggerModel, ec)) {
    return installed.string();
  }
  return KG_SOURCE_MODEL_DIR;
}

}  // namespace kg::extract
