#!/usr/bin/env bash
# The business import on PostgreSQL: the guarantees of the SQLite import (validation with field and
# line, rejects, the same file twice changes nothing, an invalid file under --on-error abort
# changes nothing) and exactly once across instances: the same file sent to two `vrathaus serve`
# instances on one database at the same moment creates every account once; an instance killed
# with SIGKILL mid-import and the same file sent to the other completes it once. Counts are read
# with psql, the audit chain with `audit verify`.
set -euo pipefail
source "$VRATHAUS_SOURCE_DIR/tests/postgres/lib.sh"

fresh_database import
sql() { psql -X -At -v ON_ERROR_STOP=1 "$PG" -c "$1"; }

(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$T/document.key" && echo >>"$T/document.key")
printf 'city:\n  document_key_file: %s\n' "$T/document.key" >"$T/config.yaml"
export VRATHAUS_CONFIG=$T/config.yaml

"$V" --db "$PG" -q db init >/dev/null
"$V" --db "$PG" -q staff add importer --name Systemhaus-Import --role importer >/dev/null
"$V" --db "$PG" tokens create --staff importer -o json | jq -r .token >"$T/importer.token"
chmod 600 "$T/importer.token"
local_import() { "$V" --db "$PG" --as importer -o json import business "$@"; }
audit_ok() { expect 0 "$V" --db "$PG" -o json audit verify; [ "$(jq .ok <<<"$out")" = true ] || fail "$1: $out"; }

# A small file with invalid rows: with --on-error abort nothing is imported (exit 5), and the
# errors name line and field.
"$VRATHAUS_SOURCE_DIR/scripts/generate-business-csv" -n 2000 -s 11 --invalid 2 >"$T/small.csv"
expect 5 local_import "$T/small.csv"
[ "$(sql 'SELECT count(*) FROM accounts')" = 0 ] || fail "an aborted import wrote accounts"
first_error=$(jq -c '.errors[0]' <<<"$out")
[ "$(jq '.line > 1' <<<"$first_error")" = true ] && [ "$(jq -r .column <<<"$first_error")" != null ] ||
  fail "the first error names no line and field: $first_error"

# --on-error skip: the valid rows, the rest in the rejects file (header and rejected rows).
expect 1 local_import "$T/small.csv" --on-error skip --rejects "$T/small.rejects.csv"
created=$(jq .created <<<"$out") rejected=$(jq .rejected <<<"$out")
[ "$rejected" -gt 0 ] && [ "$((created + rejected))" = 2000 ] || fail "skip: $out"
[ "$(sql "SELECT count(*) FROM accounts WHERE tier = 'business'")" = "$created" ] || fail "accounts counted in psql"
[ "$(wc -l <"$T/small.rejects.csv")" = "$((rejected + 1))" ] || fail "the rejects file has $(wc -l <"$T/small.rejects.csv") lines"
mandates=$(sql 'SELECT count(*) FROM mandates')
[ "$mandates" -gt 0 ] || fail "no mandates were imported"
# The same file again changes nothing.
before=$(sql 'SELECT max(version), count(*) FROM accounts')
expect 1 local_import "$T/small.csv" --on-error skip
[ "$(jq .created <<<"$out")" = 0 ] && [ "$(jq .updated <<<"$out")" = 0 ] && [ "$(jq .unchanged <<<"$out")" = "$created" ] ||
  fail "the same file twice: $out"
[ "$(sql 'SELECT max(version), count(*) FROM accounts')" = "$before" ] || fail "the second run changed accounts"
[ "$(sql 'SELECT count(*) FROM mandates')" = "$mandates" ] || fail "the second run added mandates"
audit_ok "after the small imports"

# Two instances on one database.
start_instance() {  # NAME: a server on a free loopback port; its URL in URL_NAME
  rm -f "$T/$1.port"
  "$V" --db "$PG" serve --listen 127.0.0.1:0 --port-file "$T/$1.port" 2>>"$T/$1.log" &
  local pid=$!
  PIDS+=("$pid")
  printf -v "PID_$1" '%s' "$pid"
  for _ in $(seq 400); do [ -s "$T/$1.port" ] && break; sleep 0.05; done
  [ -s "$T/$1.port" ] || fail "instance $1 did not start: $(cat "$T/$1.log")"
  printf -v "URL_$1" '%s' "http://127.0.0.1:$(cat "$T/$1.port")"
}
remote_import() {  # URL FILE OUT: the import through one instance, its JSON in OUT, its exit code in OUT.rc
  set +e
  env -u VRATHAUS_DB "$V" --remote "$1" --token-file "$T/importer.token" -o json import business "$2" --on-error skip \
    >"$3" 2>"$3.err"
  echo $? >"$3.rc"
  set -e
}
start_instance a
start_instance b

# The same file to both at the same moment: every account exactly once.
"$VRATHAUS_SOURCE_DIR/scripts/generate-business-csv" -n 20000 -s 12 --invalid 1 --start 100001 >"$T/both.csv"
accounts_before=$(sql 'SELECT count(*) FROM accounts')
remote_import "$URL_a" "$T/both.csv" "$T/both.a" &
client_a=$!
remote_import "$URL_b" "$T/both.csv" "$T/both.b" &
client_b=$!
wait "$client_a" "$client_b"
for side in a b; do
  [ "$(cat "$T/both.$side.rc")" = 1 ] || fail "instance $side: exit $(cat "$T/both.$side.rc"): $(cat "$T/both.$side.err")"
done
valid=$((20000 - $(jq .rejected "$T/both.a")))
[ "$(jq .rejected "$T/both.a")" = "$(jq .rejected "$T/both.b")" ] || fail "the instances rejected different rows"
[ "$(($(jq .created "$T/both.a") + $(jq .created "$T/both.b")))" = "$valid" ] ||
  fail "created by a and b together: not every valid row once: $(jq -c 'del(.errors, .reject_ranges)' "$T/both.a" "$T/both.b")"
[ "$(sql 'SELECT count(*) FROM accounts')" = "$((accounts_before + valid))" ] || fail "accounts after two instances"
[ "$(sql 'SELECT count(*) - count(DISTINCT customer_no) FROM accounts')" = 0 ] || fail "a customer number twice"
[ "$(sql "SELECT count(*) FROM mandates WHERE account_id IN (SELECT id FROM accounts WHERE customer_no IN
      (SELECT customer_no FROM accounts GROUP BY customer_no HAVING count(*) > 1))")" = 0 ] || fail "mandates twice"
audit_ok "after two instances at once"

# SIGKILL of instance a once its import has committed a batch; the same file through b completes it.
"$VRATHAUS_SOURCE_DIR/scripts/generate-business-csv" -n 120000 -s 13 --invalid 1 --start 200001 >"$T/big.csv"
accounts_before=$(sql 'SELECT count(*) FROM accounts')
run_before=$(sql 'SELECT coalesce(max(id), 0) FROM import_runs')
resumed_before=$(sql "SELECT count(*) FROM audit WHERE action = 'import.business.resumed'")
remote_import "$URL_a" "$T/big.csv" "$T/killed" &
client=$!
for _ in $(seq 6000); do
  [ "$(sql "SELECT coalesce(max(rows), 0) FROM import_runs WHERE id > $run_before")" -gt 0 ] && break
  kill -0 "$client" 2>/dev/null || break
  sleep 0.02
done
kill -9 "$PID_a"
wait "$client" || true
[ "$(cat "$T/killed.rc")" = 7 ] || fail "the client of a killed instance: exit $(cat "$T/killed.rc"): $(cat "$T/killed.err")"
partial=$(sql 'SELECT count(*) FROM accounts')
[ "$partial" -gt "$accounts_before" ] || fail "the killed import committed no batch"
remote_import "$URL_b" "$T/big.csv" "$T/resumed"
[ "$(cat "$T/resumed.rc")" = 1 ] || fail "the re-run on b: exit $(cat "$T/resumed.rc"): $(cat "$T/resumed.err")"
valid=$((120000 - $(jq .rejected "$T/resumed")))
[ "$(sql 'SELECT count(*) FROM accounts')" = "$((accounts_before + valid))" ] || fail "killed and resumed: not every row once"
[ "$(jq .created "$T/resumed")" = "$((accounts_before + valid - partial))" ] || fail "the re-run created $(jq .created "$T/resumed")"
[ "$(sql 'SELECT count(*) - count(DISTINCT customer_no) FROM accounts')" = 0 ] || fail "a customer number twice"
[ "$(sql "SELECT count(*) FROM import_runs WHERE id > $run_before AND status = 'running'")" = 1 ] || fail "the killed run is not visible"
[ "$(sql "SELECT count(*) FROM audit WHERE action = 'import.business.resumed'")" = "$((resumed_before + 1))" ] ||
  fail "the run that completed the killed one is not audited as resumed"
audit_ok "after a killed instance"
echo "ok: aborted, skipped, repeated, two instances at once, a killed instance resumed"
