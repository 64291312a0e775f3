#pragma once
// Test support: what authenticating a request by its bearer token decides, checked on a migrated
// store of either engine (tests/unit on SQLite, tests/postgres on PostgreSQL). The token, its
// staff member and the client certificate bound to the member are read in one query
// (load_token_with_holder); every refusal must stay what it was when they were three.
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "service/tokens.hpp"
#include "store/store.hpp"
#include "store/token_rows.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <string>

namespace vrathaus::test {

// The message of the unauthenticated Error `work` throws; a test failure for anything else.
inline std::string unauthenticated_because(const std::function<void()>& work) {
  try {
    work();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::unauthenticated);
    return e.what();
  }
  FAIL("expected a refusal");
  return {};
}

// Staff `prefix`.clerk (clerk, active, no certificate), `prefix`.service (importer, bound to a
// certificate), `prefix`.gone (inactive); tokens named `prefix`… for each case; the clock on
// 2026-11-25. `prefix` keeps the rows apart from anything else in the store; it must hold no '_'
// (which ends a token's id in its text).
inline void check_token_authentication(Store& store, const std::string& prefix) {
  auto clock = fixed_clock(parse_instant("2026-11-25T09:00:00Z"), "Europe/Berlin");
  auto& db = store.db();
  auto staff = [&](const std::string& id, const std::string& role, bool active) {
    insert_staff_row(db, {prefix + id, "Name " + id, "", {role}, active, std::nullopt, "2026-01-01T00:00:00Z",
                          "2026-01-01T00:00:00Z"});
  };
  auto token = [&](const std::string& id, const std::string& owner, const std::string& expires, bool read_only) {
    // Each token its own secret: the store keeps their hashes unique.
    insert_token_row(db, {prefix + id, prefix + owner, sha256_hex("s-" + id), "2026-11-01T00:00:00Z", expires,
                          std::nullopt, read_only});
  };
  auto bearer = [&](const std::string& id, const std::string& secret = "") {
    return "vrt_" + prefix + id + "_" + (secret.empty() ? "s-" + id : secret);
  };
  auto authenticate = [&](const std::string& text) { return authenticate_token(store, *clock, text); };

  store.write_transaction([&] {
    staff("clerk", "clerk", true);
    staff("service", "importer", true);
    staff("gone", "clerk", false);
    db.exec("UPDATE staff SET client_cert_sha256 = 'ab12' WHERE id = '" + prefix + "service'");
    token("ok", "clerk", "2026-12-31", false);
    token("ro", "clerk", "2026-12-31", true);
    token("today", "clerk", "2026-11-25", false);
    token("old", "clerk", "2026-11-24", false);
    token("revoked", "clerk", "2026-12-31", false);
    token("svc", "service", "2026-12-31", false);
    token("gone", "gone", "2026-12-31", false);
    set_token_revoked(db, prefix + "revoked", "2026-11-20T00:00:00Z");
  });

  auto ok = authenticate(bearer("ok"));
  CHECK(ok.actor.id == prefix + "clerk");
  CHECK(ok.actor.is_staff);
  CHECK(ok.actor.holds(Role::clerk));
  CHECK_FALSE(ok.actor.holds(Role::admin));
  CHECK_FALSE(ok.actor.read_only);
  CHECK_FALSE(ok.client_cert_sha256);
  CHECK(authenticate(bearer("ro")).actor.read_only);
  CHECK(authenticate(bearer("today")).actor.id == prefix + "clerk");  // valid through its last day

  auto service = authenticate(bearer("svc"));
  CHECK(service.actor.holds(Role::importer));
  CHECK(service.client_cert_sha256 == std::optional<std::string>("ab12"));

  CHECK(unauthenticated_because([&] { authenticate("Basic abc"); }).starts_with("no valid API token"));
  CHECK(unauthenticated_because([&] { authenticate(bearer("nosuch")); }) == "unknown API token");
  CHECK(unauthenticated_because([&] { authenticate(bearer("ok", "wrong")); }) == "unknown API token");
  CHECK(unauthenticated_because([&] { authenticate(bearer("revoked")); }) == "the API token was revoked");
  CHECK(unauthenticated_because([&] { authenticate(bearer("old")); }) == "the API token has expired");
  CHECK(unauthenticated_because([&] { authenticate(bearer("gone")); }) == "staff member " + prefix + "gone is inactive");

  // The joined row itself: no token, and a token whose holder reads as the staff record does.
  CHECK_FALSE(load_token_with_holder(db, prefix + "nosuch"));
  auto row = load_token_with_holder(db, prefix + "svc");
  REQUIRE(row);
  CHECK(row->token.staff == prefix + "service");
  REQUIRE(row->staff);
  CHECK(row->staff->id == load_staff(db, prefix + "service")->id);
  CHECK(row->staff->roles == load_staff(db, prefix + "service")->roles);
  CHECK(row->staff->office.empty());
}

}  // namespace vrathaus::test
