# Helpers for the payments tests on PostgreSQL: a database of their own on the throwaway cluster,
# the city's configuration, the fixture (payments_fixture.sql) written into a store of either engine.
# shellcheck source=../e2e/lib.sh
source "$VRATHAUS_SOURCE_DIR/tests/e2e/lib.sh"
# shellcheck source=../../scripts/lib/due_permits.bash
source "$VRATHAUS_SOURCE_DIR/scripts/lib/due_permits.bash"
FIXTURE=$VRATHAUS_SOURCE_DIR/tests/postgres/payments_fixture.sql

CLUSTER=$("$VRATHAUS_PG_CLUSTER" url "$VRATHAUS_PG_STATE") || exit $?
DATABASE=payments_$$
psql -X -q -v ON_ERROR_STOP=1 "$CLUSTER" -c "CREATE DATABASE $DATABASE"
drop_database() { psql -X -q "$CLUSTER" -c "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" || true; }
# The instances go first: their connections would keep the database.
trap 'cleanup; drop_database' EXIT
PG=${CLUSTER/\/vrathaus\?/\/$DATABASE?}

# The zone and SEPA creditor of the permit tests, and a document key of its own (a database has no
# "beside the store" for it).
(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$T/document.key" && echo >>"$T/document.key")
due_permits_config "$T/city.yaml"
echo "  document_key_file: $T/document.key" >>"$T/city.yaml"
export VRATHAUS_CONFIG=$T/city.yaml

# run_sql STORE SQL: plain SQL on the store, whichever engine it is.
run_sql() {
  case $1 in
    postgresql://*) psql -X -q -v ON_ERROR_STOP=1 "$1" -c "$2" >/dev/null ;;
    *) sqlite3 -bail "$1" "PRAGMA foreign_keys = ON; $2" >/dev/null ;;
  esac
}

# payments_store STORE: a new store (db init) with the fixture in it.
payments_store() {
  "$V" --db "$1" -q db init >/dev/null
  run_sql "$1" "$(cat "$FIXTURE")"
}
