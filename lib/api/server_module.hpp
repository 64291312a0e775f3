#pragma once
// The seam between the `vrathaus` binary and its server module, vrathaus-server.so: the HTTP
// server, Boost.Beast/Asio and OpenSSL's TLS. Only `vrathaus serve` loads the module; linked into the
// binary, those libraries' loading and initialisers cost every other command about 3 ms of
// start-up, more than a local read takes.
//
// The module carries its own copy of the library code, built from the same sources. Only the types
// below cross the seam, and no exception does: a failure comes back as its kind and message, and
// the binary throws it again as its own Error.
#include "api/serve_options.hpp"
#include "core/error.hpp"

#include <functional>
#include <string>

namespace vrathaus::server_module {

// The module's file name; it sits beside the binary in a build tree and in LIBDIR/vrathaus once
// installed (api/api_server.cpp finds it).
inline constexpr const char* kFileName = "vrathaus-server.so";
inline constexpr const char* kCreateSymbol = "vrathaus_server_create";

struct Outcome {
  bool ok = true;
  ErrorKind kind = ErrorKind::internal;
  std::string message;
};

class Instance {
public:
  virtual ~Instance() = default;
  // Binds and serves until stop(); calls on_listening(port) once bound.
  virtual Outcome run(const std::function<void(int port)>& on_listening) = 0;
  // Safe from another thread while run() serves.
  virtual void stop() = 0;
};

// The module's one exported function: a new server, or nullptr with `outcome` saying why.
using CreateFunction = Instance* (*)(const ServeOptions& options, Outcome& outcome);

}  // namespace vrathaus::server_module
