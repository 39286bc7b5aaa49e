// libFuzzer target: SPARQL query text through kg::query::SparqlEngine over a small
// fixed graph, and every result format (see kg::fuzz::sparql() in fuzz_sparql_entry.hpp).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_sparql_entry.hpp"

// The graph is read and indexed before the first input.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  (void)kg::fuzz::sparql_fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kg::fuzz::sparql(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
