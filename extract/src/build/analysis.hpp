#pragma once
// One document under analysis: token graph, mentions, coreference clusters and facts, as
// plain indexes so that every rule is a small function over them.

#include <cstdint>
#include <kg/extract/builder.hpp>
#include <kg/extract/document.hpp>
#include <kg/ontology/ontology.hpp>
#include <string>
#include <vector>

#include "build/lexicons.hpp"

namespace kg::extract::build {

struct Mention {
  int sentence = 0;
  int begin = 0;     // first token (document index)
  int end = 0;       // one past the last token
  int head = 0;      // syntactic head token
  std::string kind;  // name, nominal, pronoun, description, group, event
  std::string cls;   // class local name
  std::string canonical;
  std::string qid;
  std::string country;  // country a name, description or title belongs to
  std::string pronoun;  // lower-case pronoun
  int cluster = -1;
  std::vector<int> members;  // clusters of a group mention
};

struct Cluster {
  std::string label;
  std::string cls;
  std::string qid;
  std::string country;
  std::vector<std::string> aliases;
  std::vector<int> mentions;
  bool female = false;   // a person known to be female (title, "Mrs.", a "she" bound to it)
  bool male = false;     // known to be male ("Mr.", a "he" bound to it); neither = unknown
  char name_gender = 0;  // 'f' or 'm' from the first name ("Amy Goodman"), when no flag is set
  bool event = false;
  std::string start_date;
  int first_sentence = 0;
  std::string key;  // identity key inside the document
};

struct Fact {
  int subject = -1;
  int object = -1;
  std::string predicate;  // full IRI
  double confidence = 0.9;
  bool negated = false;
  int attributed = -1;  // cluster of who claims it
  std::string date;
  int sentence = 0;
  int trigger = -1;  // token
  std::string rule;
  int subject_mention = -1;
  int object_mention = -1;
};

/// Runs mention detection, coreference and the relation rules over a parsed document.
DocumentFacts analyse(const Document& doc, const Article& article, const std::string& doc_iri,
                      const Lexicons& lex, const ontology::Ontology& onto, bool open_relations,
                      const std::string& base);

}  // namespace kg::extract::build
