# Bulk import under stress (nothing lost, nothing twice): a real import killed with SIGKILL at
# several moments leaves a store that passes `db check`, and running it again completes it
# exactly once; two imports of one file at the same time create every account once; a server
# killed mid-upload makes the client exit 7 and the next run completes. Kills are triggered by
# what is observed (bytes read, rows committed), not by sleeping for a guessed time.
source "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || exit 77
GEN="$VRATHAUS_SOURCE_DIR/scripts/generate-business-csv"
ROWS=${IMPORT_TEST_ROWS:-120000}
"$GEN" -n "$ROWS" -s 21 --invalid 1 --no-mandates >"$T/big.csv"

as_importer() { "$V" --db "$1" --as importer "${@:2}"; }
fresh_store() {
  "$V" --db "$1" -q db init >/dev/null
  "$V" --db "$1" -q staff add importer --name Systemhaus-Import --role importer >/dev/null
}
# What an import leaves behind, independent of ids and timestamps.
digest() {
  sqlite3 "$1" "SELECT customer_no, login, company_name, legal_form, register_no, vat_id, street, house_no, postal_code,
                       city, phone, tier, status, verification_method FROM accounts ORDER BY customer_no" | sha256sum
}
# Rows committed by the newest run (newer than run $RUN_BEFORE); -1 before it started applying.
RUN_BEFORE=0
committed_rows() {
  sqlite3 "$1" "SELECT coalesce((SELECT rows FROM import_runs WHERE id > $RUN_BEFORE ORDER BY id DESC LIMIT 1), -1)" 2>/dev/null ||
    echo -1
}
db_ok() {
  "$V" --db "$1" db check -o json >"$T/check.json" || fail "db check failed after $2: $(cat "$T/check.json")"
  jq -e '.ok' "$T/check.json" >/dev/null || fail "db check not ok after $2"
}

# The reference: one uninterrupted run.
fresh_store "$T/ref.db"
expect 1 as_importer "$T/ref.db" import business "$T/big.csv" --on-error skip -o json
created=$(jq .created <<<"$out")
[ "$created" -gt $((ROWS * 9 / 10)) ] || fail "the reference run created $created of $ROWS rows"
want=$(digest "$T/ref.db")

# Starts an import in the background and kills it with SIGKILL once `condition` holds.
kill_when() {
  local db=$1 condition=$2 what=$3
  RUN_BEFORE=$(sqlite3 "$db" "SELECT coalesce(max(id), 0) FROM import_runs")
  # Not through a shell function: $! must be vrathaus itself, the process that is killed.
  "$V" --db "$db" --as importer import business "$T/big.csv" --on-error skip -o json >/dev/null 2>&1 &
  local pid=$! n
  for n in $(seq 6000); do
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    if eval "$condition"; then
      kill -9 "$pid"
      wait "$pid" 2>/dev/null || true
      db_ok "$db" "a kill $what"
      echo "killed $what"
      return 0
    fi
    sleep 0.02
  done
  wait "$pid" 2>/dev/null || true
  fail "the import ended before it could be killed $what"
}
read_bytes() { awk '/^rchar/ {print $2}' "/proc/$pid/io" 2>/dev/null || echo 0; }

fresh_store "$T/kill.db"
# Reading the file comes first; in a fast build the first batch may have begun by then, too.
kill_when "$T/kill.db" '[ "$(read_bytes)" -gt 2000000 ]' "early, while reading the file"
kill_when "$T/kill.db" '[ "$(committed_rows "$T/kill.db")" -ge 0 ]' "as the first batch began"
kill_when "$T/kill.db" '[ "$(committed_rows "$T/kill.db")" -gt 0 ]' "after the first batch"
half=$(($(sqlite3 "$T/kill.db" "SELECT count(*) FROM accounts") + (ROWS - $(sqlite3 "$T/kill.db" "SELECT count(*) FROM accounts")) / 2))
kill_when "$T/kill.db" "[ \"\$(sqlite3 \"$T/kill.db\" 'SELECT count(*) FROM accounts')\" -ge $half ]" "half-way through"
expect 1 as_importer "$T/kill.db" import business "$T/big.csv" --on-error skip -o json
[ "$(digest "$T/kill.db")" = "$want" ] || fail "killed and resumed: not the same accounts as one clean run"
db_ok "$T/kill.db" "the completing run"
[ "$(sqlite3 "$T/kill.db" "SELECT count(*) FROM audit WHERE action = 'import.business'")" = 1 ] || fail "one audit entry per completed file"
[ "$(sqlite3 "$T/kill.db" "SELECT count(*) FROM import_runs WHERE status = 'done'")" = 1 ] || fail "one completed run"
[ "$(sqlite3 "$T/kill.db" "SELECT count(*) FROM import_runs WHERE status = 'running'")" -ge 3 ] || fail "the killed runs stay visible"
# The killed runs never reached their audit entry: the run that completed the file records them.
killed=$(sqlite3 "$T/kill.db" "SELECT count(*) FROM import_runs WHERE status = 'running'")
[ "$(sqlite3 "$T/kill.db" "SELECT json_array_length(after, '\$.unfinished_runs') FROM audit
      WHERE action = 'import.business.resumed' ORDER BY seq DESC LIMIT 1")" = "$killed" ] ||
  fail "the completing run records the $killed killed runs in the audit log"
# And once more: nothing changes.
expect 1 as_importer "$T/kill.db" import business "$T/big.csv" --on-error skip -o json
jq -e ".created == 0 and .updated == 0 and .unchanged == $created" <<<"$out" >/dev/null || fail "a repeated run changes nothing"

# Two imports of one file at the same time create every account once.
fresh_store "$T/twice.db"
"$V" --db "$T/twice.db" --as importer import business "$T/big.csv" --on-error skip -o json >"$T/a.json" 2>"$T/a.err" &
a=$!
"$V" --db "$T/twice.db" --as importer import business "$T/big.csv" --on-error skip -o json >"$T/b.json" 2>"$T/b.err" &
b=$!
set +e
wait $a
sa=$?
wait $b
sb=$?
set -e
[ "$sa" = 1 ] && [ "$sb" = 1 ] || fail "both concurrent imports finish (exit $sa, $sb): $(cat "$T/a.err" "$T/b.err")"
[ "$(($(jq .created "$T/a.json") + $(jq .created "$T/b.json")))" = "$created" ] || fail "every account created by exactly one run"
[ "$(digest "$T/twice.db")" = "$want" ] || fail "two concurrent imports: not the same accounts as one run"
db_ok "$T/twice.db" "two concurrent imports"

# Through a server: the server killed mid-import is a clean exit 7; the next run completes it.
fresh_store "$T/remote.db"
DB=$T/remote.db
"$V" --db "$DB" tokens create --staff importer -o json | jq -r .token >"$T/importer.token"
chmod 600 "$T/importer.token"
mkdir -p "$T/spool"
TMPDIR="$T/spool" start_server  # where the server spools uploads
RUN_BEFORE=0
env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/importer.token" import business "$T/big.csv" --on-error skip \
  >/dev/null 2>"$T/remote.err" &
client=$!
for _ in $(seq 6000); do
  [ "$(committed_rows "$DB")" -gt 0 ] && break
  kill -0 "$client" 2>/dev/null || break
  sleep 0.02
done
kill -9 "$SERVER_PID"
set +e
wait "$client"
status=$?
set -e
[ "$status" = 7 ] || fail "a server killed mid-import: expected exit 7, got $status: $(cat "$T/remote.err")"
[ "$(grep -c 'vrathaus: error:' "$T/remote.err")" = 1 ] || fail "one clear line: $(cat "$T/remote.err")"
db_ok "$DB" "the server was killed"
[ -z "$(ls -A "$T/spool")" ] || fail "a server killed mid-upload left its spool file: $(ls -A "$T/spool")"
start_server
expect 1 env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/importer.token" import business "$T/big.csv" --on-error skip -o json
[ "$(digest "$DB")" = "$want" ] || fail "remote, resumed after the server died: not the same accounts"
rejected=$(jq .rejected <<<"$out")

# The server keeps a completed file's keys too, and a run of the same file uses them: with the
# kept duplicates emptied behind its back, a repeated customer number is no longer rejected.
[ "$(cut -d';' -f1 "$T/big.csv" | sort | uniq -d | wc -l)" -gt 0 ] || fail "the test file repeats no customer number"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM import_file_keys")" = 1 ] || fail "the completed remote run kept its file's keys"
expect 1 env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/importer.token" import business "$T/big.csv" --on-error skip -o json
[ "$(jq .rejected <<<"$out")" = "$rejected" ] || fail "the same file again, with its kept keys: the same rows rejected"
sqlite3 "$DB" "UPDATE import_file_keys SET duplicates = x'01'"
expect 1 env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/importer.token" import business "$T/big.csv" --on-error skip -o json
[ "$(jq .rejected <<<"$out")" -lt "$rejected" ] || fail "a remote re-run did not use the kept keys"

# The progress bar: on a terminal only, never when stderr is a pipe or with NO_COLOR.
fresh_store "$T/bar.db"
head -20001 "$T/big.csv" >"$T/small.csv"
as_importer "$T/bar.db" import business "$T/small.csv" --on-error skip --dry-run -o json >/dev/null 2>"$T/piped.err" || true
! grep -q $'\r' "$T/piped.err" || fail "no progress bar when stderr is not a terminal"
if command -v script >/dev/null; then
  env -u NO_COLOR TERM=xterm script -qec "'$V' --db '$T/bar.db' --as importer import business '$T/small.csv' --on-error skip --dry-run -o json >/dev/null" \
    "$T/tty.log" >/dev/null 2>&1 || true
  grep -q 'rows/s' "$T/tty.log" || fail "a progress bar with rows per second on a terminal: $(head -c 500 "$T/tty.log")"
  script -qec "'$V' --db '$T/bar.db' --as importer import business '$T/small.csv' --on-error skip --dry-run -o json >/dev/null" \
    "$T/nocolor.log" >/dev/null 2>&1 || true
  ! grep -q 'rows/s' "$T/nocolor.log" || fail "no progress bar with NO_COLOR"
fi
echo "import: kills, concurrency, remote and progress passed"
