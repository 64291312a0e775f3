#pragma once
// The access log: one JSON line per request on stderr, for a city's operations team to search
// and count. Every value is a JSON string or number, so a client's "%0A" or quote cannot forge
// a line; the token's id is logged, never the token.
#include <chrono>
#include <cstdint>
#include <string>

namespace vrathaus {

struct AccessRecord {
  std::chrono::system_clock::time_point time;
  std::string request_id, client, token_id, method, target;
  int status = 0;
  std::uint64_t bytes = 0;  // of the response body
  std::chrono::steady_clock::duration duration{};  // from the complete head to the answer ready to send
};

std::string access_log_line(const AccessRecord& r);  // with the trailing newline

// A fresh request id (16 hex digits), sent back as X-Request-Id.
std::string new_request_id();

}  // namespace vrathaus
