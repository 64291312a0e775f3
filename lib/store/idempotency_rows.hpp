#pragma once
// The responses of changes made under an Idempotency-Key, each bound to the request it answered.
#include "store/sql/sql.hpp"

#include <optional>
#include <string>

namespace vrathaus {

struct RememberedResponse {
  std::string actor;
  std::string operation;
  std::string request_sha256;  // empty for keys stored before requests were bound to them
  int status = 200;            // 409: the response held a secret and was not kept
  std::string body;            // the response's JSON, or empty when it was not kept
  std::string created_at;
};

// The response remembered under `key`, unless it was stored before `not_before` (RFC 3339):
// keys expire, and an expired key is free for a new request.
std::optional<RememberedResponse> find_remembered_response(sql::Connection& db, const std::string& key,
                                                           const std::string& not_before);

// Stores (or replaces an expired) response under `key`, in the caller's transaction.
void remember_response_row(sql::Connection& db, const std::string& key, const RememberedResponse& response);

// Removes every response stored before `not_before`; returns how many.
int purge_remembered_responses(sql::Connection& db, const std::string& not_before);

}  // namespace vrathaus
