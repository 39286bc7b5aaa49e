#pragma once
// Text helpers for Graphviz attributes: neutralising Graphviz escapes in user
// text, entity-escaping for HTML-like labels, and sanitising style values that
// come from ontology data.

#include <string>
#include <string_view>

namespace kg::exporters::gv {

/// Which Graphviz attribute a text goes into: they unescape differently.
enum class Field {
  kLabel,    ///< label, headlabel, URL: backslash escapes are expanded once
  kTooltip,  ///< tooltip, labeltooltip: expanded twice by Graphviz 2.42
};

/// User text made safe for a Graphviz escString attribute: backslashes are
/// multiplied so `\N`, `\G`, `\E`, `\n`, `\l` ... in the text are shown
/// literally instead of being expanded by Graphviz, and '&' becomes "&amp;" so
/// that "&#65;" or "&amp;" in the text are not read as character references
/// (Graphviz decodes them in labels and copies them unescaped into SVG
/// tooltips). Newlines stay (a line break); other control characters become spaces.
std::string esc_string(std::string_view text, Field field = Field::kLabel);

/// Text for inside an HTML-like label: & < > " ' as character references,
/// newlines as <BR/>, control characters as spaces.
std::string html_text(std::string_view text);

/// The local name of an IRI (after the last '#', else the last '/'), or the IRI.
std::string local_name(std::string_view iri);

/// `color` when it is "#rrggbb", "#rrggbbaa" or a plain colour name, else `fallback`.
std::string safe_color(std::string_view color, std::string_view fallback);

/// `shape` when it is a Graphviz node shape that does not parse its label
/// (record shapes do), else `fallback`.
std::string safe_shape(std::string_view shape, std::string_view fallback);

/// The id Graphviz writes into SVG for an object keyed by `key`: `prefix` and
/// 16 hex digits of a stable hash, so ids do not change between runs.
std::string stable_id(std::string_view prefix, std::string_view key);

}  // namespace kg::exporters::gv
