#include "core/error.hpp"
#include "store/pg_text_values.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;
using namespace std::string_literals;

TEST_CASE("PostgreSQL text values: bytea in hex, both ways") {
  CHECK(pg_bytea_text("") == "\\x");
  CHECK(pg_bytea_text("\x00\xff\x10" "a"s) == "\\x00ff1061");
  CHECK(pg_bytea_bytes("\\x00ff1061") == "\x00\xff\x10" "a"s);
  CHECK(pg_bytea_bytes("\\x00FF") == "\x00\xff"s);
  CHECK(pg_bytea_bytes(pg_bytea_text("any bytes\x01\x02"s)) == "any bytes\x01\x02"s);
  CHECK_THROWS_AS(pg_bytea_bytes("\\000"), Error);  // escape format
  CHECK_THROWS_AS(pg_bytea_bytes("\\x0"), Error);
  CHECK_THROWS_AS(pg_bytea_bytes("\\xzz"), Error);
}

TEST_CASE("PostgreSQL text values: integers and booleans read as integers") {
  CHECK(pg_integer("42", "n") == 42);
  CHECK(pg_integer("-9223372036854775808", "n") == INT64_MIN);
  CHECK(pg_integer("t", "flag") == 1);
  CHECK(pg_integer("f", "flag") == 0);
  CHECK_THROWS_WITH_AS(pg_integer("4.5", "amount"), "the column amount holds '4.5', not an integer", Error);
  CHECK_THROWS_AS(pg_integer("", "n"), Error);
  CHECK_THROWS_AS(pg_integer("12a", "n"), Error);
}
