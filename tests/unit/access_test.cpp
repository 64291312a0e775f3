// The access declarations and their one check: roles, conditions on the request, the local
// administrator, read-only tokens and a certification required whatever the data.
#include "api/access.hpp"
#include "api/operation.hpp"
#include "service/certifications.hpp"
#include "service/offices.hpp"
#include "temp_store.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;
using nlohmann::json;

namespace {

Actor staff_with(std::initializer_list<Role> roles, const std::string& id = "x.staff") {
  Actor a;
  a.id = id;
  a.is_staff = true;
  for (Role r : roles) a.roles.emplace(role_name(r));
  return a;
}

Actor local_admin() {
  Actor a;
  a.id = "local:test";
  a.local_admin = true;
  return a;
}

const Access& declared(const std::string& op) { return operations().find(op).access; }

}  // namespace

TEST_CASE("roles are named in one place, both ways") {
  for (Role r : kAllRoles) CHECK(parse_role(role_name(r)) == r);
  CHECK_FALSE(parse_role("root"));
  CHECK(is_service_role(Role::portal));
  CHECK(is_service_role(Role::importer));
  CHECK_FALSE(is_service_role(Role::admin));
  CHECK(kEveryRole.contains(Role::importer));
  CHECK_FALSE(kCounterStaff.contains(Role::auditor));
}

TEST_CASE("every operation declares someone, and no write is open to read-only tokens") {
  for (const auto& op : operations().all()) {
    CAPTURE(op.name);
    CHECK_FALSE(op.access.grants.empty());
    if (op.effect == Effect::write) CHECK_FALSE(op.access.read_only_token);
  }
}

TEST_CASE("conditions on the request: login lookups, online ID, payment at the counter, own record") {
  auto portal = staff_with({Role::portal}, "portal"), clerk = staff_with({Role::clerk}, "m.weber");
  CHECK(declared_allowed(declared("accounts.show"), portal, {{"id", "anna@example.de"}}));
  CHECK_FALSE(declared_allowed(declared("accounts.show"), portal, {{"id", "42"}}));
  CHECK_FALSE(declared_allowed(declared("accounts.list"), portal, json::object()));
  CHECK(declared_allowed(declared("accounts.show"), clerk, {{"id", 42}}));

  CHECK(declared_allowed(declared("upgrades.perform"), portal, {{"id", "7"}, {"method", "online-id"}}));
  CHECK_FALSE(declared_allowed(declared("upgrades.perform"), portal, {{"id", "7"}}));
  CHECK(declared_allowed(declared("upgrades.perform"), clerk, {{"id", "7"}, {"method", "in-person"}}));
  CHECK_FALSE(declared_allowed(declared("upgrades.perform"), clerk, {{"id", "7"}, {"method", "online-id"}}));
  CHECK_FALSE(declared_allowed(declared("upgrades.perform"), local_admin(), {{"id", "7"}, {"method", "online-id"}}));

  CHECK(declared_allowed(declared("permits.issue"), portal, {{"account", "7"}}));
  CHECK(declared_allowed(declared("permits.issue"), portal, {{"account", "7"}, {"paid", false}}));
  CHECK_FALSE(declared_allowed(declared("permits.issue"), portal, {{"account", "7"}, {"paid", true}}));
  CHECK_FALSE(declared_allowed(declared("permits.issue"), portal, {{"account", "7"}, {"paid", "true"}}));
  CHECK(declared_allowed(declared("permits.issue"), clerk, {{"account", "7"}, {"paid", true}}));

  CHECK(declared_allowed(declared("staff.absence_add"), clerk, {{"id", "m.weber"}}));
  CHECK_FALSE(declared_allowed(declared("staff.absence_add"), clerk, {{"id", "k.schulz"}}));
  CHECK(declared_allowed(declared("staff.absence_add"), staff_with({Role::supervisor}), {{"id", "k.schulz"}}));
  CHECK_FALSE(declared_allowed(declared("import.business"), clerk, json::object()));
  CHECK(declared_allowed(declared("import.business"), staff_with({Role::importer}), json::object()));
}

TEST_CASE("the local administrator keeps its meaning; a read-only token reads only") {
  CHECK(declared_allowed(declared("tokens.create"), local_admin(), json::object()));
  CHECK(declared_allowed(declared("accounts.list"), local_admin(), json::object()));
  CHECK_FALSE(declared_allowed(declared("upgrades.reject"), local_admin(), {{"id", "1"}}));

  auto admin = staff_with({Role::admin});
  admin.read_only = true;
  CHECK(declared_allowed(declared("accounts.list"), admin, json::object()));
  CHECK_FALSE(declared_allowed(declared("tokens.create"), admin, json::object()));
}

TEST_CASE("check_access refuses with forbidden and names who may; a required certification is checked") {
  test::TempStore store;
  auto admin = store.as_local();
  add_office(admin, "hoerde", "Bezirksverwaltungsstelle Hörde", 2);
  add_staff(admin, {"m.weber", "Michael Weber", "hoerde", {"clerk"}});
  add_staff(admin, {"k.schulz", "Katrin Schulz", "hoerde", {"clerk"}});
  certify_staff(admin, {"k.schulz", "identity-check", Date(2026, 1, 5), std::nullopt, ""});

  auto portal_ctx = store.as("m.weber");
  portal_ctx.actor = staff_with({Role::portal}, "portal");
  try {
    check_access(operations().find("accounts.list"), portal_ctx, json::object());
    FAIL("the portal lists no accounts");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::forbidden);
    CHECK(std::string(e.what()).find("clerk or supervisor or admin or auditor") != std::string::npos);
  }

  Operation certified_only{.name = "test.certified",
                           .method = "POST",
                           .path = "/test",
                           .effect = Effect::write,
                           .summary = "needs identity-check whatever the data",
                           .access = {.grants = {{.roles = kCounterStaff}}, .certification = "identity-check"},
                           .run = [](Context&, const json&) { return json::object(); }};
  check_declaration(certified_only);
  auto weber = store.as("m.weber"), schulz = store.as("k.schulz");
  CHECK(test::error_kind([&] { check_access(certified_only, weber, json::object()); }) == ErrorKind::forbidden);
  CHECK_NOTHROW(check_access(certified_only, schulz, json::object()));
  CHECK(access_json(certified_only)["certification"] == "identity-check");

  Operation broken = certified_only;
  broken.access.read_only_token = true;
  CHECK(test::error_kind([&] { check_declaration(broken); }) == ErrorKind::internal);
}
