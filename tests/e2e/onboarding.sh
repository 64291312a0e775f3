# scripts/onboarding/import-dropfolder.sh: files sorted into done/ and failed/ (with their rejects
# beside them), one summary line per file, exit 1 when a person is needed; locally and remotely.
source "$(dirname "$0")/lib.sh"
GEN="$VRATHAUS_SOURCE_DIR/scripts/generate-business-csv"
JOB="$VRATHAUS_SOURCE_DIR/scripts/onboarding/import-dropfolder.sh"
make_store
"$V" --db "$DB" -q staff add importer --name Systemhaus-Import --role importer >/dev/null
"$V" --db "$DB" tokens create --staff importer -o json | jq -r .token >"$T/importer.token"
chmod 600 "$T/importer.token"

drop=$T/drop
mkdir -p "$drop"
"$GEN" -n 50 -s 31 --no-mandates >"$drop/clean.csv"
"$GEN" -n 50 -s 32 --start 1000 --invalid 20 --no-mandates >"$drop/mixed.csv"
: >"$drop/empty.csv"
echo "not for us" >"$drop/notes.txt"

set +e
VRATHAUS_BIN=$V bash "$JOB" --db "$DB" --as importer --min-age 0 --log "$T/import.log" "$drop"
status=$?
set -e
[ "$status" = 1 ] || fail "a failed file needs a person: exit 1, got $status"
[ -f "$drop/done/clean.csv" ] && [ -f "$drop/done/clean.csv.summary.json" ] || fail "clean.csv is done"
[ -f "$drop/failed/mixed.csv" ] && [ -s "$drop/failed/mixed.csv.rejects.csv" ] || fail "mixed.csv failed, its rejects beside it"
[ -s "$drop/failed/mixed.csv.errors.txt" ] || fail "the errors of mixed.csv beside it"
grep -q '^mixed.csv:[0-9]*: ' "$drop/failed/mixed.csv.errors.txt" || fail "errors as FILE:LINE: column: message"
head -1 "$drop/failed/mixed.csv.rejects.csv" | cmp -s - <(head -1 "$drop/failed/mixed.csv") || fail "the rejects start with the header"
[ -f "$drop/failed/empty.csv" ] && grep -q empty "$drop/failed/empty.csv.errors.txt" || fail "an empty file failed, saying why"
[ -f "$drop/notes.txt" ] || fail "other files are left alone"
[ "$(wc -l <"$T/import.log")" = 3 ] || fail "one line per file: $(cat "$T/import.log")"
grep -q 'clean.csv: done rows=50 created=50 ' "$T/import.log" || fail "the summary line of clean.csv: $(cat "$T/import.log")"
grep -q 'mixed.csv: failed, valid rows imported' "$T/import.log" || fail "the summary line of mixed.csv"

# The next run has nothing new; a fixed rejects file dropped in again is imported; a file that is
# still being written (too new) waits.
VRATHAUS_BIN=$V bash "$JOB" --db "$DB" --as importer --min-age 0 --log "$T/import.log" "$drop" || fail "nothing new: exit 0"
[ "$(wc -l <"$T/import.log")" = 3 ] || fail "nothing new, nothing logged"
"$GEN" -n 5 -s 33 --start 5000 --no-mandates >"$drop/fresh.csv"
VRATHAUS_BIN=$V bash "$JOB" --db "$DB" --as importer --min-age 3600 --log "$T/import.log" "$drop" || fail "too new: exit 0"
[ -f "$drop/fresh.csv" ] || fail "a file younger than --min-age waits"

# Remotely, through a server; the same file name again is kept beside the first.
start_server
cp "$drop/done/clean.csv" "$drop/clean.csv"
VRATHAUS_BIN=$V bash "$JOB" --remote "$URL" --token-file "$T/importer.token" --min-age 0 --log "$T/import.log" "$drop" ||
  fail "remote: exit 0"
[ "$(ls "$drop/done" | grep -c '^clean.csv')" -ge 3 ] || fail "the second clean.csv is kept beside the first: $(ls "$drop/done")"
grep -q 'clean.csv: done rows=50 created=0 updated=0 unchanged=50' "$T/import.log" || fail "remote summary line: $(tail -2 "$T/import.log")"
grep -q 'fresh.csv: done rows=5 created=5' "$T/import.log" || fail "fresh.csv imported remotely"

# The server gone: the file waits, exit 75 (temporary).
kill "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
cp "$drop/done/fresh.csv" "$drop/again.csv"
set +e
VRATHAUS_BIN=$V bash "$JOB" --remote "$URL" --token-file "$T/importer.token" --min-age 0 --log "$T/import.log" "$drop"
status=$?
set -e
[ "$status" = 75 ] || fail "an unreachable server is temporary: exit 75, got $status"
[ -f "$drop/again.csv" ] || fail "the file stays for the next run"
echo "onboarding drop folder passed"
