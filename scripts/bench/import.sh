#!/usr/bin/env bash
# scripts/bench/import.sh — the bulk-import benchmark.
#
# Generates a realistic file (default 1,000,000 rows, ~1 % invalid) and times, side by side in one
# invocation on the same machine:
#   reference   sqlite3 .import of the file into one plain table of the same columns
#   floor       sqlite3 INSERT … SELECT of those rows into a fresh store: the accounts (with their
#               login and customer-number indexes) and the mandates (reference and account
#               indexes), with the import's connection settings, in one transaction, and the
#               checkpoint that copies them into the store file. What SQLite alone needs for the
#               writes an import makes, before any parsing, validation or lookup.
#   local       vrathaus import business --on-error skip into a fresh store
#   re-import   the same command again (nothing changes)
#   remote      the same import through `vrathaus serve` on loopback into a fresh store
# and prints each wall time, its ratio to the reference (to local for remote and re-import), and
# the peak resident memory, also of a run on a tenth of the file to show it stays flat. The
# reference, floor, local and re-import runs are repeated (--runs, default 3) and their median
# is shown: a shared machine's disk and neighbours vary from one run to the next.
#
# usage: scripts/bench/import.sh [--rows N] [--runs N] [--bin PATH] [--dir DIR] [--keep] [--no-mandates]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=1000000 runs=3 bin=${VRATHAUS_BIN:-build/release/cli/vrathaus} dir="" keep=0 mandates=1
while [ $# -gt 0 ]; do
  case $1 in
    --rows) rows=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --bin) bin=$2; shift 2 ;;
    --dir) dir=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --no-mandates) mandates=0; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "import.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in sqlite3 jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "import.sh: needs $tool (scripts/install-deps.sh)" >&2; exit 2; }
done
[ -x "$bin" ] || { echo "import.sh: no vrathaus binary at $bin (scripts/build.sh build/release, or --bin)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
work=${dir:-$(mktemp -d "${TMPDIR:-/tmp}/vrathaus-bench.XXXXXX")}
mkdir -p "$work"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  [ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT
export VRATHAUS_CONFIG=/dev/null NO_COLOR=1
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_TOKEN_FILE VRATHAUS_STAFF VRATHAUS_PROFILE VRATHAUS_OUTPUT

# A fresh store with the importer service identity (and its API token for the remote run).
fresh_store() {
  rm -f "$1" "$1"-wal "$1"-shm
  "$bin" --db "$1" -q db init >/dev/null
  "$bin" --db "$1" -q staff add importer --name Systemhaus-Import --role importer >/dev/null
}
# measure NAME CMD…: wall seconds and peak RSS (KiB) into $NAME_s and $NAME_kb.
measure() {
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || true
  # A failing command adds a line before the figures.
  read -r "${name}_s" "${name}_kb" < <(tail -n 1 "$work/$name.time")
}
# repeat NAME SETUP CMD…: SETUP, then measure CMD, --runs times. NAME_s is the median wall time,
# NAME_kb the largest peak RSS. Each run starts after `sync`, so that it does not wait for the
# previous run's writes to reach the disk.
repeat() {
  local name=$1 setup=$2 i seconds=() largest=0 var
  shift 2
  for ((i = 0; i < runs; i++)); do
    $setup
    sync
    measure "$name" "$@"
    var=${name}_s
    seconds+=("${!var}")
    var=${name}_kb
    [ "${!var}" -gt "$largest" ] && largest=${!var}
  done
  printf -v "${name}_s" '%s' "$(printf '%s\n' "${seconds[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
  printf -v "${name}_kb" '%s' "$largest"
  echo "  $name: ${seconds[*]} s" >&2
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

# Mandate columns need the SEPA capability; without it every mandate row would be rejected.
if [ "$mandates" = 1 ]; then
  fresh_store "$work/probe.db"
  printf 'customer_no;company_name;street;house_no;postal_code;city;email;iban;bic;mandate_reference;mandate_signed_on\nP-1;P GmbH;Hohe Straße;1;44135;Dortmund;p@example.de;DE89370400440532013000;;P-1;2024-01-02\n' \
    >"$work/probe.csv"
  "$bin" --db "$work/probe.db" --as importer import business "$work/probe.csv" -q >/dev/null 2>&1 || {
    echo "note: this build cannot import mandates; the file has no mandate columns" >&2
    mandates=0
  }
fi
gen_args=(-n "$rows" -s 7 --invalid 1)
[ "$mandates" = 1 ] || gen_args+=(--no-mandates)
file=$work/business.csv
echo "generating $rows rows ..." >&2
scripts/generate-business-csv "${gen_args[@]}" >"$file"
head -n $((rows / 10 + 1)) "$file" >"$work/tenth.csv"
size=$(du -m "$file" | cut -f1)

echo "reference: sqlite3 .import ..." >&2
columns=$(head -1 "$file" | sed 's/;/ TEXT, /g; s/$/ TEXT/')
cat >"$work/reference.sql" <<EOF
CREATE TABLE business($columns);
.mode csv
.separator ;
.import --skip 1 $file business
EOF
no_reference() { rm -f "$work/reference.db"; }
repeat reference no_reference sqlite3 "$work/reference.db" ".read $work/reference.sql"

echo "floor: sqlite3 INSERT ... SELECT into the accounts and mandates tables ..." >&2
mandate_sql=""
if [ "$mandates" = 1 ]; then
  # Finding each mandate's account costs one lookup by customer number (the import knows the id).
  mandate_sql="INSERT OR IGNORE INTO mandates(account_id, iban, bic, reference, signed_on, status, created_at, updated_at,
  import_run) SELECT a.id, b.iban, nullif(b.bic, ''), b.mandate_reference, b.mandate_signed_on, 'active',
  '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z', 1 FROM r.business b JOIN accounts a ON a.customer_no = b.customer_no
  WHERE b.mandate_reference <> '';"
fi
cat >"$work/floor.sql" <<EOF
ATTACH '$work/reference.db' AS r;
PRAGMA cache_size = -32768;
PRAGMA ignore_check_constraints = ON;
PRAGMA foreign_keys = OFF;
PRAGMA wal_autocheckpoint = 0;
BEGIN;
INSERT INTO import_runs(kind, file, sha256, actor, on_error, status, started_at, updated_at)
  VALUES ('business', 'business.csv', '', 'importer', 'skip', 'done', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z');
INSERT OR IGNORE INTO accounts(login, company_name, legal_form, register_court, register_no, vat_id, street, house_no,
  postal_code, city, phone, contact_given_name, contact_family_name, customer_no, folded_name, tier, status, assurance,
  verified_at, verified_by, verification_method, created_at, updated_at, version, import_run)
SELECT email, company_name, legal_form, register_court, register_no, vat_id, street, house_no, postal_code, city, phone,
  contact_given_name, contact_family_name, customer_no, lower(company_name), 'business', 'active', 'substantial',
  '2026-11-25T09:00:00Z', 'importer', 'systemhaus', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z', 1, 1 FROM r.business;
$mandate_sql
COMMIT;
PRAGMA wal_checkpoint(PASSIVE);
EOF
fresh_floor() { fresh_store "$work/floor.db"; }
repeat floor fresh_floor sqlite3 "$work/floor.db" ".read $work/floor.sql"

echo "vrathaus import (local) ..." >&2
fresh_local() { fresh_store "$work/local.db"; }
repeat local fresh_local "$bin" --db "$work/local.db" --as importer import business "$file" --on-error skip -o json
jq -e '.rows > 0' "$work/local.out" >/dev/null || { echo "the local import failed: $(cat "$work/local.err")" >&2; exit 1; }
echo "vrathaus import (re-import) ..." >&2
repeat reimport : "$bin" --db "$work/local.db" --as importer import business "$file" --on-error skip -o json
jq -e '.created == 0 and .updated == 0' "$work/reimport.out" >/dev/null || { echo "the re-import changed something" >&2; exit 1; }
echo "vrathaus import (a tenth of the file, for memory) ..." >&2
fresh_store "$work/tenth.db"
measure tenth "$bin" --db "$work/tenth.db" --as importer import business "$work/tenth.csv" --on-error skip -o json

echo "vrathaus import (remote, through vrathaus serve on loopback) ..." >&2
fresh_store "$work/remote.db"
"$bin" --db "$work/remote.db" tokens create --staff importer -o json | jq -r .token >"$work/token"
chmod 600 "$work/token"
rm -f "$work/port"
"$bin" --db "$work/remote.db" serve --listen 127.0.0.1:0 --port-file "$work/port" 2>"$work/serve.log" &
server=$!
for _ in $(seq 200); do [ -s "$work/port" ] && break; sleep 0.05; done
[ -s "$work/port" ] || { echo "the server did not start: $(cat "$work/serve.log")" >&2; exit 1; }
measure remote "$bin" --remote "http://127.0.0.1:$(cat "$work/port")" --token-file "$work/token" import business "$file" \
  --on-error skip -o json
server_kb=$(awk '/^VmHWM/ {print $2}' "/proc/$server/status")
kill "$server"
wait "$server" 2>/dev/null || true
server=""
jq -e '.rows > 0' "$work/remote.out" >/dev/null || { echo "the remote import failed: $(cat "$work/remote.err")" >&2; exit 1; }

summary=$(jq -c '{rows, created, rejected}' "$work/local.out")
cat <<EOF

vrathaus bulk import: $rows rows (${size} MB, $(jq .rejected "$work/local.out") rejected), median of $runs runs, $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)
$summary

| run | wall s | ratio | peak RSS MiB | target |
|---|---:|---:|---:|---|
| sqlite3 .import into a plain table (reference) | $reference_s | 1.00 | $(mib "$reference_kb") | |
| sqlite3 INSERT…SELECT of the same writes (SQLite's floor) | $floor_s | $(ratio "$floor_s" "$reference_s") | $(mib "$floor_kb") | |
| vrathaus import, local | $local_s | $(ratio "$local_s" "$reference_s") | $(mib "$local_kb") | ≤ 1.5 × reference, ≤ 64 MiB |
| vrathaus import, a tenth of the rows | $tenth_s | | $(mib "$tenth_kb") | memory flat |
| vrathaus import, remote (client) | $remote_s | $(ratio "$remote_s" "$local_s") × local | $(mib "$remote_kb") | ≤ 1.5 × local |
| vrathaus serve during the remote import | | | $(mib "$server_kb") | ≤ 64 MiB |
| vrathaus re-import (nothing changes) | $reimport_s | $(ratio "$reimport_s" "$local_s") × local | $(mib "$reimport_kb") | ≤ 0.5 × local |

local import vs SQLite's floor: $(ratio "$local_s" "$floor_s") ×
EOF
