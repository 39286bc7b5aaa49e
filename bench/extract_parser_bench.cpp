// Google Benchmark: dependency parser speed on UD English EWT dev (gold tokens
// and tags) with the shipped model, and model load time.

#include <benchmark/benchmark.h>

#include <kg/extract/conllu.hpp>
#include <kg/extract/dependency_parser.hpp>
#include <string>
#include <vector>

namespace {

const std::string kModel = std::string(KG_SOURCE_DIR) + "/extract/models/parser.bin";
const std::string kDev = std::string(KG_SHARED_DATA_DIR) + "/ud_english_ewt/en_ewt-ud-dev.conllu";

void BM_ParserLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto parser = kg::extract::DependencyParser::load(kModel);
    if (!parser) {
      state.SkipWithError(parser.error().to_string().c_str());
      return;
    }
    benchmark::DoNotOptimize(parser->weight_count());
  }
}
BENCHMARK(BM_ParserLoad)->Unit(benchmark::kMillisecond);

void BM_ParserParseEwtDev(benchmark::State& state) {
  auto parser = kg::extract::DependencyParser::load(kModel);
  auto dev = kg::extract::read_conllu_file(kDev);
  if (!parser || !dev) {
    state.SkipWithError(!parser ? parser.error().to_string().c_str()
                                : dev.error().to_string().c_str());
    return;
  }
  std::size_t words = 0;
  for (const auto& s : *dev) words += s.tokens.size();
  for (auto _ : state) {
    for (auto& s : *dev) parser->parse(s);
    benchmark::ClobberMemory();
  }
  state.counters["words/s"] =
      benchmark::Counter(static_cast<double>(words * static_cast<std::size_t>(state.iterations())),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ParserParseEwtDev)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
