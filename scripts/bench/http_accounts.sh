#!/usr/bin/env bash
# Benchmark: GET /api/v1/accounts/{id} under wrk on loopback, next to GET /healthz on
# the same server. Target: at least 0.5× the throughput of /healthz.
#   scripts/bench/http_accounts.sh [SECONDS]   (needs a built build/release and wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-10}
V=$(pwd)/build/release/cli/vrathaus
command -v wrk >/dev/null || { echo "apt-get install wrk" >&2; exit 1; }
dir=$(mktemp -d)
export VRATHAUS_CONFIG=/dev/null
db=$dir/bench.db
"$V" --db "$db" -q db init >/dev/null
"$V" --db "$db" -q offices add innenstadt --name Innenstadt >/dev/null
"$V" --db "$db" -q staff add bench --name Bench --office innenstadt --role clerk >/dev/null
token=$("$V" --db "$db" tokens create --staff bench -o json | jq -r .token)
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
  INSERT INTO accounts(login, tier, status, given_name, family_name, folded_name, created_at, updated_at)
  SELECT 'p' || i || '@example.de', 'guest', 'active', 'V', 'N' || i, 'v n' || i, 'x', 'x' FROM n"
"$V" --db "$db" serve --listen 127.0.0.1:0 --port-file "$dir/port" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 200); do [ -s "$dir/port" ] && break; sleep 0.05; done
url=http://127.0.0.1:$(cat "$dir/port")
rate() { wrk -t2 -c16 -d"${secs}s" "$@" | awk '/Requests\/sec/ {print $2}'; }
healthz=$(rate "$url/healthz")
account=$(rate -H "Authorization: Bearer $token" "$url/api/v1/accounts/50017")
awk -v h="$healthz" -v a="$account" 'BEGIN { printf "GET /healthz: %.0f req/s; GET /api/v1/accounts/50017: %.0f req/s; ratio %.2fx\n", h, a, a / h }' 
