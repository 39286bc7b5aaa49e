#include <fstream>
#include <iomanip>
#include <kg/extract/document.hpp>
#include <kg/extract/evaluate.hpp>
#include <map>
#include <ostream>

namespace kg::extract {

double RawTextScores::f1(std::size_t correct) const {
  const double p =
      system_words ? static_cast<double>(correct) / static_cast<double>(system_words) : 0;
  const double r = gold_words ? static_cast<double>(correct) / static_cast<double>(gold_words) : 0;
  return p + r > 0 ? 200.0 * p * r / (p + r) : 0.0;
}

double RawTextScores::sentence_f1() const {
  const double p =
      system_sentences ? static_cast<double>(sentences) / static_cast<double>(system_sentences) : 0;
  const double r =
      gold_sentences ? static_cast<double>(sentences) / static_cast<double>(gold_sentences) : 0;
  return p + r > 0 ? 200.0 * p * r / (p + r) : 0.0;
}

GoldTokenScores evaluate_gold_tokens(const SentenceAnnotator& annotator,
                                     const std::vector<ConlluSentence>& gold) {
  GoldTokenScores sc;
  sc.parsed = annotator.has_parser();
  for (const auto& g : gold) {
    ConlluSentence s = g;
    for (auto& t : s.tokens) {
      t.upos = t.xpos = t.lemma = t.deprel = "_";
      t.head = -1;
    }
    annotator.annotate(s);
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      const auto& p = s.tokens[i];
      const auto& t = g.tokens[i];
      ++sc.words;
      sc.upos += p.upos == t.upos;
      sc.xpos += p.xpos == t.xpos;
      sc.lemma += p.lemma == t.lemma;
      const bool head = p.head == t.head && t.head >= 0;
      sc.uas += head;
      sc.las += head && p.deprel == t.deprel;
    }
  }
  return sc;
}

namespace {

struct GoldWord {
  std::size_t start;
  std::size_t end;
  const ConlluToken* token;
  std::size_t sentence_first;  // index in the flat word list of the sentence's first word
};

}  // namespace

RawTextScores evaluate_raw_text(const Pipeline& pipeline,
                                const std::vector<std::vector<ConlluSentence>>& documents) {
  RawTextScores sc;
  for (const auto& doc : documents) {
    std::string text;
    std::vector<GoldWord> gold;
    std::vector<std::pair<std::size_t, std::size_t>> gold_sentences;
    for (const auto& s : doc) {
      bool newpar = false;
      for (const auto& c : s.comments) newpar = newpar || c.rfind("# newpar", 0) == 0;
      std::string stext = s.comment_value("text");
      if (stext.empty()) continue;
      if (!text.empty()) text += newpar ? "\n\n" : " ";
      const std::size_t base = text.size();
      text += stext;
      // Locate each orthographic token in the sentence text.
      std::vector<int> mwt_last(s.tokens.size() + 1, 0);
      for (const auto& m : s.multiwords) mwt_last[static_cast<std::size_t>(m.first)] = m.last;
      std::size_t pos = 0;
      const std::size_t first = gold.size();
      for (std::size_t i = 0; i < s.tokens.size();) {
        const int id = static_cast<int>(i) + 1;
        const int last =
            mwt_last[static_cast<std::size_t>(id)] ? mwt_last[static_cast<std::size_t>(id)] : id;
        std::string surface;
        for (int k = id; k <= last; ++k) surface += s.tokens[static_cast<std::size_t>(k - 1)].form;
        for (const auto& m : s.multiwords) {
          if (m.first == id) surface = m.form;
        }
        std::size_t at = stext.find(surface, pos);
        if (at == std::string::npos) at = pos;
        std::size_t w = at;
        for (int k = id; k <= last; ++k) {
          const auto& t = s.tokens[static_cast<std::size_t>(k - 1)];
          const std::size_t len = k == last && id == last ? surface.size() : t.form.size();
          gold.push_back({base + w, base + w + len, &t, first});
          w += len;
        }
        pos = at + surface.size();
        i = static_cast<std::size_t>(last);
      }
      if (gold.size() > first) {
        gold_sentences.emplace_back(gold[first].start, gold.back().end);
      }
    }
    Document d(text);
    pipeline.run(d);
    sc.parsed = sc.parsed || (d.assigned() & kDependencies);
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> gold_index;
    for (std::size_t k = 0; k < gold.size(); ++k) gold_index[{gold[k].start, gold[k].end}] = k;
    sc.gold_words += gold.size();
    sc.system_words += d.tokens().size();
    sc.gold_sentences += gold_sentences.size();
    sc.system_sentences += d.sentences().size();
    std::map<std::pair<std::size_t, std::size_t>, int> gs;
    for (const auto& g : gold_sentences) gs[g] = 1;
    for (const auto& s : d.sentences()) {
      const auto& toks = d.tokens();
      sc.sentences += gs.count({toks[s.token_begin].start, toks[s.token_end - 1].end});
      for (auto i = s.token_begin; i < s.token_end; ++i) {
        const Token& t = toks[i];
        const auto it = gold_index.find({t.start, t.end});
        if (it == gold_index.end()) continue;
        const GoldWord& g = gold[it->second];
        ++sc.words;
        sc.upos += t.upos == g.token->upos;
        sc.xpos += t.xpos == g.token->xpos;
        sc.lemma += t.lemma == g.token->lemma;
        bool head = false;
        if (t.head == 0) {
          head = g.token->head == 0;
        } else if (t.head > 0 && g.token->head > 0) {
          const Token& h = toks[s.token_begin + static_cast<std::uint32_t>(t.head) - 1];
          const GoldWord& gh = gold[g.sentence_first + static_cast<std::size_t>(g.token->head) - 1];
          head = h.start == gh.start && h.end == gh.end;
        }
        sc.uas += head;
        sc.las += head && t.deprel == g.token->deprel;
      }
    }
  }
  return sc;
}

SpanScores evaluate_entities(const SentenceAnnotator& annotator,
                             const std::vector<IobSentence>& gold) {
  SpanScores sc;
  const auto starts = iob2_document_starts(gold);
  for (std::size_t d = 0; d + 1 < starts.size(); ++d) {
    std::vector<std::vector<std::string>> words;
    for (std::size_t k = starts[d]; k < starts[d + 1]; ++k) {
      words.emplace_back();
      for (const auto& r : gold[k].rows) words.back().push_back(r[1]);
    }
    const auto predicted = annotator.entity_tags_document(words);
    for (std::size_t k = starts[d]; k < starts[d + 1]; ++k) {
      std::vector<std::string> tags;
      for (const auto& r : gold[k].rows) tags.push_back(r.size() > 2 ? r[2] : "O");
      sc.add(clean_uner_tags(tags), predicted[k - starts[d]]);
    }
  }
  return sc;
}

Result<void> evaluate_all(const std::string& data_dir, const std::string& model_dir,
                          std::ostream& out) {
  auto files = corpus_files(data_dir, "dev");
  if (!files) return tl::unexpected(files.error());
  AnnotatorOptions ao;
  ao.model_dir = model_dir;
  auto annotator = SentenceAnnotator::load(ao);
  if (!annotator) return tl::unexpected(annotator.error());
  PipelineOptions po;
  po.model_dir = model_dir;
  po.ner = false;
  auto pipeline = load_pipeline(po);
  if (!pipeline) return tl::unexpected(pipeline.error());
  out << std::fixed << std::setprecision(2);
  for (const auto& [name, paths] :
       {std::pair<std::string, std::vector<std::string>>{"UD EWT dev", files->ewt},
        {"GUM dev", files->gum}}) {
    auto docs = read_documents(paths);
    if (!docs) return tl::unexpected(docs.error());
    std::vector<ConlluSentence> flat;
    for (const auto& d : *docs) flat.insert(flat.end(), d.begin(), d.end());
    const auto g = evaluate_gold_tokens(*annotator, flat);
    out << name << ", gold tokens (" << g.words << " words): UPOS " << g.pct(g.upos) << "  XPOS "
        << g.pct(g.xpos) << "  Lemma " << g.pct(g.lemma);
    if (g.parsed) out << "  UAS " << g.pct(g.uas) << "  LAS " << g.pct(g.las);
    out << '\n';
    const auto r = evaluate_raw_text(*pipeline, *docs);
    out << name << ", raw text (F1): Words " << r.f1(r.words) << "  Sentences " << r.sentence_f1()
        << "  UPOS " << r.f1(r.upos) << "  XPOS " << r.f1(r.xpos) << "  Lemma " << r.f1(r.lemma);
    if (r.parsed) out << "  UAS " << r.f1(r.uas) << "  LAS " << r.f1(r.las);
    out << '\n';
  }
  std::ifstream in(files->uner, std::ios::binary);
  auto iob = read_iob2(in, files->uner);
  if (!iob) return tl::unexpected(iob.error());
  const auto ner = evaluate_entities(*annotator, *iob);
  out << "UNER EWT dev, exact-span entities: precision " << 100 * ner.total.precision()
      << "  recall " << 100 * ner.total.recall() << "  F1 " << 100 * ner.total.f1() << '\n';
  for (const auto& [type, c] : ner.by_type) {
    out << "  " << type << ": precision " << 100 * c.precision() << "  recall " << 100 * c.recall()
        << "  F1 " << 100 * c.f1() << "  (gold " << c.gold << ", predicted " << c.predicted
        << ")\n";
  }
  return {};
}

}  // namespace kg::extract
