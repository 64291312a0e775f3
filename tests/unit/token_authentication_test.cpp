// Authenticating by bearer token on SQLite: one query for the token, its holder and the holder's
// client certificate, with every refusal as before. The same cases run on PostgreSQL in
// tests/postgres/store_test.cpp.
#include "../support/token_authentication_cases.hpp"
#include "temp_store.hpp"

using namespace vrathaus;

TEST_CASE("a bearer token authenticates its active staff member, and every other token is refused as before") {
  test::TempStore t;
  test::check_token_authentication(*t.store, "sq.");
}
