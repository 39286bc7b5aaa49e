#pragma once
// RAII owners for the Graphviz C objects used by graphviz.cpp. Private to the
// exporters library: no Graphviz type may leak into a public header.

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace kg::exporters::gv {

// cgraph and gvc declare `char*` for strings they never modify; this keeps the
// const_cast in one place.
inline char* mut(const char* text) { return const_cast<char*>(text); }
inline char* mut(const std::string& text) { return const_cast<char*>(text.c_str()); }

struct ContextDeleter {
  void operator()(GVC_t* context) const { gvFreeContext(context); }
};
/// A Graphviz context (plugin registry, render jobs).
using Context = std::unique_ptr<GVC_t, ContextDeleter>;

struct GraphDeleter {
  void operator()(Agraph_t* graph) const { agclose(graph); }
};
/// A root cgraph graph.
using Graph = std::unique_ptr<Agraph_t, GraphDeleter>;

/// Frees a layout computed by gvLayout before the graph itself is closed
/// (gvFreeLayout must run while both the context and the graph are alive).
class Layout {
 public:
  Layout(GVC_t* context, Agraph_t* graph) : context_(context), graph_(graph) {}
  Layout(const Layout&) = delete;
  Layout& operator=(const Layout&) = delete;
  ~Layout() { gvFreeLayout(context_, graph_); }

 private:
  GVC_t* context_;
  Agraph_t* graph_;
};

/// Output of gvRenderData, freed with gvFreeRenderData.
class RenderedData {
 public:
  RenderedData() = default;
  RenderedData(const RenderedData&) = delete;
  RenderedData& operator=(const RenderedData&) = delete;
  ~RenderedData() {
    if (data_ != nullptr) gvFreeRenderData(data_);
  }
  char** data() { return &data_; }
  unsigned int* size() { return &size_; }
  [[nodiscard]] const char* begin() const { return data_; }
  [[nodiscard]] unsigned int length() const { return size_; }

 private:
  char* data_ = nullptr;
  unsigned int size_ = 0;
};

/// The plugin names of one kind ("layout", "device" ...) the context knows.
inline std::vector<std::string> plugin_names(GVC_t* context, const char* kind) {
  int count = 0;
  char** list = gvPluginList(context, kind, &count, nullptr);
  std::vector<std::string> names;
  if (list == nullptr) return names;
  for (int i = 0; i < count; ++i) {
    names.emplace_back(list[i]);
    std::free(list[i]);  // NOLINT(cppcoreguidelines-no-malloc): allocated by Graphviz
  }
  std::free(list);  // NOLINT(cppcoreguidelines-no-malloc)
  return names;
}

/// Routes cgraph/gvc diagnostics into a string for the lifetime of the object
/// instead of stderr, so failures become kg::Error values. Graphviz keeps the
/// handler in a global: callers hold the render mutex.
class ErrorCapture {
 public:
  ErrorCapture() : previous_handler_(agseterrf(&ErrorCapture::collect)) {
    agreseterrors();
    messages().clear();
  }
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  ~ErrorCapture() { agseterrf(previous_handler_); }

  /// Everything Graphviz reported since construction, trimmed, one message per line.
  [[nodiscard]] static std::string text() {
    std::string out = messages();
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
  }

 private:
  static std::string& messages() {
    static std::string buffer;
    return buffer;
  }
  static int collect(char* message) {
    if (message != nullptr) messages() += message;
    return 0;
  }
  agusererrf previous_handler_;
};

}  // namespace kg::exporters::gv
