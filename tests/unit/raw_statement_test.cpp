#include "store/raw_statement.hpp"

#include "store/sql/sqlite_connection.hpp"
#include <doctest/doctest.h>
#include <sqlite3.h>

using namespace vrathaus;

TEST_CASE("a raw statement reads rows, NULLs and text without copying, and runs again after reset") {
  sql::SqliteConnection db(":memory:", {});
  db.exec("CREATE TABLE t(k TEXT, n INTEGER, v TEXT); INSERT INTO t VALUES ('a', 1, 'Straße'), ('b', 2, NULL)");
  RawStatement q(db, "SELECT n, v FROM t WHERE k = ?");
  std::string key = "a";
  q.bind_text(1, key);
  REQUIRE(q.step());
  CHECK(q.int64(0) == 1);
  CHECK_FALSE(q.is_null(1));
  CHECK(q.text(1) == "Straße");
  CHECK_FALSE(q.step());
  q.reset();
  std::string other = "b";
  q.bind_text(1, other);
  REQUIRE(q.step());
  CHECK(q.int64(0) == 2);
  CHECK(q.is_null(1));
  CHECK(q.text(1).empty());
}

TEST_CASE("a raw statement reports SQLite's errors as SQLiteCpp does") {
  sql::SqliteConnection db(":memory:", {});
  CHECK_THROWS_AS(RawStatement(db, "SELECT * FROM missing"), sql::Error);
  db.exec("CREATE TABLE u(k TEXT PRIMARY KEY)");
  db.exec("INSERT INTO u VALUES ('x')");
  RawStatement insert(db, "INSERT INTO u VALUES (?)");
  insert.bind_text(1, "x");
  try {
    insert.step();
    FAIL("expected a constraint error");
  } catch (const sql::Error& e) {
    CHECK(e.getErrorCode() == SQLITE_CONSTRAINT);
  }
}
