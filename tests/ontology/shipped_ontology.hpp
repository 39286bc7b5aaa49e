#pragma once
// The ontology shipped in ontology/data, loaded once per test program.

#include <gtest/gtest.h>

#include <kg/graph/vocab.hpp>
#include <kg/ontology/ontology.hpp>
#include <string>

namespace kg::ontology::testing {

/// The shipped ontology; the test fails (and aborts) when it does not load.
inline const Ontology& shipped() {
  static const Ontology* loaded = [] {
    auto o = Ontology::load_directory(KG_ONTOLOGY_DIR);
    if (!o) {
      ADD_FAILURE() << "shipped ontology does not load: " << o.error().to_string();
      std::abort();
    }
    return new Ontology(std::move(*o));
  }();
  return *loaded;
}

/// The full IRI of a kgo: term.
inline std::string kgo(std::string_view local) {
  return std::string(vocab::kKgo) + std::string(local);
}

}  // namespace kg::ontology::testing
