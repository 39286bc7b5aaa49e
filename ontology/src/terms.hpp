#pragma once
// IRIs only the ontology loader needs: the OWL/RDFS terms that describe an
// ontology, and the kgo: terms of the trigger lexicon and the prefix table.
// The kgo: ones are written out in full so the declared-IRI test finds them.
// Everything other modules share is in <kg/graph/vocab.hpp>.

#include <string_view>

namespace kg::ontology::terms {

inline constexpr std::string_view kRdfProperty =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property";
inline constexpr std::string_view kRdfLangString =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
inline constexpr std::string_view kRdfPlainLiteral =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral";
inline constexpr std::string_view kRdfsClass = "http://www.w3.org/2000/01/rdf-schema#Class";
inline constexpr std::string_view kRdfsLiteral = "http://www.w3.org/2000/01/rdf-schema#Literal";
inline constexpr std::string_view kRdfsResource = "http://www.w3.org/2000/01/rdf-schema#Resource";
inline constexpr std::string_view kRdfsSubPropertyOf =
    "http://www.w3.org/2000/01/rdf-schema#subPropertyOf";
inline constexpr std::string_view kOwlThing = "http://www.w3.org/2002/07/owl#Thing";
inline constexpr std::string_view kOwlAnnotationProperty =
    "http://www.w3.org/2002/07/owl#AnnotationProperty";
inline constexpr std::string_view kOwlEquivalentClass =
    "http://www.w3.org/2002/07/owl#equivalentClass";

inline constexpr std::string_view kKgoTrigger = "https://kg.example.org/ontology#Trigger";
inline constexpr std::string_view kKgoTriggerFor = "https://kg.example.org/ontology#triggerFor";
inline constexpr std::string_view kKgoLemma = "https://kg.example.org/ontology#lemma";
inline constexpr std::string_view kKgoPos = "https://kg.example.org/ontology#pos";
inline constexpr std::string_view kKgoPreposition = "https://kg.example.org/ontology#preposition";
inline constexpr std::string_view kKgoPattern = "https://kg.example.org/ontology#pattern";
inline constexpr std::string_view kKgoPrefixDeclaration =
    "https://kg.example.org/ontology#PrefixDeclaration";

}  // namespace kg::ontology::terms
