#!/usr/bin/env bash
# scripts/bench/db_copy.sh — `db copy` of an SQLite store to PostgreSQL: time and peak memory.
#
# Starts a throwaway cluster (tests/support/pg_cluster.sh), builds two SQLite stores by importing
# a generated business file (ROWS accounts with ~80 % mandates, and a tenth of that) and copies
# each into a fresh database, then the large one back into a new SQLite file. Prints the rows
# copied, the wall time and the peak resident memory of each copy: the memory should not grow
# with the store (rows are streamed, never held).
#
# usage: scripts/bench/db_copy.sh [--rows N] [--bin PATH]      (default 100,000 accounts)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=100000 bin=${VRATHAUS_BIN:-build/release/cli/vrathaus}
while [ $# -gt 0 ]; do
  case $1 in
    --rows) rows=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "db_copy.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in psql /usr/bin/time jq; do
  command -v "$tool" >/dev/null || { echo "db_copy.sh: needs $tool (scripts/install-deps.sh)" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "db_copy.sh: no vrathaus binary at $bin" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/vrathaus-copy-bench.XXXXXX")
# shellcheck source=pg_bench.bash
source scripts/bench/pg_bench.bash
start_bench_cluster "$work"
bench_config "$work/config.yaml" "$work/document.key"
export NO_COLOR=1 VRATHAUS_NOW=2026-11-25T09:00:00Z
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_TOKEN_FILE VRATHAUS_STAFF VRATHAUS_PROFILE VRATHAUS_OUTPUT

store() {  # N: an SQLite store with N imported accounts; prints its path
  local db=$work/s$1.db
  scripts/generate-business-csv -n "$1" -s 3 >"$work/f$1.csv"
  "$bin" --db "$db" -q db init >/dev/null
  "$bin" --db "$db" -q staff add importer --name Import --role importer >/dev/null
  "$bin" --db "$db" -q --as importer import business "$work/f$1.csv" >/dev/null
  echo "$db"
}
copy() {  # LABEL SOURCE TARGET
  /usr/bin/time -f '%e %M' -o "$work/time" "$bin" --db "$2" -q db copy --to "$3" -o json >"$work/out.json"
  read -r seconds kb <"$work/time"
  awk -v what="$1" -v rows="$(jq .rows "$work/out.json")" -v s="$seconds" -v kb="$kb" \
    'BEGIN { printf "%-30s %8d rows  %6.2f s  peak RSS %6.1f MiB\n", what, rows, s, kb / 1024 }'
}
small=$((rows / 10))
for n in "$small" "$rows"; do
  psql -X -q -v ON_ERROR_STOP=1 "$cluster" -c "CREATE DATABASE copy_$n"
  copy "SQLite → PostgreSQL ($n)" "$(store "$n")" "$(database_url "copy_$n")"
done
copy "PostgreSQL → SQLite ($rows)" "$(database_url "copy_$rows")" "$work/back.db"
