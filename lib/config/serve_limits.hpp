#pragma once
// What one `vrathaus serve` grants its clients (config section `serve`, some also options of
// `serve`): body sizes, deadlines and how many connections and queued requests it holds.
#include <cstdint>

namespace vrathaus {

struct ServeLimits {
  std::uint64_t max_json_bytes = 1 << 20;                 // JSON request bodies
  std::uint64_t max_upload_bytes = std::uint64_t(4) << 30;  // streamed uploads (bulk import)
  int header_timeout_seconds = 10;   // the request line and headers must arrive within this
  int request_timeout_seconds = 30;  // a JSON body, each 64 KiB of an upload, and the answer
  int max_connections = 256;         // beyond: 503 with Retry-After, then closed
  int workers = 8;                   // threads running operations; 8 × workers may wait
  int failed_logins_per_minute = 20;  // per client address and token id, then 429
};

}  // namespace vrathaus
