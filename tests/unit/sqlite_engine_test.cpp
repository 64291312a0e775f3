#include "store/sql/sqlite_connection.hpp"
#include "store/sql/sql.hpp"

#include <doctest/doctest.h>

#include <array>

using namespace vrathaus;

TEST_CASE("sql::Statement on SQLite reads rows, NULLs and text without copying, and runs again after reset") {
  sql::SqliteConnection db(":memory:", {});
  db.exec("CREATE TABLE t(k TEXT, n INTEGER, v TEXT); INSERT INTO t VALUES ('a', 1, 'Straße'), ('b', 2, NULL)");
  sql::Statement q(db, "SELECT n, v FROM t WHERE k = ?");
  std::string key = "a";
  q.bindNoCopy(1, key);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt64() == 1);
  CHECK(q.getColumn(0).isInteger());
  CHECK_FALSE(q.getColumn(1).isNull());
  CHECK(q.getColumn(1).getStringView() == "Straße");
  CHECK(q.getColumn("v").getString() == "Straße");
  CHECK(std::string(q.getColumnName(1)) == "v");
  CHECK_FALSE(q.executeStep());
  q.reset();
  std::string other = "b";
  q.bindNoCopy(1, other);
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt() == 2);
  CHECK(q.getColumn(1).isNull());
  CHECK(q.getColumn(1).getStringView().empty());
  CHECK(std::string(q.getColumn(1).getText("-")) == "-");
}

TEST_CASE("named parameters, RETURNING, blobs, changes and execAndGet") {
  sql::SqliteConnection db(":memory:", {});
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, data BLOB)");
  sql::Statement insert(db, "INSERT INTO t(name, data) VALUES (:name, :data) RETURNING id");
  insert.bind(":name", "first");
  insert.bind(":data", "\x01\x00\x02", 3);
  REQUIRE(insert.executeStep());
  CHECK(insert.getColumn(0).getInt64() == 1);
  sql::Statement read(db, "SELECT data FROM t WHERE id = 1");
  REQUIRE(read.executeStep());
  CHECK(read.getColumn(0).isBlob());
  CHECK(read.getColumn(0).getBytes() == 3);
  CHECK(static_cast<const char*>(read.getColumn(0).getBlob())[2] == '\x02');
  CHECK(db.exec("UPDATE t SET name = 'x'") == 1);
  CHECK(db.getChanges() == 1);
  CHECK(db.execAndGet("SELECT name FROM t").getString() == "x");
  CHECK(db.execAndGet("SELECT count(*) FROM t").getInt() == 1);
  CHECK(db.execAndGet("SELECT name FROM t WHERE id = 99").isNull());
  CHECK_THROWS_AS(insert.bind(":missing", 1), sql::Error);
  CHECK_THROWS_AS(sql::Statement(db, "SELECT 1; SELECT 2"), sql::Error);
}

TEST_CASE("SQLite's errors become sql::Error with a portable kind") {
  sql::SqliteConnection db(":memory:", {});
  CHECK_THROWS_AS(sql::Statement(db, "SELECT * FROM missing"), sql::Error);
  db.exec("PRAGMA foreign_keys=ON");
  db.exec("CREATE TABLE u(k TEXT PRIMARY KEY, n INTEGER NOT NULL CHECK (n > 0));"
          "CREATE TABLE r(u TEXT REFERENCES u(k))");
  db.exec("INSERT INTO u VALUES ('x', 1)");
  auto kind_of = [&](const char* sql) {
    try {
      db.exec(sql);
    } catch (const sql::Error& e) {
      CHECK(e.kind() == sql::ErrorKind::constraint);
      CHECK_FALSE(e.engine_code().empty());
      return e.constraint();
    }
    return sql::ConstraintKind::none;
  };
  CHECK(kind_of("INSERT INTO u VALUES ('x', 2)") == sql::ConstraintKind::unique);
  CHECK(kind_of("INSERT INTO u VALUES ('y', NULL)") == sql::ConstraintKind::not_null);
  CHECK(kind_of("INSERT INTO u VALUES ('y', 0)") == sql::ConstraintKind::check);
  CHECK(kind_of("INSERT INTO r VALUES ('nobody')") == sql::ConstraintKind::foreign_key);
  sql::Statement select(db, "SELECT 1");
  CHECK_THROWS_AS(select.exec(), sql::Error);  // exec() is for statements without rows
}

TEST_CASE("a Transaction rolls back unless committed") {
  sql::SqliteConnection db(":memory:", {});
  db.exec("CREATE TABLE t(n INTEGER)");
  {
    sql::Transaction tx(db, sql::TransactionKind::immediate);
    db.exec("INSERT INTO t VALUES (1)");
  }
  CHECK(db.execAndGet("SELECT count(*) FROM t").getInt() == 0);
  {
    sql::Transaction tx(db, sql::TransactionKind::deferred);
    db.exec("INSERT INTO t VALUES (1)");
    tx.commit();
  }
  CHECK(db.execAndGet("SELECT count(*) FROM t").getInt() == 1);
}

TEST_CASE("sqlite_of reaches the SQLite database of an SQLite connection") {
  sql::SqliteConnection db(":memory:", {});
  CHECK(&sql::sqlite_of(db, "a test") == &db.database());
  CHECK(db.engine() == sql::Engine::sqlite);
  CHECK(std::string(sql::engine_name(db.engine())) == "sqlite");
}

TEST_CASE("a bulk load on SQLite writes every row, NULLs as NULL, in the caller's transaction") {
  sql::SqliteConnection db(":memory:", {});
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, note TEXT, n INTEGER)");
  std::string id, name, n;
  const std::string note = "tab\there, \"quotes\" and a\nnewline";
  {
    sql::Transaction tx(db, sql::TransactionKind::immediate);
    auto load = db.bulk_load("t", {"id", "name", "note", "n"});
    for (int i = 1; i <= 1000; ++i) {
      id = std::to_string(i), name = "row " + id, n = std::to_string(i * 2);
      std::array<const std::string*, 4> row{&id, &name, i % 2 ? &note : nullptr, &n};
      load->add_row(row);
    }
    load->finish();
    tx.commit();
  }
  CHECK(db.execAndGet("SELECT count(*) FROM t").getInt() == 1000);
  CHECK(db.execAndGet("SELECT sum(n) FROM t").getInt64() == 1001000);
  CHECK(db.execAndGet("SELECT typeof(n) FROM t WHERE id = 7").getString() == "integer");
  CHECK(db.execAndGet("SELECT note FROM t WHERE id = 1").getString() == note);
  CHECK(db.execAndGet("SELECT count(*) FROM t WHERE note IS NULL").getInt() == 500);
}

TEST_CASE("a bulk load on SQLite refuses a row of the wrong width and one breaking a constraint") {
  sql::SqliteConnection db(":memory:", {});
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  sql::Transaction tx(db, sql::TransactionKind::immediate);
  auto load = db.bulk_load("t", {"id", "name"});
  std::string one = "1";
  std::array<const std::string*, 1> narrow{&one};
  CHECK_THROWS_AS(load->add_row(narrow), sql::Error);
  std::array<const std::string*, 2> no_name{&one, nullptr};
  try {
    load->add_row(no_name);
    FAIL("a NULL name was loaded");
  } catch (const sql::Error& e) {
    CHECK(e.kind() == sql::ErrorKind::constraint);
  }
}
