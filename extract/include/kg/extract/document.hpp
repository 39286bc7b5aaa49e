#pragma once
/// The annotated document: it owns the text; tokens, sentences and entity spans
/// are views given by byte offsets into that text (spaCy's Doc design).

#include <cstdint>
#include <kg/extract/conllu.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

/// What a pipeline component reads or writes (bit set).
enum Attribute : unsigned {
  kNoAttributes = 0,
  kTokens = 1U << 0,        ///< Document::tokens (offsets, norm, space_after, multiword grouping)
  kSentences = 1U << 1,     ///< Document::sentences
  kTags = 1U << 2,          ///< Token::upos, Token::xpos
  kLemmas = 1U << 3,        ///< Token::lemma
  kDependencies = 1U << 4,  ///< Token::head, Token::deprel
  kEntities = 1U << 5,      ///< Token::ner and Document::entities
};

/// One syntactic word. Its text is Document::text()[start, end).
struct Token {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  /// The form the models see: curly quotes straightened, dashes in ASCII.
  std::string norm;
  std::string upos;
  std::string xpos;
  std::string lemma;
  int head = -1;  ///< 1-based index in its sentence, 0 = root, -1 = not parsed
  std::string deprel;
  std::string ner = "O";  ///< BIO tag: B-PER, I-ORG, O ... (nationalities: B-NORP)
  bool space_after = true;
  /// True when this word and the next are one orthographic token ("do" of "don't"),
  /// written as a CoNLL-U multiword token line.
  bool joined_with_next = false;
};

/// A sentence: tokens [token_begin, token_end) and bytes [start, end).
struct Sentence {
  std::uint32_t token_begin = 0;
  std::uint32_t token_end = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  [[nodiscard]] std::uint32_t size() const { return token_end - token_begin; }
};

/// A named-entity mention. Labels: PER, ORG, LOC (including countries, cities and other
/// GPEs) from the statistical recogniser, and NORP for nationality/demonym words such as
/// "Russian" or "Americans" found by the country gazetteer; NORP spans carry the country.
struct EntitySpan {
  std::uint32_t token_begin = 0;
  std::uint32_t token_end = 0;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string label;
  std::string country;  ///< NORP only: the common English name of the country, e.g. "Russia"
};

/// Text plus annotations. Copyable and movable; views stay valid because they are offsets.
class Document {
 public:
  Document() = default;
  /// A document over `text`; the pipeline reads only bytes [begin, text.size()).
  explicit Document(std::string text, std::size_t begin = 0)
      : text_(std::move(text)), begin_(begin) {}

  [[nodiscard]] const std::string& text() const { return text_; }
  [[nodiscard]] std::size_t begin() const { return begin_; }
  /// The original text of a token / sentence / span.
  [[nodiscard]] std::string_view text_of(const Token& t) const {
    return std::string_view(text_).substr(t.start, t.end - t.start);
  }
  [[nodiscard]] std::string_view text_of(const Sentence& s) const {
    return std::string_view(text_).substr(s.start, s.end - s.start);
  }
  [[nodiscard]] std::string_view text_of(const EntitySpan& e) const {
    return std::string_view(text_).substr(e.start, e.end - e.start);
  }

  std::vector<Token>& tokens() { return tokens_; }
  [[nodiscard]] const std::vector<Token>& tokens() const { return tokens_; }
  std::vector<Sentence>& sentences() { return sentences_; }
  [[nodiscard]] const std::vector<Sentence>& sentences() const { return sentences_; }
  std::vector<EntitySpan>& entities() { return entities_; }
  [[nodiscard]] const std::vector<EntitySpan>& entities() const { return entities_; }

  /// Attributes assigned so far (set by the pipeline).
  [[nodiscard]] unsigned assigned() const { return assigned_; }
  void mark_assigned(unsigned attributes) { assigned_ |= attributes; }

  std::string id;     ///< document identifier (file stem, JSON id)
  std::string date;   ///< YYYY-MM-DD or empty
  std::string title;  ///< title or empty

 private:
  std::string text_;
  std::size_t begin_ = 0;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::vector<EntitySpan> entities_;
  unsigned assigned_ = 0;
};

/// Sentence `index` as CoNLL-U (sent_id `<doc id or "s">-<n>`, `# text`, multiword tokens,
/// SpaceAfter=No, NER=<tag> in MISC; offsets copied into ConlluToken::start/end).
ConlluSentence to_conllu(const Document& doc, std::size_t index);

/// Builds a document from CoNLL-U sentences keeping their tokenization: the text is the
/// sentences' words joined (by SpaceAfter) one sentence per line; tags are not copied.
Document document_from_conllu(const std::vector<ConlluSentence>& sentences);

}  // namespace kg::extract
