// The REST API server, built into the server module (server_module.hpp): the request handler
// (what the API does) on the HTTP transport (how bytes come and go).
#include "api/server_module.hpp"

#include "core/error.hpp"
#include "server/http_transport.hpp"
#include "server/request_handler.hpp"
#include "server/store_pool.hpp"

#include <memory>
#include <type_traits>

namespace vrathaus {
namespace {

// A failure inside the module, as the seam carries it back to the binary (server_module.hpp).
server_module::Outcome outcome_of(std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const Error& e) {
    return {false, e.kind(), e.what()};
  } catch (const std::exception& e) {
    return {false, ErrorKind::internal, e.what()};
  } catch (...) {
    return {false, ErrorKind::internal, "the server failed"};
  }
}

class RestServer final : public server_module::Instance {
public:
  explicit RestServer(const ServeOptions& options)
      : pool_(options.db_path, options.city.busy_timeout_ms), handler_(options, pool_), transport_(options, handler_) {
    // Fail at start, not at the first request, when the store is missing or out of date.
    pool_.take()->require_current_schema();
  }

  server_module::Outcome run(const std::function<void(int port)>& on_listening) override {
    try {
      transport_.run(on_listening);
      return {};
    } catch (...) {
      return outcome_of(std::current_exception());
    }
  }

  void stop() override { transport_.stop(); }

private:
  StorePool pool_;
  RequestHandler handler_;
  HttpTransport transport_;
};

}  // namespace
}  // namespace vrathaus

extern "C" __attribute__((visibility("default"))) vrathaus::server_module::Instance* vrathaus_server_create(
    const vrathaus::ServeOptions& options, vrathaus::server_module::Outcome& outcome) {
  try {
    return new vrathaus::RestServer(options);
  } catch (...) {
    outcome = vrathaus::outcome_of(std::current_exception());
    return nullptr;
  }
}

static_assert(std::is_same_v<decltype(&vrathaus_server_create), vrathaus::server_module::CreateFunction>,
              "the exported entry must have the type the binary calls it with");
