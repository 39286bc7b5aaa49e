#include <charconv>
#include <fstream>
#include <istream>
#include <kg/extract/conllu.hpp>
#include <ostream>

namespace kg::extract {
namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t tab = line.find('\t', pos);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(pos));
      return out;
    }
    out.push_back(line.substr(pos, tab - pos));
    pos = tab + 1;
  }
}

bool parse_int(std::string_view s, int& value) {
  if (s.empty()) return false;
  const auto* end = s.data() + s.size();
  auto [ptr, ec] = std::from_chars(s.data(), end, value);
  return ec == std::errc() && ptr == end;
}

}  // namespace

std::string ConlluSentence::comment_value(std::string_view key) const {
  for (const auto& c : comments) {
    std::string_view v = c;
    if (v.size() < 2 || v[0] != '#') continue;
    v.remove_prefix(1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.substr(0, key.size()) != key) continue;
    v.remove_prefix(key.size());
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    if (v.empty() || v.front() != '=') continue;
    v.remove_prefix(1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    return std::string(v);
  }
  return {};
}

Result<std::vector<ConlluSentence>> read_conllu(std::istream& in, std::string_view source_name) {
  std::vector<ConlluSentence> out;
  ConlluSentence current;
  bool open = false;
  std::string line;
  std::size_t line_no = 0;
  const auto flush = [&] {
    if (open) out.push_back(std::move(current));
    current = ConlluSentence{};
    open = false;
  };
  const auto error = [&](std::string msg, std::size_t column) {
    return fail(Error::Code::kParse, std::move(msg), std::string(source_name), line_no, column,
                "expected 10 tab-separated CoNLL-U columns, see "
                "https://universaldependencies.org/format.html");
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    open = true;
    if (line[0] == '#') {
      current.comments.push_back(line);
      continue;
    }
    auto cols = split_tabs(line);
    if (cols.size() != 10) {
      return error("CoNLL-U line has " + std::to_string(cols.size()) + " columns, not 10", 1);
    }
    const std::string_view id = cols[0];
    if (const auto dash = id.find('-'); dash != std::string_view::npos) {
      ConlluMultiword mw;
      if (!parse_int(id.substr(0, dash), mw.first) || !parse_int(id.substr(dash + 1), mw.last)) {
        return error("malformed multiword token ID '" + std::string(id) + "'", 1);
      }
      mw.form = std::string(cols[1]);
      mw.misc = std::string(cols[9]);
      current.multiwords.push_back(std::move(mw));
      continue;
    }
    if (id.find('.') != std::string_view::npos) {
      current.empty_nodes.push_back({static_cast<int>(current.tokens.size()), line});
      continue;
    }
    int word_id = 0;
    if (!parse_int(id, word_id) || word_id != static_cast<int>(current.tokens.size()) + 1) {
      return error("word ID '" + std::string(id) + "' is not the next integer ID (" +
                       std::to_string(current.tokens.size() + 1) + ")",
                   1);
    }
    ConlluToken tok;
    tok.form = std::string(cols[1]);
    tok.lemma = std::string(cols[2]);
    tok.upos = std::string(cols[3]);
    tok.xpos = std::string(cols[4]);
    tok.feats = std::string(cols[5]);
    if (cols[6] == "_") {
      tok.head = -1;
    } else if (!parse_int(cols[6], tok.head) || tok.head < 0) {
      const std::size_t col = static_cast<std::size_t>(cols[6].data() - line.data()) + 1;
      return error("HEAD '" + std::string(cols[6]) + "' is not a non-negative integer", col);
    }
    tok.deprel = std::string(cols[7]);
    tok.deps = std::string(cols[8]);
    tok.misc = std::string(cols[9]);
    current.tokens.push_back(std::move(tok));
  }
  flush();
  return out;
}

Result<std::vector<ConlluSentence>> read_conllu_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return fail(Error::Code::kNotFound, "cannot open CoNLL-U file", path, 0, 0,
                "check the path and permissions");
  }
  return read_conllu(in, path);
}

void write_conllu(std::ostream& out, const ConlluSentence& s) {
  for (const auto& c : s.comments) out << c << '\n';
  std::size_t mw = 0;
  std::size_t en = 0;
  const auto write_empty_after = [&](int after) {
    while (en < s.empty_nodes.size() && s.empty_nodes[en].after == after) {
      out << s.empty_nodes[en].line << '\n';
      ++en;
    }
  };
  write_empty_after(0);
  for (std::size_t i = 0; i < s.tokens.size(); ++i) {
    const int id = static_cast<int>(i) + 1;
    while (mw < s.multiwords.size() && s.multiwords[mw].first == id) {
      const auto& m = s.multiwords[mw];
      out << m.first << '-' << m.last << '\t' << m.form << "\t_\t_\t_\t_\t_\t_\t_\t" << m.misc
          << '\n';
      ++mw;
    }
    const auto& t = s.tokens[i];
    out << id << '\t' << t.form << '\t' << t.lemma << '\t' << t.upos << '\t' << t.xpos << '\t'
        << t.feats << '\t';
    if (t.head < 0) {
      out << '_';
    } else {
      out << t.head;
    }
    out << '\t' << t.deprel << '\t' << t.deps << '\t' << t.misc << '\n';
    write_empty_after(id);
  }
  out << '\n';
}

void write_conllu(std::ostream& out, const std::vector<ConlluSentence>& sentences) {
  for (const auto& s : sentences) write_conllu(out, s);
}

}  // namespace kg::extract
