#pragma once
/// A pipeline is an ordered list of components `Document -> Document`; each declares
/// what it needs and what it assigns, and the pipeline checks the order when built.

#include <kg/extract/document.hpp>
#include <kg/graph/error.hpp>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::extract {

/// One processing step.
class Component {
 public:
  virtual ~Component() = default;
  /// A short name ("tokenizer", "tagger" ...), used in errors and listings.
  [[nodiscard]] virtual std::string_view name() const = 0;
  /// Attributes that must be assigned before this component runs.
  [[nodiscard]] virtual unsigned needs() const = 0;
  /// Attributes this component assigns.
  [[nodiscard]] virtual unsigned assigns() const = 0;
  /// Annotates the document. Must not throw for any valid UTF-8 text.
  virtual void process(Document& doc) const = 0;
};

/// Ordered components.
class Pipeline {
 public:
  /// Appends a component; fails (kInvalidArgument) if what it needs is not assigned by
  /// the components before it.
  Result<void> add(std::shared_ptr<const Component> component);
  /// Runs every component in order.
  void run(Document& doc) const;
  /// Component names in order.
  [[nodiscard]] std::vector<std::string> names() const;
  /// The component with this name, or null.
  [[nodiscard]] const Component* find(std::string_view name) const;

 private:
  std::vector<std::shared_ptr<const Component>> components_;
  unsigned provided_ = 0;
};

/// Which components the default pipeline includes.
struct PipelineOptions {
  std::string model_dir;  ///< empty: find_model_dir()
  bool tag = true;
  bool lemmatize = true;
  bool parse = true;  ///< skipped (with heads left -1) when no parser model is present
  bool ner = true;
};

/// The standard English pipeline: tokenizer+splitter, tagger, lemmatizer, parser, NER.
Result<Pipeline> load_pipeline(const PipelineOptions& options = {});

}  // namespace kg::extract
