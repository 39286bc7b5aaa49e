// libFuzzer target: the nquads reader, then write -> read -> write in every syntax
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
  kg::fuzz::rdf(bytes, "nquads");
  // Raptor parses the same syntax too when asked; both readers must hold up.
  kg::fuzz::rdf(bytes, "nquads", kg::exporters::RdfParser::kRaptor);
  return 0;
}
