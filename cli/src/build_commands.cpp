// `kg build`: articles in, knowledge graph out (text to entities, relations, events), and
// `kg eval-relations`: the extractor scored on RAMS and CaRB, and a rule report.

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <kg/exporters/formats.hpp>
#include <kg/extract/builder.hpp>
#include <kg/extract/reader.hpp>
#include <kg/extract/relation_eval.hpp>
#include <kg/graph/iri.hpp>
#include <kg/ontology/ontology.hpp>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "commands.hpp"

namespace kg::cli {
namespace {

namespace fs = std::filesystem;

struct BuildCliOptions {
  std::vector<std::string> inputs;
  std::string output = "out";
  std::string formats = "ttl,svg";
  std::string name;
  std::string ontology_dir;
  std::string models;
  std::string base;
  unsigned jobs = 1;
  bool open_relations = false;
  bool rules = false;
  bool quiet = false;
};

std::shared_ptr<const ontology::Ontology> load_ontology(const std::string& dir) {
  auto loaded =
      dir.empty() ? ontology::Ontology::load_default() : ontology::Ontology::load_directory(dir);
  if (!loaded) fail_command(loaded.error());
  return std::make_shared<const ontology::Ontology>(std::move(*loaded));
}

bool looks_like_jsonl(std::string_view bytes) {
  for (char c : bytes) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{';
  }
  return false;
}

void add_articles(const std::string& bytes, const std::string& source, const std::string& stem,
                  std::vector<extract::Article>& out) {
  if (looks_like_jsonl(bytes)) {
    auto many = extract::read_articles_jsonl(bytes, source);
    if (!many) fail_command(many.error());
    for (auto& a : *many) {
      if (a.id.empty()) a.id = stem + "-" + std::to_string(out.size() + 1);
      out.push_back(std::move(a));
    }
    return;
  }
  auto one = extract::read_article(bytes, source);
  if (!one) fail_command(one.error());
  if (one->id.empty()) one->id = stem;
  out.push_back(std::move(*one));
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail_command(make_error(Error::Code::kNotFound, "cannot open the article", path, 0, 0,
                            "check the path; give a file, a directory or - for stdin"));
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<extract::Article> read_inputs(const std::vector<std::string>& inputs) {
  std::vector<extract::Article> out;
  for (const auto& in : inputs) {
    if (in == "-") {
      add_articles(extract::read_stream(std::cin), "-", "stdin", out);
      continue;
    }
    std::error_code ec;
    if (fs::is_directory(in, ec)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::directory_iterator(in)) {
        const auto ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".txt" || ext == ".jsonl")) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files)
        add_articles(read_file(f.string()), f.string(), f.stem().string(), out);
      continue;
    }
    add_articles(read_file(in), in, fs::path(in).stem().string(), out);
  }
  if (out.empty()) {
    fail_command(make_error(Error::Code::kInvalidArgument, "no articles to read", {}, 0, 0,
                            "give article files (.txt with a date header, or .jsonl)"));
  }
  // Two inputs with the same id ("a/article.txt" and "b/article.txt") must not share a
  // document IRI, or their provenance would merge. Every article of such a group gets a
  // suffix from its own text, so the IRIs do not depend on the order of the inputs.
  std::map<std::string, std::size_t> uses;
  for (const auto& a : out) ++uses[a.id];
  for (auto& a : out) {
    if (uses[a.id] > 1) a.id += "-" + hex64(stable_hash(a.text)).substr(0, 8);
  }
  return out;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// Runs extraction over the articles with `jobs` threads; results keep input order so the
// graph does not depend on the number of threads.
std::vector<extract::DocumentFacts> extract_all(const extract::GraphBuilder& builder,
                                                const std::vector<extract::Article>& articles,
                                                unsigned jobs, bool quiet) {
  std::vector<extract::DocumentFacts> results(articles.size());
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  const bool progress = !quiet && isatty(STDERR_FILENO) != 0 && articles.size() > 1;
  std::mutex progress_mutex;
  auto work = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1);
      if (i >= articles.size()) return;
      results[i] = builder.extract(articles[i]);
      const std::size_t d = done.fetch_add(1) + 1;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        std::cerr << "\rkg build: " << d << "/" << articles.size() << " articles" << std::flush;
      }
    }
  };
  jobs = std::max(1U, std::min<unsigned>(jobs, static_cast<unsigned>(articles.size())));
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < jobs; ++j) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (progress) std::cerr << '\n';
  return results;
}

void build_command(const BuildCliOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  auto onto = load_ontology(o.ontology_dir);
  extract::BuildOptions bo;
  bo.model_dir = o.models;
  bo.base = o.base;
  bo.open_relations = o.open_relations;
  auto builder = extract::GraphBuilder::load(onto, bo);
  if (!builder) fail_command(builder.error());
  // Check the formats before the work.
  std::vector<const exporters::Format*> formats;
  bool jsonl = false;
  for (const auto& f : split_list(o.formats)) {
    if (f == "jsonl" || f == "json-lines" || f == "ndjson") {
      jsonl = true;
      continue;
    }
    const auto* format = exporters::find_format(f);
    if (format == nullptr) {
      fail_command(make_error(Error::Code::kInvalidArgument, "unknown format '" + f + "'", {}, 0, 0,
                              "run `kg formats` to list them"));
    }
    formats.push_back(format);
  }
  const auto articles = read_inputs(o.inputs);
  auto results = extract_all(*builder, articles, o.jobs, o.quiet);
  extract::link_short_names(results);
  extract::harmonize_classes(results, *onto);
  KnowledgeGraph graph(o.base.empty() ? std::string(kDefaultBase) : o.base);
  graph.set_validator(onto, ValidationMode::kLenient);
  std::size_t words = 0;
  for (const auto& r : results) {
    words += r.words;
    if (auto m = builder->merge(graph, r); !m) fail_command(m.error());
  }
  for (const auto& w : graph.warnings()) std::cerr << "kg: warning: " << w.to_string() << '\n';
  std::string name = o.name;
  if (name.empty()) name = o.inputs.size() == 1 && articles.size() == 1 ? articles[0].id : "graph";
  std::error_code ec;
  if (o.output != "-") fs::create_directories(o.output, ec);
  exporters::WriteOptions wo;
  wo.ontology = onto.get();
  std::vector<std::string> written;
  for (const auto* f : formats) {
    const std::string path =
        o.output == "-" ? "-" : (fs::path(o.output) / (name + "." + f->extension)).string();
    if (auto r = exporters::write_graph_file(graph, *f, path, wo); !r) fail_command(r.error());
    written.push_back(path);
  }
  if (jsonl) {
    std::ostringstream s;
    for (const auto& r : results) extract::write_jsonl(s, r);
    if (o.output == "-") {
      std::cout << s.str();
    } else {
      const std::string path = (fs::path(o.output) / (name + ".jsonl")).string();
      if (auto r = exporters::write_file_atomically(path, s.str()); !r) fail_command(r.error());
      written.push_back(path);
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (!o.quiet) {
    std::cerr << "kg build: " << articles.size() << " article(s), " << words << " words, "
              << graph.num_entities() << " entities, " << graph.num_relations() << " relations in "
              << seconds << " s";
    for (const auto& w : written) std::cerr << "\n  wrote " << w;
    std::cerr << '\n';
  }
  if (o.rules) {
    for (const auto& rc : extract::count_rules(results)) {
      std::cout << rc.facts << '\t' << rc.rule << '\n';
    }
  }
}

struct EvalCliOptions {
  std::string data;
  std::string models;
  std::string ontology_dir;
  std::string seed;
  std::size_t limit = 0;
  bool open_relations = false;
};

void eval_relations_command(const EvalCliOptions& o) {
  auto onto = load_ontology(o.ontology_dir);
  extract::BuildOptions bo;
  bo.model_dir = o.models;
  bo.open_relations = o.open_relations;
  auto builder = extract::GraphBuilder::load(onto, bo);
  if (!builder) fail_command(builder.error());
  extract::RelationEvalOptions eo;
  eo.data_dir = o.data;
  eo.seed_article = o.seed;
  eo.limit = o.limit;
  if (auto r = extract::evaluate_relations(*builder, eo, std::cout); !r) fail_command(r.error());
}

}  // namespace

void register_build_commands(CLI::App& app) {
  auto opts = std::make_shared<BuildCliOptions>();
  auto* build = app.add_subcommand(
      "build", "Read news articles and write their knowledge graph (entities, relations, events)");
  build
      ->add_option("inputs", opts->inputs,
                   "article files (.txt with a `date YYYY-MM-DD` header, or .jsonl with "
                   "{id,date,title,text} per line), directories of them, or - for stdin")
      ->required();
  build->add_option("-o,--output", opts->output, "output directory (- for stdout)")
      ->capture_default_str();
  build
      ->add_option("-f,--format", opts->formats,
                   "comma-separated output formats (ttl, nt, nq, rdf, dot, svg, png, pdf, jsonl)")
      ->capture_default_str();
  build->add_option("--name", opts->name, "base name of the output files (default: article id)");
  build->add_option("-j,--jobs", opts->jobs, "articles processed in parallel")
      ->capture_default_str();
  build->add_option("--ontology", opts->ontology_dir, "ontology directory");
  build->add_option("--models", opts->models, "model and lexicon directory");
  build->add_option("--base", opts->base, "base IRI for minted IRIs");
  build->add_flag("--open-relations", opts->open_relations,
                  "keep verb relations the ontology lacks as kgo:relatedTo");
  build->add_flag("--rules", opts->rules, "print how many facts each extraction rule produced");
  build->add_flag("-q,--quiet", opts->quiet, "no summary on stderr");
  build->callback([opts] { build_command(*opts); });

  auto eopts = std::make_shared<EvalCliOptions>();
  auto* eval = app.add_subcommand(
      "eval-relations",
      "Score relation extraction on RAMS and CaRB dev data; rule report on an article");
  eval->add_option("--data", eopts->data, "shared data directory (rams_dev, carb_dev)");
  eval->add_option("--models", eopts->models, "model and lexicon directory");
  eval->add_option("--ontology", eopts->ontology_dir, "ontology directory");
  eval->add_option("--seed", eopts->seed, "article for the rule-by-rule report");
  eval->add_option("--limit", eopts->limit, "at most this many items per data set (0 = all)");
  eval->add_flag("--open-relations", eopts->open_relations,
                 "also keep verb relations the ontology lacks (kgo:relatedTo), as open IE does");
  eval->callback([eopts] { eval_relations_command(*eopts); });
}

}  // namespace kg::cli
