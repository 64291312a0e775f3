#include "server/request_handler.hpp"

#include "api/execute.hpp"
#include "api/json_body.hpp"
#include "api/openapi.hpp"
#include "api/operation_fields.hpp"
#include "api/problem.hpp"
#include "core/error.hpp"
#include "server/http_target.hpp"
#include "service/audit.hpp"
#include "service/tokens.hpp"

#include "store/sql/error.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace vrathaus {
namespace {

using nlohmann::json;

const std::string kApiBase = "api";
const std::string kApiVersion = "v1";

// A refusal that tells the client when to come back (429 with Retry-After).
struct RetryLater {
  ErrorKind kind;
  std::string detail;
  int seconds;
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  for (std::size_t start = 1; start <= path.size();) {
    auto slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

bool is_placeholder(const std::string& segment) { return segment.size() > 2 && segment.front() == '{'; }

std::string lower(std::string text) {
  for (auto& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// "Bearer vrt_…", the scheme in any case (RFC 9110 §11.1); "" when there is no bearer token.
std::string bearer_token(const std::string& header) {
  auto space = header.find(' ');
  if (space == std::string::npos || lower(header.substr(0, space)) != "bearer") return {};
  auto start = header.find_first_not_of(' ', space);
  if (start == std::string::npos) return {};
  return header.substr(start, header.find_last_not_of(" \t") + 1 - start);
}

// The id part of "vrt_<id>_<secret>" when it looks like one (hex, bounded), else "-": it keys
// the limiter and goes into the access log, so it must never be the secret or arbitrary text.
std::string token_id_of(const std::string& token) {
  if (token.rfind("vrt_", 0) != 0) return token.empty() ? "" : "-";
  auto end = token.find('_', 4);
  auto id = token.substr(4, end == std::string::npos ? 0 : end - 4);
  bool hex = !id.empty() && id.size() <= 32 &&
             std::all_of(id.begin(), id.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  return hex ? id : "-";
}

bool is_json_type(const std::string& content_type) {
  auto type = lower(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  return type == "application/json" || (type.rfind("application/", 0) == 0 && type.ends_with("+json"));
}

std::string if_match_version(const std::string& header) {
  std::string v = header;
  if (v.rfind("W/", 0) == 0) v = v.substr(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  return v;
}

// A field the operation does not take is refused by name rather than silently dropped.
void check_fields(const Operation& op, const json& params) {
  auto accepted = accepted_fields(op);
  accepted.erase("file");  // a server-side path: only the upload handler sets it
  for (const auto& [key, value] : params.items())
    if (!accepted.contains(key))
      throw Error(ErrorKind::invalid, fmt::format("{}: unknown field for {}", key, op.name), key);
}

// A bug: the operator sees what failed on stderr, the client only that it did.
Reply internal_failure(const std::exception& e) {
  std::fprintf(stderr, "vrathaus serve: internal error: %s\n", e.what());
  return RequestHandler::problem(ErrorKind::internal, "internal error");
}

// 415 has no error kind of its own: to a client (and the CLI's exit status) it is a usage error.
Reply unsupported_media_type(const std::string& detail) {
  auto problem = problem_json(ErrorKind::usage, detail);
  problem["status"] = 415;
  problem["title"] = "Unsupported media type";
  return Reply{415, "application/problem+json", problem.dump(-1, ' ', false, json::error_handler_t::replace), {}};
}

void add_param(json& params, const std::string& key, const std::string& value) {
  if (!params.contains(key)) params[key] = value;
  else if (params[key].is_array()) params[key].push_back(value);
  else params[key] = json::array({params[key], value});
}

}  // namespace

RequestHandler::RequestHandler(const ServeOptions& options, StorePool& pool)
    : o_(options),
      pool_(pool),
      limiter_(FailedLoginLimiter::Limits{o_.limits.failed_logins_per_minute, 5 * o_.limits.failed_logins_per_minute, 10000}),
      openapi_(openapi_document().dump()) {
  for (const auto& op : operations().all()) {
    if (op.local_only) continue;
    accepted_fields(op);  // every operation served declares its fields: fail at start, not on a request
    routes_.push_back({&op, split_path(op.path)});
  }
  // Literal segments first: "/accounts/search" must not be taken for "/accounts/{id}".
  std::stable_sort(routes_.begin(), routes_.end(), [](const Route& a, const Route& b) {
    return std::count_if(a.segments.begin(), a.segments.end(), is_placeholder) <
           std::count_if(b.segments.begin(), b.segments.end(), is_placeholder);
  });
}

Reply RequestHandler::problem(ErrorKind kind, const std::string& detail) {
  Reply r{http_status(kind), "application/problem+json", problem_json(kind, detail).dump(-1, ' ', false, json::error_handler_t::replace), {}};
  if (kind == ErrorKind::unauthenticated) r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"vrathaus\"");
  return r;
}

Reply RequestHandler::overloaded(const std::string& detail, int seconds) {
  auto r = problem(ErrorKind::busy, detail);
  r.headers.emplace_back("Retry-After", std::to_string(seconds));
  return r;
}

std::optional<Reply> RequestHandler::immediate(const RequestHead& head) {
  auto path = target_path(head.target);
  if (path == "/healthz" && (head.method == "GET" || head.method == "HEAD")) {
    try {
      auto store = pool_.take();
      store->ping();
      return Reply{200, "application/json", R"({"status":"ok"})", {}};
    } catch (const std::exception& e) {
      return problem(ErrorKind::busy, std::string("store unavailable: ") + e.what());
    }
  }
  if (path == "/api/v1/openapi.json" && head.method == "GET") return Reply{200, "application/json", openapi_, {}};
  return std::nullopt;
}

const RequestHandler::Route* RequestHandler::match(const std::vector<std::string>& segments, const std::string& method,
                                                   json& path_params) const {
  if (segments.size() < 2 || segments[0] != kApiBase || segments[1] != kApiVersion) return nullptr;
  for (const auto& route : routes_) {
    if (route.op->method != method || route.segments.size() != segments.size() - 2) continue;
    json captured = json::object();
    bool same = true;
    for (std::size_t i = 0; same && i < route.segments.size(); ++i) {
      const auto& want = route.segments[i];
      const auto& got = segments[i + 2];
      if (is_placeholder(want)) {
        if (got.empty()) same = false;
        else captured[want.substr(1, want.size() - 2)] = got;
      } else {
        same = want == got;
      }
    }
    if (same) {
      path_params = std::move(captured);
      return &route;
    }
  }
  return nullptr;
}

Actor RequestHandler::authenticate(const RequestHead& head, Store& store, Admission& admission) {
  auto token = bearer_token(head.authorization);
  admission.token_id = token_id_of(token);
  auto now = FailedLoginLimiter::Clock::now();
  if (int wait = limiter_.retry_after(head.client, admission.token_id, now))
    throw RetryLater{ErrorKind::rate_limited, fmt::format("too many failed logins with this token from {}", head.client), wait};
  try {
    if (token.empty()) fail(ErrorKind::unauthenticated, "no API token (Authorization: Bearer …)");
    auto [actor, required] = authenticate_token(store, *o_.clock, token);
    // A staff record bound to a client certificate is only ever used with it: a stolen token
    // alone does not get in.
    if (required && lower(*required) != head.client_cert_sha256)
      fail(ErrorKind::unauthenticated, "{} must present its client certificate", actor.id);
    actor.client = head.client;
    return actor;
  } catch (const Error& e) {
    limiter_.record_failure(head.client, admission.token_id, now);
    // A flood of failures from one address is answered 429 and no longer audited one by one
    // (each entry is a write): the first ones of the minute are on record.
    if (int wait = limiter_.address_retry_after(head.client, now))
      throw RetryLater{ErrorKind::rate_limited, fmt::format("too many failed logins from {}", head.client), wait};
    record_refused_login(store, head, e.what());
    throw;
  }
}

void RequestHandler::record_refused_login(Store& store, const RequestHead& head, const std::string& why) {
  Actor anonymous;
  anonymous.id = "anonymous";
  anonymous.client = head.client;
  Context ctx{store, *o_.clock, o_.city, anonymous};
  try {
    store.write_transaction([&] {
      audit_append(ctx, {"auth.refused", head.method + " " + std::string(target_path(head.target)), nullptr, nullptr, why});
    });
  } catch (const Error&) {
  }
}

Admission RequestHandler::admit(const RequestHead& head) {
  Admission a;
  try {
    auto target = parse_target(head.target);
    json path_params;
    const auto* route = match(target.segments, head.method, path_params);
    if (!route) fail(ErrorKind::not_found, "no such endpoint");
    a.op = route->op;
    {
      auto store = pool_.take();
      a.actor = authenticate(head, *store, a);
    }
    json params = json::object();
    for (const auto& [key, value] : target.query) add_param(params, key, value);
    check_fields(*a.op, params);
    for (auto& [key, value] : path_params.items()) params[key] = std::move(value);
    if (!head.if_match.empty()) params["if_version"] = if_match_version(head.if_match);
    a.params = std::move(params);
    if (a.op->streamed_body) {
      // Who may run it is known from the head: a refused upload is not spooled first.
      auto store = pool_.take();
      check_access_early({*store, *o_.clock, o_.city}, {*a.op, a.params, a.actor, ""});
      a.body = BodyUse::upload;
      a.body_limit = o_.limits.max_upload_bytes;
    } else if (head.has_body) {
      if (!is_json_type(head.content_type)) {
        a.reply = unsupported_media_type("the request body must be application/json, not '" + head.content_type + "'");
        return a;
      }
      a.body = BodyUse::json;
      a.body_limit = o_.limits.max_json_bytes;
    }
    if (a.body != BodyUse::none && head.content_length && *head.content_length > a.body_limit)
      fail(ErrorKind::too_large, "request bodies here are limited to {} bytes", a.body_limit);
  } catch (const RetryLater& later) {
    a.reply = problem(later.kind, later.detail);
    a.reply->headers.emplace_back("Retry-After", std::to_string(later.seconds));
  } catch (const Error& e) {
    a.reply = problem(e.kind(), e.what());
  } catch (const sql::Error& e) {
    try {
      rethrow_sql_error(e);
    } catch (const Error& mapped) {
      a.reply = problem(mapped.kind(), mapped.what());
    }
  } catch (const std::exception& e) {
    a.reply = internal_failure(e);
  }
  return a;
}

Reply RequestHandler::complete(const RequestHead& head, Admission& a, const std::string& json_body, int upload_fd) {
  try {
    auto params = std::move(a.params);
    if (a.body == BodyUse::json && !json_body.empty()) {
      auto body = parse_json_object(json_body);
      check_fields(*a.op, body);
      for (auto& [key, value] : body.items()) {
        // Which of two values would win is nobody's guess to make: refused, not silently chosen.
        if (params.contains(key)) throw Error(ErrorKind::usage, fmt::format("{}: given both in the body and in the path or query", key), key);
        params[key] = std::move(value);
      }
    }
    if (a.body == BodyUse::upload) params["file"] = "/proc/self/fd/" + std::to_string(upload_fd);
    auto store = pool_.take();
    Environment env{*store, *o_.clock, o_.city};
    auto result = execute(env, {*a.op, std::move(params), a.actor, head.idempotency_key});
    Reply r;
    r.status = a.op->method == "POST" && (a.op->name.ends_with(".create") || a.op->name.ends_with(".add")) ? 201 : 200;
    if (result.is_object() && result.contains("version") && result["version"].is_number())
      r.headers.emplace_back("ETag", "\"" + std::to_string(result["version"].get<std::int64_t>()) + "\"");
    r.body = result.dump(-1, ' ', false, json::error_handler_t::replace);
    return r;
  } catch (const Error& e) {
    return problem(e.kind(), e.what());
  } catch (const sql::Error& e) {
    try {
      rethrow_sql_error(e);
    } catch (const Error& mapped) {
      return problem(mapped.kind(), mapped.what());
    }
  } catch (const std::exception& e) {
    return internal_failure(e);
  }
  return problem(ErrorKind::internal, "internal error");
}

}  // namespace vrathaus
