# Every non-zero exit prints at least one line on stderr, even with -q: cron mails only what a
# job prints there, so a job that fails silently fails unnoticed. Walks the failing paths of
# several commands (problems found, usage, not found, refused, invalid input) with -q.
source "$(dirname "$0")/lib.sh"
CITY=$(cd "$(dirname "$0")/../contract" && pwd)/permits-city.yaml
make_store
cp "$DB" "$T/tampered.db"
cp "$DB.key" "$T/tampered.db.key"
sqlite3 "$T/tampered.db" "UPDATE audit SET reason = 'edited' WHERE seq = 1"
HEADER='customer_no;company_name;legal_form;street;house_no;postal_code;city;email'
{ echo "$HEADER"; echo 'Q-1;Gut GmbH;GmbH;Marktweg;1;44135;Dortmund;q1@example.de'
  echo 'Q-2;Schlecht GmbH;GmbH;Marktweg;1;4413;Dortmund;q2@example.de'; } >"$T/mixed.csv"
"$V" --db "$DB" -q staff add importer --name Importer --role importer >/dev/null

# quiet_fails CODE ARGS…: exits CODE with -q and says something on stderr.
quiet_fails() {
  local want=$1
  shift
  set +e
  "$V" -q "$@" >"$T/.out" 2>"$T/.err"
  local got=$?
  set -e
  [ "$got" = "$want" ] || fail "expected exit $want, got $got: vrathaus -q $* -- stderr: $(cat "$T/.err")"
  [ -s "$T/.err" ] || fail "exit $got with nothing on stderr: vrathaus -q $*"
}

quiet_fails 1 --db "$DB" --config "$CITY" coverage --from 2026-11-30 --to 2026-11-30         # a coverage gap
quiet_fails 1 --db "$DB" --config "$CITY" coverage --from 2026-11-30 --to 2026-11-30 -o json
quiet_fails 1 --db "$T/tampered.db" db check                                                  # a broken chain
quiet_fails 1 --db "$T/tampered.db" audit verify -o json
quiet_fails 1 --db "$T/tampered.db" --config "$CITY" doctor -o json
quiet_fails 1 --db "$DB" --as importer import business "$T/mixed.csv" --on-error skip -o json  # rows rejected
quiet_fails 5 --db "$DB" --as importer import business "$T/mixed.csv" -o json                  # aborted
quiet_fails 2 --db "$DB" acounts list                                                         # usage
quiet_fails 2 --db "$DB" staff search weber --limit 0
quiet_fails 3 --db "$DB" accounts show 999                                                    # not found
quiet_fails 3 --db "$DB" staff reactivate nobody
quiet_fails 4 --db "$DB" staff reactivate m.weber                                             # refused
quiet_fails 5 --db "$DB" audit list --since yesterday                                         # invalid
quiet_fails 6 --db "$DB" --as m.weber doctor                                                  # not authorised
quiet_fails 9 --db "$DB" --config "$T/missing.yaml" offices list                              # configuration

# coverage -o csv: one row per gap, who is missing flattened into one cell — no JSON in a cell.
set +e
"$V" -q --db "$DB" --config "$CITY" coverage --from 2026-11-30 --to 2026-12-01 -o csv >"$T/gaps.csv" 2>/dev/null
set -e
[ "$(head -1 "$T/gaps.csv" | tr -d '\r')" = "date,missing,office,present,required" ] || fail "csv header: $(head -1 "$T/gaps.csv")"
[ "$(grep -c '^2026-1[12]-[0-9]*,' "$T/gaps.csv")" = 2 ] || fail "one row per gap: $(cat "$T/gaps.csv")"
grep -q '[][{}]' "$T/gaps.csv" && fail "no JSON in csv cells: $(cat "$T/gaps.csv")"
echo "quiet failures: ok"
