#include <algorithm>
#include <fstream>
#include <kg/extract/entity_recognizer.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "case_profile.hpp"
#include "features.hpp"
#include "perceptron.hpp"
#include "util/binary_io.hpp"
#include "util/text.hpp"

namespace kg::extract {

namespace {
constexpr char kMagic[] = "KGNER4";
constexpr std::size_t kMaxPhrase = 6;
const std::vector<std::string> kClasses = {"O",     "B-PER", "I-PER", "B-ORG",
                                           "I-ORG", "B-LOC", "I-LOC"};

int class_of(std::string_view tag) {
  for (std::size_t i = 0; i < kClasses.size(); ++i) {
    if (kClasses[i] == tag) return static_cast<int>(i);
  }
  return 0;
}

// I-X may only follow B-X or I-X.
bool allowed(int prev, int cls) {
  if (cls == 0 || kClasses[static_cast<std::size_t>(cls)][0] == 'B') return true;
  if (prev <= 0) return false;
  return kClasses[static_cast<std::size_t>(prev)].substr(2) ==
         kClasses[static_cast<std::size_t>(cls)].substr(2);
}

std::vector<std::string> split_spaces(std::string_view s) {
  std::vector<std::string> out;
  std::size_t p = 0;
  while (p < s.size()) {
    while (p < s.size() && s[p] == ' ') ++p;
    std::size_t q = p;
    while (q < s.size() && s[q] != ' ') ++q;
    if (q > p) out.emplace_back(s.substr(p, q - p));
    p = q;
  }
  return out;
}

std::vector<std::string> parse_csv_line(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        out.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        out.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c != '\r') {
      out.back() += c;
    }
  }
  return out;
}

bool latin_capitalized(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

struct EntityRecognizer::Impl {
  std::unordered_set<std::string> places;  // lower-case phrases, tokens joined by ' '
  std::unordered_map<std::string, std::string> demonyms;  // "Russian" -> "Russia"
  std::unordered_set<std::string> first_names;
  std::unordered_set<std::string> last_names;
  detail::CaseProfile case_profile;  // capitalisation away from the sentence start
  detail::LinearModel model;

  [[nodiscard]] std::string_view case_of(const detail::WordInfo& x) const {
    return case_profile.class_of(x);
  }

  // Per-token gazetteer marks: 'B'/'I' place phrase, or '-'.
  std::vector<char> place_marks(const std::vector<detail::WordInfo>& w) const {
    std::vector<char> marks(w.size(), '-');
    for (std::size_t i = 0; i < w.size();) {
      std::size_t best = 0;
      std::string phrase;
      for (std::size_t len = 1; len <= kMaxPhrase && i + len <= w.size(); ++len) {
        if (len > 1) phrase += ' ';
        phrase += w[i + len - 1].key;
        if (places.count(phrase)) best = len;
      }
      if (best > 0) {
        marks[i] = 'B';
        for (std::size_t k = 1; k < best; ++k) marks[i + k] = 'I';
        i += best;
      } else {
        ++i;
      }
    }
    return marks;
  }

  void features(const std::vector<detail::WordInfo>& w, const std::vector<char>& marks,
                std::string_view title, std::size_t i, int p1, int p2,
                detail::FeatureSet& f) const {
    f.clear();
    static const detail::WordInfo kStart{"<S>", "<s>", "<S>"};
    static const detail::WordInfo kEnd{"</S>", "</s>", "</S>"};
    const auto at = [&](long k) -> const detail::WordInfo& {
      const long j = static_cast<long>(i) + k;
      if (j < 0) return kStart;
      if (j >= static_cast<long>(w.size())) return kEnd;
      return w[static_cast<std::size_t>(j)];
    };
    const auto mark_at = [&](long k) -> std::string_view {
      const long j = static_cast<long>(i) + k;
      if (j < 0 || j >= static_cast<long>(marks.size())) return "<>";
      const char m = marks[static_cast<std::size_t>(j)];
      return m == 'B' ? "B" : m == 'I' ? "I" : "-";
    };
    const auto name_mark = [&](const detail::WordInfo& x) -> std::string_view {
      const bool fn = first_names.count(x.raw) > 0;
      const bool ln = last_names.count(x.raw) > 0;
      return fn && ln ? "FL" : fn ? "F" : ln ? "L" : "-";
    };
    const auto& cur = w[i];
    const std::string_view t1 = kClasses[static_cast<std::size_t>(p1)];
    const std::string_view t2 = kClasses[static_cast<std::size_t>(p2)];
    f.add(0, "");
    f.add(1, cur.key);
    f.add(2, cur.raw);
    f.add(3, cur.shape);
    f.add(4, detail::utf8_prefix(cur.raw, 1));
    f.add(5, detail::utf8_prefix(cur.key, 3));
    f.add(6, detail::utf8_suffix(cur.key, 2));
    f.add(7, detail::utf8_suffix(cur.key, 3));
    f.add(8, detail::utf8_suffix(cur.key, 4));
    f.add(9, at(-1).key);
    f.add(10, at(-2).key);
    f.add(11, at(1).key);
    f.add(12, at(2).key);
    f.add(13, at(-1).shape);
    f.add(14, at(1).shape);
    f.add(19, t1);
    f.add(20, t1, t2);
    f.add(21, t1, cur.key);
    f.add(22, t1, cur.shape);
    f.add(23, mark_at(0));
    f.add(24, mark_at(-1), mark_at(0), mark_at(1));
    f.add(25, demonyms.count(cur.raw) ? "D" : "-");
    f.add(26, name_mark(cur));
    f.add(27, name_mark(at(-1)), name_mark(cur), name_mark(at(1)));
    f.add(28, i == 0 ? "first" : "mid", cur.shape);
    f.add(29, at(-1).key, cur.key);
    f.add(30, cur.key, at(1).key);
    f.add(32, mark_at(0), cur.shape);
    f.add(33, at(-1).raw);
    f.add(34, at(1).raw);
    f.add(35, at(-1).shape, cur.shape, at(1).shape);
    f.add(36, case_of(cur));
    f.add(37, case_of(cur), detail::utf8_prefix(cur.shape, 1));
    f.add(38, case_of(at(-1)), case_of(cur), case_of(at(1)));
    f.add(39, at(-1).key, cur.shape);
    f.add(40, at(1).key, cur.shape);
    f.add(41, t1, at(-1).key);
    f.add(43, title, case_of(cur), detail::utf8_prefix(cur.shape, 1));
    f.add(44, at(-2).shape, at(-1).shape, cur.shape);
    f.add(45, cur.shape, at(1).shape, at(2).shape);
    f.add(46, at(3).key);
    f.add(47, at(-3).key);
    f.add(48, detail::utf8_suffix(at(1).key, 3));
    f.add(49, detail::utf8_suffix(at(-1).key, 3));
  }

  std::vector<int> decode(const std::vector<std::string_view>& words) const {
    std::vector<detail::WordInfo> info;
    info.reserve(words.size());
    for (const auto w : words) info.push_back(detail::word_info(w));
    const auto marks = place_marks(info);
    const std::string_view title = detail::capitalisation_profile(info);
    std::vector<int> out(words.size(), 0);
    detail::FeatureSet f;
    std::vector<float> buf;
    for (std::size_t i = 0; i < words.size(); ++i) {
      const int p1 = i > 0 ? out[i - 1] : 0;
      const int p2 = i > 1 ? out[i - 2] : 0;
      features(info, marks, title, i, p1, p2, f);
      buf.assign(kClasses.size(), 0.0F);
      model.add_scores(f.values(), buf.data());
      int best = 0;
      for (int c = 1; c < static_cast<int>(kClasses.size()); ++c) {
        if (allowed(p1, c) &&
            buf[static_cast<std::size_t>(c)] > buf[static_cast<std::size_t>(best)])
          best = c;
      }
      out[i] = best;
    }
    return out;
  }
};

EntityRecognizer::EntityRecognizer() : impl_(std::make_shared<Impl>()) {}

std::vector<std::string> EntityRecognizer::tag(const std::vector<std::string_view>& words) const {
  const auto cls = impl_->decode(words);
  std::vector<std::string> out;
  out.reserve(cls.size());
  for (const int c : cls) out.push_back(kClasses[static_cast<std::size_t>(c)]);
  return out;
}

std::string EntityRecognizer::demonym_country(std::string_view word) const {
  const auto it = impl_->demonyms.find(std::string(word));
  return it == impl_->demonyms.end() ? std::string() : it->second;
}

void EntityRecognizer::process(Document& doc) const {
  auto& tokens = doc.tokens();
  auto& entities = doc.entities();
  entities.clear();
  std::vector<std::string_view> words;
  for (const auto& s : doc.sentences()) {
    words.clear();
    for (auto i = s.token_begin; i < s.token_end; ++i) {
      words.push_back(tokens[i].norm);
    }
    const auto cls = impl_->decode(words);
    for (auto i = s.token_begin; i < s.token_end; ++i) {
      tokens[i].ner = kClasses[static_cast<std::size_t>(cls[i - s.token_begin])];
    }
    for (auto i = s.token_begin; i < s.token_end;) {
      const std::string& tag = tokens[i].ner;
      if (tag == "O") {
        const auto country = demonym_country(tokens[i].norm);
        if (!country.empty()) {
          tokens[i].ner = "B-NORP";
          entities.push_back({i, i + 1, tokens[i].start, tokens[i].end, "NORP", country});
        }
        ++i;
        continue;
      }
      const std::string label = tag.substr(2);
      auto j = i + 1;
      while (j < s.token_end && tokens[j].ner == "I-" + label) ++j;
      entities.push_back({i, j, tokens[i].start, tokens[j - 1].end, label, {}});
      i = j;
    }
  }
  doc.mark_assigned(kEntities);
}

Result<EntityRecognizer> EntityRecognizer::train(const std::vector<NerSentence>& train,
                                                 const std::vector<NerSentence>* dev,
                                                 const NerTrainOptions& options,
                                                 std::ostream* log) {
  auto impl = std::make_shared<Impl>();
  if (!options.countries_json.empty()) {
    std::ifstream in(options.countries_json, std::ios::binary);
    if (!in) {
      return fail(Error::Code::kNotFound, "cannot open country gazetteer", options.countries_json,
                  0, 0, "pass --data with gazetteer_countries_mledoze/countries.json");
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {
      return fail(Error::Code::kParse, std::string("invalid JSON: ") + e.what(),
                  options.countries_json, 0, 0, "restore the original countries.json");
    }
    const auto add_place = [&](const std::string& name) {
      if (name.size() < 3 || name.find(',') != std::string::npos) return;
      std::string key;
      for (const auto& part : split_spaces(detail::normalize_form(name))) {
        if (!key.empty()) key += ' ';
        key += detail::word_info(part).key;
      }
      if (!key.empty()) impl->places.insert(key);
    };
    // Sovereign states first so that "American" names the United States, not a territory.
    const auto independent = [](const nlohmann::json& c) {
      return c.contains("independent") && c["independent"].is_boolean() &&
             c["independent"].get<bool>();
    };
    std::vector<const nlohmann::json*> countries;
    for (const auto& c : j) {
      if (c.is_object() && independent(c)) countries.push_back(&c);
    }
    for (const auto& c : j) {
      if (c.is_object() && !independent(c)) countries.push_back(&c);
    }
    for (const auto* cp : countries) {
      const auto& c = *cp;
      if (!c.contains("name")) continue;
      const std::string common = c["name"].value("common", "");
      add_place(common);
      add_place(c["name"].value("official", ""));
      if (c.contains("altSpellings")) {
        for (const auto& a : c["altSpellings"]) {
          if (a.is_string() && a.get<std::string>().size() >= 4) add_place(a.get<std::string>());
        }
      }
      if (c.contains("capital")) {
        for (const auto& a : c["capital"]) {
          if (a.is_string()) add_place(a.get<std::string>());
        }
      }
      if (c.contains("demonyms") && c["demonyms"].contains("eng")) {
        for (const char* g : {"m", "f"}) {
          const std::string d = c["demonyms"]["eng"].value(g, "");
          if (d.size() < 3 || d.find(' ') != std::string::npos) continue;
          impl->demonyms.emplace(d, common);
          if (d.back() != 's' && d.back() != 'h') impl->demonyms.emplace(d + "s", common);
        }
      }
    }
  }
  if (!options.politicians_csv.empty()) {
    std::ifstream in(options.politicians_csv, std::ios::binary);
    if (!in) {
      return fail(Error::Code::kNotFound, "cannot open politician gazetteer",
                  options.politicians_csv, 0, 0,
                  "pass --data with gazetteer_politicians_wikidata/*.csv");
    }
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const auto cols = parse_csv_line(line);
      if (cols.size() < 4) continue;
      const auto parts = split_spaces(cols[3]);
      if (parts.size() < 2) continue;
      if (latin_capitalized(parts.front())) impl->first_names.insert(parts.front());
      if (latin_capitalized(parts.back())) impl->last_names.insert(parts.back());
    }
  }

  for (const auto& s : train) {
    for (std::size_t i = 1; i < s.words.size(); ++i) {
      const auto info = detail::word_info(detail::normalize_form(s.words[i]));
      impl->case_profile.count(info);
    }
  }
  impl->case_profile.finish();
  detail::PerceptronTrainer trainer(static_cast<int>(kClasses.size()));
  detail::SplitMix64 rng(options.seed);
  std::vector<std::size_t> order(train.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  detail::FeatureSet f;
  std::vector<double> buf;
  struct Prepared {
    std::vector<detail::WordInfo> info;
    std::vector<char> marks;
    std::vector<int> gold;
  };
  std::vector<Prepared> prepared(train.size());
  for (std::size_t k = 0; k < train.size(); ++k) {
    for (const auto& w : train[k].words)
      prepared[k].info.push_back(detail::word_info(detail::normalize_form(w)));
    prepared[k].marks = impl->place_marks(prepared[k].info);
    for (const auto& t : train[k].tags) prepared[k].gold.push_back(class_of(t));
  }
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    rng.shuffle(order);
    for (const auto k : order) {
      const auto& p = prepared[k];
      std::vector<int> pred(p.info.size(), 0);
      for (std::size_t i = 0; i < p.info.size(); ++i) {
        const int p1 = i > 0 ? pred[i - 1] : 0;
        const int p2 = i > 1 ? pred[i - 2] : 0;
        impl->features(p.info, p.marks, detail::capitalisation_profile(p.info), i, p1, p2, f);
        trainer.scores(f.values(), buf);
        int guess = 0;
        for (int c = 1; c < static_cast<int>(kClasses.size()); ++c) {
          if (allowed(p1, c) &&
              buf[static_cast<std::size_t>(c)] > buf[static_cast<std::size_t>(guess)])
            guess = c;
        }
        trainer.update(f.values(), p.gold[i], guess);
        trainer.tick();
        pred[i] = guess;
      }
    }
    if (log) *log << "ner epoch " << epoch + 1 << " done\n";
  }
  impl->model = trainer.average(options.prune);
  EntityRecognizer ner;
  ner.impl_ = impl;
  if (dev && log) {
    SpanScores scores;
    for (const auto& s : *dev) {
      std::vector<std::string> norms;
      for (const auto& w : s.words) norms.push_back(detail::normalize_form(w));
      std::vector<std::string_view> words(norms.begin(), norms.end());
      scores.add(s.tags, ner.tag(words));
    }
    *log << "ner dev F1 " << 100.0 * scores.total.f1() << " (" << impl->model.n_weights()
         << " weights)\n";
  }
  return ner;
}

Result<void> EntityRecognizer::save(const std::string& path) const {
  detail::BinaryWriter w;
  w.str(kMagic);
  w.strings(detail::sorted_strings(impl_->places));
  std::vector<std::pair<std::string, std::string>> dem(impl_->demonyms.begin(),
                                                       impl_->demonyms.end());
  std::sort(dem.begin(), dem.end());
  w.pod(static_cast<std::uint32_t>(dem.size()));
  for (const auto& [k, v] : dem) {
    w.str(k);
    w.str(v);
  }
  w.strings(detail::sorted_strings(impl_->first_names));
  w.strings(detail::sorted_strings(impl_->last_names));
  impl_->case_profile.save(w);
  impl_->model.save(w);
  return detail::write_file_atomic(path, w.bytes());
}

Result<EntityRecognizer> EntityRecognizer::load(const std::string& path) {
  auto bytes = detail::read_file_bytes(path);
  if (!bytes) return tl::unexpected(bytes.error());
  detail::BinaryReader r(*bytes, path);
  std::string magic;
  if (!r.str(magic) || magic != kMagic) return tl::unexpected(r.error("not an NER model"));
  auto impl = std::make_shared<Impl>();
  std::vector<std::string> v;
  if (!r.strings(v)) return tl::unexpected(r.error("places"));
  impl->places.insert(v.begin(), v.end());
  std::uint32_t n = 0;
  if (!r.pod(n)) return tl::unexpected(r.error("demonyms"));
  for (std::uint32_t i = 0; i < n; ++i) {
    std::string k;
    std::string c;
    if (!r.str(k) || !r.str(c)) return tl::unexpected(r.error("demonyms"));
    impl->demonyms.emplace(std::move(k), std::move(c));
  }
  if (!r.strings(v)) return tl::unexpected(r.error("first names"));
  impl->first_names.insert(v.begin(), v.end());
  if (!r.strings(v)) return tl::unexpected(r.error("last names"));
  impl->last_names.insert(v.begin(), v.end());
  if (!impl->case_profile.load(r)) return tl::unexpected(r.error("case profile"));
  if (!impl->model.load(r) || impl->model.n_classes() != static_cast<int>(kClasses.size())) {
    return tl::unexpected(r.error("weights"));
  }
  EntityRecognizer ner;
  ner.impl_ = std::move(impl);
  return ner;
}

double SpanScores::Counts::precision() const {
  return predicted ? static_cast<double>(correct) / static_cast<double>(predicted) : 0.0;
}
double SpanScores::Counts::recall() const {
  return gold ? static_cast<double>(correct) / static_cast<double>(gold) : 0.0;
}
double SpanScores::Counts::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

void SpanScores::add(const std::vector<std::string>& gold,
                     const std::vector<std::string>& predicted) {
  using Span = std::tuple<std::size_t, std::size_t, std::string>;
  const auto spans = [](const std::vector<std::string>& tags) {
    std::set<Span> out;
    for (std::size_t i = 0; i < tags.size();) {
      if (tags[i].size() < 3 || tags[i] == "O") {
        ++i;
        continue;
      }
      const std::string type = tags[i].substr(2);
      std::size_t j = i + 1;
      while (j < tags.size() && tags[j] == "I-" + type) ++j;
      out.emplace(i, j, type);
      i = j;
    }
    return out;
  };
  const auto g = spans(gold);
  const auto p = spans(predicted);
  const auto counts = [&](const std::string& type) -> Counts& {
    for (auto& [t, c] : by_type) {
      if (t == type) return c;
    }
    by_type.emplace_back(type, Counts{});
    std::sort(by_type.begin(), by_type.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [t, c] : by_type) {
      if (t == type) return c;
    }
    return total;
  };
  for (const auto& s : g) {
    ++total.gold;
    ++counts(std::get<2>(s)).gold;
    if (p.count(s)) {
      ++total.correct;
      ++counts(std::get<2>(s)).correct;
    }
  }
  for (const auto& s : p) {
    ++total.predicted;
    ++counts(std::get<2>(s)).predicted;
  }
}

}  // namespace kg::extract
