#!/usr/bin/env bash
# run.sh BACKEND SCENARIO WORKDIR — runs one contract scenario against local or remote.
set -euo pipefail
export BACKEND=$1 WORK=$3
scenario=$2
command -v jq >/dev/null || { echo "jq is required" >&2; exit 1; }
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck disable=SC1090
source "$scenario"
# The client really alternated: each instance answered requests (one access-log line each).
if on_postgres; then
  for log in "$WORK"/serve.*.log; do
    grep -q '"method"' "$log" || { echo "FAIL [$BACKEND]: $(basename "$log" .log) answered no request" >&2; exit 1; }
  done
fi
echo "passed: $(basename "$scenario" .sh) on $BACKEND"
