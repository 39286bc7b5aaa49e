#include <filesystem>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/lemmatizer.hpp>
#include <kg/extract/models.hpp>
#include <kg/extract/pipeline.hpp>
#include <kg/extract/tagger.hpp>
#include <kg/extract/tokenizer.hpp>
#include <optional>

#if __has_include(<kg/extract/dependency_parser.hpp>)
#include <kg/extract/dependency_parser.hpp>
#define KG_HAVE_PARSER 1
#else
#define KG_HAVE_PARSER 0
#endif

namespace kg::extract {

namespace {

std::string attribute_names(unsigned a) {
  static const std::pair<unsigned, const char*> kNames[] = {
      {kTokens, "tokens"}, {kSentences, "sentences"},       {kTags, "tags"},
      {kLemmas, "lemmas"}, {kDependencies, "dependencies"}, {kEntities, "entities"}};
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (a & bit) {
      if (!out.empty()) out += ", ";
      out += name;
    }
  }
  return out;
}

#if KG_HAVE_PARSER
// Runs the dependency parser sentence by sentence through its CoNLL-U interface.
class ParserComponent : public Component {
 public:
  explicit ParserComponent(DependencyParser parser) : parser_(std::move(parser)) {}
  [[nodiscard]] std::string_view name() const override { return "parser"; }
  [[nodiscard]] unsigned needs() const override { return kTokens | kSentences | kTags | kLemmas; }
  [[nodiscard]] unsigned assigns() const override { return kDependencies; }
  void process(Document& doc) const override {
    auto& tokens = doc.tokens();
    ConlluSentence s;
    std::vector<DependencyParser::Name> names;
    std::size_t next_entity = 0;
    for (const auto& span : doc.sentences()) {
      s.tokens.resize(span.size());
      for (std::uint32_t i = 0; i < span.size(); ++i) {
        const Token& t = tokens[span.token_begin + i];
        auto& c = s.tokens[i];
        c.form = t.norm;
        c.lemma = t.lemma;
        c.upos = t.upos;
        c.xpos = t.xpos;
        c.head = -1;
        c.deprel = "_";
      }
      // Names the entity recogniser found (when it ran first) are parsed whole.
      // The entities are in text order: one pass over them serves the whole document.
      names.clear();
      if ((doc.assigned() & kEntities) != 0) {
        const auto& entities = doc.entities();
        while (next_entity < entities.size() &&
               entities[next_entity].token_begin < span.token_begin) {
          ++next_entity;
        }
        for (std::size_t k = next_entity;
             k < entities.size() && entities[k].token_begin < span.token_end; ++k) {
          const auto& e = entities[k];
          if (e.token_end > span.token_end) continue;
          names.push_back(
              {e.token_begin - span.token_begin, e.token_end - span.token_begin, e.label == "PER"});
        }
      }
      parser_.parse(s, names);
      for (std::uint32_t i = 0; i < span.size(); ++i) {
        Token& t = tokens[span.token_begin + i];
        t.head = s.tokens[i].head;
        t.deprel = s.tokens[i].deprel;
      }
    }
    doc.mark_assigned(kDependencies);
  }

 private:
  DependencyParser parser_;
};
#endif

}  // namespace

Result<void> Pipeline::add(std::shared_ptr<const Component> component) {
  const unsigned missing = component->needs() & ~provided_;
  if (missing != 0) {
    return fail(Error::Code::kInvalidArgument,
                "pipeline component '" + std::string(component->name()) + "' needs " +
                    attribute_names(missing) + " which no earlier component assigns",
                {}, 0, 0, "add the components that assign them before it");
  }
  provided_ |= component->assigns();
  components_.push_back(std::move(component));
  return {};
}

void Pipeline::run(Document& doc) const {
  for (const auto& c : components_) c->process(doc);
}

std::vector<std::string> Pipeline::names() const {
  std::vector<std::string> out;
  for (const auto& c : components_) out.emplace_back(c->name());
  return out;
}

const Component* Pipeline::find(std::string_view name) const {
  for (const auto& c : components_) {
    if (c->name() == name) return c.get();
  }
  return nullptr;
}

Result<Pipeline> load_pipeline(const PipelineOptions& options) {
  const std::filesystem::path dir =
      options.model_dir.empty() ? find_model_dir() : options.model_dir;
  Pipeline p;
  auto tok = Tokenizer::load((dir / kTokenizerModel).string());
  if (!tok) return tl::unexpected(tok.error());
  if (auto ok = p.add(std::make_shared<TokenizerComponent>(std::move(*tok))); !ok) {
    return tl::unexpected(ok.error());
  }
  // A recogniser trained with UPOS needs the tagger before it.
  std::optional<EntityRecognizer> ner;
  if (options.ner) {
    auto loaded = EntityRecognizer::load((dir / kNerModel).string());
    if (!loaded) return tl::unexpected(loaded.error());
    ner = std::move(*loaded);
  }
  if (options.tag || options.lemmatize || options.parse || (ner && ner->uses_pos())) {
    auto tagger = Tagger::load((dir / kTaggerModel).string());
    if (!tagger) return tl::unexpected(tagger.error());
    if (auto ok = p.add(std::make_shared<TaggerComponent>(std::move(*tagger))); !ok) {
      return tl::unexpected(ok.error());
    }
  }
  if (options.lemmatize || options.parse) {
    auto lem = Lemmatizer::load((dir / kLemmatizerModel).string());
    if (!lem) return tl::unexpected(lem.error());
    if (auto ok = p.add(std::make_shared<LemmatizerComponent>(std::move(*lem))); !ok) {
      return tl::unexpected(ok.error());
    }
  }
  // The recogniser runs before the parser, which keeps the names it finds whole.
  if (ner) {
    if (auto ok = p.add(std::make_shared<EntityRecognizerComponent>(std::move(*ner))); !ok) {
      return tl::unexpected(ok.error());
    }
  }
#if KG_HAVE_PARSER
  if (options.parse && std::filesystem::exists(dir / kParserModel)) {
    auto parser = DependencyParser::load((dir / kParserModel).string());
    if (!parser) return tl::unexpected(parser.error());
    if (auto ok = p.add(std::make_shared<ParserComponent>(std::move(*parser))); !ok) {
      return tl::unexpected(ok.error());
    }
  }
#endif
  return p;
}

}  // namespace kg::extract
