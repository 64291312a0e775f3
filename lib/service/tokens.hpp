#pragma once
// API tokens: one staff or service identity each, stored only as a hash, expiring, revocable.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

// Creates a token; the returned JSON is the only place the secret ever appears. A read-only
// token acts as its owner but may run reads only.
nlohmann::json create_token(Context& ctx, const std::string& staff, std::optional<Date> expires, bool read_only = false);
nlohmann::json list_tokens(Context& ctx);
nlohmann::json revoke_token(Context& ctx, const std::string& id);

// Who a bearer token acts for, and the SHA-256 of the client certificate its requests must
// present if the staff record is bound to one: a stolen token alone then does not get in.
struct TokenBearer {
  Actor actor;
  std::optional<std::string> client_cert_sha256;
};

// The bearer of a token, or unauthenticated (exit 6, HTTP 401): unknown, wrong secret, revoked,
// expired, or its staff member unknown or inactive. One query however it ends.
TokenBearer authenticate_token(Store& store, const Clock& clock, const std::string& bearer);

}  // namespace vrathaus
