#pragma once
// Changes made under an Idempotency-Key: a retry of the same request gets the first response
// again instead of making the change twice. The key is bound to its request (who asked, which
// operation, with which parameters), so a key reused for another request is refused.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

struct IdempotentRequest {
  std::string key;          // the Idempotency-Key
  std::string actor;
  std::string operation;    // the operation's name
  std::string fingerprint;  // binds the key to the request's method, path and parameters
  bool response_holds_secret = false;  // a new API token: only the fact that it was given is kept
};

// The earlier response to this very request, or nothing when the key is new (or expired).
std::optional<nlohmann::json> remembered_response(Context& ctx, const IdempotentRequest& request);
// Keeps `result` for retries, in the caller's transaction, and forgets expired keys on the way.
void remember_response(Context& ctx, const IdempotentRequest& request, const nlohmann::json& result);

}  // namespace vrathaus
