#!/usr/bin/env bash
# scripts/bench/import_postgresql.sh — the bulk import on PostgreSQL against psql's \copy.
#
# Starts a throwaway cluster (tests/support/pg_cluster.sh), generates a file (default 1,000,000
# rows, ~1 % invalid) and times, each into a fresh database:
#   reference   psql \copy of the file into one plain table of the same columns (all text)
#   floor       psql, into a fresh vrathaus database: the same \copy into a plain table, then
#               INSERT … SELECT … ON CONFLICT DO NOTHING of its rows into accounts and mandates, in
#               one transaction: what PostgreSQL alone needs for the writes an import makes (the
#               tables' indexes and foreign keys), before any parsing, validation or lookup
#   import      vrathaus import business --on-error skip
#   again       the same command again on the store it filled: every row unchanged or rejected
#   checked     vrathaus import business with the default --on-error abort into a fresh database:
#               the checking pass over every row, which finds the invalid ones and imports nothing
#   small       the same import of a tenth of the file, to show that peak memory stays flat
# and prints each wall time, its ratio to the reference and the peak resident memory.
#
# usage: scripts/bench/import_postgresql.sh [--rows N] [--bin PATH]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=1000000 bin=${VRATHAUS_BIN:-build/release/cli/vrathaus}
while [ $# -gt 0 ]; do
  case $1 in
    --rows) rows=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "import_postgresql.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in psql /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "import_postgresql.sh: needs $tool (scripts/install-deps.sh)" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "import_postgresql.sh: no vrathaus binary at $bin" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/vrathaus-pg-bench.XXXXXX")
# shellcheck source=pg_bench.bash
source scripts/bench/pg_bench.bash
start_bench_cluster "$work"
bench_config "$work/config.yaml" "$work/document.key"
export NO_COLOR=1
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_TOKEN_FILE VRATHAUS_STAFF VRATHAUS_PROFILE VRATHAUS_OUTPUT

fresh_database() {  # NAME: prints its URL
  psql -X -q "$cluster" -c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
  database_url "$1"
}
# measure NAME CMD…: wall seconds and peak RSS (KiB) into $NAME_s and $NAME_kb.
measure() {
  local name=$1
  shift
  local status=0
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || status=$?
  # 1: rows rejected (--on-error skip), 5: invalid rows and nothing imported (abort).
  [ "$status" = 0 ] || [ "$status" = 1 ] || [ "$status" = 5 ] || { cat "$work/stderr" >&2; exit 1; }
  # A non-zero exit adds a line of its own before the figures.
  read -r "${name}_s" "${name}_kb" < <(tail -n 1 "$work/time")
}
import_into() {  # NAME FILE [OPTIONS…]: into a fresh database, whose URL is left in $url
  local name=$1 file=$2
  shift 2
  url=$(fresh_database "$name")
  "$bin" --db "$url" -q db init >/dev/null
  "$bin" --db "$url" -q staff add importer --name Systemhaus-Import --role importer >/dev/null
  measure "$name" "$bin" --db "$url" --as importer -q import business "$file" "$@"
}

echo "generating $rows rows ..." >&2
scripts/generate-business-csv -n "$rows" -s 7 --invalid 1 >"$work/file.csv"
head -n $((rows / 10 + 1)) "$work/file.csv" >"$work/small.csv"
columns=$(head -1 "$work/file.csv" | tr ';' '\n' | sed 's/$/ text/' | paste -sd, -)
url=$(fresh_database reference)
psql -X -q -v ON_ERROR_STOP=1 "$url" -c "CREATE TABLE plain($columns)"
measure reference psql -X -q -v ON_ERROR_STOP=1 "$url" -c "\\copy plain FROM '$work/file.csv' WITH (FORMAT csv, HEADER, DELIMITER ';')"
url=$(fresh_database floor)
"$bin" --db "$url" -q db init >/dev/null
cat >"$work/floor.sql" <<EOF
BEGIN;
CREATE TEMP TABLE plain($columns) ON COMMIT DROP;
\\copy plain FROM '$work/file.csv' WITH (FORMAT csv, HEADER, DELIMITER ';')
INSERT INTO import_runs(kind, file, sha256, actor, on_error, status, started_at, updated_at)
  VALUES ('business', 'file.csv', '', 'importer', 'skip', 'done', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z');
INSERT INTO accounts(login, company_name, legal_form, register_court, register_no, vat_id, street, house_no,
  postal_code, city, phone, contact_given_name, contact_family_name, customer_no, folded_name, tier, status, assurance,
  verified_at, verified_by, verification_method, created_at, updated_at, version, import_run)
SELECT email, company_name, legal_form, register_court, register_no, vat_id, street, house_no, postal_code, city, phone,
  contact_given_name, contact_family_name, customer_no, lower(company_name), 'business', 'active', 'substantial',
  '2026-11-25T09:00:00Z', 'importer', 'systemhaus', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z', 1, 1
  FROM plain WHERE email IS NOT NULL ON CONFLICT DO NOTHING;
INSERT INTO mandates(account_id, iban, bic, reference, signed_on, status, created_at, updated_at, import_run)
SELECT a.id, p.iban, p.bic, p.mandate_reference, p.mandate_signed_on, 'active', '2026-11-25T09:00:00Z',
  '2026-11-25T09:00:00Z', 1 FROM plain p JOIN accounts a ON a.customer_no = p.customer_no
 WHERE p.mandate_reference IS NOT NULL AND p.iban IS NOT NULL AND p.mandate_signed_on IS NOT NULL ON CONFLICT DO NOTHING;
COMMIT;
EOF
measure floor psql -X -q -v ON_ERROR_STOP=1 "$url" -f "$work/floor.sql"
import_into import "$work/file.csv" --on-error skip
measure again "$bin" --db "$url" --as importer -q import business "$work/file.csv" --on-error skip
import_into checked "$work/file.csv"
import_into small "$work/small.csv" --on-error skip
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
printf '%-10s %8s %8s %10s\n' run seconds ratio "peak MiB"
printf '%-10s %8s %8s %10s\n' reference "$reference_s" 1.00 "$(mib "$reference_kb")"
printf '%-10s %8s %8s %10s\n' floor "$floor_s" "$(ratio "$floor_s" "$reference_s")" "$(mib "$floor_kb")"
for run in import again checked; do
  seconds=${run}_s kb=${run}_kb
  printf '%-10s %8s %8s %10s\n' "$run" "${!seconds}" "$(ratio "${!seconds}" "$reference_s")" "$(mib "${!kb}")"
done
printf '%-10s %8s %8s %10s\n' "small" "$small_s" - "$(mib "$small_kb")"
