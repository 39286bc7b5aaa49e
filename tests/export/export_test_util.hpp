#pragma once
// Helpers shared by the RDF export tests: a small graph with every feature of
// the RDF shape, string round trips, a canonical dump for graph equality, and
// validation of written files by rapper and serdi.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <kg/exporters/formats.hpp>
#include <kg/graph/knowledge_graph.hpp>
#include <kg/graph/vocab.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace kg::exporters::testing {

inline std::string kgo(std::string_view local) {
  return std::string(vocab::kKgo) + std::string(local);
}

/// The small graph of the golden files: people, a country, a document, an
/// asserted relation with evidence, a negated one, an attributed claim, a
/// bare relation, an attribute and a triple the model does not interpret.
inline KnowledgeGraph sample_graph() {
  KnowledgeGraph g;
  const std::string doc = document_iri("g20-hamburg");
  EXPECT_TRUE(
      g.add_document({doc, "Trump and Putin meet at the G20", "2017-07-07", "article.txt"}));
  auto add = [&](std::string label, std::string cls, std::vector<std::string> aliases,
                 std::vector<std::string> same_as) {
    Entity e;
    e.label = std::move(label);
    e.class_iri = kgo(cls);
    e.aliases = std::move(aliases);
    e.same_as = std::move(same_as);
    auto v = g.add_entity(std::move(e));
    EXPECT_TRUE(v);
    return *v;
  };
  const auto trump =
      add("Donald Trump", "Person", {"Trump"}, {"http://www.wikidata.org/entity/Q22686"});
  const auto putin =
      add("Vladimir Putin", "Person", {"Putin"}, {"http://www.wikidata.org/entity/Q7747"});
  const auto lavrov = add("Sergey Lavrov", "Person", {}, {});
  const auto russia = add("Russia", "Country", {}, {});
  g.add_attribute(russia, {"http://schema.org/population",
                           Term::literal("144000000", std::string(vocab::kXsdInteger))});

  Relation met;
  met.predicate = kgo("met");
  met.confidence = 0.9;
  met.date = "2017-07-07";
  met.provenance.push_back(
      {doc, 2, 120, 176, "Trump met Putin on Friday in Hamburg.", 126, 129, "svo"});
  EXPECT_TRUE(g.add_relation(trump, met, putin));

  Relation accepted;
  accepted.predicate = kgo("accepted");
  accepted.confidence = 0.75;
  accepted.attributed_to = g.entity(lavrov).iri;
  accepted.provenance.push_back(
      {doc, 5, 300, 362, "Lavrov said Trump accepted Putin's assurances.", 0, 0, "said-claim"});
  EXPECT_TRUE(g.add_relation(trump, accepted, putin));

  Relation denied;
  denied.predicate = kgo("met");
  denied.negated = true;
  denied.confidence = 0.6;
  denied.provenance.push_back({doc, 7, 400, 431, "Trump did not meet Lavrov.", 0, 0, "neg"});
  EXPECT_TRUE(g.add_relation(trump, denied, lavrov));

  Relation leads;
  leads.predicate = kgo("leads");
  EXPECT_TRUE(g.add_relation(putin, leads, russia));

  g.add_extra({Term::iri(doc), Term::iri("http://xmlns.com/foaf/0.1/topic"),
               Term::literal("politics"), ""});
  return g;
}

inline std::string write_string(const KnowledgeGraph& g, std::string_view format,
                                const WriteOptions& options = {}) {
  const Format* f = find_format(format);
  EXPECT_NE(f, nullptr) << format;
  std::ostringstream out;
  auto ok = write_graph(g, *f, out, options);
  EXPECT_TRUE(ok) << (ok ? "" : ok.error().to_string());
  return out.str();
}

inline Result<KnowledgeGraph> read_string(const std::string& text, std::string_view format,
                                          const ReadOptions& options = {}) {
  const Format* f = find_format(format);
  EXPECT_NE(f, nullptr) << format;
  std::istringstream in(text);
  return read_graph(in, *f, "test-input", options);
}

/// Sorted N-Triples lines of the graph (the comparison key of round trips).
inline std::string sorted_ntriples(const KnowledgeGraph& g) {
  std::istringstream in(write_string(g, "ntriples"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

/// Everything the model holds, order-independent: equal dumps = equal graphs.
inline std::string canonical(const KnowledgeGraph& g) {
  std::vector<std::string> lines;
  auto term = [](const Term& t) {
    return std::to_string(static_cast<int>(t.kind)) + "|" + t.value + "|" + t.datatype + "|" +
           t.language;
  };
  for (const auto v : g.entities()) {
    const Entity& e = g.entity(v);
    std::string line = "E " + e.iri + " class=" + e.class_iri + " label=" + e.label;
    auto aliases = e.aliases;
    std::sort(aliases.begin(), aliases.end());
    for (const auto& a : aliases) line += " alias=" + a;
    auto same = e.same_as;
    std::sort(same.begin(), same.end());
    for (const auto& s : same) line += " same=" + s;
    std::vector<std::string> attrs;
    for (const auto& a : e.attributes) attrs.push_back(a.predicate + "=" + term(a.value));
    std::sort(attrs.begin(), attrs.end());
    for (const auto& a : attrs) line += " attr:" + a;
    lines.push_back(line);
  }
  for (const auto e : g.relations()) {
    const Relation& r = g.relation(e);
    std::string line = "R " + g.entity(g.subject(e)).iri + " " + r.predicate + " " +
                       g.entity(g.object(e)).iri + " iri=" + r.iri +
                       " conf=" + std::to_string(r.confidence) + " date=" + r.date +
                       " neg=" + (r.negated ? "1" : "0") + " by=" + r.attributed_to;
    std::vector<std::string> prov;
    for (const auto& p : r.provenance) {
      prov.push_back(p.document + "#" + std::to_string(p.sentence) + ":" + std::to_string(p.begin) +
                     "-" + std::to_string(p.end) + "/" + std::to_string(p.trigger_begin) + "-" +
                     std::to_string(p.trigger_end) + "/" + p.rule + "/" + p.evidence);
    }
    std::sort(prov.begin(), prov.end());
    for (const auto& p : prov) line += " prov=" + p;
    lines.push_back(line);
  }
  for (const auto& d : g.documents()) {
    lines.push_back("D " + d.iri + " title=" + d.title + " date=" + d.date + " source=" + d.source);
  }
  for (const auto& q : g.extras()) {
    lines.push_back("X " + term(q.subject) + " " + term(q.predicate) + " " + term(q.object) +
                    " g=" + q.graph);
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

/// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kg-export-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string file(std::string_view name) const {
    return path_ + "/" + std::string(name);
  }
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline bool tool_available(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// Runs `rapper -c` and `serdi` on a written file; the syntax names are the tools' own.
inline void expect_tools_accept(const std::string& path, const std::string& rapper_syntax,
                                const std::string& serdi_syntax) {
  const std::string log = path + ".tool-log";
  const std::string rapper =
      "rapper -q -c -i " + rapper_syntax + " '" + path + "' >'" + log + "' 2>&1";
  EXPECT_EQ(std::system(rapper.c_str()), 0) << "rapper rejected " << path << ":\n"
                                            << read_file(log);
  if (!serdi_syntax.empty()) {
    const std::string serdi =
        "serdi -q -i " + serdi_syntax + " -o ntriples '" + path + "' >/dev/null 2>'" + log + "'";
    EXPECT_EQ(std::system(serdi.c_str()), 0) << "serdi rejected " << path << ":\n"
                                             << read_file(log);
  }
}

}  // namespace kg::exporters::testing
