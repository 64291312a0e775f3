#!/usr/bin/env bash
# Benchmark: `permits renew` with N permits due (default 100,000) on a PostgreSQL store against
# one INSERT … SELECT in psql doing the same renewal — new periods and their charges, for the due,
# not yet renewed permits of active private accounts with an active mandate. Median of RUNS runs
# (default 3), each on a fresh copy (CREATE DATABASE … TEMPLATE) of the same store, on a throwaway
# cluster (tests/support/pg_cluster.sh) this script starts and stops. Target: ratio ≤ 3.
#   scripts/bench/permits_renew_pg.sh [N] [RUNS]     (BIN=path/to/vrathaus, default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000} RUNS=${2:-3}
BIN=${BIN:-build/release/cli/vrathaus}
[ -x "$BIN" ] || { echo "build first: scripts/build.sh build/release" >&2; exit 1; }
# shellcheck source=permits_lib.bash
source scripts/bench/permits_lib.bash
# shellcheck source=pg_bench.bash
source scripts/bench/pg_bench.bash
work=$(mktemp -d)
start_bench_cluster "$work"
admin() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$cluster" -c "$1" >/dev/null; }

export VRATHAUS_NOW=2026-11-25T09:00:00Z NO_COLOR=1
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_STAFF VRATHAUS_PROFILE
due_permits_config "$work/city.yaml"
bench_config "$work/city.yaml" "$work/document.key"
admin "CREATE DATABASE bench_template"
"$BIN" --db "$(database_url bench_template)" -q db init >/dev/null
seed_due_permits_pg "$(database_url bench_template)" "$N"

reference_sql="
BEGIN;
INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents, renewed_from,
                    created_by, created_at, updated_at)
SELECT p.account_id, p.plate, p.zone, (p.valid_until::date + 1)::text,
       (p.valid_until::date + 1 + interval '12 months' - interval '1 day')::date::text,
       'active', 1, 3070, p.id, 'bench', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z'
  FROM permits p JOIN accounts a ON a.id = p.account_id
 WHERE p.status = 'active' AND p.auto_renew = 1 AND p.valid_until < '2026-12-25' AND p.valid_from <= '2026-11-25'
   AND a.status = 'active' AND a.tier = 'private'
   AND EXISTS (SELECT 1 FROM mandates m WHERE m.account_id = p.account_id AND m.status = 'active')
   AND NOT EXISTS (SELECT 1 FROM permits r WHERE r.renewed_from = p.id);
INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at)
SELECT p.account_id, p.id, (SELECT max(m.id) FROM mandates m WHERE m.account_id = p.account_id AND m.status = 'active'),
       p.fee_cents, greatest(p.valid_from, '2026-12-09'), 'open', p.created_at
  FROM permits p WHERE p.renewed_from IS NOT NULL AND p.created_by = 'bench';
COMMIT;"

renewals() { psql -X -At "$(database_url "$1")" -c "SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL"; }
ours=() theirs=() ours_cpu=() theirs_cpu=()
for run in $(seq "$RUNS"); do
  for db in a b; do admin "DROP DATABASE IF EXISTS $db"; admin "CREATE DATABASE $db TEMPLATE bench_template"; done
  # The server's time counts too: CPU seconds are the client's only, so wall time is the figure here.
  read -r wall cpu < <(seconds "$BIN" --db "$(database_url a)" permits renew -o json)
  ours+=("$wall") ours_cpu+=("$cpu")
  read -r wall cpu < <(seconds psql -X -q -v ON_ERROR_STOP=1 "$(database_url b)" -c "$reference_sql")
  theirs+=("$wall") theirs_cpu+=("$cpu")
  renewed=$(renewals a) reference=$(renewals b)
  [ "$renewed" = "$N" ] && [ "$reference" = "$N" ] || { echo "run $run renewed $renewed / $reference, not $N" >&2; exit 1; }
done
t_ours=$(median "${ours[@]}") t_ref=$(median "${theirs[@]}")
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
echo "permits renew on PostgreSQL, $N due permits (median of $RUNS runs; wall seconds, client CPU seconds)"
echo "  vrathaus permits renew -o json:  ${t_ours} s   (wall: ${ours[*]}; client CPU: ${ours_cpu[*]})"
echo "  psql INSERT … SELECT:            ${t_ref} s   (wall: ${theirs[*]})"
echo "  ratio: $(ratio "$t_ours" "$t_ref")x wall   (target ≤ 3x)"
