// g20_hamburg: builds the knowledge graph of the seed article through the
// public C++ API. The facts are typed in (extraction from text is kg build's
// job); each one cites its evidence sentence, which is looked up in the
// article so that its offsets and sentence number are the article's own.
//
//   g20_hamburg ARTICLE OUT_DIR
//
// writes OUT_DIR/g20_hamburg.{ttl,nt,nq,rdf,dot,svg} and prints the relations.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <kg/exporters/formats.hpp>
#include <kg/exporters/graphviz.hpp>
#include <kg/graph/iri.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/ontology/ontology.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

[[noreturn]] void die(const kg::Error& e) {
  std::cerr << "g20_hamburg: " << e.to_string() << '\n';
  std::exit(1);
}

template <class T>
T check(kg::Result<T> r) {
  if (!r) die(r.error());
  return std::move(*r);
}

void check(kg::Result<void> r) {
  if (!r) die(r.error());
}

// Code points in a UTF-8 prefix: offsets are counted in characters, as NIF does.
std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// The article: its text, and where each sentence starts. A sentence ends at
// . ! or ? (optionally closed by a quote) before a space and a capital or an
// opening quote, unless the word is an abbreviation such as "U.S." or "p.m.".
struct Article {
  std::string text;
  std::vector<std::size_t> sentence_starts;

  std::size_t sentence_of(std::size_t byte_offset) const {
    std::size_t index = 0;
    while (index + 1 < sentence_starts.size() && sentence_starts[index + 1] <= byte_offset) {
      ++index;
    }
    return index;
  }
};

Article read_article(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die(kg::make_error(kg::Error::Code::kNotFound, "cannot open the article", path));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  Article a{bytes.str(), {0}};
  const std::string& t = a.text;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] != '.' && t[i] != '!' && t[i] != '?') continue;
    std::size_t j = i + 1;
    if (t.compare(j, 3, "\xE2\x80\x9D") == 0) j += 3;  // closing quote
    if (j >= t.size() || (t[j] != ' ' && t[j] != '\n')) continue;
    while (j < t.size() && (t[j] == ' ' || t[j] == '\n')) ++j;
    if (j >= t.size()) break;
    const bool capital = (t[j] >= 'A' && t[j] <= 'Z') || t.compare(j, 3, "\xE2\x80\x9C") == 0;
    std::size_t w = i;
    while (w > 0 && t[w - 1] != ' ' && t[w - 1] != '\n') --w;
    const std::string word = t.substr(w, i - w);
    const bool abbreviation = word.find('.') != std::string::npos || word.size() == 1;
    if (capital && !abbreviation) a.sentence_starts.push_back(j);
  }
  return a;
}

class Builder {
 public:
  Builder(const kg::ontology::Ontology& onto, Article article, std::string doc_iri)
      : onto_(onto), article_(std::move(article)), doc_(std::move(doc_iri)) {}

  kg::KnowledgeGraph graph;

  std::string entity(const std::string& label, const std::string& cls,
                     std::vector<std::string> aliases = {}, const std::string& qid = {}) {
    kg::Entity e{.label = label, .class_iri = onto_.expand(cls), .aliases = std::move(aliases)};
    if (!qid.empty()) e.same_as.push_back("http://www.wikidata.org/entity/" + qid);
    return graph.entity(check(graph.add_entity(std::move(e)))).iri;
  }

  // Evidence: the sentence of the article that contains `quote`.
  kg::Provenance evidence(const std::string& quote) const {
    const std::size_t at = article_.text.find(quote);
    if (at == std::string::npos) {
      die(kg::make_error(kg::Error::Code::kNotFound, "evidence not in the article: " + quote));
    }
    const std::size_t s = article_.sentence_of(at);
    const std::size_t begin = article_.sentence_starts[s];
    std::size_t end = s + 1 < article_.sentence_starts.size() ? article_.sentence_starts[s + 1]
                                                              : article_.text.size();
    while (end > begin && (article_.text[end - 1] == ' ' || article_.text[end - 1] == '\n')) --end;
    kg::Provenance p;
    p.document = doc_;
    p.sentence = s;
    p.begin = code_points(std::string_view(article_.text).substr(0, begin));
    p.end = code_points(std::string_view(article_.text).substr(0, end));
    p.evidence = article_.text.substr(begin, end - begin);
    p.trigger_begin = code_points(std::string_view(article_.text).substr(0, at));
    p.trigger_end = p.trigger_begin + code_points(quote);
    p.rule = "manual";
    return p;
  }

  struct Fact {
    std::string subject, predicate, object, quote;
    double confidence = 1.0;
    std::string date;
    std::string attributed_to;
    bool negated = false;
  };

  void add(const Fact& f) {
    kg::Relation r{.predicate = onto_.expand(f.predicate),
                   .confidence = f.confidence,
                   .provenance = {evidence(f.quote)},
                   .date = f.date,
                   .negated = f.negated,
                   .attributed_to = f.attributed_to};
    check(graph.add_relation(f.subject, std::move(r), f.object));
  }

 private:
  const kg::ontology::Ontology& onto_;
  Article article_;
  std::string doc_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: g20_hamburg ARTICLE OUT_DIR\n";
    return 2;
  }
  const auto onto =
      std::make_shared<const kg::ontology::Ontology>(check(kg::ontology::Ontology::load_default()));
  const std::string doc = kg::document_iri("g20-hamburg-2017-07-07");
  Builder b(*onto, read_article(argv[1]), doc);
  b.graph.set_validator(onto);  // strict: a fact against the ontology stops the program
  check(b.graph.add_document({.iri = doc,
                              .title = "Officials from the two countries had differing accounts "
                                       "of what happened in the more than two-hour meeting.",
                              .date = "2017-07-07",
                              .source = "examples/g20_hamburg/article.txt"}));

  // People.
  const auto trump =
      b.entity("Donald Trump", "kgo:Person",
               {"Trump", "Donald J. Trump", "the U.S. leader", "@realDonaldTrump"}, "Q22686");
  const auto putin =
      b.entity("Vladimir Putin", "kgo:Person", {"Putin", "the Russian leader"}, "Q7747");
  const auto tillerson = b.entity("Rex Tillerson", "kgo:Person", {"Tillerson"}, "Q331401");
  const auto lavrov = b.entity("Sergey Lavrov", "kgo:Person", {"Lavrov"});
  const auto melania = b.entity("Melania Trump", "kgo:Person", {"the first lady"});
  const auto assad =
      b.entity("Bashar al-Assad", "kgo:Person", {"Assad", "President Bashar al-Assad"});
  const auto abe = b.entity("Shinzo Abe", "kgo:Person", {"Abe"}, "Q132345");
  const auto peskov = b.entity("Dmitry Peskov", "kgo:Person", {"Peskov"});
  // Countries and places.
  const auto us = b.entity("United States", "kgo:Country", {"U.S.", "USA", "Washington"}, "Q30");
  const auto russia = b.entity("Russia", "kgo:Country", {"Moscow"}, "Q159");
  const auto syria = b.entity("Syria", "kgo:Country", {}, "Q858");
  const auto ukraine = b.entity("Ukraine", "kgo:Country", {}, "Q212");
  const auto jordan = b.entity("Jordan", "kgo:Country", {}, "Q810");
  const auto germany = b.entity("Germany", "kgo:Country", {}, "Q183");
  const auto japan = b.entity("Japan", "kgo:Country", {}, "Q17");
  const auto hamburg = b.entity("Hamburg", "kgo:City", {}, "Q1055");
  const auto south_syria = b.entity("southern Syria", "kgo:Region");
  // Organizations.
  const auto kremlin = b.entity("Kremlin", "kgo:Government", {"the Kremlin"});
  const auto rebels = b.entity("Syrian rebel groups", "kgo:ArmedGroup", {"rebel groups"});
  const auto ua_rebels = b.entity("Russia-backed rebels in Ukraine", "kgo:ArmedGroup");
  const auto isis = b.entity("ISIS", "kgo:ArmedGroup", {}, "Q2429253");
  const auto police = b.entity("Russian military police", "kgo:Military");
  const auto media =
      b.entity("Russian state media", "kgo:MediaOrganization", {"State-run Russian media"});
  const auto cyber_group = b.entity("joint working group on cybersecurity", "kgo:Organization");
  // Events.
  const auto summit = b.entity("G20 summit in Hamburg", "kgo:Summit", {"G20 summit"});
  const auto meeting = b.entity("Trump-Putin meeting in Hamburg", "kgo:Meeting", {"the meeting"});
  const auto ceasefire = b.entity("Ceasefire in southern Syria", "kgo:Ceasefire", {"cease-fire"});
  const auto interference = b.entity("Russian interference in the 2016 U.S. election",
                                     "kgo:Interference", {"election interference"});
  const auto date = [&](const std::string& iri, const std::string& prop, const std::string& d) {
    b.graph.add_attribute(*b.graph.find(iri),
                          {onto->expand(prop), kg::Term::literal(d, onto->expand("xsd:date"))});
  };
  date(summit, "kgo:startDate", "2017-07-07");
  date(meeting, "kgo:startDate", "2017-07-07");
  date(ceasefire, "kgo:startDate", "2017-07-09");

  const std::string s_met = "Donald Trump and Vladimir Putin met Friday";
  const std::string s_held = "The meeting, which was held in Hamburg, Germany";
  const std::string s_attend =
      "Rex Tillerson, the U.S. secretary of state who attended the meeting";
  const std::string s_syria = "where Putin supports President Bashar al-Assad";
  const std::string s_truce = "The two leaders agreed to set up a cease-fire in southern Syrian";
  const std::string s_jordan = "working with the U.S. and Jordan";
  const std::string s_issues = "there were a lot of issues such as Ukraine, Syria";
  using F = Builder::Fact;
  b.add(F{trump, "kgo:met", putin, s_met, 1.0, "2017-07-07"});
  b.add(F{meeting, "kgo:hasParticipant", trump, s_met});
  b.add(F{meeting, "kgo:hasParticipant", putin, s_met});
  b.add(F{meeting, "kgo:eventPlace", hamburg, s_held});
  b.add(F{summit, "kgo:eventPlace", hamburg, s_held});
  b.add(F{hamburg, "kgo:locatedIn", germany, s_held});
  b.add(F{trump, "kgo:attended", summit, "G20 leaders are gathered in Hamburg"});
  b.add(F{putin, "kgo:attended", summit, "G20 leaders are gathered in Hamburg"});
  b.add(F{tillerson, "kgo:attended", meeting, s_attend});
  b.add(F{lavrov, "kgo:attended", meeting, s_attend});
  b.add(F{tillerson, "kgo:officialOf", us, s_attend});
  b.add(F{lavrov, "kgo:officialOf", russia, s_attend});
  b.add(F{tillerson, "kgo:counterpartOf", lavrov, s_attend});
  b.add(F{melania, "kgo:attended", meeting, "Melania Trump, the first lady, entered the room", 0.9,
          "", tillerson});
  b.add(F{trump, "kgo:leads", us, "the U.S. leader"});
  b.add(F{putin, "kgo:leads", russia, "The Russian leader, speaking through a translator"});
  b.add(F{trump, "kgo:pressed", putin, "with Trump pressing Putin", 1.0, "2017-07-07", tillerson});
  b.add(F{russia, "kgo:denied", interference, "Russia has repeatedly denied any such action."});
  b.add(F{media, "kgo:said", interference, "State-run Russian media reported"});
  b.add(F{trump, "kgo:said", interference, "Trump told Putin the issue was being exaggerated", 0.8,
          "2017-07-07", media});
  b.add(F{russia, "kgo:denied", interference, "Putin’s assurances that Moscow didn’t meddle", 0.9,
          "", lavrov});
  b.add(F{us, "kgo:memberOf", cyber_group, "agreed to set up a joint working group", 0.9, "",
          lavrov});
  b.add(F{russia, "kgo:memberOf", cyber_group, "agreed to set up a joint working group", 0.9, "",
          lavrov});
  b.add(F{us, "kgo:agreedCeasefireWith", russia, s_truce, 1.0, "2017-07-07"});
  b.add(F{ceasefire, "kgo:hasParticipant", us, s_truce});
  b.add(F{ceasefire, "kgo:hasParticipant", russia, s_truce});
  b.add(F{ceasefire, "kgo:eventPlace", south_syria, s_truce});
  b.add(F{south_syria, "kgo:locatedIn", syria, s_truce});
  b.add(F{ceasefire, "kgo:hasParticipant", jordan, s_jordan, 0.9, "", lavrov});
  b.add(F{ceasefire, "kgo:hasParticipant", police, s_jordan, 0.9, "", lavrov});
  b.add(F{putin, "kgo:backs", assad, s_syria});
  b.add(F{us, "kgo:backs", rebels, s_syria});
  b.add(F{rebels, "kgo:opposes", assad, s_syria});
  b.add(F{assad, "kgo:leads", syria, s_syria});
  b.add(F{russia, "kgo:backs", ua_rebels, "Russia-backed rebels are waging an insurgent campaign"});
  b.add(F{trump, "kgo:opposes", isis, "eliminating ISIS the centerpiece", 0.8, "", trump});
  b.add(F{putin, "kgo:discussed", ukraine, s_issues, 1.0, "2017-07-07"});
  b.add(F{putin, "kgo:discussed", syria, s_issues, 1.0, "2017-07-07"});
  b.add(F{trump, "kgo:discussed", ukraine, s_issues, 1.0, "2017-07-07", putin});
  b.add(F{trump, "kgo:discussed", syria, s_issues, 1.0, "2017-07-07", putin});
  b.add(F{putin, "kgo:met", abe, "before his meeting with Japanese Prime Minister Shinzo Abe", 0.8,
          "2017-07-07"});
  b.add(F{abe, "kgo:officialOf", japan, "Japanese Prime Minister Shinzo Abe"});
  b.add(F{peskov, "kgo:spokespersonFor", kremlin, "Dmitry Peskov, the Kremlin spokesman"});

  // Write every format; all files are replaced atomically.
  const std::filesystem::path out_dir = argv[2];
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  kg::exporters::WriteOptions options;
  options.ontology = onto.get();
  for (const char* name : {"turtle", "ntriples", "nquads", "rdfxml", "dot", "svg"}) {
    const auto* format = kg::exporters::find_format(name);
    const auto path = (out_dir / ("g20_hamburg." + format->extension)).string();
    check(kg::exporters::write_graph_file(b.graph, *format, path, options));
  }

  std::cout << b.graph.num_entities() << " entities, " << b.graph.num_relations() << " relations\n";
  for (const auto e : b.graph.relations()) {
    const kg::Relation& r = b.graph.relation(e);
    std::cout << b.graph.entity(b.graph.subject(e)).label << " | " << onto->label(r.predicate)
              << " | " << b.graph.entity(b.graph.object(e)).label;
    if (!r.attributed_to.empty()) {
      std::cout << " | claimed by " << b.graph.entity(*b.graph.find(r.attributed_to)).label;
    }
    std::cout << " | sentence " << r.provenance.front().sentence << '\n';
  }
  return 0;
}
