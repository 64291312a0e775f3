#pragma once
// `vrathaus serve`: the REST API over the same operations the CLI runs locally. The server itself
// lives in the server module (server_module.hpp); these are its settings, declared here beside the
// seam the api layer loads the module through, so that nothing below the server needs the server.
#include "config/serve_limits.hpp"
#include "core/clock.hpp"
#include "domain/city.hpp"

#include <memory>
#include <string>

namespace vrathaus {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (reported through on_listening)
  std::string tls_cert, tls_key;
  std::string tls_client_ca;  // CA of client certificates; staff records may require one
  std::string db_path;
  CityConfig city;
  std::shared_ptr<const Clock> clock;
  ServeLimits limits;
};

}  // namespace vrathaus
