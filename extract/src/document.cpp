#include <kg/extract/document.hpp>

#include "util/text.hpp"

namespace kg::extract {

ConlluSentence to_conllu(const Document& doc, std::size_t index) {
  const Sentence& s = doc.sentences().at(index);
  ConlluSentence out;
  out.comments.push_back("# sent_id = " + (doc.id.empty() ? std::string("s") : doc.id) + "-" +
                         std::to_string(index + 1));
  std::string text(doc.text_of(s));
  for (auto& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  out.comments.push_back("# text = " + text);
  const auto& tokens = doc.tokens();
  int mwt_first = 0;
  for (std::uint32_t i = s.token_begin; i < s.token_end; ++i) {
    const Token& t = tokens[i];
    const int id = static_cast<int>(i - s.token_begin) + 1;
    ConlluToken c;
    c.form = std::string(doc.text_of(t));
    for (auto& ch : c.form) {
      if (ch == ' ' || ch == '\t') ch = '_';
    }
    c.lemma = t.lemma.empty() ? "_" : t.lemma;
    c.upos = t.upos.empty() ? "_" : t.upos;
    c.xpos = t.xpos.empty() ? "_" : t.xpos;
    c.head = t.head;
    c.deprel = t.deprel.empty() ? "_" : t.deprel;
    c.start = t.start;
    c.end = t.end;
    std::string misc;
    const bool last = i + 1 == s.token_end;
    const bool in_mwt = t.joined_with_next || mwt_first != 0;
    if (!t.space_after && !last && !in_mwt) misc = "SpaceAfter=No";
    if (doc.assigned() & kEntities) {
      if (!misc.empty()) misc += '|';
      misc += "NER=" + t.ner;
    }
    c.misc = misc.empty() ? "_" : misc;
    out.tokens.push_back(std::move(c));
    if (t.joined_with_next && mwt_first == 0) mwt_first = id;
    if (!t.joined_with_next && mwt_first != 0) {
      ConlluMultiword m;
      m.first = mwt_first;
      m.last = id;
      m.form = std::string(doc.text().substr(
          tokens[s.token_begin + static_cast<std::uint32_t>(mwt_first - 1)].start,
          t.end - tokens[s.token_begin + static_cast<std::uint32_t>(mwt_first - 1)].start));
      if (!t.space_after && !last) m.misc = "SpaceAfter=No";
      out.multiwords.push_back(std::move(m));
      mwt_first = 0;
    }
  }
  return out;
}

Document document_from_conllu(const std::vector<ConlluSentence>& sentences) {
  std::string text;
  std::vector<Token> tokens;
  std::vector<Sentence> spans;
  for (const auto& s : sentences) {
    Sentence span;
    span.token_begin = static_cast<std::uint32_t>(tokens.size());
    span.start = static_cast<std::uint32_t>(text.size());
    std::vector<int> mwt_of(s.tokens.size(), 0);
    for (const auto& m : s.multiwords) {
      for (int k = m.first; k < m.last && k <= static_cast<int>(s.tokens.size()); ++k) {
        mwt_of[static_cast<std::size_t>(k - 1)] = 1;
      }
    }
    for (std::size_t i = 0; i < s.tokens.size(); ++i) {
      const auto& c = s.tokens[i];
      Token t;
      t.start = static_cast<std::uint32_t>(text.size());
      text += c.form;
      t.end = static_cast<std::uint32_t>(text.size());
      t.norm = detail::normalize_form(c.form);
      t.joined_with_next = mwt_of[i] != 0;
      t.space_after = !t.joined_with_next && c.misc.find("SpaceAfter=No") == std::string::npos;
      if (i + 1 < s.tokens.size()) {
        if (t.space_after) text += ' ';
      }
      tokens.push_back(std::move(t));
    }
    span.token_end = static_cast<std::uint32_t>(tokens.size());
    span.end = static_cast<std::uint32_t>(text.size());
    spans.push_back(span);
    text += '\n';
  }
  Document doc(std::move(text));
  doc.tokens() = std::move(tokens);
  doc.sentences() = std::move(spans);
  doc.mark_assigned(kTokens | kSentences);
  return doc;
}

}  // namespace kg::extract
