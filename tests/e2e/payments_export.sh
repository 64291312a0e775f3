#!/usr/bin/env bash
# A pain.008.001.08 file (the default) with first and recurring collections validates against the
# official schema (skipped when absent), its NbOfTxs and CtrlSum match the charges, names and
# structured addresses are transliterated, a changed IBAN carries its amendment, and the server's
# copy of a batch is byte for byte the local one. With city.sepa.format: pain.008.001.02, the next
# batch is a valid .001.02 file, and both batches still reproduce byte for byte.
# shellcheck source=permits_lib.bash
source "$(dirname "$0")/permits_lib.bash"
XSD=${VRATHAUS_SHARED_DIR:-}/reference/pain.008.001.08.xsd
XSD02=${VRATHAUS_SHARED_DIR:-}/reference/pain.008.001.02.xsd
[ -f "$XSD" ] && [ -f "$XSD02" ] || { echo "pain.008 schemas not found under VRATHAUS_SHARED_DIR: skipped"; exit 77; }
command -v xmllint >/dev/null || { echo "xmllint missing: skipped"; exit 77; }

make_store
seed_due_permits "$DB" 300 100000
# Half of the mandates were used before: their collections are RCUR, the others FRST.
sqlite3 "$DB" "UPDATE mandates SET last_used_on = '2026-01-05' WHERE id % 2 = 0;
               UPDATE accounts SET given_name = 'Zoë & Jürgen', family_name = 'Öztürk-Straßer <GmbH>', street = 'Kaiserstraße',
                 house_no = '7½ b', postal_code = '44139', city = 'Dortmund-Hörde' WHERE id = 100001"
expect 0 "$V" --db "$DB" permits renew -o json
export VRATHAUS_NOW=2026-12-11T09:00:00Z
expect 0 "$V" --db "$DB" payments export --out "$T/batch.xml" -o json
[ "$(jq '.transactions' <<<"$out")" = 300 ] || fail "300 transactions expected"
[ "$(jq '.frst' <<<"$out")" = 150 ] && [ "$(jq '.rcur' <<<"$out")" = 150 ] || fail "150 FRST and 150 RCUR expected: $out"
[ "$(jq -r '.format' <<<"$out")" = pain.008.001.08 ] || fail "pain.008.001.08 is the default: $out"
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
dbtr="//*[local-name()='DrctDbtTxInf'][*[local-name()='PmtId']/*[local-name()='EndToEndId']='VR-C1']/*[local-name()='Dbtr']/*[local-name()='PstlAdr']"
[ "$(x "$dbtr/*[local-name()='StrtNm']")" = "Kaiserstrasse" ] || fail "StrtNm: '$(x "$dbtr/*[local-name()='StrtNm']")'"
[ "$(x "$dbtr/*[local-name()='BldgNb']")" = "7 b" ] || fail "BldgNb: '$(x "$dbtr/*[local-name()='BldgNb']")'"
[ "$(x "$dbtr/*[local-name()='PstCd']")" = 44139 ] || fail "PstCd"
[ "$(x "$dbtr/*[local-name()='TwnNm']")" = "Dortmund-Hoerde" ] || fail "TwnNm: '$(x "$dbtr/*[local-name()='TwnNm']")'"
[ "$(x "$dbtr/*[local-name()='Ctry']")" = DE ] || fail "Ctry"
[ "$(x "count(//*[local-name()='BICFI'])")" = 2 ] || fail "the creditor agent's BIC is a BICFI in both PmtInf"
# EndToEndId, PmtInfId and MsgId are unique.
[ "$(xmllint --xpath "//*[local-name()='EndToEndId']/text()" "$T/batch.xml" | sort | uniq -d | wc -l)" = 0 ] || fail "EndToEndId repeats"
[ "$(x "count(//*[local-name()='AmdmntInd'])")" = 0 ] || fail "no amendment in a first export"
LC_ALL=C grep -q '[^ -~]' "$T/batch.xml" && fail "the file has characters outside ASCII" || true

# A year on, the older format for a bank that still takes it; account 100002's mandate now names
# another IBAN at the same bank than its last collection: the file says so (AmdmntInd).
sqlite3 "$DB" "UPDATE mandates SET iban = 'DE02370400440532013100' WHERE account_id = 100002"
sed 's/prenotification_days: 14/prenotification_days: 14\n    format: pain.008.001.02/' "$T/city.yaml" >"$T/city02.yaml"
export VRATHAUS_NOW=2027-11-25T09:00:00Z
VRATHAUS_CONFIG=$T/city02.yaml expect 0 "$V" --db "$DB" config show -o json
[ "$(jq -r '.[] | select(.setting == "city.sepa.format") | .value' <<<"$out")" = pain.008.001.02 ] || fail "config show: $out"
expect 0 "$V" --db "$DB" permits renew -o json
export VRATHAUS_NOW=2027-12-13T09:00:00Z
VRATHAUS_CONFIG=$T/city02.yaml expect 0 "$V" --db "$DB" payments export --out "$T/batch02.xml" -o json
[ "$(jq -r '.format' <<<"$out")" = pain.008.001.02 ] || fail "city.sepa.format chooses .001.02: $out"
xmllint --noout --schema "$XSD02" "$T/batch02.xml" 2>"$T/xmllint.err" || fail "invalid pain.008.001.02: $(cat "$T/xmllint.err")"
grep -q '<BIC>DORTDE33XXX</BIC>' "$T/batch02.xml" || fail ".001.02 keeps <BIC>"
grep -q 'PstlAdr' "$T/batch02.xml" && fail ".001.02 files stay without addresses"
amended="//*[local-name()='DrctDbtTxInf'][*[local-name()='DbtrAcct']/*/*[local-name()='IBAN']='DE02370400440532013100']"
[ "$(xmllint --xpath "string($amended//*[local-name()='AmdmntInd'])" "$T/batch02.xml")" = true ] || fail "AmdmntInd for the changed IBAN"
[ "$(xmllint --xpath "string($amended//*[local-name()='OrgnlDbtrAcct']//*[local-name()='IBAN'])" "$T/batch02.xml")" = DE89370400440532013000 ] ||
  fail "the original debtor account"
[ "$(xmllint --xpath "count(//*[local-name()='AmdmntInd'])" "$T/batch02.xml")" = 1 ] || fail "only the changed mandate is amended"

# Both batches reproduce byte for byte, whatever the format in force, locally and through the server.
expect 0 "$V" --db "$DB" payments export --batch 1 --out "$T/again1.xml"
cmp -s "$T/batch.xml" "$T/again1.xml" || fail "batch 1 (.001.08) does not reproduce"
expect 0 "$V" --db "$DB" payments export --batch 2 --out "$T/again2.xml"
cmp -s "$T/batch02.xml" "$T/again2.xml" || fail "batch 2 (.001.02) does not reproduce under .001.08 config"
"$V" --db "$DB" tokens create --staff it.admin -o json | jq -r .token >"$T/admin.token"  # a year on
start_server
expect 0 remote payments export --batch 1 --out "$T/remote.xml"
cmp -s "$T/batch.xml" "$T/remote.xml" || fail "the remote copy differs from the local file"
expect 0 remote payments export --batch 2 --out "$T/remote02.xml"
cmp -s "$T/batch02.xml" "$T/remote02.xml" || fail "the remote copy of the .001.02 batch differs"
echo "payments export tests passed"
