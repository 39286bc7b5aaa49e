// Whole-pipeline speed (read, split, tokenize, tag, lemmatize, parse, NER) in words per
// second on a few MB of treebank training text, on one core; model load time; peak memory.
//
//   extract_bench [--text_mb=N] [benchmark flags]
//
// The text is the `# text` of UD English EWT and GUM train sentences, joined into
// paragraphs, read from KG_SHARED_DATA_DIR (skipped with an error when absent).

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <kg/extract/pipeline.hpp>
#include <kg/extract/train.hpp>
#include <string>

namespace {

double g_text_mb = 3.0;

const std::string& model_dir() {
  static const std::string dir = [] {
    const char* env = std::getenv("KG_MODEL_DIR");
    return env != nullptr && *env != '\0' ? std::string(env)
                                          : std::string(KG_SOURCE_DIR) + "/extract/models";
  }();
  return dir;
}

// A /proc/self/status value in MB ("VmHWM:" peak resident set, "VmRSS:" current).
double status_mb(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::size_t n = std::strlen(key);
  while (std::getline(in, line)) {
    if (line.compare(0, n, key) == 0) return std::atof(line.c_str() + n) / 1024.0;
  }
  return 0.0;
}

double peak_rss_mb() { return status_mb("VmHWM:"); }

const std::string& bench_text() {
  static const std::string text = [] {
    std::string out;
    auto files = kg::extract::corpus_files(KG_SHARED_DATA_DIR, "train");
    if (!files) return out;
    std::vector<std::string> paths = files->ewt;
    paths.insert(paths.end(), files->gum.begin(), files->gum.end());
    const auto limit = static_cast<std::size_t>(g_text_mb * 1024 * 1024);
    while (out.size() < limit) {
      auto docs = kg::extract::read_documents(paths);
      if (!docs) return out;
      for (const auto& d : *docs) {
        for (const auto& s : d) {
          const std::string t = s.comment_value("text");
          if (t.empty()) continue;
          out += t;
          out += s.comment_value("newpar").empty() ? " " : "\n\n";
          if (out.size() >= limit) return out;
        }
        out += "\n\n";
      }
    }
    return out;
  }();
  return text;
}

void BM_ModelLoad(benchmark::State& state) {
  kg::extract::PipelineOptions o;
  o.model_dir = model_dir();
  for (auto _ : state) {
    auto p = kg::extract::load_pipeline(o);
    if (!p) {
      state.SkipWithError(p.error().to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(p);
  }
  state.counters["peak_rss_MB"] = peak_rss_mb();
}
BENCHMARK(BM_ModelLoad)->Unit(benchmark::kMillisecond)->Iterations(5);

void BM_Pipeline(benchmark::State& state) {
  const std::string& text = bench_text();
  if (text.empty()) {
    state.SkipWithError("treebank text not found under KG_SHARED_DATA_DIR");
    return;
  }
  kg::extract::PipelineOptions o;
  o.model_dir = model_dir();
  auto p = kg::extract::load_pipeline(o);
  if (!p) {
    state.SkipWithError(p.error().to_string().c_str());
    return;
  }
  // Forget the memory peak of loading the treebanks: report what the pipeline uses.
  { std::ofstream("/proc/self/clear_refs") << "5"; }
  const double rss_before = status_mb("VmRSS:");
  std::size_t words = 0;
  std::size_t sentences = 0;
  for (auto _ : state) {
    kg::extract::Document doc(text);
    p->run(doc);
    words += doc.tokens().size();
    sentences += doc.sentences().size();
    benchmark::DoNotOptimize(doc.tokens().data());
  }
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words), benchmark::Counter::kIsRate);
  state.counters["words"] = static_cast<double>(words) / static_cast<double>(state.iterations());
  state.counters["MB"] = static_cast<double>(text.size()) / (1024.0 * 1024.0);
  state.counters["parser"] = p->find("parser") != nullptr ? 1 : 0;
  state.counters["peak_rss_MB"] = peak_rss_mb();
  state.counters["rss_before_MB"] = rss_before;
  state.SetBytesProcessed(static_cast<std::int64_t>(text.size() * state.iterations()));
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--text_mb=", 10) == 0) g_text_mb = std::atof(argv[i] + 10);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
