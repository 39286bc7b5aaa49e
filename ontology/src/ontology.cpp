// Loading entry points and the read-only queries of an Ontology.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <kg/ontology/ontology.hpp>
#include <system_error>

#include "curie.hpp"
#include "index.hpp"
#include "terms.hpp"
#include "turtle_reader.hpp"

#ifndef KG_SOURCE_ONTOLOGY_DIR
#define KG_SOURCE_ONTOLOGY_DIR ""
#endif
#ifndef KG_INSTALL_ONTOLOGY_DIR
#define KG_INSTALL_ONTOLOGY_DIR ""
#endif

namespace kg::ontology {

Result<Ontology> Ontology::load_files(const std::vector<std::string>& paths) {
  if (paths.empty()) {
    return fail(Error::Code::kInvalidArgument, "no ontology files given", {}, 0, 0,
                "pass at least one .ttl file");
  }
  auto triples = detail::read_turtle_files(paths);
  if (!triples) return tl::unexpected(std::move(triples.error()));
  return Index::build(*triples, paths);
}

Result<Ontology> Ontology::load_directory(const std::string& directory) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(directory, ec)) {
    return fail(Error::Code::kNotFound, "ontology directory does not exist", directory, 0, 0,
                "set KG_ONTOLOGY_DIR to the folder holding the ontology's .ttl files");
  }
  std::vector<std::string> paths;
  for (fs::directory_iterator it(directory, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".ttl" && it->is_regular_file(ec)) {
      paths.push_back(it->path().string());
    }
  }
  if (ec) {
    return fail(Error::Code::kIo, "cannot list the ontology directory: " + ec.message(), directory);
  }
  if (paths.empty()) {
    return fail(Error::Code::kNotFound, "no .ttl files in the ontology directory", directory, 0, 0,
                "set KG_ONTOLOGY_DIR to the folder holding the ontology's .ttl files");
  }
  std::sort(paths.begin(), paths.end());
  return load_files(paths);
}

std::string Ontology::default_directory() {
  if (const char* env = std::getenv("KG_ONTOLOGY_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  std::string installed = KG_INSTALL_ONTOLOGY_DIR;
  if (!installed.empty() && std::filesystem::is_directory(installed, ec)) return installed;
  return KG_SOURCE_ONTOLOGY_DIR;
}

Result<Ontology> Ontology::load_default() { return load_directory(default_directory()); }

const ClassInfo* Ontology::find_class(std::string_view iri) const {
  if (!index_) return nullptr;
  auto it = index_->class_by_iri.find(iri);
  return it == index_->class_by_iri.end() ? nullptr : &classes_[it->second];
}

const PropertyInfo* Ontology::find_property(std::string_view iri) const {
  if (!index_) return nullptr;
  auto it = index_->property_by_iri.find(iri);
  return it == index_->property_by_iri.end() ? nullptr : &properties_[it->second];
}

const ClassInfo* Ontology::resolve_class(std::string_view iri) const {
  if (!index_) return nullptr;
  if (auto it = index_->class_by_iri.find(iri); it != index_->class_by_iri.end()) {
    return &classes_[it->second];
  }
  if (auto it = index_->equivalent_class.find(iri); it != index_->equivalent_class.end()) {
    return &classes_[it->second];
  }
  return nullptr;
}

bool Ontology::is_subclass_of(std::string_view cls, std::string_view ancestor) const {
  if (cls == ancestor) return true;
  if (ancestor == terms::kOwlThing) return resolve_class(cls) != nullptr;
  const ClassInfo* c = resolve_class(cls);
  const ClassInfo* a = resolve_class(ancestor);
  if (c == nullptr || a == nullptr) return false;
  const auto& ancestors = index_->class_ancestors[static_cast<std::size_t>(c - classes_.data())];
  return std::binary_search(ancestors.begin(), ancestors.end(),
                            static_cast<std::size_t>(a - classes_.data()));
}

bool Ontology::is_subproperty_of(std::string_view property, std::string_view ancestor) const {
  if (property == ancestor) return true;
  if (!index_) return false;
  auto p = index_->property_by_iri.find(property);
  auto a = index_->property_by_iri.find(ancestor);
  if (p == index_->property_by_iri.end() || a == index_->property_by_iri.end()) return false;
  const auto& supers = index_->super_properties[p->second];
  return std::binary_search(supers.begin(), supers.end(), a->second);
}

std::vector<const Trigger*> Ontology::triggers_for_lemma(std::string_view lemma) const {
  std::vector<const Trigger*> out;
  for (const Trigger& t : triggers_) {
    if (t.lemma == lemma) out.push_back(&t);
  }
  return out;
}

std::string Ontology::compact(std::string_view iri) const {
  if (index_) {
    std::string c = detail::compact_iri(prefixes_, index_->prefixes_by_length, iri);
    if (!c.empty()) return c;
  }
  return std::string(iri);
}

std::string Ontology::expand(std::string_view curie) const {
  const auto colon = curie.find(':');
  if (colon == std::string_view::npos) return std::string(curie);
  const std::string_view prefix = curie.substr(0, colon);
  auto it = std::lower_bound(prefixes_.begin(), prefixes_.end(), prefix,
                             [](const auto& p, std::string_view key) { return p.first < key; });
  if (it == prefixes_.end() || it->first != prefix) return std::string(curie);
  // "http://..." is never a CURIE, even if someone binds the prefix "http".
  const std::string_view local = curie.substr(colon + 1);
  if (local.substr(0, 2) == "//") return std::string(curie);
  return it->second + std::string(local);
}

std::string Ontology::label(std::string_view iri) const {
  if (const ClassInfo* c = find_class(iri); c != nullptr && !c->label.empty()) return c->label;
  if (const PropertyInfo* p = find_property(iri); p != nullptr && !p->label.empty()) {
    return p->label;
  }
  const auto cut = iri.find_last_of("#/");
  if (cut == std::string_view::npos || cut + 1 == iri.size()) return std::string(iri);
  return std::string(iri.substr(cut + 1));
}

Style Ontology::style_for_class(std::string_view class_iri) const {
  if (const ClassInfo* c = resolve_class(class_iri)) return c->style;
  return Style{};
}

bool Ontology::declares(std::string_view iri) const {
  return std::binary_search(declared_.begin(), declared_.end(), iri);
}

bool Ontology::is_symmetric(std::string_view predicate) const {
  const PropertyInfo* p = find_property(predicate);
  return p != nullptr && p->symmetric;
}

}  // namespace kg::ontology
