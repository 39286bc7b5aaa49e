#include <filesystem>
#include <kg/extract/annotator.hpp>
#include <kg/extract/entity_recognizer.hpp>
#include <kg/extract/lemmatizer.hpp>
#include <kg/extract/models.hpp>
#include <kg/extract/tagger.hpp>
#include <optional>

#include "util/text.hpp"

#if __has_include(<kg/extract/dependency_parser.hpp>)
#include <kg/extract/dependency_parser.hpp>
#define KG_HAVE_PARSER 1
#else
#define KG_HAVE_PARSER 0
#endif

namespace kg::extract {

struct SentenceAnnotator::Impl {
  Tagger tagger;
  Lemmatizer lemmatizer;
  std::optional<EntityRecognizer> ner;
#if KG_HAVE_PARSER
  std::optional<DependencyParser> parser;
#endif
};

Result<SentenceAnnotator> SentenceAnnotator::load(const AnnotatorOptions& options) {
  const std::filesystem::path dir =
      options.model_dir.empty() ? find_model_dir() : options.model_dir;
  auto impl = std::make_shared<Impl>();
  auto tagger = Tagger::load((dir / kTaggerModel).string());
  if (!tagger) return tl::unexpected(tagger.error());
  impl->tagger = std::move(*tagger);
  auto lem = Lemmatizer::load((dir / kLemmatizerModel).string());
  if (!lem) return tl::unexpected(lem.error());
  impl->lemmatizer = std::move(*lem);
  if (options.ner) {
    auto ner = EntityRecognizer::load((dir / kNerModel).string());
    if (!ner) return tl::unexpected(ner.error());
    impl->ner = std::move(*ner);
  }
#if KG_HAVE_PARSER
  if (options.parse && std::filesystem::exists(dir / kParserModel)) {
    auto parser = DependencyParser::load((dir / kParserModel).string());
    if (!parser) return tl::unexpected(parser.error());
    impl->parser = std::move(*parser);
  }
#endif
  SentenceAnnotator a;
  a.impl_ = std::move(impl);
  return a;
}

bool SentenceAnnotator::has_parser() const {
#if KG_HAVE_PARSER
  return impl_->parser.has_value();
#else
  return false;
#endif
}

namespace {
void set_misc_item(std::string& misc, const std::string& key, const std::string& value) {
  std::vector<std::string> items;
  std::size_t p = 0;
  if (misc != "_" && !misc.empty()) {
    while (p <= misc.size()) {
      auto bar = misc.find('|', p);
      if (bar == std::string::npos) bar = misc.size();
      std::string item = misc.substr(p, bar - p);
      if (item.rfind(key + "=", 0) != 0 && !item.empty()) items.push_back(std::move(item));
      p = bar + 1;
    }
  }
  items.push_back(key + "=" + value);
  misc.clear();
  for (const auto& it : items) {
    if (!misc.empty()) misc += '|';
    misc += it;
  }
}
}  // namespace

void SentenceAnnotator::annotate(ConlluSentence& s) const {
  impl_->tagger.tag(s);
  impl_->lemmatizer.lemmatize(s);
#if KG_HAVE_PARSER
  if (impl_->parser) {
    // The parser sees normalised forms, as in the raw-text pipeline.
    std::vector<std::string> original;
    original.reserve(s.tokens.size());
    for (auto& t : s.tokens) {
      original.push_back(t.form);
      t.form = detail::normalize_form(t.form);
    }
    impl_->parser->parse(s);
    for (std::size_t i = 0; i < s.tokens.size(); ++i) s.tokens[i].form = std::move(original[i]);
  }
#endif
  if (impl_->ner) {
    std::vector<std::string> norms;
    for (const auto& t : s.tokens) norms.push_back(detail::normalize_form(t.form));
    const std::vector<std::string_view> words(norms.begin(), norms.end());
    std::vector<std::string_view> upos;
    for (const auto& t : s.tokens) upos.push_back(t.upos);
    const auto tags = impl_->ner->tag(words, upos);
    for (std::size_t i = 0; i < s.tokens.size(); ++i)
      set_misc_item(s.tokens[i].misc, "NER", tags[i]);
  }
}

std::vector<std::string> SentenceAnnotator::entity_tags(
    const std::vector<std::string>& words) const {
  if (!impl_->ner) return std::vector<std::string>(words.size(), "O");
  return entity_tags_document({words}).front();
}

std::vector<std::vector<std::string>> SentenceAnnotator::entity_tags_document(
    const std::vector<std::vector<std::string>>& sentences) const {
  if (!impl_->ner) {
    std::vector<std::vector<std::string>> out;
    for (const auto& s : sentences) out.emplace_back(s.size(), "O");
    return out;
  }
  std::vector<std::vector<std::string>> norms;
  for (const auto& s : sentences) {
    norms.emplace_back();
    for (const auto& w : s) norms.back().push_back(detail::normalize_form(w));
  }
  std::vector<std::vector<std::string_view>> views;
  for (const auto& n : norms) views.emplace_back(n.begin(), n.end());
  return impl_->ner->tag_document(views, impl_->tagger);
}

}  // namespace kg::extract
