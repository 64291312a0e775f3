#pragma once
// The REST API server of `vrathaus serve`, run by the server module (api/server_module.hpp),
// which this loads on first use.
#include "api/server_module.hpp"

#include <functional>
#include <memory>
#include <string>

namespace vrathaus {

class ApiServer {
public:
  // Loads the module and sets the server up (TLS files read); throws Error as the module reports it.
  explicit ApiServer(const ServeOptions& options);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds and serves until stop(); calls on_listening(port) once bound. Throws config on bind failure.
  void run(const std::function<void(int port)>& on_listening);
  // Safe from another thread while run() serves.
  void stop();

private:
  std::unique_ptr<server_module::Instance> instance_;
};

// Where the module is looked for, and whether it loads: "" when it does, else why not (for
// `vrathaus doctor`, so that a broken install is found before `serve` is needed).
std::string server_module_path();
std::string server_module_problem();

}  // namespace vrathaus
