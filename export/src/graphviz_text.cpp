#include "graphviz_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <kg/graph/iri.hpp>

namespace kg::exporters::gv {

std::string esc_string(std::string_view text, Field field) {
  // Labels: Graphviz keeps "\\" while expanding \N \G \E \T \H \L, then the
  // label code turns "\\" into "\" (and \n \l \r into line breaks), so a
  // doubled backslash shows as one. Tooltips go through one more unescaping
  // pass before the object-name substitution, so they need four.
  const std::string_view backslash = field == Field::kLabel ? "\\\\" : "\\\\\\\\";
  std::string out;
  out.reserve(text.size() + 8);
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\\') {
      out += backslash;
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '\n') {
      out += '\n';
    } else if (byte < 0x20 || byte == 0x7f) {
      out += ' ';  // tabs, CR and other controls: most are not allowed in XML 1.0
    } else {
      out += c;
    }
  }
  return out;
}

std::string html_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += "<BR/>";
        break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string local_name(std::string_view iri) {
  auto cut = iri.find_last_of('#');
  if (cut == std::string_view::npos || cut + 1 == iri.size()) cut = iri.find_last_of('/');
  if (cut == std::string_view::npos || cut + 1 == iri.size()) return std::string(iri);
  return std::string(iri.substr(cut + 1));
}

std::string safe_color(std::string_view color, std::string_view fallback) {
  const auto is_hex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  if (!color.empty() && color.front() == '#') {
    const auto digits = color.substr(1);
    if ((digits.size() == 6 || digits.size() == 8) &&
        std::all_of(digits.begin(), digits.end(), is_hex)) {
      return std::string(color);
    }
    return std::string(fallback);
  }
  const bool name = !color.empty() && color.size() <= 32 &&
                    std::isalpha(static_cast<unsigned char>(color.front())) != 0 &&
                    std::all_of(color.begin(), color.end(), [](char c) {
                      return std::isalnum(static_cast<unsigned char>(c)) != 0;
                    });
  return name ? std::string(color) : std::string(fallback);
}

std::string safe_shape(std::string_view shape, std::string_view fallback) {
  // Graphviz 2.42 polygon-based shapes; "record"/"Mrecord" are left out on
  // purpose because they give { } | < > in the label a meaning.
  static constexpr auto kShapes =
      std::to_array<std::string_view>({"assembly",      "box",
                                       "box3d",         "cds",
                                       "circle",        "component",
                                       "cylinder",      "diamond",
                                       "doublecircle",  "doubleoctagon",
                                       "egg",           "ellipse",
                                       "fivepoverhang", "folder",
                                       "hexagon",       "house",
                                       "insulator",     "invhouse",
                                       "invtrapezium",  "invtriangle",
                                       "larrow",        "lpromoter",
                                       "Mcircle",       "Mdiamond",
                                       "Msquare",       "none",
                                       "note",          "noverhang",
                                       "octagon",       "oval",
                                       "parallelogram", "pentagon",
                                       "plain",         "plaintext",
                                       "point",         "polygon",
                                       "primersite",    "promoter",
                                       "proteasesite",  "proteinstab",
                                       "rarrow",        "rect",
                                       "rectangle",     "restrictionsite",
                                       "ribosite",      "rnastab",
                                       "rpromoter",     "septagon",
                                       "signature",     "square",
                                       "star",          "tab",
                                       "terminator",    "threepoverhang",
                                       "trapezium",     "triangle",
                                       "tripleoctagon", "underline"});
  for (const auto known : kShapes) {
    if (known == shape) return std::string(shape);
  }
  return std::string(fallback);
}

std::string stable_id(std::string_view prefix, std::string_view key) {
  return std::string(prefix) + hex64(stable_hash(key));
}

}  // namespace kg::exporters::gv
