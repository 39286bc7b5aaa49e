// libFuzzer target: see kg::fuzz::article() in fuzz_entry.hpp.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_entry.hpp"

// Models and ontology load once, before the first input (their load time under
// the sanitizers would otherwise count against the first input's timeout).
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  kg::fuzz::pipeline();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kg::fuzz::article(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
