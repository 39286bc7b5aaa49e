#include "util/binary_io.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

namespace kg::extract::detail {

Result<std::string> read_file_bytes(const std::string& path) {
  // A directory opens as a stream whose end is at the largest offset; reading
  // that many bytes would fail as "out of memory".
  if (std::error_code ec; std::filesystem::is_directory(path, ec)) {
    return fail(Error::Code::kInvalidArgument, "is a directory, not a file", path, 0, 0,
                "give the path of a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Error::Code::kNotFound, "cannot open file", path, 0, 0,
                "check the path and permissions");
  }
  std::string data;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    data.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(data.data(), size);
  } else if (size < 0) {
    // Pipes and other unseekable files (`<(...)`, /dev/stdin) are read to their end.
    in.clear();
    data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  if (!in && !in.eof()) {
    return fail(Error::Code::kIo, "read failed", path, 0, 0, "check the file and disk");
  }
  return data;
}

Result<void> write_file_atomic(const std::string& path, std::string_view bytes) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return fail(Error::Code::kIo, "cannot create file", tmp, 0, 0,
                  "check that the directory exists and is writable");
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return fail(Error::Code::kIo, "write failed", tmp, 0, 0, "check free disk space");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return fail(Error::Code::kIo, "cannot rename temporary file: " + ec.message(), path, 0, 0,
                "check permissions of the target directory");
  }
  return {};
}

}  // namespace kg::extract::detail
