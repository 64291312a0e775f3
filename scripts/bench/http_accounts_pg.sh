#!/usr/bin/env bash
# Benchmark: GET /api/v1/accounts/{id} under wrk on loopback, in one invocation:
#   sqlite    one `serve` on an SQLite store;
#   pg        one `serve` on a PostgreSQL database holding the same data set;
#   pg x2     two `serve` instances on that database, each given half of the same connections
#             (one wrk per instance, run together, rates added: what a load balancer spreads).
# Targets: pg ≥ 0.5× sqlite; pg x2 ≥ 0.9× pg. Each round measures the three back to back and the
# medians of ROUNDS rounds are reported, so a busy machine slows all three alike.
#   scripts/bench/http_accounts_pg.sh [SECONDS] [ROUNDS]
# Needs a built build/release (with the PostgreSQL module), wrk, and PostgreSQL's server binaries:
# a throwaway cluster (tests/support/pg_cluster.sh) is started and removed again.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-8}
rounds=${2:-3}
accounts=100000
V=$(pwd)/build/release/cli/vrathaus
command -v wrk >/dev/null || { echo "apt-get install wrk" >&2; exit 1; }
dir=$(mktemp -d)
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  tests/support/pg_cluster.sh stop "$dir/cluster" || true
  rm -rf "$dir"
}
trap cleanup EXIT

# Not `$(… start)`: the server would hold the substitution's pipe open.
tests/support/pg_cluster.sh start "$dir/cluster" >/dev/null
pg=$(tests/support/pg_cluster.sh url "$dir/cluster")
# A database keeps its document key in a file named by the configuration (the same for both).
(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$dir/document.key" && echo >>"$dir/document.key")
printf 'city:\n  document_key_file: %s\n' "$dir/document.key" >"$dir/config.yaml"
export VRATHAUS_CONFIG=$dir/config.yaml

# The same data set in both stores: one office, one clerk with a token, 100,000 guest accounts.
sqlite=$dir/bench.db
setup_store() {  # setup_store DB → prints the clerk's token
  "$V" --db "$1" -q db init >/dev/null
  "$V" --db "$1" -q offices add innenstadt --name Innenstadt >/dev/null
  "$V" --db "$1" -q staff add bench --name Bench --office innenstadt --role clerk >/dev/null
  "$V" --db "$1" tokens create --staff bench -o json | jq -r .token
}
sqlite_token=$(setup_store "$sqlite")
pg_token=$(setup_store "$pg")
rows="SELECT 'p' || i || '@example.de', 'guest', 'active', 'V', 'N' || i, 'v n' || i, 'x', 'x'"
columns="accounts(login, tier, status, given_name, family_name, folded_name, created_at, updated_at)"
sqlite3 "$sqlite" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $accounts)
  INSERT INTO $columns $rows FROM n"
psql -X -q -v ON_ERROR_STOP=1 "$pg" -c "INSERT INTO $columns $rows FROM generate_series(1, $accounts) AS i" \
  -c "ANALYZE accounts"
id=50017
[ "$(sqlite3 "$sqlite" "SELECT login FROM accounts WHERE id = $id")" = \
  "$(psql -X -At "$pg" -c "SELECT login FROM accounts WHERE id = $id")" ] || { echo "the data sets differ" >&2; exit 1; }

# Not called as $(serve …): the server would hold the substitution's pipe, and its pid be lost.
serve() {  # serve DB NAME → sets url to the instance's URL; its pid joins pids
  "$V" --db "$1" serve --listen 127.0.0.1:0 --port-file "$dir/$2.port" >/dev/null 2>&1 &
  pids+=($!)
  for _ in $(seq 200); do [ -s "$dir/$2.port" ] && break; sleep 0.05; done
  [ -s "$dir/$2.port" ] || { echo "serve $2 did not start" >&2; exit 1; }
  url="http://127.0.0.1:$(cat "$dir/$2.port")"
}
serve "$sqlite" sqlite && sqlite_url=$url
serve "$pg" pg1 && pg_url=$url
serve "$pg" pg2 && pg2_url=$url

rate() {  # rate CONNECTIONS TOKEN URL → requests per second
  wrk -t1 -c"$1" -d"${secs}s" -H "Authorization: Bearer $2" "$3/api/v1/accounts/$id" | awk '/Requests\/sec/ {print $2}'
}
# Both instances at once: each wrk gets half of the 16 connections, their rates are added.
rate_two() {
  rate 8 "$pg_token" "$pg_url" >"$dir/rate1" &
  local first=$!
  rate 8 "$pg_token" "$pg2_url" >"$dir/rate2"
  wait "$first"
  awk '{ sum += $1 } END { print sum }' "$dir/rate1" "$dir/rate2"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The figures mean little on a busy machine: the load is part of the result.
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "load average before: $(load)"
rate 16 "$sqlite_token" "$sqlite_url" >/dev/null  # warm both servers and caches once
rate 16 "$pg_token" "$pg_url" >/dev/null
for round in $(seq "$rounds"); do
  s=$(rate 16 "$sqlite_token" "$sqlite_url")
  p=$(rate 16 "$pg_token" "$pg_url")
  p2=$(rate_two)
  echo "$s" >>"$dir/sqlite" && echo "$p" >>"$dir/pg" && echo "$p2" >>"$dir/pg2"
  awk -v r="$round" -v s="$s" -v p="$p" -v q="$p2" 'BEGIN {
    printf "round %d: sqlite %.0f, pg %.0f, pg x2 %.0f req/s\n", r, s, p, q }'
done
echo "load average after: $(load)"
s=$(median <"$dir/sqlite") p=$(median <"$dir/pg") p2=$(median <"$dir/pg2")
awk -v s="$s" -v p="$p" -v q="$p2" -v n="$rounds" 'BEGIN {
  printf "GET /api/v1/accounts/{id}, medians of %d rounds: sqlite %.0f req/s; pg %.0f req/s (%.2fx sqlite, target >= 0.5); pg on two instances %.0f req/s (%.2fx one instance, target >= 0.9)\n",
         n, s, p, p / s, q, q / p }'
