#!/usr/bin/env bash
# Permits, mandates, the renewal run and the dunning list on PostgreSQL give the JSON they give on
# SQLite: the same steps run on a fresh store of each engine, and the two transcripts (every
# command's exit code and output) must be identical. The accounts are written with SQL (the same
# statement on both engines), so this test depends only on the permit and mandate commands.
set -euo pipefail
source "$VRATHAUS_SOURCE_DIR/tests/postgres/lib.sh"

fresh_database permits
LITE=$T/store.db
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: skipped"; exit 77; }

contract=$VRATHAUS_SOURCE_DIR/tests/contract
(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$T/document.key" && echo >>"$T/document.key")
{ echo "city:"; echo "  document_key_file: $T/document.key"; sed 1,3d "$contract/permits-city.yaml"; } >"$T/city.yaml"
grep -q "zones:" "$T/city.yaml" || fail "the city file lost its zones: $(cat "$T/city.yaml")"
export VRATHAUS_CONFIG=$T/city.yaml

accounts_sql="INSERT INTO accounts(id, login, tier, status, given_name, family_name, street, house_no, postal_code, city,
  folded_name, assurance, verified_at, verification_method, created_at, updated_at) VALUES
  (1001, 'anna@example.de', 'private', 'active', 'Anna', 'Alt', 'Kaiserstraße', '1', '44135', 'Dortmund', 'anna alt',
   'substantial', '2026-01-01T00:00:00Z', 'in-person', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (1002, 'bert@example.de', 'private', 'active', 'Bert', 'Berg', 'Lindemannstr.', '2', '44137', 'Dortmund', 'bert berg',
   'substantial', '2026-01-01T00:00:00Z', 'in-person', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (1003, 'cora@example.de', 'private', 'active', 'Cora', 'Clausen', 'Kreuzstraße', '3', '44139', 'Dortmund', 'cora clausen',
   'substantial', '2026-01-01T00:00:00Z', 'in-person', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),
  (1004, 'dana@example.de', 'private', 'active', 'Dana', 'Dorn', 'Sonnenstraße', '4', '44139', 'Dortmund', 'dana dorn',
   'substantial', '2026-01-01T00:00:00Z', 'in-person', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
for store in "$LITE" "$PG"; do
  expect 0 "$V" --db "$store" -q db init --seed "$contract/seed.yaml"
  expect 0 "$V" --db "$store" -q db init --seed "$contract/seed-upgrades.yaml"
done
sqlite3 "$LITE" "$accounts_sql"
psql -X -q -v ON_ERROR_STOP=1 "$PG" -c "$accounts_sql"

# step STAFF ARGS…: runs the command on both stores, appends exit code and sorted JSON to each
# transcript.
step() {
  local staff=$1 store name
  shift
  for store in "$LITE" "$PG"; do
    [ "$store" = "$LITE" ] && name=sqlite || name=postgresql
    set +e
    "$V" --db "$store" --as "$staff" -o json "$@" >"$T/.out" 2>"$T/.err"
    local status=$?
    set -e
    { echo "## $staff $* (at $VRATHAUS_NOW)"; echo "exit $status"; jq -S . "$T/.out" 2>/dev/null || cat "$T/.out"; cat "$T/.err"; } \
      >>"$T/$name.transcript"
  done
}

iban="DE89 3704 0044 0532 0130 00"
step m.weber mandates add 1001 --iban "$iban" --reference BWP-ANNA --signed-on 2026-11-01
step m.weber mandates add 1002 --iban "$iban" --reference BWP-BERT --signed-on 2026-10-01
step m.weber mandates add 1003 --iban "$iban" --reference BWP-CORA --signed-on 2026-11-20
step m.weber mandates add 1003 --iban "$iban" --reference bwp-cora --signed-on 2026-11-20  # the reference exists: exit 4
step m.weber permits issue 1001 --plate "DO-AA 1" --zone I-01
step m.weber permits issue 1002 --plate "DO-BB 2" --zone I-01 --from 2026-12-01
step m.weber permits issue 1003 --plate "DO-CC 3" --zone I-02
step m.weber permits issue 1004 --plate "DO-DD 4" --zone I-02 --paid
step m.weber permits issue 1004 --plate "DO-AA 1" --zone I-02 --paid   # the plate has a permit: exit 4
step m.weber permits issue 1003 --plate "DO-XX 9" --zone I-01           # not in the zone: exit 4
step m.weber permits list --status upcoming
step m.weber permits list --status active --limit 2
step m.weber permits show 2
step m.weber mandates list 1003
# Cora's mandate goes: her open charge can no longer be collected.
step m.weber mandates revoke 3 --reason "Widerruf"
step m.weber mandates show 3

# Past the grace days, Cora's charge is overdue; the others' mandates still collect theirs.
export VRATHAUS_NOW=2027-01-05T09:00:00Z
step m.weber charges overdue
step m.weber charges list --overdue

# The renewal run: Anna's and Bert's permits are renewed; Cora's mandate is revoked (and she
# owes), Dana paid at the counter and has none: reported, exit 1.
export VRATHAUS_NOW=2027-11-01T09:00:00Z
step s.kruse permits renew
step s.kruse permits renew   # nothing left to renew
step m.weber permits list
step m.weber permits show 1
step m.weber permits revoke 5 --reason "verzogen"
step m.weber charges overdue
step m.weber mandates list
# A dry run last: PostgreSQL's sequences do not roll back, so after a rolled-back insert the two
# engines number the next rows differently (a gap on PostgreSQL); nothing is inserted after this.
export VRATHAUS_NOW=2028-11-01T09:00:00Z
step s.kruse permits renew --dry-run

diff -u "$T/sqlite.transcript" "$T/postgresql.transcript" >&2 || fail "PostgreSQL's output differs from SQLite's"
# The transcript says something: the run renewed and refused, and the dunning list has Cora.
grep -q '"renewed_from"' "$T/sqlite.transcript" || fail "nothing was renewed: $(cat "$T/sqlite.transcript")"
grep -q 'account 1003 has no usable SEPA mandate' "$T/sqlite.transcript" || fail "no refusal for Cora"
grep -q '"overdue_since"' "$T/sqlite.transcript" || fail "no overdue charge"
# Refusals are the documented ones (4), a dunning list or a run with refusals is 1, the rest 0.
codes=$(grep "^exit " "$T/sqlite.transcript" | cut -d" " -f2 | tr "\n" " ")
[ "$codes" = "0 0 0 4 0 0 0 0 4 4 0 0 0 0 0 0 1 0 1 1 0 0 0 1 0 1 " ] || fail "exit codes: $codes"
echo "ok: $(grep -c '^## ' "$T/sqlite.transcript") steps, same output on both engines"
