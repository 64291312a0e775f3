#include "postgresql/pg_connection.hpp"
#include "store/pg_module.hpp"

#include <type_traits>

extern "C" __attribute__((visibility("default"))) vrathaus::sql::Connection* vrathaus_postgresql_connect(
    const std::string& url, int busy_timeout_ms, std::string& error) {
  try {
    return new vrathaus::postgresql::PgConnection(url, {.busy_timeout_ms = busy_timeout_ms});
  } catch (const std::exception& e) {
    error = e.what();
    return nullptr;
  }
}

static_assert(std::is_same_v<decltype(&vrathaus_postgresql_connect), vrathaus::postgresql_module::ConnectFunction>,
              "the exported function has the seam's signature");
