#include "service/idempotency.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "store/idempotency_rows.hpp"

#include <chrono>

namespace vrathaus {
namespace {

// How long a response is kept under its Idempotency-Key: long enough for any retry of a cron
// job or a script, short enough that the table does not grow with every change ever made.
constexpr auto kIdempotencyLifetime = std::chrono::hours(24);

std::string idempotency_cutoff(const Context& ctx) { return format_rfc3339(ctx.clock.now() - kIdempotencyLifetime); }

}  // namespace

// The same key with another request, actor or operation is refused: silently answering the
// first request's response would drop the second one.
std::optional<nlohmann::json> remembered_response(Context& ctx, const IdempotentRequest& request) {
  auto earlier = find_remembered_response(ctx.db(), request.key, idempotency_cutoff(ctx));
  if (!earlier) return std::nullopt;
  bool same_request = earlier->actor == request.actor && earlier->operation == request.operation &&
                      (earlier->request_sha256.empty() || earlier->request_sha256 == request.fingerprint);
  if (!same_request)
    fail(ErrorKind::invalid, "the Idempotency-Key {} was already used for another request: use a new key for a new request",
         request.key);
  if (earlier->body.empty())
    fail(ErrorKind::conflict,
         "the request with Idempotency-Key {} was already done, and its response held a secret that is shown only once{}",
         request.key, request.operation == "tokens.create" ? ": create a new token" : "");
  return nlohmann::json::parse(earlier->body);
}

void remember_response(Context& ctx, const IdempotentRequest& request, const nlohmann::json& result) {
  purge_remembered_responses(ctx.db(), idempotency_cutoff(ctx));
  RememberedResponse r{request.actor, request.operation, request.fingerprint, 200, result.dump(), ctx.now()};
  if (request.response_holds_secret) {
    r.status = 409;
    r.body.clear();
  }
  remember_response_row(ctx.db(), request.key, r);
}

}  // namespace vrathaus
