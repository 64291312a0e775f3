#!/usr/bin/env bash
# scripts/bench/training_plan.sh [BUILD_DIR] — the training plan benchmark: 10 offices × 1,000
# staff each × 365 days, with departures, transfers, expiring certifications and absences; target
# under 100 ms. Builds the optimised benchmark program and runs it.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-build/release}
if [ ! -f "$dir/CMakeCache.txt" ]; then scripts/build.sh "$dir" -DVRATHAUS_BUILD_MAN=OFF -DVRATHAUS_WERROR=OFF; fi  # a benchmark needs no -Werror
cmake --build "$dir" -j "${JOBS:-2}" --target training_plan_bench >/dev/null
"$dir/tests/bench/training_plan_bench"
