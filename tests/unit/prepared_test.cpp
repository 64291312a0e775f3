#include "store/prepared.hpp"
#include "temp_store.hpp"

#include "store/sql/sqlite_connection.hpp"
#include <doctest/doctest.h>

using namespace vrathaus;

TEST_CASE("a Store keeps a prepared statement and hands the same one out again, reset and unbound") {
  test::TempStore t;
  auto& db = t.store->db();
  sql::Statement* first = nullptr;
  {
    Prepared q(db, "SELECT ?1 + 1");
    q->bind(1, 41);
    REQUIRE(q->executeStep());
    CHECK(q->getColumn(0).getInt() == 42);
    first = &*q;
  }
  Prepared again(db, "SELECT ?1 + 1");
  CHECK(&*again == first);
  REQUIRE(again->executeStep());
  CHECK(again->getColumn(0).isNull());  // the binding of the first use is gone
}

TEST_CASE("a statement in use is not handed out twice: a nested use gets its own") {
  test::TempStore t;
  Prepared outer(t.store->db(), "SELECT 1");
  Prepared inner(t.store->db(), "SELECT 1");
  CHECK(&*outer != &*inner);
  CHECK(outer->executeStep());
  CHECK(inner->executeStep());
}

TEST_CASE("a kept statement leaves no read open: the connection can commit a write afterwards") {
  test::TempStore t;
  auto& db = t.store->db();
  { Prepared q(db, "SELECT count(*) FROM offices"); q->executeStep(); }
  CHECK_NOTHROW(t.store->write_transaction([&] {
    db.exec("INSERT INTO offices(code, name, created_at, updated_at) VALUES ('x', 'X', 'now', 'now')");
  }));
}

TEST_CASE("on a connection that is not a Store's, a Prepared is a one-off statement") {
  sql::SqliteConnection db(":memory:", {.create = true});
  for (int i = 0; i < 2; ++i) {
    Prepared q(db, "SELECT 7");
    REQUIRE(q->executeStep());
    CHECK(q->getColumn(0).getInt() == 7);
  }
}  // the connection closes: nothing of it was kept
