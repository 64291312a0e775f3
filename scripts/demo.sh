#!/usr/bin/env bash
# The walk-through on the embedded SQLite store: installs what is missing, builds, then runs a
# day at Dortmund's Bürgerdienste from a fresh store. Every command is printed before it runs.
#   scripts/demo.sh [WORK_DIR]      (default: ./demo-run; removed and recreated)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/install-deps.sh
scripts/build.sh build/release >/dev/null

work=$(realpath -m "${1:-demo-run}")
rm -rf "$work" && mkdir -p "$work"
vrathaus() { "$root/build/release/cli/vrathaus" "$@"; }
export VRATHAUS_DB=$work/vrathaus.db
export VRATHAUS_CONFIG=$root/config/demo.yaml
export VRATHAUS_NOW=${VRATHAUS_NOW:-2026-11-25T09:00:00Z}   # a Wednesday: reproducible output
unset VRATHAUS_REMOTE VRATHAUS_TOKEN_FILE VRATHAUS_STAFF VRATHAUS_PROFILE VRATHAUS_OUTPUT

bold="" plain=""
if [ -t 2 ] && [ -z "${NO_COLOR:-}" ] && [ "${TERM:-dumb}" != dumb ]; then bold=$'\033[1m' plain=$'\033[0m'; fi
step() {
  printf '\n%s$ vrathaus %s%s\n' "$bold" "$*" "$plain" >&2
  vrathaus "$@"
}
# A step whose non-zero exit is the point of the demonstration.
step_expect() {
  local want=$1
  shift
  set +e
  step "$@"
  local got=$?
  set -e
  [ "$got" = "$want" ] || { echo "demo: expected exit $want, got $got" >&2; exit 1; }
  echo "(exit $got, as expected)" >&2
}

echo "== 1. A fresh store with Dortmund's offices and staff" >&2
step db init --seed "$root/config/dortmund-seed.yaml"
step offices list
step staff list --office hoerde

echo "== 2. Who can upgrade accounts where, today and in the next days (the coverage rule)" >&2
step offices available --date 2026-11-25
step staff show p.wagner
step_expect 1 coverage --to 2026-11-27

echo "== 3. A citizen registers on the portal (a guest account)" >&2
step --as portal accounts create --login juergen.schroeter@example.de --given-name Jürgen --family-name Schröter \
  --birth-date 1971-06-02 --street Kaiserstraße --house-no 12 --postal-code 44135 --city Dortmund
step accounts search Schroeter
step_expect 4 --as portal accounts create --login Juergen.Schroeter@example.de --given-name J --family-name S

echo "== 9. The audit log, and its integrity" >&2
step audit list --object account:1
step audit verify
step db check

echo "== demo complete: the store is $VRATHAUS_DB" >&2
