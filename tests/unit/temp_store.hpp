#pragma once
// Test support: a fresh, migrated store in its own temporary directory, with the clock fixed on
// Wednesday 2026-11-25 09:00 UTC, and service contexts for the local administrator or a staff
// member. Fixtures of the service tests derive from it and add their seed.
#include "api/operation.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/context.hpp"
#include "service/staff.hpp"
#include "store/store.hpp"

#include "store/sql/sql.hpp"
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace vrathaus::test {

struct TempStore {
  std::filesystem::path dir;
  std::string path;
  std::unique_ptr<Store> store;
  std::unique_ptr<Clock> clock = fixed_clock(parse_instant("2026-11-25T09:00:00Z"), "Europe/Berlin");
  CityConfig city;

  TempStore() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "vrathaus-test-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    path = (dir / "store.db").string();
    store = std::make_unique<Store>(path, OpenMode::create, 1000);
    store->migrate();
  }
  ~TempStore() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;

  Context as_local() {
    Context ctx{*store, *clock, city, {}};
    ctx.actor.id = "local:test";
    ctx.actor.local_admin = true;
    return ctx;
  }
  Context as(const std::string& staff) { return {*store, *clock, city, staff_actor(store->db(), staff)}; }
  // Whether the operation's declaration lets the context's actor run it (services check only data).
  static bool may_run(const Context& ctx, const std::string& operation, const nlohmann::json& params) {
    return declared_allowed(operations().find(operation).access, ctx.actor, params);
  }
  int audit_count(const std::string& action) {
    sql::Statement q(store->db(), "SELECT count(*) FROM audit WHERE action = ?");
    q.bind(1, action);
    q.executeStep();
    return q.getColumn(0).getInt();
  }
};

// The kind of the Error `work` throws; a test failure when it throws none.
inline ErrorKind error_kind(const std::function<void()>& work) {
  try {
    work();
  } catch (const Error& e) {
    return e.kind();
  }
  FAIL("expected an error");
  return ErrorKind::internal;
}

}  // namespace vrathaus::test
