#!/usr/bin/env bash
# Benchmark: `payments export` of N open charges (default 100,000): wall time and
# peak memory (GNU time's maximum resident set size), next to N/10 charges to show that memory
# stays flat. Target: under 2 s, memory flat.
#   scripts/bench/payments_export.sh [N]     (BIN=path/to/vrathaus, default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
BIN=${BIN:-build/release/cli/vrathaus}
[ -x "$BIN" ] || { echo "build first: scripts/build.sh build/release" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
# shellcheck source=permits_lib.bash
source scripts/bench/permits_lib.bash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export VRATHAUS_CONFIG=$work/city.yaml NO_COLOR=1
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_STAFF VRATHAUS_PROFILE
due_permits_config "$VRATHAUS_CONFIG"

measure() {  # measure COUNT: renews COUNT permits (untimed), then times the export of their charges
  local n=$1 db=$work/store-$1.db
  bench_store "$db" "$n"
  VRATHAUS_NOW=2026-11-25T09:00:00Z "$BIN" --db "$db" -q permits renew -o json >/dev/null
  VRATHAUS_NOW=2026-12-11T09:00:00Z /usr/bin/time -v -o "$work/time-$n" \
    "$BIN" --db "$db" payments export --out "$work/export-$n.xml" -o json >"$work/result-$n.json"
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time-$n")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$n")
  [ "$(jq .transactions "$work/result-$n.json")" = "$n" ] || { echo "export of $n did not hold $n transactions" >&2; exit 1; }
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$work/time-$n")
  printf '  %7d charges: %s wall, %s s CPU, peak RSS %d KiB, file %d bytes\n' "$n" "$wall" "$cpu" "$rss" \
    "$(stat -c %s "$work/export-$n.xml")"
}
echo "payments export (pain.008.001.08, the default format), export plus writing the file"
measure $((N / 10))
measure "$N"
