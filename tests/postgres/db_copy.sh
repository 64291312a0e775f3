#!/usr/bin/env bash
# Moving up and back: `db copy` of a store with rows in most tables (accounts, permits, mandates,
# charges, a payment and a refund batch, staff, certifications, absences, tokens, an import with
# its file keys (bytes), audit seals) from SQLite to PostgreSQL and back again. Each copy holds the
# same rows with the same ids (an engine-neutral dump, neutral_dump.py, is identical), passes
# db check and audit verify, and the PostgreSQL copy takes new rows with ids after the copied ones.
# A non-empty target is refused naming its table, an unreachable one is exit 7, and a copy that
# fails halfway (a trigger refuses one row) leaves the target without a row.
# shellcheck source=payments_lib.bash
source "$(dirname "$0")/payments_lib.bash"
command -v sqlite3 >/dev/null || exit 77
DUMP="python3 $VRATHAUS_SOURCE_DIR/tests/postgres/neutral_dump.py"
FAILING=${DATABASE}_fail
trap 'cleanup; drop_database; psql -X -q "$CLUSTER" -c "DROP DATABASE IF EXISTS $FAILING WITH (FORCE)" || true' EXIT

# The source: the payments fixture, then the ordinary commands on top.
SRC=$T/source.db
payments_store "$SRC"
v() { "$V" --db "$SRC" -q "$@" >/dev/null; }
export VRATHAUS_NOW=2026-12-11T09:00:00Z
v offices add innenstadt --name "Bürgerdienste Innenstadt" --min-certified 1
v staff add it.admin --name Admin --office innenstadt --role admin
v staff add importer --name Import --office innenstadt --role importer
v staff add m.weber --name "Michael Weber" --office innenstadt --role clerk
v staff certify m.weber --cert identity-check --on 2026-01-10
v staff absence m.weber --from 2026-12-21 --to 2026-12-23 --reason holiday
v tokens create --staff it.admin
v accounts create --login zeile@example.de --given-name "Zeile" --family-name "Back\\slash \\N"
"$VRATHAUS_SOURCE_DIR/scripts/generate-business-csv" -n 300 -s 7 --invalid 3 >"$T/firms.csv"
"$V" --db "$SRC" -q --as importer import business "$T/firms.csv" --on-error skip >/dev/null || [ $? = 1 ]
v payments export --out "$T/export.xml"
v charges mark-paid 5 --method cash --reference KASSE-1
v charges refund 5 --amount 300 --reason Kulanz
v payments refunds export --out "$T/refunds.xml"
v audit setup-keys --verification-key "$T/verification.key"
for table in accounts mandates permits charges payment_batches refunds refund_batches staff certifications absences \
             tokens import_runs import_file_keys audit audit_seals store_settings; do
  [ "$(sqlite3 "$SRC" "SELECT count(*) FROM $table")" -gt 0 ] || fail "the source has no rows in $table"
done
$DUMP "$SRC" >"$T/source.dump"

# SQLite → PostgreSQL (an empty database: db copy creates the schema).
expect 0 "$V" --db "$SRC" db copy --to "$PG" -o json
jq -e '.copied and .to_engine == "postgresql" and .audit.target.ok and ([.tables[] | select(.verified | not)] == [])' \
  <<<"$out" >/dev/null || fail "copy to PostgreSQL: $out"
grep -q s3cret <<<"$out" && fail "a password in the output"
$DUMP "$PG" | diff "$T/source.dump" - || fail "PostgreSQL's rows differ from SQLite's"
expect 0 "$V" --db "$PG" db check -o json
expect 0 "$V" --db "$PG" audit verify --verification-key "$T/verification.key"
expect 0 "$V" --db "$SRC" audit list -o json
jq -e 'last | .action == "db.copy" and (.after.to | startswith("postgresql://")) and .after.engine == "postgresql"' \
  <<<"$out" >/dev/null || fail "the source records the copy: $out"

# PostgreSQL → SQLite: the same rows again as the original had before it recorded the copy.
expect 0 "$V" --db "$PG" db copy --to "$T/back.db" -o json
jq -e '.copied and .from_engine == "postgresql" and .to_engine == "sqlite"' <<<"$out" >/dev/null || fail "copy back: $out"
$DUMP "$T/back.db" | diff "$T/source.dump" - || fail "the copy back differs from the original"
expect 0 "$V" --db "$T/back.db" db check

# The PostgreSQL copy is usable: new ids follow the copied ones (the identities were moved on).
max=$(psql -X -At "$PG" -c 'SELECT max(id) FROM accounts')
expect 0 "$V" --db "$PG" accounts create --login neu@example.de --given-name Neu --family-name Konto -o json
[ "$(jq .id <<<"$out")" = $((max + 1)) ] || fail "the new account's id follows the copied ones ($max): $out"
expect 0 "$V" --db "$PG" permits renew --due-before 2027-12-10 -o json
expect 0 "$V" --db "$PG" audit verify

# Refused: a non-empty target, and nothing written to it; an unreachable one.
rows=$(psql -X -At "$PG" -c 'SELECT count(*) FROM audit')
expect 4 "$V" --db "$T/back.db" db copy --to "$PG"
grep -q "not empty: table [a-z_]* has [0-9]* rows" <<<"$err" || fail "the refusal names the table: $err"
[ "$(psql -X -At "$PG" -c 'SELECT count(*) FROM audit')" = "$rows" ] || fail "a refused copy wrote"
expect 7 "$V" --db "$SRC" db copy --to "postgresql://vr:s3cret@127.0.0.1:1/none"
! grep -q s3cret <<<"$err" || fail "the password leaked: $err"
expect 2 "$V" --db "$PG" db copy --to "$PG"

# Halfway: the target refuses the 101st account (offices, staff, import runs are in by then); every table stays empty (one transaction).
psql -X -q -v ON_ERROR_STOP=1 "$CLUSTER" -c "CREATE DATABASE $FAILING"
FAIL_PG=${CLUSTER/\/vrathaus\?/\/$FAILING?}
"$V" --db "$FAIL_PG" -q db migrate >/dev/null
psql -X -q -v ON_ERROR_STOP=1 "$FAIL_PG" <<'SQL'
CREATE FUNCTION refuse_late_account() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT count(*) FROM accounts) >= 100 THEN RAISE EXCEPTION 'the test refuses this account'; END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER refuse_late_account BEFORE INSERT ON accounts FOR EACH ROW EXECUTE FUNCTION refuse_late_account();
SQL
[ "$(sqlite3 "$SRC" 'SELECT count(*) FROM accounts')" -gt 100 ] || fail "the source needs over 100 accounts"
set +e
"$V" --db "$SRC" db copy --to "$FAIL_PG" >"$T/fail.out" 2>"$T/fail.err"
status=$?
set -e
[ "$status" = 70 ] || fail "the copy into a refusing target: exit $status"
grep -q "refused a row of table accounts" "$T/fail.err" || fail "the failure names the table: $(cat "$T/fail.err")"
! grep -q "COPY accounts, line" "$T/fail.err" || fail "the refused row is quoted: $(cat "$T/fail.err")"
grep -q "refuses this account" "$T/fail.err" || fail "the failure says why: $(cat "$T/fail.err")"
left=$(psql -X -At "$FAIL_PG" -c "SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM audit) +
                                         (SELECT count(*) FROM staff) + (SELECT count(*) FROM import_runs) + (SELECT count(*) FROM offices)")
[ "$left" = 0 ] || fail "a failed copy left $left rows behind"
echo "db copy on PostgreSQL: ok"
