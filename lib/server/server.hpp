#pragma once
// `vrathaus serve`: the REST API (rest.md) over the same operations the CLI runs locally. The
// server itself lives in the server module (server_module.hpp); these are its settings.
#include "config/city.hpp"
#include "core/clock.hpp"

#include <memory>
#include <string>

namespace vrathaus {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (reported through on_listening)
  std::string tls_cert, tls_key;
  std::string db_path;
  CityConfig city;
  std::shared_ptr<const Clock> clock;
  std::size_t max_json_body = 1 << 20;         // 1 MiB for JSON requests
  std::size_t max_upload_body = std::size_t(4) << 30;  // streamed file uploads (bulk import)
  int request_timeout_seconds = 30;            // slow clients are cut off
  int failed_logins_per_minute = 20;           // per client address, then 429
};

}  // namespace vrathaus
