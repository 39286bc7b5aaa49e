#pragma once
/// CoNLL-U (https://universaldependencies.org/format.html): the sentence
/// representation shared by the tagger, lemmatizer, parser and NER, and the
/// format of `kg parse`. Multiword-token lines and empty nodes are kept so a
/// file read and written back keeps its tokenization.

#include <cstddef>
#include <iosfwd>
#include <kg/graph/error.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

/// One syntactic word (an integer-ID line of CoNLL-U).
struct ConlluToken {
  std::string form;
  std::string lemma = "_";
  std::string upos = "_";
  std::string xpos = "_";
  std::string feats = "_";
  int head = -1;  ///< 0 = root, 1-based index of the head word, -1 = unknown ("_")
  std::string deprel = "_";
  std::string deps = "_";
  std::string misc = "_";
  /// Character offsets into the original document text, when known (from raw text).
  std::size_t start = 0;
  std::size_t end = 0;
};

/// A multiword token line such as "3-4  don't": covers words first..last (1-based).
struct ConlluMultiword {
  int first = 0;
  int last = 0;
  std::string form;
  std::string misc = "_";
};

/// A non-integer ID line (empty node "8.1 ..."), kept verbatim, placed after word `after`.
struct ConlluEmptyNode {
  int after = 0;
  std::string line;
};

/// One sentence: comments, words, and the multiword/empty-node lines around them.
struct ConlluSentence {
  std::vector<std::string> comments;  ///< lines starting with '#', without the newline
  std::vector<ConlluToken> tokens;    ///< words, tokens[i] has ID i+1
  std::vector<ConlluMultiword> multiwords;
  std::vector<ConlluEmptyNode> empty_nodes;

  /// The value of a "# key = value" comment, or empty.
  [[nodiscard]] std::string comment_value(std::string_view key) const;
};

/// Reads every sentence of a CoNLL-U stream. `source_name` is used in errors,
/// which carry the line and column of the first malformed line.
Result<std::vector<ConlluSentence>> read_conllu(std::istream& in, std::string_view source_name);

/// Reads a CoNLL-U file.
Result<std::vector<ConlluSentence>> read_conllu_file(const std::string& path);

/// Writes sentences as CoNLL-U (each followed by a blank line).
void write_conllu(std::ostream& out, const std::vector<ConlluSentence>& sentences);

/// Writes one sentence as CoNLL-U, followed by a blank line.
void write_conllu(std::ostream& out, const ConlluSentence& sentence);

}  // namespace kg::extract
