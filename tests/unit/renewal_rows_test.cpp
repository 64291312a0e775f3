// The renewal's store half against a real (temporary) store: which permits a run considers and
// with which mandate, and that writing a renewal twice (two runs racing) writes it once. More rows
// than one INSERT carries, so the chunking is crossed.
#include "store/renewal_sql.hpp"
#include "temp_store.hpp"

#include "store/sql/sql.hpp"
#include <doctest/doctest.h>

#include <string>

using namespace vrathaus;

namespace {

constexpr int kPermits = 1203;  // two full chunks of 500 and a short one

// Accounts 1…kPermits, each with an active mandate and an auto-renew permit ending 2026-12-10;
// permit i is account i's; account 1 has a second, later signed mandate (the one charges use), account 2's is revoked.
struct Fixture : test::TempStore {
  Fixture() {
    std::string seed =
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kPermits) + ")"
        " INSERT INTO accounts(id, login, tier, status, street, created_at, updated_at)"
        " SELECT i, 'a' || i, 'private', 'active', 'Kaiserstraße', 't', 't' FROM n;"
        "INSERT INTO mandates(account_id, iban, reference, signed_on, status, created_at, updated_at)"
        " SELECT id, 'DE89370400440532013000', 'M-' || id, '2025-01-01', 'active', 't', 't' FROM accounts;"
        "INSERT INTO mandates(account_id, iban, reference, signed_on, status, created_at, updated_at)"
        " VALUES (1, 'DE02120300000000202051', 'M-1-NEW', '2026-06-01', 'active', 't', 't');"
        "UPDATE mandates SET status = 'revoked' WHERE account_id = 2;"
        "INSERT INTO permits(id, account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents,"
        " created_by, created_at, updated_at)"
        " SELECT id, id, 'DO-A ' || id, 'I-01', '2025-12-11', '2026-12-10', 'active', 1, 3070, 'seed', 't', 't' FROM accounts;";
    store->db().exec(seed);
  }

  std::vector<Renewal> renewals_of(const std::vector<RenewalCandidate>& candidates) {
    std::vector<Renewal> out;
    for (const auto& c : candidates) {
      auto& r = out.emplace_back();
      r.permit.account_id = c.account_id;
      r.permit.plate = c.plate;
      r.permit.zone = c.zone;
      r.permit.period = {Date(2026, 12, 11), Date(2027, 12, 10)};
      r.permit.fee_cents = 3070;
      r.permit.renewed_from = c.permit_id;
      r.permit.created_by = "local:test";
      r.permit.created_at = "t";
      r.charge.account_id = c.account_id;
      r.charge.mandate_id = c.mandate_id;
      r.charge.amount_cents = 3070;
      r.charge.due_on = Date(2026, 12, 11);
      r.charge.status = "open";
      r.charge.created_at = "t";
    }
    return out;
  }
  std::int64_t count(const std::string& sql) { return store->db().execAndGet(sql).getInt64(); }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "The candidates: due permits with the mandate their charge would use") {
  auto today = Date(2026, 11, 25);
  auto candidates = renewal_candidates(store->db(), today, Date(2026, 12, 25));
  REQUIRE(candidates.size() == std::size_t(kPermits));
  CHECK(candidates[0].permit_id == 1);
  CHECK(candidates[0].mandate_reference == "M-1-NEW");  // the most recently signed usable one
  CHECK(candidates[0].period == PermitPeriod{Date(2025, 12, 11), Date(2026, 12, 10)});
  CHECK(candidates[0].account_street == std::optional<std::string>("Kaiserstraße"));
  CHECK(candidates[1].account_id == 2);
  CHECK_FALSE(candidates[1].mandate_id);  // revoked: none
  CHECK(candidates[2].account_id == 3);
  CHECK(candidates[2].mandate_reference == "M-3");
  // Nothing ends before an earlier cut-off.
  CHECK(renewal_candidates(store->db(), today, Date(2026, 12, 10)).empty());
}

TEST_CASE_FIXTURE(Fixture, "Renewals are written once, with one charge each, however often they are written") {
  auto today = Date(2026, 11, 25);
  auto candidates = renewal_candidates(store->db(), today, Date(2026, 12, 25));
  auto first = renewals_of(candidates);
  insert_renewals(store->db(), first);
  for (const auto& r : first) {
    REQUIRE(r.permit.id != 0);
    CHECK(r.charge.permit_id == r.permit.id);
    CHECK(r.charge.id != 0);
  }
  CHECK(count("SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL") == kPermits);
  CHECK(count("SELECT count(*) FROM charges") == kPermits);
  // Each charge is the one of its own renewal, for its own account.
  CHECK(count("SELECT count(*) FROM charges c JOIN permits p ON p.id = c.permit_id WHERE p.account_id = c.account_id"
              " AND p.renewed_from IS NOT NULL") == kPermits);
  CHECK(renewal_candidates(store->db(), today, Date(2026, 12, 25)).empty());

  // A second run that read the same candidates before the first wrote (a race) writes nothing.
  auto second = renewals_of(candidates);
  insert_renewals(store->db(), second);
  for (const auto& r : second) {
    CHECK(r.permit.id == 0);
    CHECK(r.charge.id == 0);
  }
  CHECK(count("SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL") == kPermits);
  CHECK(count("SELECT count(*) FROM charges") == kPermits);
}
