// Store's transaction runner on a PostgreSQL store: a write that lost a race (SQLSTATE 40001,
// 40P01) is run again from the start where that is safe (RerunOnLostRace), a bounded number of
// times, then reported as busy;
// a write in a read transaction is refused, and a read sees what it saw inside BEGIN READ ONLY
// (without BEGIN under READ COMMITTED); bearer tokens authenticate as on SQLite. Reaches the cluster through VRATHAUS_TEST_PG_URL
// (with_cluster.sh) and works in a database of its own.
#define DOCTEST_CONFIG_IMPLEMENT
#include "../support/token_authentication_cases.hpp"
#include "core/error.hpp"
#include "store/rerun_on_lost_race.hpp"
#include "store/store.hpp"

#include "store/sql/sql.hpp"
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace vrathaus;

namespace {

std::string g_url;  // of the test database

sql::Error lost_race() {
  return sql::Error(sql::ErrorKind::serialization, sql::ConstraintKind::none, "40001",
                    "could not serialize access due to concurrent update");
}

// In one read transaction on `store`, the rows of a new table snapshot_probe counted before and
// after `other` commits one.
std::vector<int> counts_around_a_commit(Store& store, Store& other) {
  store.db().exec("CREATE TABLE snapshot_probe (n bigint)");
  std::vector<int> seen;
  store.read_transaction([&] {
    seen.push_back(store.db().execAndGet("SELECT count(*) FROM snapshot_probe").getInt());
    other.db().exec("INSERT INTO snapshot_probe VALUES (1)");
    seen.push_back(store.db().execAndGet("SELECT count(*) FROM snapshot_probe").getInt());
  });
  return seen;
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

TEST_CASE("a bearer token authenticates its active staff member, and every other token is refused as before") {
  Store store(g_url, OpenMode::existing, 1000);
  store.migrate();
  test::check_token_authentication(store, "pg.");
}

// A read transaction runs its statements without BEGIN … COMMIT under READ COMMITTED (two round
// trips fewer per read): each statement sees what is committed when it starts, as it did inside
// BEGIN READ ONLY at that level. Under a stricter default level the transaction is a real one.
TEST_CASE("under READ COMMITTED a read sees each statement's own snapshot, as inside BEGIN READ ONLY") {
  Store store(g_url, OpenMode::existing, 1000);
  Store other(g_url, OpenMode::existing, 1000);
  CHECK(counts_around_a_commit(store, other) == std::vector<int>{0, 1});
  store.db().exec("DROP TABLE snapshot_probe");
}

TEST_CASE("under REPEATABLE READ a read transaction is begun: one snapshot for all its statements") {
  auto separator = g_url.find('?') == std::string::npos ? "?" : "&";
  Store store(g_url + separator + "options=-c%20default_transaction_isolation%3Drepeatable%5C%20read", OpenMode::existing,
              1000);
  sql::Statement isolation(store.db(), "SHOW default_transaction_isolation");
  REQUIRE(isolation.executeStep());
  REQUIRE(isolation.getColumn(0).getString() == "repeatable read");
  Store other(g_url, OpenMode::existing, 1000);
  CHECK(counts_around_a_commit(store, other) == std::vector<int>{0, 0});
  CHECK_THROWS_AS(store.read_transaction([&] { store.db().exec("INSERT INTO snapshot_probe VALUES (2)"); }), Error);
  store.db().exec("DROP TABLE snapshot_probe");
}

TEST_CASE("a refused write in a read leaves the connection usable for writes and reads after it") {
  Store store(g_url, OpenMode::existing, 1000);
  store.db().exec("CREATE TABLE read_only_probe (n bigint)");
  try {
    store.read_transaction([&] {
      sql::Statement q(store.db(), "INSERT INTO read_only_probe VALUES (?)");
      q.bind(1, 1);
      q.exec();
    });
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::config);  // what PostgreSQL's own refusal (25006) maps to
  }
  store.write_transaction([&] { store.db().exec("INSERT INTO read_only_probe VALUES (2)"); });
  int rows = 0;
  store.read_transaction([&] { rows = store.db().execAndGet("SELECT count(*) FROM read_only_probe").getInt(); });
  CHECK(rows == 1);
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
