#include "api/api_server.hpp"

#include "core/shared_library.hpp"

#include <filesystem>
#include <string>

namespace vrathaus {
namespace {

namespace fs = std::filesystem;

// The module's absolute path: beside the binary in a build tree, or in the install prefix's
// LIBDIR/vrathaus, found relative to the binary (VRATHAUS_SERVER_MODULE_DIR). Absolute, because
// a bare name would be searched for relative to the caller of dlopen, which in a sanitizer build
// is the sanitizer's own library, not this binary.
std::string module_path() {
  std::error_code ec;
  auto binary_dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec) return server_module::kFileName;  // no /proc: leave the search to the loader
  auto beside = binary_dir / server_module::kFileName;
  if (fs::exists(beside, ec)) return beside.string();
  return (binary_dir / VRATHAUS_SERVER_MODULE_DIR / server_module::kFileName).lexically_normal().string();
}

[[noreturn]] void rethrow(const server_module::Outcome& outcome) { throw Error(outcome.kind, outcome.message); }

server_module::CreateFunction create_function() {
  static const server_module::CreateFunction create = [] {
    SharedLibrary module(module_path(), "vrathaus serve");  // stays loaded when this goes
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

std::string server_module_path() { return module_path(); }

std::string server_module_problem() {
  try {
    create_function();
    return {};
  } catch (const Error& e) {
    return e.what();
  }
}

}  // namespace vrathaus
