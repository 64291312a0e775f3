#!/usr/bin/env bash
# Benchmark: `payments export` and `payments returns import` on a PostgreSQL store, N charges each
# (default 100,000), next to N/10 to show that memory stays flat. The same data as
# payments_export.sh and payments_returns.sh (N due permits renewed, their charges exported, a
# camt.054 returning all of them: a third each AC04, AM04, MS03, a return fee each), on a
# throwaway cluster (tests/support/pg_cluster.sh) this script starts and stops. Wall time counts
# the server's work too; CPU seconds are the client's alone.
#   scripts/bench/payments_pg.sh [N]     (BIN=path/to/vrathaus, default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
BIN=${BIN:-build/release/cli/vrathaus}
[ -x "$BIN" ] || { echo "build first: scripts/build.sh build/release" >&2; exit 1; }
for tool in psql /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "payments_pg.sh: needs $tool (scripts/install-deps.sh)" >&2; exit 1; }
done
# shellcheck source=permits_lib.bash
source scripts/bench/permits_lib.bash
# shellcheck source=../lib/bank_files.bash
source scripts/lib/bank_files.bash
# shellcheck source=pg_bench.bash
source scripts/bench/pg_bench.bash
work=$(mktemp -d)
start_bench_cluster "$work"
export NO_COLOR=1
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_STAFF VRATHAUS_PROFILE
due_permits_config "$work/city.yaml"
bench_config "$work/city.yaml" "$work/document.key"
echo "    return_fee_cents: 300" >>"$VRATHAUS_CONFIG"

timed() {  # timed LABEL COUNT CMD…: one line of wall, client CPU and peak RSS
  local label=$1 n=$2
  shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/out.json"
  read -r wall user sys rss <"$work/time"
  printf '  %-15s %7d: %6.2f s wall, %5.2f s client CPU, peak RSS %6.1f MiB\n' "$label" "$n" "$wall" \
    "$(echo "$user + $sys" | bc)" "$(echo "$rss / 1024" | bc -l)"
}

measure() {  # measure COUNT
  local n=$1 url
  psql -X -q "$cluster" -c "CREATE DATABASE bench_$n" >/dev/null
  url=$(database_url "bench_$n")
  "$BIN" --db "$url" -q db init >/dev/null
  seed_due_permits_pg "$url" "$n"
  VRATHAUS_NOW=2026-11-25T09:00:00Z "$BIN" --db "$url" -q permits renew -o json >/dev/null
  VRATHAUS_NOW=2026-12-11T09:00:00Z timed "export" "$n" \
    "$BIN" --db "$url" -q payments export --out "$work/export-$n.xml" -o json
  [ "$(jq .transactions "$work/out.json")" = "$n" ] || { echo "payments_pg.sh: the export of $n did not hold $n charges" >&2; exit 1; }
  psql -X -At -F ' ' "$url" -c "SELECT end_to_end_id, mandate_reference, amount_cents,
                                       CASE id % 3 WHEN 0 THEN 'AC04' WHEN 1 THEN 'AM04' ELSE 'MS03' END
                                  FROM charges WHERE batch = 1 ORDER BY id" | camt054_returns "CAMT-BENCH-$n" >"$work/camt-$n.xml"
  VRATHAUS_NOW=2026-12-18T09:00:00Z timed "returns import" "$n" \
    "$BIN" --db "$url" -q payments returns import "$work/camt-$n.xml" -o json
  [ "$(jq .applied "$work/out.json")" = "$n" ] || { echo "payments_pg.sh: the import of $n did not apply $n entries" >&2; exit 1; }
}
echo "payments export and returns import on PostgreSQL (pain.008.001.08, camt.054.001.08)"
measure $((N / 10))
measure "$N"
