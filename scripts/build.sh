#!/usr/bin/env bash
# scripts/build.sh [BUILD_DIR] [extra cmake args…] — configures and builds with -Werror, 2 jobs.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVRATHAUS_WERROR=ON "${launcher[@]}" "$@" >/dev/null
cmake --build "$dir" -j "${JOBS:-2}"
