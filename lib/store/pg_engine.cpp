#include "store/pg_engine.hpp"

#include "core/error.hpp"
#include "core/module_path.hpp"
#include "core/shared_library.hpp"
#include "store/pg_module.hpp"

namespace vrathaus {
namespace {

postgresql_module::ConnectFunction connect_function() {
  static const postgresql_module::ConnectFunction connect = [] {
    // Stays loaded when this goes: libpq cannot be unloaded cleanly.
    SharedLibrary module(module_path(postgresql_module::kFileName), "a PostgreSQL store");
    postgresql_module::ConnectFunction function = nullptr;
    module.resolve(postgresql_module::kConnectSymbol, function);
    return function;
  }();
  return connect;
}

}  // namespace

bool is_postgresql_url(std::string_view store) {
  return store.starts_with("postgresql://") || store.starts_with("postgres://");
}

namespace {

// The user information's password: postgresql://user:PASSWORD@host/…
std::string without_userinfo_password(std::string_view url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return std::string(url);
  auto authority_start = scheme_end + 3;
  auto at = url.find('@', authority_start);
  auto authority_end = url.find_first_of("/?", authority_start);
  if (at == std::string_view::npos || (authority_end != std::string_view::npos && at > authority_end))
    return std::string(url);
  auto colon = url.find(':', authority_start);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

// A password given as a parameter: …/db?sslmode=require&password=PASSWORD
std::string without_parameter_password(std::string url) {
  auto query = url.find('?');
  if (query == std::string::npos) return url;
  for (auto start = query + 1; start < url.size();) {
    auto end = url.find('&', start);
    if (end == std::string::npos) end = url.size();
    if (url.compare(start, 9, "password=") == 0) {
      url.replace(start + 9, end - start - 9, "***");
      end = start + 12;
    }
    start = end + 1;
  }
  return url;
}

}  // namespace

std::string redacted_url(std::string_view url) { return without_parameter_password(without_userinfo_password(url)); }

std::unique_ptr<sql::Connection> open_postgresql(const std::string& url, int busy_timeout_ms) {
  std::string error;
  std::unique_ptr<sql::Connection> db(connect_function()(url, busy_timeout_ms, error));
  if (!db) fail(ErrorKind::unreachable, "cannot connect to the PostgreSQL store {}: {}", redacted_url(url), error);
  return db;
}

}  // namespace vrathaus
