// libFuzzer target: the ntriples reader, then write -> read -> write in every syntax
// (see kg::fuzz::rdf() in fuzz_entry.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entry.hpp"

// The shipped ontology (labels and prefixes for the writers) loads before the first input.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)kg::fuzz::shipped_ontology();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  kg::fuzz::rdf(bytes, "ntriples");
  // The default reader reads lines itself and hands serd only what it is unsure of, so
  // serd's whole-input reader and Raptor's parser are fuzzed on their own as well.
  kg::fuzz::rdf(bytes, "ntriples", kg::exporters::RdfParser::kSerd);
  kg::fuzz::lines_match_serd(bytes, "ntriples");
  kg::fuzz::rdf(bytes, "ntriples", kg::exporters::RdfParser::kRaptor);
  return 0;
}
