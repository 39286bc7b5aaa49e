#pragma once
/// The only IRIs the C++ code names. Everything else (classes, properties,
/// labels, styles, triggers) is data in ontology/data/*.ttl. A test checks
/// that every kgo: term here is declared in that Turtle.

#include <string_view>

namespace kg::vocab {

// Namespaces (also declared as prefixes in ontology/data/prefixes.ttl).
inline constexpr std::string_view kKgo = "https://kg.example.org/ontology#";
inline constexpr std::string_view kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline constexpr std::string_view kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline constexpr std::string_view kOwl = "http://www.w3.org/2002/07/owl#";
inline constexpr std::string_view kXsd = "http://www.w3.org/2001/XMLSchema#";
inline constexpr std::string_view kSkos = "http://www.w3.org/2004/02/skos/core#";
inline constexpr std::string_view kProv = "http://www.w3.org/ns/prov#";
inline constexpr std::string_view kDcterms = "http://purl.org/dc/terms/";
inline constexpr std::string_view kSchema = "http://schema.org/";
inline constexpr std::string_view kNif =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline constexpr std::string_view kItsrdf = "http://www.w3.org/2005/11/its/rdf#";
inline constexpr std::string_view kWikidata = "http://www.wikidata.org/entity/";

// Standard terms.
inline constexpr std::string_view kRdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
inline constexpr std::string_view kRdfStatement =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement";
inline constexpr std::string_view kRdfSubject =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
inline constexpr std::string_view kRdfPredicate =
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
inline constexpr std::string_view kRdfObject = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
inline constexpr std::string_view kRdfsLabel = "http://www.w3.org/2000/01/rdf-schema#label";
inline constexpr std::string_view kRdfsSubClassOf =
    "http://www.w3.org/2000/01/rdf-schema#subClassOf";
inline constexpr std::string_view kRdfsDomain = "http://www.w3.org/2000/01/rdf-schema#domain";
inline constexpr std::string_view kRdfsRange = "http://www.w3.org/2000/01/rdf-schema#range";
inline constexpr std::string_view kRdfsComment = "http://www.w3.org/2000/01/rdf-schema#comment";
inline constexpr std::string_view kOwlClass = "http://www.w3.org/2002/07/owl#Class";
inline constexpr std::string_view kOwlObjectProperty =
    "http://www.w3.org/2002/07/owl#ObjectProperty";
inline constexpr std::string_view kOwlDatatypeProperty =
    "http://www.w3.org/2002/07/owl#DatatypeProperty";
inline constexpr std::string_view kOwlSymmetricProperty =
    "http://www.w3.org/2002/07/owl#SymmetricProperty";
inline constexpr std::string_view kOwlInverseOf = "http://www.w3.org/2002/07/owl#inverseOf";
inline constexpr std::string_view kOwlSameAs = "http://www.w3.org/2002/07/owl#sameAs";
inline constexpr std::string_view kSkosAltLabel = "http://www.w3.org/2004/02/skos/core#altLabel";
inline constexpr std::string_view kSkosPrefLabel = "http://www.w3.org/2004/02/skos/core#prefLabel";
inline constexpr std::string_view kXsdDate = "http://www.w3.org/2001/XMLSchema#date";
inline constexpr std::string_view kXsdDouble = "http://www.w3.org/2001/XMLSchema#double";
inline constexpr std::string_view kXsdDecimal = "http://www.w3.org/2001/XMLSchema#decimal";
inline constexpr std::string_view kXsdBoolean = "http://www.w3.org/2001/XMLSchema#boolean";
inline constexpr std::string_view kXsdInteger = "http://www.w3.org/2001/XMLSchema#integer";
inline constexpr std::string_view kXsdNonNegativeInteger =
    "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";
inline constexpr std::string_view kXsdString = "http://www.w3.org/2001/XMLSchema#string";
inline constexpr std::string_view kProvWasDerivedFrom = "http://www.w3.org/ns/prov#wasDerivedFrom";
inline constexpr std::string_view kProvWasAttributedTo =
    "http://www.w3.org/ns/prov#wasAttributedTo";
inline constexpr std::string_view kProvValue = "http://www.w3.org/ns/prov#value";
inline constexpr std::string_view kDctermsTitle = "http://purl.org/dc/terms/title";
inline constexpr std::string_view kDctermsDate = "http://purl.org/dc/terms/date";
inline constexpr std::string_view kDctermsSource = "http://purl.org/dc/terms/source";
inline constexpr std::string_view kDctermsCreated = "http://purl.org/dc/terms/created";
inline constexpr std::string_view kNifBeginIndex =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex";
inline constexpr std::string_view kNifEndIndex =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex";
inline constexpr std::string_view kNifAnchorOf =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf";
inline constexpr std::string_view kNifReferenceContext =
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext";
inline constexpr std::string_view kItsrdfTaIdentRef =
    "http://www.w3.org/2005/11/its/rdf#taIdentRef";

// Our own terms (kgo:), only where the standard vocabularies lack one.
inline constexpr std::string_view kKgoDocument = "https://kg.example.org/ontology#Document";
inline constexpr std::string_view kKgoEvent = "https://kg.example.org/ontology#Event";
inline constexpr std::string_view kKgoEvidence = "https://kg.example.org/ontology#Evidence";
inline constexpr std::string_view kKgoEvidenceProp = "https://kg.example.org/ontology#evidence";
inline constexpr std::string_view kKgoConfidence = "https://kg.example.org/ontology#confidence";
inline constexpr std::string_view kKgoNegated = "https://kg.example.org/ontology#negated";
inline constexpr std::string_view kKgoSentenceIndex =
    "https://kg.example.org/ontology#sentenceIndex";
inline constexpr std::string_view kKgoTriggerBegin = "https://kg.example.org/ontology#triggerBegin";
inline constexpr std::string_view kKgoTriggerEnd = "https://kg.example.org/ontology#triggerEnd";
inline constexpr std::string_view kKgoRule = "https://kg.example.org/ontology#extractionRule";
inline constexpr std::string_view kKgoRelatedTo = "https://kg.example.org/ontology#relatedTo";
inline constexpr std::string_view kKgoColor = "https://kg.example.org/ontology#displayColor";
inline constexpr std::string_view kKgoShape = "https://kg.example.org/ontology#displayShape";
inline constexpr std::string_view kKgoCameoCode = "https://kg.example.org/ontology#cameoCode";
inline constexpr std::string_view kKgoPrefix = "https://kg.example.org/ontology#prefix";
inline constexpr std::string_view kKgoNamespace = "https://kg.example.org/ontology#namespace";

}  // namespace kg::vocab
