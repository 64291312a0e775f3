#!/usr/bin/env bash
# Benchmark: `payments returns import` of a camt.054 file with N returned debits (default 100,000)
# against a store whose N charges were exported: wall time and peak memory (GNU time's maximum
# resident set size), next to N/10 entries to show that memory stays flat. The entries mix the
# policy's outcomes (a third each: AC04 revokes the mandate, AM04 re-presents, MS03 returns) and
# a return fee is booked for each. Target: under 2 s, memory flat.
#   scripts/bench/payments_returns.sh [N]     (BIN=path/to/vrathaus, default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
BIN=${BIN:-build/release/cli/vrathaus}
[ -x "$BIN" ] || { echo "build first: scripts/build.sh build/release" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
# shellcheck source=permits_lib.bash
source scripts/bench/permits_lib.bash
# shellcheck source=../lib/bank_files.bash
source scripts/lib/bank_files.bash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export VRATHAUS_CONFIG=$work/city.yaml NO_COLOR=1
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_STAFF VRATHAUS_PROFILE
due_permits_config "$VRATHAUS_CONFIG"
echo "    return_fee_cents: 300" >>"$VRATHAUS_CONFIG"

measure() {  # measure COUNT: renews and exports COUNT charges (untimed), then times the import of their returns
  local n=$1 db=$work/store-$1.db
  bench_store "$db" "$n"
  VRATHAUS_NOW=2026-11-25T09:00:00Z "$BIN" --db "$db" -q permits renew -o json >/dev/null
  VRATHAUS_NOW=2026-12-11T09:00:00Z "$BIN" --db "$db" -q payments export --out "$work/export-$n.xml" -o json >/dev/null
  sqlite3 "$db" "SELECT end_to_end_id, mandate_reference, amount_cents,
                        CASE id % 3 WHEN 0 THEN 'AC04' WHEN 1 THEN 'AM04' ELSE 'MS03' END
                   FROM charges WHERE batch = 1 ORDER BY id" | tr '|' ' ' | camt054_returns "CAMT-BENCH-$n" >"$work/camt-$n.xml"
  VRATHAUS_NOW=2026-12-18T09:00:00Z /usr/bin/time -v -o "$work/time-$n" \
    "$BIN" --db "$db" payments returns import "$work/camt-$n.xml" -o json >"$work/result-$n.json"
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time-$n")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$n")
  [ "$(jq .applied "$work/result-$n.json")" = "$n" ] || { echo "the import of $n did not apply $n entries" >&2; exit 1; }
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$work/time-$n")
  printf '  %7d entries: %s wall, %s s CPU, peak RSS %d KiB, file %d bytes\n' "$n" "$wall" "$cpu" "$rss" \
    "$(stat -c %s "$work/camt-$n.xml")"
}
echo "payments returns import (camt.054.001.08), reading the file and applying the policy"
measure $((N / 10))
measure "$N"
