#!/usr/bin/env bash
# Benchmark: `permits renew` with N permits due (default 100,000) against one
# INSERT … SELECT doing the same renewal in sqlite3 — new periods and their charges, for the
# due, not yet renewed permits of active private accounts with an active mandate. Median of
# RUNS runs (default 3), each on a fresh copy of the same store. Target: ratio ≤ 3.
#   scripts/bench/permits_renew.sh [N] [RUNS]     (BIN=path/to/vrathaus, default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000} RUNS=${2:-3}
BIN=${BIN:-build/release/cli/vrathaus}
[ -x "$BIN" ] || { echo "build first: scripts/build.sh build/release" >&2; exit 1; }
# shellcheck source=permits_lib.bash
source scripts/bench/permits_lib.bash
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export VRATHAUS_CONFIG=$work/city.yaml VRATHAUS_NOW=2026-11-25T09:00:00Z NO_COLOR=1
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_STAFF VRATHAUS_PROFILE
due_permits_config "$VRATHAUS_CONFIG"
bench_store "$work/template.db" "$N"

reference_sql="
BEGIN IMMEDIATE;
INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, auto_renew, fee_cents, renewed_from,
                    created_by, created_at, updated_at)
SELECT p.account_id, p.plate, p.zone, date(p.valid_until, '+1 day'), date(p.valid_until, '+1 day', '+12 months', '-1 day'),
       'active', 1, 3070, p.id, 'bench', '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z'
  FROM permits p JOIN accounts a ON a.id = p.account_id
 WHERE p.status = 'active' AND p.auto_renew = 1 AND p.valid_until < '2026-12-25' AND p.valid_from <= '2026-11-25'
   AND a.status = 'active' AND a.tier = 'private'
   AND EXISTS (SELECT 1 FROM mandates m WHERE m.account_id = p.account_id AND m.status = 'active')
   AND NOT EXISTS (SELECT 1 FROM permits r WHERE r.renewed_from = p.id);
INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at)
SELECT p.account_id, p.id, (SELECT max(m.id) FROM mandates m WHERE m.account_id = p.account_id AND m.status = 'active'),
       p.fee_cents, max(p.valid_from, '2026-12-09'), 'open', p.created_at
  FROM permits p WHERE p.renewed_from IS NOT NULL AND p.created_by = 'bench';
COMMIT;"

ours=() theirs=() ours_cpu=() theirs_cpu=()
for run in $(seq "$RUNS"); do
  cp "$work/template.db" "$work/a.db"
  cp "$work/template.db" "$work/b.db"
  read -r wall cpu < <(seconds "$BIN" --db "$work/a.db" permits renew -o json)
  ours+=("$wall") ours_cpu+=("$cpu")
  read -r wall cpu < <(seconds sqlite3 "$work/b.db" "$reference_sql")
  theirs+=("$wall") theirs_cpu+=("$cpu")
  renewed=$(sqlite3 "$work/a.db" "SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL")
  reference=$(sqlite3 "$work/b.db" "SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL")
  [ "$renewed" = "$N" ] && [ "$reference" = "$N" ] || { echo "run $run renewed $renewed / $reference, not $N" >&2; exit 1; }
done
t_ours=$(median "${ours[@]}") t_ref=$(median "${theirs[@]}")
c_ours=$(median "${ours_cpu[@]}") c_ref=$(median "${theirs_cpu[@]}")
ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
echo "permits renew, $N due permits (median of $RUNS runs; wall / CPU seconds)"
echo "  vrathaus permits renew -o json:  ${t_ours} s / ${c_ours} s   (wall: ${ours[*]})"
echo "  sqlite3 INSERT … SELECT:         ${t_ref} s / ${c_ref} s   (wall: ${theirs[*]})"
echo "  ratio: $(ratio "$t_ours" "$t_ref")x wall, $(ratio "$c_ours" "$c_ref")x CPU   (target ≤ 3x)"
