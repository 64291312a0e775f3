// `db copy`'s store half on a real (temporary) SQLite store: the tables come from the catalogue,
// parents before children; rows are read in slices after the last key (single and composite
// keys, across slice boundaries) each exactly once; rows written keep their ids, NULLs, text and
// bytes exactly.
#include "store/store_copy_rows.hpp"
#include "temp_store.hpp"

#include "store/sql/sql.hpp"
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

using namespace vrathaus;

namespace {

const StoreTable& table_named(const std::vector<StoreTable>& tables, const std::string& name) {
  auto found = std::find_if(tables.begin(), tables.end(), [&](const StoreTable& t) { return t.name == name; });
  REQUIRE(found != tables.end());
  return *found;
}

}  // namespace

TEST_CASE("the store's tables come from its catalogue, each after the tables its foreign keys name") {
  test::TempStore s;
  auto tables = store_tables(s.store->db());
  std::set<std::string> seen;
  for (const auto& t : tables) {
    CHECK(t.name.rfind("sqlite_", 0) != 0);
    for (const auto& parent : t.parents) CHECK_MESSAGE(seen.contains(parent), t.name << " before its parent " << parent);
    seen.insert(t.name);
  }
  CHECK(seen.contains("accounts"));
  CHECK(seen.contains("audit"));
  CHECK(table_named(tables, "accounts").key == std::vector<std::string>{"id"});
  CHECK(table_named(tables, "duty_hours").key == std::vector<std::string>{"staff", "weekday"});
  CHECK(table_named(tables, "import_file_keys").has_bytes);
  CHECK_FALSE(table_named(tables, "accounts").has_bytes);
  auto permits = table_named(tables, "permits");
  CHECK(std::find(permits.parents.begin(), permits.parents.end(), "permits") == permits.parents.end());
}

TEST_CASE("rows are read in slices after the last key, each exactly once") {
  test::TempStore s;
  auto& db = s.store->db();
  // 12,001 idempotency rows (a text key) and 800 staff × 7 weekdays of duty hours (a composite key):
  // both cross the slice size.
  db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12001) "
          "INSERT INTO idempotency(key, actor, operation, status, body, created_at) "
          "SELECT 'k' || i, 'a', 'op', 200, '{}', 't' FROM n");
  db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 800) "
          "INSERT INTO staff(id, name, created_at, updated_at) SELECT 's' || i, 'S', 't', 't' FROM n");
  db.exec("WITH RECURSIVE d(w) AS (SELECT 1 UNION ALL SELECT w + 1 FROM d WHERE w < 7) "
          "INSERT INTO duty_hours(staff, weekday, from_time, to_time) SELECT id, w, '08:00', '12:00' FROM staff, d");
  auto tables = store_tables(db);
  for (const char* name : {"idempotency", "duty_hours"}) {
    std::set<std::string> keys;
    std::int64_t rows = 0;
    for_each_row(db, table_named(tables, name), [&](const Row& row) {
      keys.insert(row[0].text + "/" + row[1].text);
      ++rows;
    });
    CHECK(rows == count_rows(db, name));
    CHECK(keys.size() == static_cast<std::size_t>(rows));
  }
}

TEST_CASE("rows written keep ids, NULLs, text and bytes exactly") {
  test::TempStore from, to;
  auto& src = from.store->db();
  src.exec("INSERT INTO accounts(id, login, tier, status, given_name, family_name, created_at, updated_at) VALUES "
           "(7, 'a@example.de', 'private', 'active', 'Jörg', NULL, 't', 't'), "
           "(42, 'b@example.de', 'guest', 'active', 'Back\\slash \\N', '', 't', 't')");
  src.exec("INSERT INTO import_file_keys(sha256, options, size, delimiter, duplicates, created_at) "
           "VALUES ('h', 'o', 3, ';', x'00ff0a5c', 't')");
  auto tables = store_tables(src);
  for (const char* name : {"accounts", "import_file_keys"}) {
    const auto& table = table_named(tables, name);
    sql::Transaction tx(to.store->db(), sql::TransactionKind::immediate);
    auto writer = write_rows(to.store->db(), table);
    for_each_row(src, table, [&](const Row& row) { writer->add(row); });
    writer->finish();
    tx.commit();
    std::vector<Row> a, b;
    for_each_row(src, table, [&](const Row& row) { a.push_back(row); });
    for_each_row(to.store->db(), table, [&](const Row& row) { b.push_back(row); });
    REQUIRE(a.size() == b.size());
    for (std::size_t r = 0; r < a.size(); ++r)
      for (std::size_t c = 0; c < a[r].size(); ++c) {
        CHECK(a[r][c].type == b[r][c].type);
        CHECK(a[r][c].text == b[r][c].text);
      }
  }
  CHECK(to.store->db().execAndGet("SELECT typeof(duplicates) FROM import_file_keys").getString() == "blob");
  CHECK(to.store->db().execAndGet("SELECT hex(duplicates) FROM import_file_keys").getString() == "00FF0A5C");
  CHECK(to.store->db().execAndGet("SELECT max(id) FROM accounts").getInt64() == 42);
}
