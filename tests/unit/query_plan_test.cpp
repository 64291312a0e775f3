// The store's hot lookups use an index, not a scan: a regression here turns a registration or an
// import on a store of a million accounts from milliseconds into seconds, and no functional test
// would notice.
#include "temp_store.hpp"

#include "store/sql/sql.hpp"
#include <doctest/doctest.h>

#include <string>

using namespace vrathaus;

namespace {

std::string plan(sql::Connection& db, const std::string& query) {
  sql::Statement q(db, "EXPLAIN QUERY PLAN " + query);
  std::string out;
  while (q.executeStep()) out += q.getColumn(3).getString() + "\n";
  return out;
}

}  // namespace

TEST_CASE("the duplicate-person check at registration uses the same-person index") {
  test::TempStore t;
  auto p = plan(t.store->db(),
                "SELECT id FROM accounts WHERE folded_name = 'mueller anna' AND birth_date = '1980-01-01' AND id != 0 "
                "AND erased_at IS NULL");
  CHECK(p.find("accounts_same_person") != std::string::npos);
}

TEST_CASE("the import finds customers by number and logins by lower-case e-mail through their indexes") {
  test::TempStore t;
  CHECK(plan(t.store->db(), "SELECT id FROM accounts WHERE customer_no = 'SH-1'").find("accounts_customer_no") != std::string::npos);
  CHECK(plan(t.store->db(), "SELECT id FROM accounts WHERE lower(login) = lower('a@b.de')").find("accounts_login") !=
        std::string::npos);
}

TEST_CASE("the same-person index leaves out accounts without a birth date (businesses), and the old one is gone") {
  test::TempStore t;
  auto& db = t.store->db();
  auto definition = db.execAndGet("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'accounts_same_person'")
                        .getString();
  CHECK(definition.find("(folded_name, birth_date)") != std::string::npos);
  CHECK(definition.find("WHERE birth_date IS NOT NULL") != std::string::npos);
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'accounts_folded_name'").getInt() == 0);
  db.exec("INSERT INTO accounts(login, tier, status, folded_name, created_at, updated_at) "
          "VALUES ('info@firma.example', 'business', 'active', 'firma gmbh', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z')");
  CHECK(db.execAndGet("SELECT count(*) FROM accounts INDEXED BY accounts_same_person WHERE birth_date IS NOT NULL").getInt() == 0);
}

TEST_CASE("listing a tier other than business uses the tier/status index, which leaves businesses out") {
  test::TempStore t;
  auto& db = t.store->db();
  // The shape of query_accounts() for `accounts list --tier guest --status active`.
  auto p = plan(db, "SELECT id FROM accounts WHERE id > ?1 AND tier = ?2 AND status = ?3 AND tier <> 'business' ORDER BY id");
  CHECK(p.find("accounts_tier_status") != std::string::npos);
  auto definition = db.execAndGet("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'accounts_tier_status'")
                        .getString();
  CHECK(definition.find("WHERE tier <> 'business'") != std::string::npos);
  db.exec("INSERT INTO accounts(login, tier, status, folded_name, created_at, updated_at) "
          "VALUES ('info@firma.example', 'business', 'active', 'firma gmbh', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z')");
  CHECK(db.execAndGet("SELECT count(*) FROM accounts INDEXED BY accounts_tier_status WHERE tier <> 'business'").getInt() == 0);
}

TEST_CASE("the import finds a mandate by its upper-cased reference through the reference index") {
  test::TempStore t;
  auto p = plan(t.store->db(), "SELECT id, account_id FROM mandates WHERE upper(reference) = ?1");
  CHECK(p.find("mandates_reference") != std::string::npos);
}

TEST_CASE("the coverage facts read whole-day absences from the covering index alone, already by day") {
  test::TempStore t;
  auto& db = t.store->db();
  // The shape of for_each_absence_between(): 50,000 rows for 10,000 staff over a year, each of
  // which cost a table lookup behind the old range index.
  auto p = plan(db, "SELECT staff, id, from_date, to_date, reason FROM absences"
                    " WHERE to_date >= ? AND from_date <= ? AND from_time IS NULL ORDER BY to_date, from_date");
  CHECK(p.find("COVERING INDEX absences_range_covering") != std::string::npos);
  CHECK(p.find("TEMP B-TREE") == std::string::npos);
  CHECK(db.execAndGet("SELECT count(*) FROM sqlite_master WHERE name = 'absences_range'").getInt() == 0);
}
