#!/usr/bin/env bash
# scripts/bench/coverage.sh [BUILD_DIR] — the coverage benchmark: 10 offices × 365
# days × 1,000 staff with absences, target under 100 ms. Builds the optimised benchmark program,
# runs it (pure computation; load + compute + JSON), then times the real command on the store it
# generated: `vrathaus coverage` for the whole year, median of 7 runs (process start included).
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-build/release}
if [ ! -f "$dir/CMakeCache.txt" ]; then scripts/build.sh "$dir" -DVRATHAUS_BUILD_MAN=OFF -DVRATHAUS_WERROR=OFF; fi  # a benchmark needs no -Werror
cmake --build "$dir" -j "${JOBS:-2}" --target vrathaus coverage_bench >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$dir/tests/bench/coverage_bench" --keep-store "$work/bench.db"

cat >"$work/config.yaml" <<'YAML'
city:
  holidays: [2026-01-01, 2026-04-03, 2026-04-06, 2026-05-01, 2026-05-14, 2026-05-25, 2026-06-04,
             2026-10-03, 2026-11-01, 2026-12-25, 2026-12-26]
YAML
times=()
for _ in 1 2 3 4 5 6 7; do
  start=$(date +%s%N)
  set +e
  VRATHAUS_CONFIG=$work/config.yaml "$dir/cli/vrathaus" --db "$work/bench.db" -q -o json \
    coverage --from 2026-01-01 --to 2026-12-31 >"$work/report.json" 2>/dev/null
  rc=$?
  set -e
  end=$(date +%s%N)
  [ "$rc" -le 1 ] || { echo "vrathaus coverage failed with exit $rc" >&2; exit 1; }
  times+=($(( (end - start) / 1000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 4p)
printf '  vrathaus coverage --from 2026-01-01 --to 2026-12-31 -o json: median %d.%02d ms of 7 runs (exit %d, %s gaps)\n' \
  $((median / 1000)) $(((median % 1000) / 10)) "$rc" "$(jq '.gaps | length' "$work/report.json")"
