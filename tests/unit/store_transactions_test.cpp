// Store's transaction runner on SQLite: a read transaction refuses writes as PostgreSQL's READ
// ONLY does (so a write in the wrong kind of transaction fails in every test), the connection is
// writable again after it, and a lost race is not retried on SQLite (it has none).
#include "temp_store.hpp"

#include "store/sql/sql.hpp"

using namespace vrathaus;

TEST_CASE("a read transaction on SQLite refuses a write and leaves the connection writable") {
  test::TempStore t;
  auto& db = t.store->db();
  CHECK_THROWS_AS(t.store->read_transaction([&] { db.exec("INSERT INTO offices(code, name, min_certified, created_at, "
                                                           "updated_at) VALUES ('x', 'X', 1, 'a', 'a')"); }),
                  Error);
  t.store->read_transaction([&] { CHECK(db.execAndGet("SELECT count(*) FROM offices").getInt() == 0); });
  t.store->write_transaction([&] {
    db.exec("INSERT INTO offices(code, name, min_certified, created_at, updated_at) VALUES ('x', 'X', 1, 'a', 'a')");
  });
  CHECK(db.execAndGet("SELECT count(*) FROM offices").getInt() == 1);
}

TEST_CASE("on SQLite a serialization failure is reported as busy, not run again") {
  test::TempStore t;
  int runs = 0;
  try {
    t.store->write_transaction([&] {
      ++runs;
      throw sql::Error(sql::ErrorKind::serialization, "could not serialize access");
    });
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::busy);
  }
  CHECK(runs == 1);
}
