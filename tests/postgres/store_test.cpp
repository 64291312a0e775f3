// Store's transaction runner on a PostgreSQL store: a write that lost a race (SQLSTATE 40001,
// 40P01) is run again from the start where that is safe (RerunOnLostRace), a bounded number of
// times, then reported as busy;
// a write in a read transaction is refused. Reaches the cluster through VRATHAUS_TEST_PG_URL
// (with_cluster.sh) and works in a database of its own.
#define DOCTEST_CONFIG_IMPLEMENT
#include "core/error.hpp"
#include "store/rerun_on_lost_race.hpp"
#include "store/store.hpp"

#include "store/sql/sql.hpp"
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace vrathaus;

namespace {

std::string g_url;  // of the test database

sql::Error lost_race() {
  return sql::Error(sql::ErrorKind::serialization, sql::ConstraintKind::none, "40001",
                    "could not serialize access due to concurrent update");
}

}  // namespace

TEST_CASE("a transaction that lost a race runs again from the start and commits once") {
  Store store(g_url, OpenMode::existing, 1000);
  RerunOnLostRace rerunnable;
  store.db().exec("CREATE TABLE raced (n bigint NOT NULL)");
  int runs = 0;
  store.write_transaction([&] {
    store.db().exec("INSERT INTO raced (n) VALUES (1)");
    if (++runs < 3) throw lost_race();
  });
  CHECK(runs == 3);
  // Only the run that committed left its row: the others were rolled back.
  CHECK(store.db().execAndGet("SELECT count(*) FROM raced").getInt() == 1);
  store.db().exec("DROP TABLE raced");
}

TEST_CASE("a race lost every time ends as busy after a bounded number of runs") {
  Store store(g_url, OpenMode::existing, 1000);
  RerunOnLostRace rerunnable;
  int runs = 0;
  try {
    store.write_transaction([&] {
      ++runs;
      throw lost_race();
    });
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::busy);
  }
  CHECK(runs == 5);
}

TEST_CASE("without RerunOnLostRace a lost race is busy at once: the work may not be safe to re-run") {
  Store store(g_url, OpenMode::existing, 1000);
  int runs = 0;
  try {
    store.write_transaction([&] {
      ++runs;
      throw lost_race();
    });
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::busy);
  }
  CHECK(runs == 1);
}

TEST_CASE("other errors are not run again") {
  Store store(g_url, OpenMode::existing, 1000);
  RerunOnLostRace rerunnable;
  int runs = 0;
  CHECK_THROWS_AS(store.write_transaction([&] {
    ++runs;
    store.db().exec("SELECT * FROM no_such_table");
  }),
                  Error);
  CHECK(runs == 1);
}

TEST_CASE("a read transaction refuses a write") {
  Store store(g_url, OpenMode::existing, 1000);
  store.db().exec("CREATE TABLE read_only_probe (n bigint)");
  CHECK_THROWS_AS(store.read_transaction([&] { store.db().exec("INSERT INTO read_only_probe VALUES (1)"); }), Error);
  CHECK(store.db().execAndGet("SELECT count(*) FROM read_only_probe").getInt() == 0);
  store.db().exec("DROP TABLE read_only_probe");
}

int main(int argc, char** argv) {
  const char* url = std::getenv("VRATHAUS_TEST_PG_URL");
  if (!url || !*url) {
    std::fprintf(stderr, "VRATHAUS_TEST_PG_URL is not set: no PostgreSQL to test against\n");
    return 77;
  }
  std::string base(url);
  auto database = "store_tx_" + std::to_string(::getpid());
  Store admin(base, OpenMode::existing, 1000);
  admin.db().exec("DROP DATABASE IF EXISTS " + database);
  admin.db().exec("CREATE DATABASE " + database);
  // The URL with the test database's name (scheme://user@host:port/dbname?params).
  auto path = base.find('/', base.find("://") + 3);
  auto query = base.find('?', path);
  g_url = base.substr(0, path + 1) + database + (query == std::string::npos ? "" : base.substr(query));
  doctest::Context context(argc, argv);
  int result = context.run();
  admin.db().exec("DROP DATABASE " + database + " WITH (FORCE)");
  return result;
}
