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

// The actor behind a bearer token, or unauthenticated (exit 6, HTTP 401).
Actor authenticate_token(Store& store, const Clock& clock, const std::string& bearer);
// The SHA-256 of the client certificate a staff member's requests must present, if their record
// is bound to one: a stolen token alone then does not get in.
std::optional<std::string> required_client_certificate(Store& store, const std::string& staff);

}  // namespace vrathaus
