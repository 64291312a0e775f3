#include "store/pg_engine.hpp"
#include "store/pg_statement_kind.hpp"
#include "store/store.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

TEST_CASE("a store URL starting with postgresql:// or postgres:// is a PostgreSQL store") {
  CHECK(is_postgresql_url("postgresql://vrathaus@db.example/vrathaus"));
  CHECK(is_postgresql_url("postgres://db.example/vrathaus"));
  CHECK_FALSE(is_postgresql_url("/var/lib/vrathaus/store.db"));
  CHECK_FALSE(is_postgresql_url("postgresql.db"));
  CHECK_FALSE(is_postgresql_url("https://example/"));
}

TEST_CASE("a PostgreSQL URL's password never reaches a message") {
  CHECK(redacted_url("postgresql://vr:s3cret@db:5432/vrathaus?sslmode=require") ==
        "postgresql://vr:***@db:5432/vrathaus?sslmode=require");
  CHECK(redacted_url("postgresql://vr@db/vrathaus") == "postgresql://vr@db/vrathaus");
  CHECK(redacted_url("postgresql://db:5432/vrathaus") == "postgresql://db:5432/vrathaus");
  // An @ after the authority (in a parameter) is not a user's.
  CHECK(redacted_url("postgresql://db:5432/vrathaus?application_name=a@b") ==
        "postgresql://db:5432/vrathaus?application_name=a@b");
}

TEST_CASE("a password given as a URL parameter is masked too, and a file path is shown as it is") {
  CHECK(redacted_url("postgresql://vr@db/vrathaus?sslmode=require&password=s3cret&application_name=x") ==
        "postgresql://vr@db/vrathaus?sslmode=require&password=***&application_name=x");
  CHECK(redacted_url("postgres://db/vrathaus?password=s3cret") == "postgres://db/vrathaus?password=***");
  CHECK(store_url_for_display("postgresql://vr:s3cret@db/vrathaus?password=other") ==
        "postgresql://vr:***@db/vrathaus?password=***");
  CHECK(store_url_for_display("/var/lib/vrathaus/pass:word@x.db") == "/var/lib/vrathaus/pass:word@x.db");
}

TEST_CASE("a statement changes rows by its main verb, whatever comes before or after it") {
  CHECK(statement_changes_rows("INSERT INTO t (a) VALUES (1) RETURNING id"));
  CHECK(statement_changes_rows("  update t SET a = 1"));
  CHECK(statement_changes_rows("WITH due AS (SELECT id FROM t WHERE a < 2) UPDATE t SET a = 2 WHERE id IN (SELECT id FROM due)"));
  CHECK(statement_changes_rows("WITH RECURSIVE r(n) AS (SELECT 1) DELETE FROM t WHERE a IN (SELECT n FROM r) RETURNING a"));
  CHECK(statement_changes_rows("(DELETE FROM t)"));
  CHECK(statement_changes_rows("-- a comment: SELECT\nINSERT INTO t DEFAULT VALUES"));
  CHECK_FALSE(statement_changes_rows("SELECT count(*) FROM t"));
  CHECK_FALSE(statement_changes_rows("WITH c AS (DELETE FROM t RETURNING a) SELECT count(*) FROM c"));
  CHECK_FALSE(statement_changes_rows("WITH \"update\" AS (SELECT 'DELETE') SELECT * FROM \"update\""));
  CHECK_FALSE(statement_changes_rows("BEGIN"));
  CHECK_FALSE(statement_changes_rows("SET lock_timeout = 100"));
  CHECK_FALSE(statement_changes_rows("SELECT pg_advisory_xact_lock(1)"));
}
