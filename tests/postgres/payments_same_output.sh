#!/usr/bin/env bash
# Payments on PostgreSQL give what they give on SQLite: the same steps on a store of each engine
# (export with a held-back FRST and skipped charges, charges show/list/cancel/mark-paid/refund,
# the refunds export, a second export with a mandate amendment, reproducing a batch, statements)
# print the same JSON and write the same bank files, byte for byte. The files validate against
# the official schemas when those are present.
# shellcheck source=payments_lib.bash
source "$(dirname "$0")/payments_lib.bash"
REF=${VRATHAUS_SHARED_DIR:-}/reference

# steps STORE DIR: every output into DIR (one file per step; exit codes too).
steps() {
  local db=$1 dir=$2
  mkdir -p "$dir"
  payments_store "$db"
  step() {  # step NAME ARGS…: stdout to DIR/NAME, the exit code to DIR/NAME.exit
    local name=$1
    shift
    set +e
    "$V" --db "$db" "$@" >"$dir/$name" 2>"$dir/$name.err"
    echo $? >"$dir/$name.exit"
    set -e
  }
  export VRATHAUS_NOW=2026-12-11T09:00:00Z
  step export1.json payments export --out "$dir/export1.xml" -o json
  step show1.json charges show 1 -o json
  step list.json charges list -o json
  step list-open.json charges list --status open -o json
  step cancel7.json charges cancel 7 --reason Doppelt -o json
  step cancel1.json charges cancel 1 --reason "zu spaet" -o json
  step paid5.json charges mark-paid 5 --method cash --reference KASSE-1 -o json
  step paid1.json charges mark-paid 1 --method cash --reference KASSE-2 -o json
  step refund1.json charges refund 1 --amount 500 --reason "Kulanz für Groß" -o json
  step refund4.json charges refund 4 --amount 300 --reason Kulanz --paid-out KASSE-3 -o json
  step refund-too-much.json charges refund 1 --amount 9999 --reason nein -o json
  step show-refunded.json charges show 1 -o json
  export VRATHAUS_NOW=2026-12-14T09:00:00Z
  # Account 2's mandate moves to another IBAN before its next charge: the file says so.
  run_sql "$db" "UPDATE mandates SET iban = 'DE02120300000000202051' WHERE reference = 'BWP-2';
                 INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at)
                 VALUES (2, NULL, 2, 990, '2026-12-15', 'open', '2026-12-14T09:00:00Z')"
  step export2.json payments export --out "$dir/export2.xml" -o json
  step export3.json payments export --out "$dir/export3.xml" -o json
  step refunds.json payments refunds export --out "$dir/refunds.xml" -o json
  step refunds-again.json payments refunds export --out "$dir/refunds-again.xml" -o json
  step again1.json payments export --batch 1 --out "$dir/again1.xml" -o json
  step batches.json payments list -o json
  step again2.json payments export --batch 2 --out "$dir/again2.xml" -o json
  step statement1.json accounts statement 1 -o json
  step statement2.csv accounts statement 2 -o csv
  step statement4.json accounts statement 4 --from 2026-12-12 -o json
  step list-account1.json charges list --account 1 -o json
  # The files' paths are the only difference the outputs may have.
  sed -i "s|$dir/||g" "$dir"/*.json
}

steps "$T/store.db" "$T/sqlite"
steps "$PG" "$T/postgresql"
diff -r "$T/sqlite" "$T/postgresql" >"$T/diff" || fail "PostgreSQL differs from SQLite: $(head -60 "$T/diff")"

# What the outputs say (the same on both now): read on PostgreSQL's.
o=$T/postgresql
for step in export1 show1 list cancel7 paid5 refund1 refund4 export2 export3 refunds refunds-again again1 again2 batches \
  statement1 list-account1; do
  [ "$(cat "$o/$step.json.exit")" = 0 ] || fail "$step: exit $(cat "$o/$step.json.exit"): $(cat "$o/$step.json.err")"
done
[ "$(cat "$o/cancel1.json.exit")" = 4 ] || fail "an exported charge cannot be cancelled"
[ "$(cat "$o/paid1.json.exit")" = 4 ] || fail "an exported charge cannot be marked paid"
[ "$(cat "$o/refund-too-much.json.exit")" = 5 ] || fail "a refund above the charge is refused"
jq -e '.transactions == 3 and .frst == 2 and .rcur == 1 and .ctrl_sum_cents == 8640
       and [.deferred[].charge_id] == [2] and [.skipped[].charge_id] == [5, 6]' "$o/export1.json" >/dev/null ||
  fail "first export: $(cat "$o/export1.json")"
jq -e '.transactions == 2 and .rcur == 2 and .ctrl_sum_cents == 2490' "$o/export2.json" >/dev/null ||
  fail "second export: $(cat "$o/export2.json")"
jq -e '.batch == null' "$o/export3.json" >/dev/null || fail "nothing is exported twice: $(cat "$o/export3.json")"
[ ! -e "$o/export3.xml" ] || fail "no file when nothing is due"
jq -e '.transactions == 1 and .ctrl_sum_cents == 500' "$o/refunds.json" >/dev/null || fail "refunds: $(cat "$o/refunds.json")"
jq -e '.batch == null' "$o/refunds-again.json" >/dev/null || fail "a refund is paid once"
jq -e '.status == "exported" and .debtor_name == "Juergen Gross" and .sequence == "FRST"
       and (.remittance | startswith("Bewohnerparkausweis I-01 DO-Ae 1"))' "$o/show1.json" >/dev/null ||
  fail "charges show: $(cat "$o/show1.json")"
cmp -s "$o/export1.xml" "$o/again1.xml" || fail "batch 1 does not reproduce on PostgreSQL"
cmp -s "$o/export2.xml" "$o/again2.xml" || fail "batch 2 does not reproduce on PostgreSQL"
grep -q '<Nm>Zoe + Oeztuerk-Strasser GmbH</Nm>' "$o/export1.xml" || fail "the company's name is not transliterated"
grep -q '<StrtNm>Strasse des 17. Juni</StrtNm>' "$o/export1.xml" || fail "the street is not transliterated"
grep -q '<TwnNm>Dortmund-Hoerde</TwnNm>' "$o/export1.xml" || fail "the town is not transliterated"
grep -q '<Nm>Juergen Gross</Nm>' "$o/refunds.xml" || fail "the payee is not transliterated"
grep -q '<Ustrd>Erstattung Kulanz fuer Gross VR-C1</Ustrd>' "$o/refunds.xml" || fail "refund remittance: $(grep Ustrd "$o/refunds.xml")"
grep -q '<AmdmntInd>true</AmdmntInd>' "$o/export2.xml" || fail "the IBAN change carries an amendment"
if [ -f "$REF/pain.008.001.08.xsd" ] && command -v xmllint >/dev/null; then
  for f in export1 export2; do
    xmllint --noout --schema "$REF/pain.008.001.08.xsd" "$o/$f.xml" 2>"$T/xmllint.err" || fail "$f: $(cat "$T/xmllint.err")"
  done
  xmllint --noout --schema "$REF/pain.001.001.09.xsd" "$o/refunds.xml" 2>"$T/xmllint.err" || fail "refunds: $(cat "$T/xmllint.err")"
fi
echo "ok: payments on PostgreSQL print and write what they do on SQLite"
