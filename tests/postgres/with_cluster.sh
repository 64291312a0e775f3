#!/usr/bin/env bash
# tests/postgres/with_cluster.sh COMMAND…: runs COMMAND with VRATHAUS_TEST_PG_URL set to the
# throwaway cluster's URL (VRATHAUS_PG_CLUSTER, VRATHAUS_PG_STATE: set by tests/postgres);
# exit 77 (skip) when no cluster runs.
set -euo pipefail
VRATHAUS_TEST_PG_URL=$("$VRATHAUS_PG_CLUSTER" url "$VRATHAUS_PG_STATE") || exit $?
export VRATHAUS_TEST_PG_URL
exec "$@"
