#include "store/pg_engine.hpp"

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
