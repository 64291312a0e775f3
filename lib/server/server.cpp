// The REST API server, built into the server module (server_module.hpp) with cpp-httplib.
#include "server/server_module.hpp"

#include "api/execute.hpp"
#include "api/openapi.hpp"
#include "api/operation.hpp"
#include "api/problem.hpp"
#include "core/error.hpp"
#include "server/rate_limit.hpp"
#include "server/store_pool.hpp"
#include "service/audit.hpp"
#include "service/tokens.hpp"

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <httplib.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>
#include <type_traits>

namespace vrathaus {
namespace {

using nlohmann::json;

const std::string kApiBase = "/api/v1";

struct Route {
  const Operation* op;
  std::string pattern;
  std::vector<std::string> placeholders;
};

// "/accounts/{id}/upgrades" → "/api/v1/accounts/([^/]+)/upgrades" and ["id"].
Route make_route(const Operation& op) {
  Route r{&op, kApiBase, {}};
  static const std::regex placeholder(R"(\{([a-z_]+)\})");
  std::string path = op.path;
  std::smatch m;
  while (std::regex_search(path, m, placeholder)) {
    r.pattern += std::regex_replace(m.prefix().str(), std::regex(R"([.])"), R"(\.)") + "([^/]+)";
    r.placeholders.push_back(m[1]);
    path = m.suffix();
  }
  r.pattern += path;
  return r;
}

bool is_upload_path(const std::string& path) { return path.rfind(kApiBase + "/imports/", 0) == 0; }

std::string if_match_version(const std::string& header) {
  std::string v = header;
  if (v.rfind("W/", 0) == 0) v = v.substr(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return v;
}

// A failure inside the module, as the seam carries it back to the binary (server_module.hpp).
server_module::Outcome outcome_of(std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& e) {
    return {false, e.kind(), e.what()};
  } catch (const std::exception& e) {
    return {false, ErrorKind::internal, e.what()};
  } catch (...) {
    return {false, ErrorKind::internal, "the server failed"};
  }
}

class RestServer final : public server_module::Instance {
public:
  ServeOptions o;
  std::unique_ptr<httplib::Server> http;
  StorePool pool;
  FailedLoginLimiter limiter;
  json openapi = openapi_document();

  explicit RestServer(ServeOptions options)
      : o(std::move(options)), pool(o.db_path, o.city.busy_timeout_ms), limiter(o.failed_logins_per_minute) {
    if (!o.tls_cert.empty() || !o.tls_key.empty()) {
      if (o.tls_cert.empty() || o.tls_key.empty()) fail(ErrorKind::config, "TLS needs both --tls-cert and --tls-key");
      auto ssl = std::make_unique<httplib::SSLServer>(o.tls_cert.c_str(), o.tls_key.c_str());
      if (!ssl->is_valid()) fail(ErrorKind::config, "cannot load the TLS certificate {} or key {}", o.tls_cert, o.tls_key);
      http = std::move(ssl);
    } else {
      http = std::make_unique<httplib::Server>();
    }
    // Fail at start, not at the first request, when the store is missing or out of date.
    pool.take()->require_current_schema();
    configure();
  }

  void send_problem(httplib::Response& res, ErrorKind kind, const std::string& detail) {
    res.status = http_status(kind);
    if (kind == ErrorKind::unauthenticated) res.set_header("WWW-Authenticate", "Bearer realm=\"vrathaus\"");
    res.set_content(problem_json(kind, detail).dump(), "application/problem+json");
  }

  void configure() {
    http->set_payload_max_length(o.max_upload_body);
    http->set_read_timeout(o.request_timeout_seconds, 0);
    http->set_write_timeout(o.request_timeout_seconds, 0);
    http->set_keep_alive_timeout(5);
    // Small JSON responses go out at once, not after the client's delayed ACK (Nagle): 40 ms a request.
    http->set_tcp_nodelay(true);
    // Refuse oversized JSON before reading it; only uploads may be large (and are streamed).
    http->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      if (!is_upload_path(req.path) && req.has_header("Content-Length")) {
        auto length = std::strtoull(req.get_header_value("Content-Length").c_str(), nullptr, 10);
        if (length > o.max_json_body) {
          send_problem(res, ErrorKind::too_large, "request bodies are limited to " + std::to_string(o.max_json_body) + " bytes");
          return httplib::Server::HandlerResponse::Handled;
        }
      }
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http->set_logger([](const httplib::Request& req, const httplib::Response& res) {
      // One write per request: std::cerr is unbuffered, and pieces from two threads must not mix.
      std::cerr << fmt::format("{} {} {} {}\n", req.remote_addr, req.method, req.path, res.status) << std::flush;
    });
    http->Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
      try {
        auto store = pool.take();
        store->db().execAndGet("SELECT 1");
        res.set_content(R"({"status":"ok"})", "application/json");
      } catch (const std::exception& e) {
        send_problem(res, ErrorKind::busy, std::string("store unavailable: ") + e.what());
      }
    });
    http->Get(kApiBase + "/openapi.json", [this](const httplib::Request&, httplib::Response& res) {
      res.set_content(openapi.dump(), "application/json");
    });

    // Literal paths first: "/accounts/search" must not be taken for "/accounts/{id}".
    std::vector<Route> routes;
    for (const auto& op : operations().all())
      if (!op.local_only) routes.push_back(make_route(op));
    std::stable_sort(routes.begin(), routes.end(),
                     [](const Route& a, const Route& b) { return a.placeholders.size() < b.placeholders.size(); });
    for (const auto& route : routes) add_route(route);

    http->set_error_handler([this](const httplib::Request&, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 404) send_problem(res, ErrorKind::not_found, "no such endpoint");
      else if (res.status == 413) send_problem(res, ErrorKind::too_large, "request too large");
      else if (res.status >= 400 && res.status < 500) send_problem(res, ErrorKind::usage, "malformed request");
    });
    http->set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        std::cerr << "vrathaus serve: internal error: " << e.what() << "\n";
      } catch (...) {
      }
      send_problem(res, ErrorKind::internal, "internal error");
    });
  }

  void add_route(const Route& route) {
    const auto& method = route.op->method;
    if (route.op->streamed_body) {
      http->Post(route.pattern, [this, route](const httplib::Request& req, httplib::Response& res,
                                             const httplib::ContentReader& reader) { handle_upload(route, req, res, reader); });
      return;
    }
    auto handler = [this, route](const httplib::Request& req, httplib::Response& res) { handle(route, req, res, {}); };
    if (method == "GET") http->Get(route.pattern, handler);
    else if (method == "POST") http->Post(route.pattern, handler);
    else if (method == "PATCH") http->Patch(route.pattern, handler);
    else if (method == "PUT") http->Put(route.pattern, handler);
    else if (method == "DELETE") http->Delete(route.pattern, handler);
  }

  Actor authenticate(const httplib::Request& req, Store& store) {
    auto client = req.remote_addr;
    if (limiter.blocked(client)) fail(ErrorKind::rate_limited, "too many failed logins from {}; wait a minute", client);
    auto header = req.get_header_value("Authorization");
    try {
      if (header.rfind("Bearer ", 0) != 0) fail(ErrorKind::unauthenticated, "no API token (Authorization: Bearer …)");
      auto actor = authenticate_token(store, *o.clock, header.substr(7));
      actor.client = client;
      return actor;
    } catch (const Error& e) {
      limiter.record_failure(client);
      record_refused_login(store, client, req, e.what());
      throw;
    }
  }

  void record_refused_login(Store& store, const std::string& client, const httplib::Request& req, const std::string& why) {
    Actor anonymous;
    anonymous.id = "anonymous";
    anonymous.client = client;
    Context ctx{store, *o.clock, o.city, anonymous};
    try {
      store.write_transaction([&] { audit_append(ctx, {"auth.refused", req.method + " " + req.path, nullptr, nullptr, why}); });
    } catch (const Error&) {
    }
  }

  json request_params(const Route& route, const httplib::Request& req) {
    json params = json::object();
    if (!req.body.empty()) {
      auto body = json::parse(req.body, nullptr, false);
      if (body.is_discarded() || !body.is_object()) fail(ErrorKind::usage, "the request body is not a JSON object");
      params = std::move(body);
    }
    for (const auto& [key, value] : req.params) {
      if (params.contains(key) && params[key].is_array()) params[key].push_back(value);
      else if (params.contains(key)) params[key] = json::array({params[key], value});
      else params[key] = value;
    }
    for (std::size_t i = 0; i < route.placeholders.size() && i + 1 < req.matches.size(); ++i)
      params[route.placeholders[i]] = httplib::detail::decode_url(req.matches[i + 1].str(), false);
    params.erase("file");  // a server-side path is only ever set by the upload handler
    if (req.has_header("If-Match")) params["if_version"] = if_match_version(req.get_header_value("If-Match"));
    return params;
  }

  void handle(const Route& route, const httplib::Request& req, httplib::Response& res, json extra) {
    try {
      auto store = pool.take();
      auto actor = authenticate(req, *store);
      auto params = request_params(route, req);
      for (auto& [k, v] : extra.items()) params[k] = v;
      Environment env{*store, *o.clock, o.city};
      auto result = execute(env, {*route.op, params, actor, req.get_header_value("Idempotency-Key")});
      res.status = route.op->method == "POST" && (route.op->name.ends_with(".create") || route.op->name.ends_with(".add")) ? 201 : 200;
      if (result.is_object() && result.contains("version") && result["version"].is_number())
        res.set_header("ETag", "\"" + std::to_string(result["version"].get<std::int64_t>()) + "\"");
      res.set_content(result.dump(), "application/json");
    } catch (const Error& e) {
      send_problem(res, e.kind(), e.what());
    } catch (const SQLite::Exception& e) {
      try {
        rethrow_sqlite(e);
      } catch (const Error& mapped) {
        send_problem(res, mapped.kind(), mapped.what());
      }
    }
  }

  // Uploads are spooled to a private temporary file as they arrive (memory stays flat), then
  // handed to the same operation the local CLI runs on a file. The file is unlinked as soon as
  // it is created and reached through /proc/self/fd, so a server killed mid-upload leaves no
  // spool file behind in the temporary directory.
  void handle_upload(const Route& route, const httplib::Request& req, httplib::Response& res,
                     const httplib::ContentReader& reader) {
    std::string tmp = (std::filesystem::temp_directory_path() / "vrathaus-upload-XXXXXX").string();
    int fd = ::mkstemp(tmp.data());
    if (fd < 0) return send_problem(res, ErrorKind::internal, "cannot create a temporary file for the upload");
    ::unlink(tmp.c_str());
    std::unique_ptr<int, void (*)(int*)> closer(&fd, [](int* f) { ::close(*f); });
    bool ok = true;
    std::size_t total = 0;
    reader([&](const char* data, std::size_t size) {
      total += size;
      if (total > o.max_upload_body) return ok = false;
      for (std::size_t done = 0; done < size;) {
        auto n = ::write(fd, data + done, size - done);
        if (n <= 0) return ok = false;
        done += std::size_t(n);
      }
      return true;
    });
    if (!ok) return send_problem(res, ErrorKind::too_large, "the upload is too large or could not be stored");
    handle(route, req, res, {{"file", "/proc/self/fd/" + std::to_string(fd)}});
  }

  server_module::Outcome run(const std::function<void(int port)>& on_listening) override {
    try {
      int port = o.port == 0 ? http->bind_to_any_port(o.host) : o.port;
      if (o.port != 0 && !http->bind_to_port(o.host, port)) port = -1;
      if (port < 0) fail(ErrorKind::config, "cannot listen on {}:{}", o.host, o.port);
      on_listening(port);
      http->listen_after_bind();
      return {};
    } catch (...) {
      return outcome_of(std::current_exception());
    }
  }

  void stop() override { http->stop(); }
};

}  // namespace
}  // namespace vrathaus

extern "C" __attribute__((visibility("default"))) vrathaus::server_module::Instance* vrathaus_server_create(
    const vrathaus::ServeOptions& options, vrathaus::server_module::Outcome& outcome) {
  try {
    return new vrathaus::RestServer(options);
  } catch (...) {
    outcome = vrathaus::outcome_of(std::current_exception());
    return nullptr;
  }
}

static_assert(std::is_same_v<decltype(&vrathaus_server_create), vrathaus::server_module::CreateFunction>,
              "the exported entry must have the type the binary calls it with");
