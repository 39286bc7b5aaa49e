#pragma once
/// Errors a user can cause are values, not exceptions: every fallible call
/// returns kg::Result<T>, whose error names the file, the position and what to do.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>

namespace kg {

/// What went wrong, where, and what the user can do about it.
struct Error {
  enum class Code {
    kInvalidArgument,  ///< bad flag or value given by the caller
    kNotFound,         ///< a file, entity or format that does not exist
    kParse,            ///< malformed input text, RDF, query ...
    kEncoding,         ///< invalid UTF-8 or unsupported encoding
    kValidation,       ///< ontology domain/range/unknown term violation
    kIo,               ///< read/write failure (permissions, full disk)
    kUnsupported,      ///< a feature or format this build does not provide
    kInternal,         ///< a bug: an invariant did not hold
  };
  Code code = Code::kInternal;
  std::string message;     ///< what went wrong
  std::string file;        ///< file (or "-" for stdin, empty when not applicable)
  std::size_t line = 0;    ///< 1-based line, 0 when unknown
  std::size_t column = 0;  ///< 1-based column, 0 when unknown
  std::string hint;        ///< what to do about it, may be empty

  /// "file:line:column: message (hint)" in the style of compilers.
  [[nodiscard]] std::string to_string() const {
    std::string out;
    if (!file.empty()) {
      out += file;
      if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
      }
      out += ": ";
    }
    out += message;
    if (!hint.empty()) out += " (" + hint + ")";
    return out;
  }
};

/// Builds an Error without the field-by-field noise.
inline Error make_error(Error::Code code, std::string message, std::string file = {},
                        std::size_t line = 0, std::size_t column = 0, std::string hint = {}) {
  return Error{code, std::move(message), std::move(file), line, column, std::move(hint)};
}

/// Line and column (both from 1) of byte `offset` of `text`, for an Error's position.
struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
};
inline TextPosition text_position(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  const auto newlines = static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  const std::size_t last = before.rfind('\n');
  const std::size_t line_start = last == std::string_view::npos ? 0 : last + 1;
  return {1 + newlines, offset - line_start + 1};
}

/// The result of a fallible operation.
template <class T>
using Result = tl::expected<T, Error>;

/// Shorthand for returning an error from a function returning Result<T>.
inline tl::unexpected<Error> fail(Error::Code code, std::string message, std::string file = {},
                                  std::size_t line = 0, std::size_t column = 0,
                                  std::string hint = {}) {
  return tl::unexpected<Error>(
      make_error(code, std::move(message), std::move(file), line, column, std::move(hint)));
}

}  // namespace kg
