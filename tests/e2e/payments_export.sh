#!/usr/bin/env bash
# A pain.008 file with first and recurring collections validates against the official schema
# (shared/reference; skipped when absent), its NbOfTxs and CtrlSum match the charges, names are
# transliterated, and the server's copy of a batch is byte for byte the local one.
# shellcheck source=permits_lib.bash
source "$(dirname "$0")/permits_lib.bash"
XSD=${VRATHAUS_SHARED_DIR:-}/reference/pain.008.001.02.xsd
[ -f "$XSD" ] || { echo "pain.008.001.02.xsd not found under VRATHAUS_SHARED_DIR: skipped"; exit 77; }
command -v xmllint >/dev/null || { echo "xmllint missing: skipped"; exit 77; }

make_store
seed_due_permits "$DB" 300 100000
# Half of the mandates were used before: their collections are RCUR, the others FRST.
sqlite3 "$DB" "UPDATE mandates SET last_used_on = '2026-01-05' WHERE id % 2 = 0;
               UPDATE accounts SET given_name = 'Zoë & Jürgen', family_name = 'Öztürk-Straßer <GmbH>' WHERE id = 100001"
expect 0 "$V" --db "$DB" permits renew -o json
export VRATHAUS_NOW=2026-12-11T09:00:00Z
expect 0 "$V" --db "$DB" payments export --out "$T/batch.xml" -o json
[ "$(jq '.transactions' <<<"$out")" = 300 ] || fail "300 transactions expected"
[ "$(jq '.frst' <<<"$out")" = 150 ] && [ "$(jq '.rcur' <<<"$out")" = 150 ] || fail "150 FRST and 150 RCUR expected: $out"
xmllint --noout --schema "$XSD" "$T/batch.xml" 2>"$T/xmllint.err" || fail "invalid pain.008: $(cat "$T/xmllint.err")"
x() { xmllint --xpath "string($1)" "$T/batch.xml"; }
[ "$(x "//*[local-name()='GrpHdr']/*[local-name()='NbOfTxs']")" = 300 ] || fail "GrpHdr NbOfTxs"
[ "$(x "//*[local-name()='GrpHdr']/*[local-name()='CtrlSum']")" = 9210.00 ] || fail "GrpHdr CtrlSum"
[ "$(x "count(//*[local-name()='PmtInf'])")" = 2 ] || fail "one PmtInf per sequence type"
for seq in FRST RCUR; do
  info="//*[local-name()='PmtInf'][*[local-name()='PmtTpInf']/*[local-name()='SeqTp']='$seq']"
  [ "$(x "$info/*[local-name()='NbOfTxs']")" = 150 ] || fail "$seq NbOfTxs"
  [ "$(x "$info/*[local-name()='CtrlSum']")" = 4605.00 ] || fail "$seq CtrlSum"
  [ "$(x "count($info/*[local-name()='DrctDbtTxInf'])")" = 150 ] || fail "$seq transactions"
done
name=$(x "//*[local-name()='DrctDbtTxInf'][*[local-name()='PmtId']/*[local-name()='EndToEndId']='VR-C1']/*[local-name()='Dbtr']/*[local-name()='Nm']")
[ "$name" = "Zoe + Juergen Oeztuerk-Strasser GmbH" ] || fail "transliterated name: '$name'"
LC_ALL=C grep -q '[^ -~]' "$T/batch.xml" && fail "the file has characters outside ASCII" || true

# The same batch through the server: identical bytes.
start_server
expect 0 remote payments export --batch 1 --out "$T/remote.xml"
cmp -s "$T/batch.xml" "$T/remote.xml" || fail "the remote copy differs from the local file"
echo "payments export tests passed"
