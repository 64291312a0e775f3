#!/usr/bin/env bash
# scripts/bench/appointments.sh [BUILD_DIR] — the appointments benchmark: `appointments slots`
# across 10 offices × 60 days × 1,000 staff (two months of bookings, part-timers, whole-day and
# half-day absences), target under 100 ms. Builds the optimised benchmark program and runs it: the
# median of one call for each of the 60 days, for one office and across every office.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-build/release}
if [ ! -f "$dir/CMakeCache.txt" ]; then scripts/build.sh "$dir" -DVRATHAUS_BUILD_MAN=OFF -DVRATHAUS_WERROR=OFF; fi  # a benchmark needs no -Werror
cmake --build "$dir" -j "${JOBS:-2}" --target appointments_bench >/dev/null
"$dir/tests/bench/appointments_bench"
