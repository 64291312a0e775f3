#pragma once
// What the REST API does with a request, whatever carries it: find the operation in the table,
// authenticate from the headers, check the query and the body against what the operation
// accepts, run it through execute() and answer with JSON or problem+json. The transport
// (http_transport.cpp) only reads, writes and keeps time; it asks admit() before reading any
// body byte, so a request is refused (401, 413, 415, 422) before its body costs anything.
#include "api/operation.hpp"
#include "api/serve_options.hpp"
#include "core/error.hpp"
#include "server/rate_limit.hpp"
#include "server/store_pool.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vrathaus {

// The parts of a request's head the API looks at.
struct RequestHead {
  std::string method;
  std::string target;
  std::string client;  // the peer's address
  std::string authorization, content_type, if_match, idempotency_key;
  std::string client_cert_sha256;  // of the verified TLS client certificate, "" without one
  bool has_body = false;                      // Content-Length > 0 or chunked
  std::optional<std::uint64_t> content_length;  // absent for chunked bodies
};

struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones (ETag, Retry-After …)
};

enum class BodyUse { none, json, upload };

// The decision on a request's head: answered already (`reply`), or to be run once its body (if
// any) is read, at most body_limit bytes of it.
struct Admission {
  std::optional<Reply> reply;
  BodyUse body = BodyUse::none;
  std::uint64_t body_limit = 0;
  std::string token_id;  // the presented token's id, for the access log (never the secret)
  // For complete():
  const Operation* op = nullptr;
  Actor actor;
  nlohmann::json params;
};

class RequestHandler {
public:
  RequestHandler(const ServeOptions& options, StorePool& pool);

  // Answered from the head alone and without a worker: /healthz and the OpenAPI document.
  std::optional<Reply> immediate(const RequestHead& head);
  // Route, target, authentication, content type, size and query fields; reads the store.
  Admission admit(const RequestHead& head);
  // Runs the operation with the JSON body (may be empty) or the spooled upload (a file descriptor).
  Reply complete(const RequestHead& head, Admission& admission, const std::string& json_body, int upload_fd);

  static Reply problem(ErrorKind kind, const std::string& detail);
  // 503 for a full server: the client should come back after `seconds`.
  static Reply overloaded(const std::string& detail, int seconds);

private:
  struct Route {
    const Operation* op;
    std::vector<std::string> segments;  // below /api/v1; "{name}" for a placeholder
  };
  const Route* match(const std::vector<std::string>& segments, const std::string& method, nlohmann::json& path_params) const;
  Actor authenticate(const RequestHead& head, Store& store, Admission& admission);
  void record_refused_login(Store& store, const RequestHead& head, const std::string& why);

  ServeOptions o_;
  StorePool& pool_;
  FailedLoginLimiter limiter_;
  std::vector<Route> routes_;
  std::string openapi_;
};

}  // namespace vrathaus
