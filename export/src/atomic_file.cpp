// Atomic file output: write under a temporary name in the target's directory
// (so rename() stays within one file system and is atomic), check every
// write, fsync and close, then rename over the target. Readers of the target
// see the old file or the complete new one, never a partial file.

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <streambuf>
#include <string>

#include "rdf_internal.hpp"

namespace kg::exporters {
namespace detail {

// A streambuf over a file descriptor that records the first write error
// (a full disk shows up here, not in the ostream's bad bit alone).
class AtomicFile::Buffer final : public std::streambuf {
 public:
  explicit Buffer(int fd) : fd_(fd), data_(1 << 16) {
    setp(data_.data(), data_.data() + data_.size());
  }

  int error() const { return error_; }

  bool flush_all() {
    const char* p = pbase();
    std::size_t n = static_cast<std::size_t>(pptr() - pbase());
    while (n > 0 && error_ == 0) {
      const ssize_t w = ::write(fd_, p, n);
      if (w < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        break;
      }
      p += w;
      n -= static_cast<std::size_t>(w);
    }
    setp(data_.data(), data_.data() + data_.size());
    return error_ == 0;
  }

 protected:
  int_type overflow(int_type ch) override {
    if (!flush_all()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    const auto room = epptr() - pptr();
    if (n <= room) {
      std::memcpy(pptr(), s, static_cast<std::size_t>(n));
      pbump(static_cast<int>(n));
      return n;
    }
    if (!flush_all()) return 0;
    // Large writes bypass the buffer.
    const char* p = s;
    auto left = static_cast<std::size_t>(n);
    while (left > 0) {
      const ssize_t w = ::write(fd_, p, left);
      if (w < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return static_cast<std::streamsize>(p - s);
      }
      p += w;
      left -= static_cast<std::size_t>(w);
    }
    return n;
  }

  int sync() override { return flush_all() ? 0 : -1; }

 private:
  int fd_;
  std::vector<char> data_;
  int error_ = 0;
};

namespace {

Error io_error(const std::string& what, const std::string& path, int err) {
  return make_error(Error::Code::kIo, what + " '" + path + "': " + std::strerror(err), path, 0, 0,
                    err == ENOSPC ? "free some disk space and try again"
                                  : "check that the directory exists and is writable");
}

}  // namespace

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
  delete stream_;
  stream_ = nullptr;
  delete buffer_;
  buffer_ = nullptr;
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    temp_path_.clear();
  }
}

Result<void> AtomicFile::open(const std::string& path) {
  discard();
  path_ = path;
  temp_path_ = path + ".tmp." + std::to_string(::getpid());
  fd_ = ::open(temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) {
    const int err = errno;
    temp_path_.clear();
    return tl::unexpected(io_error("cannot create a temporary file for", path, err));
  }
  buffer_ = new Buffer(fd_);
  stream_ = new std::ostream(buffer_);
  return {};
}

std::ostream& AtomicFile::stream() { return *stream_; }

std::optional<Error> AtomicFile::write_error() {
  if (fd_ < 0) return std::nullopt;
  stream_->flush();
  const int err = buffer_->error();
  if (err == 0) return std::nullopt;
  discard();
  return io_error("cannot write", path_, err);
}

Result<void> AtomicFile::commit() {
  if (fd_ < 0) return fail(Error::Code::kInternal, "AtomicFile::commit without open", path_);
  stream_->flush();
  int err = buffer_->flush_all() ? 0 : buffer_->error();
  if (err == 0 && !*stream_) err = buffer_->error() != 0 ? buffer_->error() : EIO;
  if (err != 0) {
    discard();
    return tl::unexpected(io_error("cannot write", path_, err));
  }
  if (::fsync(fd_) != 0 && errno != EINVAL && errno != EROFS) {
    err = errno;
    discard();
    return tl::unexpected(io_error("cannot write", path_, err));
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    err = errno;
    discard();
    return tl::unexpected(io_error("cannot write", path_, err));
  }
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    err = errno;
    discard();
    return tl::unexpected(io_error("cannot replace", path_, err));
  }
  temp_path_.clear();
  discard();
  return {};
}

}  // namespace detail

Result<void> write_file_atomically(const std::string& path, std::string_view bytes) {
  if (path == "-") {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
      const ssize_t w = ::write(STDOUT_FILENO, p, left);
      if (w < 0) {
        if (errno == EINTR) continue;
        return fail(Error::Code::kIo,
                    std::string("cannot write to standard output: ") + std::strerror(errno), "-");
      }
      p += w;
      left -= static_cast<std::size_t>(w);
    }
    return {};
  }
  detail::AtomicFile file;
  if (auto opened = file.open(path); !opened) return opened;
  file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return file.commit();
}

}  // namespace kg::exporters
