// The Graph Store client against a scripted local HTTP server: retries, timeouts,
// refused connections and server messages, without a real store.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <kg/exporters/formats.hpp>
#include <kg/query/graph_store.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "query_test_graph.hpp"

namespace kg::query {
namespace {

// Answers one connection per scripted response, in order; an empty response means
// "accept, read, and never answer" (a hung server).
class ScriptedServer {
 public:
  explicit ScriptedServer(std::vector<std::string> responses) : responses_(std::move(responses)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(::listen(fd_, 8), 0);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedServer() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  [[nodiscard]] std::string url() const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/store";
  }
  [[nodiscard]] int requests() const { return requests_; }
  [[nodiscard]] std::string last_request() const { return last_; }

 private:
  void serve() {
    for (const auto& response : responses_) {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0 || stop_) return;
      std::string request = read_request(c);
      ++requests_;
      last_ = request;
      if (response.empty()) {
        // Hang until the client gives up.
        char b;
        while (::recv(c, &b, 1, 0) > 0) {
        }
      } else {
        (void)::send(c, response.data(), response.size(), MSG_NOSIGNAL);
      }
      ::close(c);
    }
  }
  static std::string read_request(int c) {
    std::string data;
    char buf[4096];
    std::size_t body_needed = std::string::npos;
    while (true) {
      const auto header_end = data.find("\r\n\r\n");
      if (header_end != std::string::npos && body_needed == std::string::npos) {
        std::string lower = data.substr(0, header_end);
        std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
        const auto cl = lower.find("content-length:");
        body_needed =
            header_end + 4 + (cl == std::string::npos ? 0 : std::stoul(lower.substr(cl + 15)));
      }
      if (body_needed != std::string::npos && data.size() >= body_needed) return data;
      const auto n = ::recv(c, buf, sizeof buf, 0);
      if (n <= 0) return data;
      data.append(buf, static_cast<std::size_t>(n));
    }
  }

  std::vector<std::string> responses_;
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::string last_;
};

std::string http_response(int status, const std::string& reason, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: text/html\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

StoreEndpoint endpoint(const std::string& url) {
  StoreEndpoint ep;
  ep.url = url;
  ep.backoff = std::chrono::milliseconds(5);
  ep.timeout = std::chrono::milliseconds(3000);
  return ep;
}

TEST(GraphStoreTest, PutSendsTheGraphParameterAndBody) {
  ScriptedServer server({http_response(201, "Created", "")});
  auto r = put_graph(endpoint(server.url()), "https://kg.example.org/doc/a b",
                     "<urn:a> <urn:b> <urn:c> .\n", "text/turtle");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->attempts, 1);
  const std::string req = server.last_request();
  EXPECT_EQ(req.rfind("PUT /store?graph=https%3A%2F%2Fkg.example.org%2Fdoc%2Fa%20b ", 0), 0U)
      << req;
  EXPECT_NE(req.find("Content-Type: text/turtle"), std::string::npos);
  EXPECT_NE(req.find("<urn:a> <urn:b> <urn:c> ."), std::string::npos);
}

TEST(GraphStoreTest, RetriesTransientFaultsWithBackoff) {
  ScriptedServer server({http_response(503, "Service Unavailable", "busy"),
                         http_response(502, "Bad Gateway", "proxy"),
                         http_response(201, "Created", "")});
  auto r = put_graph(endpoint(server.url()), "urn:g", "<urn:a> <urn:b> <urn:c> .\n", "text/turtle");
  ASSERT_TRUE(r) << r.error().to_string();
  EXPECT_EQ(r->attempts, 3);
  EXPECT_EQ(server.requests(), 3);
}

TEST(GraphStoreTest, ServerErrorCarriesTheServersMessage) {
  ScriptedServer server({http_response(
      500, "Internal Server Error",
      "<html><body><h3>Error 22023</h3><xmp>The PUT request is rejected</xmp></body></html>")});
  auto r = put_graph(endpoint(server.url()), "urn:g", "x", "text/turtle");
  ASSERT_FALSE(r);
  EXPECT_EQ(server.requests(), 1);  // a 500 is not retried: the data was refused
  EXPECT_NE(r.error().message.find("HTTP 500"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("Error 22023 The PUT request is rejected"), std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find("<urn:g>"), std::string::npos);
}

TEST(GraphStoreTest, GivesUpAfterTheLastAttempt) {
  ScriptedServer server({http_response(503, "Service Unavailable", "busy"),
                         http_response(503, "Service Unavailable", "still busy")});
  StoreEndpoint ep = endpoint(server.url());
  ep.attempts = 2;
  auto r = put_graph(ep, "urn:g", "x", "text/turtle");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("after 2 attempts"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("still busy"), std::string::npos);
}

TEST(GraphStoreTest, TimeoutIsAClearError) {
  ScriptedServer server({""});
  StoreEndpoint ep = endpoint(server.url());
  ep.attempts = 1;
  ep.timeout = std::chrono::milliseconds(300);
  auto r = put_graph(ep, "urn:g", "x", "text/turtle");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("timed out"), std::string::npos) << r.error().message;
}

TEST(GraphStoreTest, ConnectionRefusedIsAClearError) {
  std::string url;
  {
    ScriptedServer closed({});
    url = closed.url();
  }
  StoreEndpoint ep = endpoint(url);
  ep.attempts = 2;
  auto r = put_graph(ep, "urn:g", "x", "text/turtle");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Error::Code::kIo);
  EXPECT_NE(r.error().message.find("connection refused"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().hint.find("virtuoso-start"), std::string::npos);
}

TEST(GraphStoreTest, PushStopsAtTheFirstFailureAndSaysWhatWasReplaced) {
  ScriptedServer server(
      {http_response(201, "Created", ""), http_response(400, "Bad Request", "bad data")});
  std::vector<GraphPayload> payloads = {{"urn:g1", "<urn:a> <urn:b> <urn:c> .\n", 1},
                                        {"urn:g2", "<urn:a> <urn:b> <urn:d> .\n", 1},
                                        {"urn:g3", "<urn:a> <urn:b> <urn:e> .\n", 1}};
  auto r = push_graphs(payloads, endpoint(server.url()));
  ASSERT_FALSE(r);
  EXPECT_EQ(server.requests(), 2);
  EXPECT_NE(r.error().message.find("<urn:g2>"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("1 graph(s) before it were replaced"), std::string::npos);
}

TEST(GraphStoreTest, PayloadsSplitByDocumentAndCoverTheWholeGraph) {
  const auto g = test::small_graph();
  const auto payloads = graph_payloads(g);
  std::vector<std::string> graphs;
  std::size_t total = 0;
  std::string all;
  for (const auto& p : payloads) {
    graphs.push_back(p.graph);
    total += p.triples;
    all += p.ntriples;
    EXPECT_EQ(static_cast<std::size_t>(std::count(p.ntriples.begin(), p.ntriples.end(), '\n')),
              p.triples);
  }
  std::sort(graphs.begin(), graphs.end());
  EXPECT_EQ(graphs, (std::vector<std::string>{test::kDoc2, test::kDoc1}));
  EXPECT_EQ(total, static_cast<std::size_t>(std::count(all.begin(), all.end(), '\n')));
  // Every triple of the merged N-Triples output is in some document graph.
  std::ostringstream nt;
  ASSERT_TRUE(exporters::write_graph(g, *exporters::find_format("ntriples"), nt));
  std::istringstream lines(nt.str());
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) {
      EXPECT_NE(all.find(line + "\n"), std::string::npos) << line;
    }
  }
  const auto single = graph_payloads(g, nullptr, "urn:one");
  ASSERT_EQ(single.size(), 1U);
  EXPECT_EQ(single.front().graph, "urn:one");
}

TEST(GraphStoreTest, ParsesSparqlResultsJson) {
  auto r = parse_results_json(R"({"head":{"vars":["x","n"]},"results":{"bindings":[
      {"x":{"type":"uri","value":"urn:a"},
       "n":{"type":"typed-literal","datatype":"http://www.w3.org/2001/XMLSchema#integer","value":"3"}},
      {"x":{"type":"literal","xml:lang":"en","value":"Putin"}}]}})");
  ASSERT_TRUE(r) << r.error().to_string();
  ASSERT_EQ(r->rows.size(), 2U);
  EXPECT_EQ(r->value(0, "x")->value, "urn:a");
  EXPECT_EQ(r->value(0, "n")->datatype, "http://www.w3.org/2001/XMLSchema#integer");
  EXPECT_EQ(r->value(1, "x")->language, "en");
  EXPECT_EQ(r->value(1, "n"), nullptr);
  auto ask = parse_results_json(R"({"head":{},"boolean":true})");
  ASSERT_TRUE(ask);
  EXPECT_TRUE(ask->boolean);
  EXPECT_FALSE(parse_results_json("<html>not json</html>"));
}

}  // namespace
}  // namespace kg::query
