#!/usr/bin/env bash
# `db copy --to FILE`: the whole store into an empty SQLite file (the same command moves a store
# to PostgreSQL and back: tests/postgres/db_copy.sh). The copy holds the same rows with the same
# ids, passes db check and audit verify, is usable (new ids follow the copied ones), and takes the
# document key file along; the source records the copy in its audit. A non-empty target, the
# source itself and --remote are refused; a dry run writes nothing.
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || exit 77
make_store
as() { "$V" --db "$DB" --as "$@"; }
"$V" --db "$DB" -q staff add importer --name Import --office innenstadt --role importer >/dev/null
"$V" --db "$DB" -q staff certify m.weber --cert identity-check --on 2026-01-10 >/dev/null
"$V" --db "$DB" -q staff absence m.weber --from 2026-12-01 --to 2026-12-03 --reason holiday >/dev/null
for i in 1 2 3; do "$V" --db "$DB" -q accounts create --login "p$i@example.de" --given-name "Jörg" --family-name "Nr $i" >/dev/null; done
"$VRATHAUS_SOURCE_DIR/scripts/generate-business-csv" -n 40 -s 5 --invalid 5 >"$T/firms.csv"
expect 1 as importer import business "$T/firms.csv" --on-error skip -o json
"$V" --db "$DB" -q audit setup-keys --verification-key "$T/verification.key" >/dev/null

# Every table's rows, independent of how the file lays them out.
dump() { sqlite3 "$1" .dump | grep '^INSERT' | sort; }
dump "$DB" >"$T/source.dump"
[ "$(grep -c 'INSERT INTO import_file_keys' "$T/source.dump")" -ge 1 ] || fail "the store has no bytes column rows"

# A dry run counts, checks the target and creates nothing.
expect 0 "$V" --db "$DB" db copy --to "$T/copy.db" --dry-run -o json
jq -e '.dry_run and (.copied | not) and .rows > 100 and (.tables | length) > 20' <<<"$out" >/dev/null || fail "dry run: $out"
[ ! -e "$T/copy.db" ] || fail "a dry run created the target"

expect 0 "$V" --db "$DB" db copy --to "$T/copy.db" -o json
jq -e '.copied and .from_engine == "sqlite" and .to_engine == "sqlite" and .audit.source.ok and .audit.target.ok' <<<"$out" >/dev/null ||
  fail "copy: $out"
jq -e '[.tables[] | select(.verified | not)] == []' <<<"$out" >/dev/null || fail "a table is not verified: $out"
[ "$(jq '[.tables[].rows] | add' <<<"$out")" = "$(jq .rows <<<"$out")" ] || fail "rows add up: $out"
[ "$(jq -r '.tables[] | select(.table == "accounts") | .rows' <<<"$out")" = "$(sqlite3 "$DB" 'SELECT count(*) FROM accounts')" ] ||
  fail "accounts counted: $out"
# Parents before children: accounts before permits' and charges' tables, staff before tokens.
jq -e '[.tables[].table] | (index("accounts") < index("upgrades")) and (index("staff") < index("tokens"))' <<<"$out" >/dev/null ||
  fail "tables out of dependency order: $out"
[ "$(stat -c %a "$T/copy.db")" = 600 ] || fail "the copy is mode 0600"
cmp -s "$DB.key" "$T/copy.db.key" || fail "the document key travels with the copy"
dump "$T/copy.db" | diff "$T/source.dump" - || fail "the copy's rows differ from the source's"

# The source records the copy (where to, how much); the copy itself is a faithful copy.
expect 0 "$V" --db "$DB" audit list -o json
jq -e --arg to "$T/copy.db" 'last | .action == "db.copy" and .after.to == $to and .after.rows > 100' <<<"$out" >/dev/null ||
  fail "the source's audit has no db.copy entry: $out"
expect 0 "$V" --db "$DB" audit verify

# The copy works: checks pass, a new account gets the next id, the chain goes on.
expect 0 "$V" --db "$T/copy.db" db check -o json
expect 0 "$V" --db "$T/copy.db" audit verify --verification-key "$T/verification.key"
max=$(sqlite3 "$T/copy.db" 'SELECT max(id) FROM accounts')
expect 0 "$V" --db "$T/copy.db" accounts create --login new@example.de --given-name Neu --family-name Konto -o json
[ "$(jq .id <<<"$out")" = $((max + 1)) ] || fail "the new account's id follows the copied ones: $out"
expect 0 "$V" --db "$T/copy.db" audit verify

# Refusals: a non-empty target (named table, nothing written), the source itself, --remote.
before=$(dump "$T/copy.db" | sha256sum)
expect 4 "$V" --db "$DB" db copy --to "$T/copy.db"
grep -q "not empty: table [a-z_]* has [0-9]* rows" <<<"$err" || fail "the refusal names the table: $err"
[ "$(dump "$T/copy.db" | sha256sum)" = "$before" ] || fail "a refused copy wrote to the target"
expect 4 "$V" --db "$DB" db copy --to "$T/copy.db" --dry-run
# A target with rows at an older schema is refused before it is migrated.
cp "$T/copy.db" "$T/older.db" && sqlite3 "$T/older.db" "PRAGMA user_version = 13"
expect 4 "$V" --db "$DB" db copy --to "$T/older.db"
[ "$(sqlite3 "$T/older.db" 'PRAGMA user_version')" = 13 ] || fail "a refused target was migrated"
expect 2 "$V" --db "$DB" db copy --to "$DB"
grep -q "is the source store" <<<"$err" || fail "copy onto itself: $err"
expect 2 "$V" --remote http://127.0.0.1:9 db copy --to "$T/other.db"
expect 2 "$V" --db "$DB" db copy
# A source that needs `db migrate` first, and one that is no store yet.
cp "$DB" "$T/old.db" && sqlite3 "$T/old.db" "PRAGMA user_version = 13"
expect 9 "$V" --db "$T/old.db" db copy --to "$T/other.db"
grep -q "db migrate" <<<"$err" || fail "an old source: $err"
[ ! -e "$T/other.db" ] || fail "a refused copy left its new target behind"
expect 3 "$V" --db "$T/none.db" db copy --to "$T/other.db"
[ ! -e "$T/other.db" ] || fail "a failed copy left its new target behind"
echo "db copy: ok"
