// The Graph Store client. One PUT per graph carries the whole graph, so the store
// replaces it in one request: a request that fails (bad data, timeout, dropped
// connection) never leaves a half-written graph behind.

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>
#include <kg/query/graph_store.hpp>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>
#include <unordered_map>

#include "rdf_internal.hpp"

namespace kg::query {
namespace {

using exporters::detail::Block;
using exporters::detail::TermView;

void append_term(std::string& out, const TermView& t) {
  switch (t.kind) {
    case Term::Kind::kIri:
      out += '<';
      exporters::detail::append_escaped_iri(out, t.value);
      out += '>';
      break;
    case Term::Kind::kBlank:
      out += "_:";
      exporters::detail::append_blank_label(out, t.value);
      break;
    case Term::Kind::kLiteral:
      out += '"';
      exporters::detail::append_escaped_literal(out, t.value);
      out += '"';
      if (!t.language.empty()) {
        out += '@';
        out += t.language;
      } else if (!t.datatype.empty()) {
        out += "^^<";
        exporters::detail::append_escaped_iri(out, t.datatype);
        out += '>';
      }
      break;
  }
}

class PayloadSink final : public exporters::detail::BlockSink {
 public:
  PayloadSink(std::vector<GraphPayload>& out, std::string_view single,
              std::string_view default_graph)
      : out_(out), single_(single), default_(default_graph) {}

  void block(const Block& block, std::string_view graph) override {
    if (block.pairs.empty()) return;
    GraphPayload& p = payload(!single_.empty() ? single_ : graph.empty() ? default_ : graph);
    std::string subject;
    append_term(subject, block.subject);
    for (const auto& po : block.pairs) {
      p.ntriples += subject;
      p.ntriples += " <";
      exporters::detail::append_escaped_iri(p.ntriples, po.predicate);
      p.ntriples += "> ";
      append_term(p.ntriples, po.object);
      p.ntriples += " .\n";
      ++p.triples;
    }
  }

 private:
  GraphPayload& payload(std::string_view graph) {
    auto [it, added] = index_.try_emplace(std::string(graph), out_.size());
    if (added) out_.push_back({std::string(graph), {}, 0});
    return out_[it->second];
  }
  std::vector<GraphPayload>& out_;
  std::string_view single_;
  std::string_view default_;
  std::unordered_map<std::string, std::size_t> index_;
};

// ---- HTTP ------------------------------------------------------------------

void init_curl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

std::size_t collect(char* data, std::size_t size, std::size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

struct Response {
  long status = 0;
  std::string body;
  int attempts = 0;
};

// The server's message from an error body: tags dropped, whitespace collapsed, cut short.
std::string server_message(const std::string& body) {
  std::string text;
  bool in_tag = false;
  for (char c : body) {
    if (c == '<') {
      in_tag = true;
      text += ' ';  // tags separate words ("<h3>Error</h3><p>text" -> "Error text")
    }
    if (!in_tag) text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (c == '>') in_tag = false;
  }
  std::string out;
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > 400) out = out.substr(0, 400) + "...";
  return out;
}

bool transient_status(long status) {
  return status == 408 || status == 429 || status == 502 || status == 503 || status == 504;
}

bool transient_curl(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:  // a store still starting up refuses connections
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
      return true;
    default:
      return false;
  }
}

// Loopback addresses never go through a proxy (a store started for tests lives there).
std::string no_proxy_list() {
  std::string list = "localhost,127.0.0.1,::1";
  for (const char* name : {"no_proxy", "NO_PROXY"}) {
    if (const char* v = std::getenv(name); v != nullptr && *v != '\0') {
      list += ',';
      list += v;
    }
  }
  return list;
}

Result<Response> http(const StoreEndpoint& ep, const std::string& method, const std::string& url,
                      std::string_view body, std::string_view content_type, std::string_view accept,
                      std::string_view what) {
  init_curl();
  Response r;
  std::chrono::milliseconds delay = ep.backoff;
  const int attempts = std::max(1, ep.attempts);
  const std::string no_proxy = no_proxy_list();
  for (int attempt = 1;; ++attempt) {
    r = Response{};
    r.attempts = attempt;
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return fail(Error::Code::kInternal, "libcurl could not create a request");
    std::unique_ptr<curl_slist, SlistDeleter> headers;
    auto add_header = [&](const std::string& h) {
      headers.reset(curl_slist_append(headers.release(), h.c_str()));
    };
    if (!content_type.empty()) add_header("Content-Type: " + std::string(content_type));
    if (!accept.empty()) add_header("Accept: " + std::string(accept));
    add_header("Expect:");
    CURL* c = curl.get();
    char error_buffer[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_NOPROXY, no_proxy.c_str());
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(ep.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(ep.timeout.count()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "PUT" || method == "POST") {
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    if (!ep.user.empty()) {
      curl_easy_setopt(c, CURLOPT_USERNAME, ep.user.c_str());
      curl_easy_setopt(c, CURLOPT_PASSWORD, ep.password.c_str());
      curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_DIGEST | CURLAUTH_BASIC);
    }
    const CURLcode code = curl_easy_perform(c);
    if (code == CURLE_OK) curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    const bool retry = code == CURLE_OK ? transient_status(r.status) : transient_curl(code);
    if (!retry || attempt >= attempts) {
      const std::string where = std::string(what) + " at " + url;
      const std::string tries =
          attempt > 1 ? " (after " + std::to_string(attempt) + " attempts)" : std::string();
      if (code == CURLE_COULDNT_CONNECT) {
        return fail(Error::Code::kIo, "connection refused: " + where + tries, {}, 0, 0,
                    "is the store running? start one with scripts/virtuoso-start.sh");
      }
      if (code == CURLE_OPERATION_TIMEDOUT) {
        return fail(
            Error::Code::kIo,
            "timed out after " + std::to_string(ep.timeout.count()) + " ms: " + where + tries, {},
            0, 0, "the store is slow or unreachable; try again or raise --timeout");
      }
      if (code != CURLE_OK) {
        return fail(Error::Code::kIo,
                    std::string(error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code)) +
                        ": " + where + tries,
                    {}, 0, 0, "check the endpoint URL");
      }
      if (r.status >= 400) {
        const std::string message = server_message(r.body);
        std::string hint = "see the server's message";
        if (r.status == 401 || r.status == 403) {
          hint = "check --user and --password (Virtuoso: the /sparql-graph-crud-auth endpoint)";
        }
        return fail(r.status == 401 || r.status == 403 || r.status == 400 || r.status == 404
                        ? Error::Code::kInvalidArgument
                        : Error::Code::kIo,
                    "HTTP " + std::to_string(r.status) + ": " + where + tries +
                        (message.empty() ? std::string() : ": " + message),
                    {}, 0, 0, hint);
      }
      return r;
    }
    std::this_thread::sleep_for(delay);
    delay *= 2;
  }
}

std::string escape(std::string_view s) {
  init_curl();
  std::unique_ptr<CURL, CurlDeleter> c(curl_easy_init());
  char* e = curl_easy_escape(c.get(), s.data(), static_cast<int>(s.size()));
  std::string out = e == nullptr ? std::string() : e;
  curl_free(e);
  return out;
}

std::string graph_url(const StoreEndpoint& ep, std::string_view graph) {
  std::string url = ep.url;
  url += url.find('?') == std::string::npos ? '?' : '&';
  if (graph.empty()) return url + "default";
  return url + ep.graph_parameter + "=" + escape(graph);
}

Result<Term> json_term(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("type") || !j.contains("value") || !j["value"].is_string() ||
      !j["type"].is_string()) {
    return fail(Error::Code::kParse, "a binding without type and value in SPARQL results JSON");
  }
  const std::string type = j["type"].get<std::string>();
  const std::string value = j["value"].get<std::string>();
  if (type == "uri") return Term::iri(value);
  if (type == "bnode") return Term::blank(value);
  std::string datatype = j.contains("datatype") && j["datatype"].is_string()
                             ? j["datatype"].get<std::string>()
                             : std::string();
  std::string lang = j.contains("xml:lang") && j["xml:lang"].is_string()
                         ? j["xml:lang"].get<std::string>()
                         : std::string();
  if (datatype == "http://www.w3.org/2001/XMLSchema#string") datatype.clear();
  return Term::literal(value, datatype, lang);
}

}  // namespace

std::vector<GraphPayload> graph_payloads(const KnowledgeGraph& graph,
                                         const ontology::Ontology* ontology,
                                         std::string_view single_graph,
                                         std::string_view default_graph) {
  std::vector<GraphPayload> out;
  PayloadSink sink(out, single_graph, default_graph);
  exporters::detail::emit_rdf(graph, exporters::WriteOptions{ontology}, single_graph.empty(), sink);
  return out;
}

Result<PushedGraph> put_graph(const StoreEndpoint& endpoint, std::string_view graph,
                              std::string_view body, std::string_view media_type) {
  const std::string what = graph.empty() ? std::string("PUT of the default graph")
                                         : "PUT of <" + std::string(graph) + ">";
  auto r = http(endpoint, "PUT", graph_url(endpoint, graph), body, media_type, {}, what);
  if (!r) return tl::unexpected(r.error());
  return PushedGraph{std::string(graph), 0, r->status, r->attempts};
}

Result<void> delete_graph(const StoreEndpoint& endpoint, std::string_view graph) {
  auto r = http(endpoint, "DELETE", graph_url(endpoint, graph), {}, {}, {},
                "DELETE of <" + std::string(graph) + ">");
  if (!r && r.error().message.starts_with("HTTP 404")) return {};
  if (!r) return tl::unexpected(r.error());
  return {};
}

Result<std::vector<PushedGraph>> push_graphs(const std::vector<GraphPayload>& payloads,
                                             const StoreEndpoint& endpoint) {
  std::vector<PushedGraph> done;
  for (const auto& p : payloads) {
    auto r = put_graph(endpoint, p.graph, p.ntriples, "text/turtle");
    if (!r) {
      Error e = r.error();
      if (!done.empty()) {
        e.message += " (" + std::to_string(done.size()) +
                     " graph(s) before it were replaced; it and the rest keep their previous "
                     "content)";
      }
      return tl::unexpected(std::move(e));
    }
    r->triples = p.triples;
    done.push_back(std::move(*r));
  }
  return done;
}

Result<SparqlResult> parse_results_json(std::string_view json) {
  const auto j = nlohmann::json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return fail(Error::Code::kParse, "the answer is not SPARQL results JSON", {}, 0, 0,
                "first bytes: " + std::string(json.substr(0, 200)));
  }
  SparqlResult out;
  if (j.contains("boolean")) {
    out.kind = ResultKind::kBoolean;
    out.boolean = j["boolean"].is_boolean() && j["boolean"].get<bool>();
    return out;
  }
  if (!j.contains("head") || !j["head"].contains("vars") || !j["head"]["vars"].is_array()) {
    return fail(Error::Code::kParse, "SPARQL results JSON without head.vars");
  }
  out.kind = ResultKind::kBindings;
  for (const auto& v : j["head"]["vars"]) {
    if (v.is_string()) out.variables.push_back(v.get<std::string>());
  }
  if (!j.contains("results") || !j["results"].contains("bindings") ||
      !j["results"]["bindings"].is_array()) {
    return out;
  }
  for (const auto& b : j["results"]["bindings"]) {
    std::vector<std::optional<Term>> row(out.variables.size());
    for (std::size_t i = 0; i < out.variables.size(); ++i) {
      if (b.contains(out.variables[i])) {
        auto t = json_term(b[out.variables[i]]);
        if (!t) return tl::unexpected(t.error());
        row[i] = std::move(*t);
      }
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

Result<SparqlResult> remote_query(const StoreEndpoint& endpoint, std::string_view sparql_url,
                                  std::string_view query) {
  const std::string body = "query=" + escape(query);
  auto r =
      http(endpoint, "POST", std::string(sparql_url), body, "application/x-www-form-urlencoded",
           "application/sparql-results+json", "SPARQL query");
  if (!r) return tl::unexpected(r.error());
  return parse_results_json(r->body);
}

}  // namespace kg::query
