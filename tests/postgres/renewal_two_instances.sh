#!/usr/bin/env bash
# The renewal cron job on two `serve` instances of one PostgreSQL database at the same moment:
# every due permit is renewed exactly once and every charge exists once, whichever instance did
# it; the two reports add up to the permits due, and a third run finds nothing left.
set -euo pipefail
source "$VRATHAUS_SOURCE_DIR/tests/postgres/lib.sh"
source "$VRATHAUS_SOURCE_DIR/scripts/lib/due_permits.bash"

fresh_database renewal
count() { psql -X -At "$PG" -c "$1"; }

N=3000
(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$T/document.key" && echo >>"$T/document.key")
due_permits_config "$T/city.yaml"
sed -i "s#^city:#city:\n  document_key_file: $T/document.key#" "$T/city.yaml"
export VRATHAUS_CONFIG=$T/city.yaml
expect 0 "$V" --db "$PG" -q db init --seed "$VRATHAUS_SOURCE_DIR/tests/contract/seed.yaml"
seed_due_permits_pg "$PG" "$N" 1000
expect 0 "$V" --db "$PG" tokens create --staff s.kruse -o json
jq -r .token <<<"$out" >"$T/supervisor.token"
chmod 600 "$T/supervisor.token"

# serve_instance NAME: one `serve` on the database; its URL in $URL_NAME.
serve_instance() {
  "$V" --db "$PG" serve --listen 127.0.0.1:0 --port-file "$T/$1.port" 2>>"$T/$1.log" &
  PIDS+=("$!")
  for _ in $(seq 200); do [ -s "$T/$1.port" ] && break; sleep 0.05; done
  [ -s "$T/$1.port" ] || fail "instance $1 did not start: $(cat "$T/$1.log")"
  printf -v "URL_$1" 'http://127.0.0.1:%s' "$(cat "$T/$1.port")"
}
serve_instance a
serve_instance b
renew() { env -u VRATHAUS_DB "$V" --remote "$1" --token-file "$T/supervisor.token" -o json permits renew; }

# Both at once, as two cron jobs on two machines would.
renew "$URL_a" >"$T/a.json" 2>"$T/a.err" &
run_a=$!
renew "$URL_b" >"$T/b.json" 2>"$T/b.err" &
run_b=$!
wait "$run_a" || fail "the run on instance a failed: $(cat "$T/a.err")"
wait "$run_b" || fail "the run on instance b failed: $(cat "$T/b.err")"

ra=$(jq '.renewed | length' "$T/a.json") rb=$(jq '.renewed | length' "$T/b.json")
[ $((ra + rb)) = "$N" ] || fail "the two runs renewed $ra + $rb permits, not $N"
ca=$(jq .charges_created "$T/a.json") cb=$(jq .charges_created "$T/b.json")
[ $((ca + cb)) = "$N" ] || fail "the two runs created $ca + $cb charges, not $N"
[ "$(count "SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL")" = "$N" ] || fail "renewals are not $N"
[ "$(count "SELECT count(DISTINCT renewed_from) FROM permits WHERE renewed_from IS NOT NULL")" = "$N" ] ||
  fail "a permit was renewed twice"
[ "$(count "SELECT count(*) FROM charges")" = "$N" ] || fail "charges are not $N"
[ "$(count "SELECT count(DISTINCT permit_id) FROM charges c JOIN permits p ON p.id = c.permit_id
             WHERE p.renewed_from IS NOT NULL")" = "$N" ] || fail "a renewal has no charge or two"
# Each report names only what its own run wrote: no permit appears in both.
[ "$(jq -s '[.[].renewed[].renewed_from] | unique | length' "$T/a.json" "$T/b.json")" = "$N" ] ||
  fail "the two reports overlap"

# A third run, on either instance, has nothing left to do.
renew "$URL_a" >"$T/c.json" 2>"$T/c.err" || fail "the third run failed: $(cat "$T/c.err")"
[ "$(jq '.renewed | length' "$T/c.json")" = 0 ] || fail "the third run renewed again: $(head -c 300 "$T/c.json")"
[ "$(count "SELECT count(*) FROM charges")" = "$N" ] || fail "charges changed on the third run"
echo "ok: $N renewed once ($ra on a, $rb on b)"
