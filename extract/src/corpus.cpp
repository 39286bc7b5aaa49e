#include <algorithm>
#include <filesystem>
#include <fstream>
#include <istream>
#include <kg/extract/train.hpp>
#include <map>
#include <ostream>
#include <set>

namespace kg::extract {
namespace fs = std::filesystem;

Result<CorpusFiles> corpus_files(const std::string& data_dir, const std::string& split) {
  CorpusFiles files;
  const fs::path root(data_dir);
  const fs::path ewt = root / "ud_english_ewt" / ("en_ewt-ud-" + split + ".conllu");
  const fs::path gum = root / "ud_english_gum" / split;
  const fs::path uner = root / "uner_english_ewt" / ("en_ewt-ud-" + split + ".iob2");
  for (const auto& p : {ewt, uner}) {
    if (!fs::exists(p)) {
      return fail(Error::Code::kNotFound, "corpus file missing", p.string(), 0, 0,
                  "pass --data with the directory holding ud_english_ewt, ud_english_gum, "
                  "uner_english_ewt");
    }
  }
  if (!fs::is_directory(gum)) {
    return fail(Error::Code::kNotFound, "GUM directory missing", gum.string(), 0, 0,
                "pass --data with the directory holding ud_english_gum/" + split);
  }
  files.ewt.push_back(ewt.string());
  for (const auto& e : fs::directory_iterator(gum)) {
    if (e.path().extension() == ".conllu") files.gum.push_back(e.path().string());
  }
  std::sort(files.gum.begin(), files.gum.end());
  files.uner = uner.string();
  return files;
}

Result<std::vector<std::vector<ConlluSentence>>> read_documents(
    const std::vector<std::string>& files) {
  std::vector<std::vector<ConlluSentence>> docs;
  for (const auto& f : files) {
    auto sentences = read_conllu_file(f);
    if (!sentences) return tl::unexpected(sentences.error());
    bool first = true;
    for (auto& s : *sentences) {
      bool newdoc = first;
      for (const auto& c : s.comments) {
        if (c.rfind("# newdoc", 0) == 0) newdoc = true;
      }
      if (newdoc || docs.empty()) docs.emplace_back();
      docs.back().push_back(std::move(s));
      first = false;
    }
  }
  return docs;
}

Result<std::vector<IobSentence>> read_iob2(std::istream& in, const std::string& source_name) {
  std::vector<IobSentence> out;
  IobSentence cur;
  bool open = false;
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (open) out.push_back(std::move(cur));
      cur = IobSentence{};
      open = false;
      continue;
    }
    open = true;
    if (line[0] == '#') {
      cur.comments.push_back(line);
      continue;
    }
    std::vector<std::string> cols;
    std::size_t p = 0;
    while (true) {
      const auto tab = line.find('\t', p);
      cols.push_back(line.substr(p, tab == std::string::npos ? std::string::npos : tab - p));
      if (tab == std::string::npos) break;
      p = tab + 1;
    }
    if (cols.size() < 2) {
      return fail(Error::Code::kParse, "IOB2 token line needs at least index and token columns",
                  source_name, line_no, 1,
                  "write one `index<TAB>token<TAB>tag` line per token, a blank line between "
                  "sentences");
    }
    cur.rows.push_back(std::move(cols));
  }
  if (open) out.push_back(std::move(cur));
  return out;
}

std::vector<std::size_t> iob2_document_starts(const std::vector<IobSentence>& sentences) {
  std::vector<std::size_t> starts;
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    bool newdoc = k == 0;
    for (const auto& c : sentences[k].comments) newdoc = newdoc || c.rfind("# newdoc", 0) == 0;
    if (newdoc) starts.push_back(k);
  }
  starts.push_back(sentences.size());
  return starts;
}

void write_iob2(std::ostream& out, const std::vector<IobSentence>& sentences) {
  for (const auto& s : sentences) {
    for (const auto& c : s.comments) out << c << '\n';
    for (const auto& r : s.rows) {
      for (std::size_t i = 0; i < r.size(); ++i) {
        if (i > 0) out << '\t';
        out << r[i];
      }
      out << '\n';
    }
    out << '\n';
  }
}

std::vector<std::string> clean_uner_tags(const std::vector<std::string>& tags) {
  std::vector<std::string> out;
  out.reserve(tags.size());
  std::string prev_type;
  for (const auto& raw : tags) {
    std::string tag = raw;
    if (tag.size() < 3 || (tag[0] != 'B' && tag[0] != 'I') || tag[1] != '-') tag = "O";
    std::string type = tag == "O" ? "" : tag.substr(2);
    if (type != "PER" && type != "ORG" && type != "LOC") {
      tag = "O";
      type.clear();
    }
    if (tag[0] == 'I' && prev_type != type) tag = "B-" + type;
    prev_type = type;
    out.push_back(tag);
  }
  return out;
}

namespace {

std::string misc_value(const std::string& misc, std::string_view key) {
  std::size_t p = 0;
  while (p < misc.size()) {
    auto bar = misc.find('|', p);
    if (bar == std::string::npos) bar = misc.size();
    const std::string_view item(misc.data() + p, bar - p);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=') {
      return std::string(item.substr(key.size() + 1));
    }
    p = bar + 1;
  }
  return {};
}

bool connector(const ConlluToken& t) {
  static const char* const kWords[] = {"of", "and", "the", "&", "for", "de", "on", "-", "'s", "."};
  for (const char* w : kWords) {
    if (t.form == w) return true;
  }
  return false;
}

}  // namespace

std::vector<std::string> gum_entity_tags(const ConlluSentence& s) {
  struct Mention {
    int first;
    int last;
    std::string type;
  };
  std::vector<Mention> mentions;
  std::map<std::string, std::vector<std::pair<int, std::string>>> open;  // id -> (start, type)
  const int n = static_cast<int>(s.tokens.size());
  for (int i = 0; i < n; ++i) {
    const std::string ent = misc_value(s.tokens[static_cast<std::size_t>(i)].misc, "Entity");
    std::size_t p = 0;
    while (p < ent.size()) {
      if (ent[p] == '(') {
        std::size_t q = p + 1;
        while (q < ent.size() && ent[q] != '(' && ent[q] != ')') ++q;
        const std::string body = ent.substr(p + 1, q - p - 1);
        const auto dash = body.find('-');
        const std::string id = body.substr(0, dash);
        std::string type;
        if (dash != std::string::npos) {
          const auto dash2 = body.find('-', dash + 1);
          type = body.substr(dash + 1,
                             dash2 == std::string::npos ? std::string::npos : dash2 - dash - 1);
        }
        if (q < ent.size() && ent[q] == ')') {
          mentions.push_back({i, i, type});
          p = q + 1;
        } else {
          open[id].emplace_back(i, type);
          p = q;
        }
      } else if (ent[p] == ')') {
        ++p;
      } else {
        std::size_t q = p;
        while (q < ent.size() && ent[q] != ')' && ent[q] != '(') ++q;
        const std::string id = ent.substr(p, q - p);
        if (q < ent.size() && ent[q] == ')') {
          auto it = open.find(id);
          if (it != open.end() && !it->second.empty()) {
            mentions.push_back({it->second.back().first, i, it->second.back().second});
            it->second.pop_back();
          }
          p = q + 1;
        } else {
          p = q;
        }
      }
    }
  }
  std::vector<std::string> tags(static_cast<std::size_t>(n), "O");
  struct Name {
    int first;
    int last;
    std::string label;
  };
  std::vector<Name> names;
  for (const auto& m : mentions) {
    std::string label;
    if (m.type == "person") label = "PER";
    if (m.type == "organization") label = "ORG";
    if (m.type == "place") label = "LOC";
    if (label.empty()) continue;
    int a = m.first;
    int b = m.last;
    const auto tok = [&](int k) -> const ConlluToken& {
      return s.tokens[static_cast<std::size_t>(k)];
    };
    // UNER-style names exclude determiners and titles ("the President Donald Trump").
    static const std::set<std::string> kTitles = {
        "President",  "Vice",     "Prime",     "Minister", "Ambassador", "Senator", "Sen.",
        "Rep.",       "Gov.",     "Governor",  "Mr.",      "Mrs.",       "Ms.",     "Dr.",
        "King",       "Queen",    "Prince",    "Princess", "General",    "Gen.",    "Secretary",
        "Chancellor", "Pope",     "Professor", "Prof.",    "Judge",      "Justice", "Mayor",
        "Chairman",   "Director", "Captain",   "Colonel",  "Lieutenant", "Sir",     "Lady",
        "Lord",       "Coach",    "Former",    "Emperor",  "Empress",    "Bishop",  "Father",
        "Saint",      "Uncle",    "Aunt",      "Officer",  "Sergeant",   "Agent"};
    while (a <= b && (tok(a).upos == "DET" || tok(a).upos == "PUNCT" ||
                      (label == "PER" && kTitles.count(tok(a).form) > 0))) {
      ++a;
    }
    // Plural person mentions are groups or nationalities ("Afghans"), not names.
    if (label == "PER" && a <= b && tok(b).xpos == "NNPS") continue;
    while (b >= a && tok(b).upos == "PUNCT") --b;
    if (a > b) continue;
    if (tok(a).upos != "PROPN" || tok(b).upos != "PROPN") continue;
    bool ok = true;
    for (int k = a; k <= b && ok; ++k) {
      ok = tok(k).upos == "PROPN" || (connector(tok(k)) && k > a && k < b) ||
           (tok(k).upos == "NUM" && k > a);
    }
    if (ok) names.push_back({a, b, label});
  }
  std::stable_sort(names.begin(), names.end(), [](const Name& x, const Name& y) {
    return (x.last - x.first) > (y.last - y.first);
  });
  std::vector<char> used(static_cast<std::size_t>(n), 0);
  for (const auto& nm : names) {
    bool free = true;
    for (int k = nm.first; k <= nm.last; ++k) free = free && !used[static_cast<std::size_t>(k)];
    if (!free) continue;
    for (int k = nm.first; k <= nm.last; ++k) {
      used[static_cast<std::size_t>(k)] = 1;
      tags[static_cast<std::size_t>(k)] = (k == nm.first ? "B-" : "I-") + nm.label;
    }
  }
  return tags;
}

}  // namespace kg::extract
