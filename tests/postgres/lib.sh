# Helpers for tests that run the binary on a PostgreSQL store: everything of tests/e2e/lib.sh, and
# a database of the test's own in the throwaway cluster, dropped when the test ends.
#   source "$VRATHAUS_SOURCE_DIR/tests/postgres/lib.sh"; fresh_database NAME   → $PG, its URL
source "$VRATHAUS_SOURCE_DIR/tests/e2e/lib.sh"

cluster=$("$VRATHAUS_PG_CLUSTER" url "$VRATHAUS_PG_STATE") || exit $?

fresh_database() {
  database=${1}_$$
  psql -X -q -v ON_ERROR_STOP=1 "$cluster" -c "CREATE DATABASE $database"
  # The servers a test started (cleanup, tests/e2e/lib.sh) stop before their database is dropped.
  trap 'cleanup; drop_database' EXIT
  PG=${cluster/\/vrathaus\?/\/$database?}
}

drop_database() { psql -X -q "$cluster" -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true; }
