#!/usr/bin/env bash
# Two `permits renew` started at the same moment produce every renewal and charge once; a
# renewal killed with SIGKILL leaves all or nothing, and the next run finishes the job exactly once.
# shellcheck source=permits_lib.bash
source "$(dirname "$0")/permits_lib.bash"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: skipped"; exit 77; }

count() { sqlite3 "$DB" "$1"; }

# --- two runs at the same moment ---
make_store
seed_due_permits "$DB" 2000 100000
"$V" --db "$DB" permits renew -o json >"$T/run1.json" 2>"$T/run1.err" &
p1=$!
"$V" --db "$DB" permits renew -o json >"$T/run2.json" 2>"$T/run2.err" &
p2=$!
wait "$p1" || fail "first run failed: $(cat "$T/run1.err")"
wait "$p2" || fail "second run failed: $(cat "$T/run2.err")"
r1=$(jq '.renewed | length' "$T/run1.json") r2=$(jq '.renewed | length' "$T/run2.json")
[ $((r1 + r2)) = 2000 ] || fail "the two runs renewed $r1 + $r2 permits, not 2000"
[ "$(count "SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL")" = 2000 ] || fail "renewals are not 2000"
[ "$(count "SELECT count(DISTINCT renewed_from) FROM permits WHERE renewed_from IS NOT NULL")" = 2000 ] || fail "a permit was renewed twice"
[ "$(count "SELECT count(*) FROM charges")" = 2000 ] || fail "charges are not 2000"
expect 0 "$V" --db "$DB" db check

# --- a run killed with SIGKILL ---
rm -f "$DB" "$DB"-wal "$DB"-shm
make_store
seed_due_permits "$DB" 60000 100000
"$V" --db "$DB" permits renew -o json >/dev/null 2>&1 &
victim=$!
sleep 0.6
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
renewed=$(count "SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL")
charges=$(count "SELECT count(*) FROM charges")
{ [ "$renewed" = 0 ] && [ "$charges" = 0 ]; } || { [ "$renewed" = 60000 ] && [ "$charges" = 60000 ]; } ||
  fail "a killed renewal left $renewed renewals and $charges charges"
expect 0 "$V" --db "$DB" db check
expect 0 "$V" --db "$DB" permits renew -o json
[ "$(count "SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL")" = 60000 ] || fail "the rerun did not finish the job"
[ "$(count "SELECT count(*) FROM charges")" = 60000 ] || fail "charges after the rerun are not 60000"

# --- an export killed with SIGKILL ---
export VRATHAUS_NOW=2026-12-11T09:00:00Z
"$V" --db "$DB" payments export --out "$T/killed.xml" >/dev/null 2>&1 &
victim=$!
sleep 0.5
kill -9 "$victim" 2>/dev/null || true
wait "$victim" 2>/dev/null || true
exported=$(count "SELECT count(*) FROM charges WHERE status = 'exported'")
{ [ "$exported" = 0 ] || [ "$exported" = 60000 ]; } || fail "a killed export marked $exported of 60000 charges"
expect 0 "$V" --db "$DB" db check
if [ "$exported" = 0 ]; then
  expect 0 "$V" --db "$DB" payments export --out "$T/final.xml" --force -o json
else
  # The batch was recorded but its file may be missing or partial: write it again from the store.
  expect 0 "$V" --db "$DB" payments export --out "$T/final.xml" --force --batch 1 -o json
fi
[ "$(count "SELECT count(*) FROM charges WHERE status = 'exported' AND batch = 1")" = 60000 ] || fail "not every charge exported once"
[ "$(jq .transactions <<<"$out")" = 60000 ] || fail "the export does not hold 60000 transactions"
ls "$T"/.killed.xml.* >/dev/null 2>&1 && fail "a killed export left a temporary file" || true
echo "permits concurrency and kill tests passed"
