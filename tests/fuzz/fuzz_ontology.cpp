// libFuzzer target: see kg::fuzz::ontology() in fuzz_entry.hpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kg::fuzz::ontology(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
