#include "api/api_server.hpp"

#include "core/module_path.hpp"
#include "core/shared_library.hpp"

#include <string>

namespace vrathaus {
namespace {

[[noreturn]] void rethrow(const server_module::Outcome& outcome) { throw Error(outcome.kind, outcome.message); }

server_module::CreateFunction create_function() {
  static const server_module::CreateFunction create = [] {
    SharedLibrary module(module_path(server_module::kFileName), "vrathaus serve");  // stays loaded when this goes
    server_module::CreateFunction function = nullptr;
    module.resolve(server_module::kCreateSymbol, function);
    return function;
  }();
  return create;
}

}  // namespace

ApiServer::ApiServer(const ServeOptions& options) {
  server_module::Outcome outcome;
  instance_.reset(create_function()(options, outcome));
  if (!instance_) rethrow(outcome);
}

ApiServer::~ApiServer() = default;

void ApiServer::run(const std::function<void(int port)>& on_listening) {
  auto outcome = instance_->run(on_listening);
  if (!outcome.ok) rethrow(outcome);
}

void ApiServer::stop() { instance_->stop(); }

std::string server_module_path() { return module_path(server_module::kFileName); }

std::string server_module_problem() {
  try {
    create_function();
    return {};
  } catch (const Error& e) {
    return e.what();
  }
}

}  // namespace vrathaus
