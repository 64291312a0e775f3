#!/usr/bin/env bash
# What the bank sends back: export → camt.054 with returns and pain.002 with rejects, built here
# and validated against the official schemas (skipped when absent) → `payments returns import` →
# charges, mandates and permits in the states the city's policy names. The same file again changes
# nothing; an unknown EndToEndId is listed with exit 1, never guessed; an AM04 charge is
# re-presented once in the next export (valid .001.08) and a second AM04 is final; a return fee is
# booked as its own charge; the first batch still reproduces byte for byte; the server imports the
# same way.
# shellcheck source=permits_lib.bash
source "$(dirname "$0")/permits_lib.bash"
# shellcheck source=../../scripts/lib/bank_files.bash
source "$VRATHAUS_SOURCE_DIR/scripts/lib/bank_files.bash"
REF=${VRATHAUS_SHARED_DIR:-}/reference
for xsd in pain.008.001.08 camt.054.001.08 pain.002.001.11; do
  [ -f "$REF/$xsd.xsd" ] || { echo "$xsd.xsd not found under VRATHAUS_SHARED_DIR: skipped"; exit 77; }
done
command -v xmllint >/dev/null || { echo "xmllint missing: skipped"; exit 77; }
valid() { xmllint --noout --schema "$REF/$1.xsd" "$2" 2>"$T/xmllint.err" || fail "$2 is not a valid $1: $(cat "$T/xmllint.err")"; }
cat >>"$T/city.yaml" <<'YAML'
    return_fee_cents: 300
YAML
charge() { "$V" --db "$DB" charges list -o json | jq -c ".[] | select(.id == $1)"; }
field() { jq -r ".$2" <<<"$(charge "$1")"; }

make_store
seed_due_permits "$DB" 5
expect 0 "$V" --db "$DB" permits renew -o json
export VRATHAUS_NOW=2026-12-11T09:00:00Z
expect 0 "$V" --db "$DB" payments export --out "$T/batch1.xml" -o json
valid pain.008.001.08 "$T/batch1.xml"
msg1=$(jq -r .msg_id <<<"$out")

# The bank returns three debits (account closed, insufficient funds, refund requested) and one
# this store never sent.
printf '%s\n' "VR-C1 BWP-1 3070 AC04" "VR-C2 BWP-2 3070 AM04" "VR-C3 BWP-3 3070 MD06" "VR-C999 BWP-999 3070 AC04" |
  camt054_returns CAMT-1 >"$T/camt1.xml"
valid camt.054.001.08 "$T/camt1.xml"
export VRATHAUS_NOW=2026-12-18T09:00:00Z
expect 1 "$V" --db "$DB" payments returns import "$T/camt1.xml" -o json
jq -e '.ok == false and .kind == "camt.054" and .entries == 4 and .applied == 3 and .unmatched_count == 1
       and .re_presented == 1 and .disputed == 1 and .revoked_mandates == 1 and .fees == 3
       and .unmatched[0].end_to_end_id == "VR-C999" and .unmatched[0].reason == "AC04"' <<<"$out" >/dev/null ||
  fail "first import: $out"
grep -q "VR-C999\|unmatched" <<<"$err$out" || fail "the unmatched entry is reported"

[ "$(field 1 status)" = returned ] && [ "$(field 1 return_reason)" = AC04 ] || fail "charge 1: $(charge 1)"
[ "$(field 2 status)" = returned ] || fail "charge 2: $(charge 2)"
[ "$(field 3 status)" = disputed ] || fail "charge 3: $(charge 3)"
[ "$(field 4 status)" = exported ] || fail "charge 4 untouched: $(charge 4)"
expect 0 "$V" --db "$DB" mandates list 1 -o json
jq -e '[.[] | .status] == ["revoked"]' <<<"$out" >/dev/null || fail "mandate of account 1: $out"
expect 0 "$V" --db "$DB" permits list --account 1 -o json
jq -e '[.[] | select(.status == "active") | .auto_renew] | all(. == false)' <<<"$out" >/dev/null ||
  fail "account 1's permits stop renewing: $out"
expect 0 "$V" --db "$DB" charges list -o json
jq -e '[.[] | select(.kind == "re-presentation")] | length == 1 and .[0].origin == 2 and .[0].status == "open"' \
  <<<"$out" >/dev/null || fail "one re-presentation of charge 2: $out"
jq -e '[.[] | select(.kind == "return-fee") | [.origin, .amount_cents, .status]] == [[1,300,"open"],[2,300,"open"],[3,300,"open"]]' \
  <<<"$out" >/dev/null || fail "a return fee per return: $out"
before=$(sqlite3 "$DB" "SELECT group_concat(id || status, ',') FROM charges")

# The same file again: nothing changes.
expect 0 "$V" --db "$DB" payments returns import "$T/camt1.xml" -o json
jq -e '.already_imported == true' <<<"$out" >/dev/null || fail "second import: $out"
[ "$(sqlite3 "$DB" "SELECT group_concat(id || status, ',') FROM charges")" = "$before" ] || fail "a second import changed charges"
# Another file naming charges already returned: counted, not applied again.
printf '%s\n' "VR-C1 BWP-1 3070 AC04" | camt054_returns CAMT-1b >"$T/camt1b.xml"
expect 0 "$V" --db "$DB" payments returns import "$T/camt1b.xml" -o json
jq -e '.already == 1 and .applied == 0 and .fees == 0' <<<"$out" >/dev/null || fail "never twice: $out"

# The next export re-presents charge 2 and collects the fees of the accounts whose mandate stands;
# account 1's fee stays open (its mandate is revoked).
export VRATHAUS_NOW=2026-12-21T09:00:00Z
expect 0 "$V" --db "$DB" payments export --out "$T/batch2.xml" -o json
valid pain.008.001.08 "$T/batch2.xml"
jq -e '.transactions == 3 and (.skipped | map(.charge_id) | length == 1)' <<<"$out" >/dev/null || fail "second export: $out"
re=$("$V" --db "$DB" charges list -o json | jq -r ".[] | select(.kind == \"re-presentation\") | .end_to_end_id")
grep -q "<EndToEndId>$re</EndToEndId>" "$T/batch2.xml" || fail "the re-presentation $re is in the file"
grep -q 'Gebuehr Ruecklastschrift VR-C2' "$T/batch2.xml" || fail "the fee names the returned debit"

# The bank rejects the re-presentation again for insufficient funds (pain.002): final this time.
printf '%s\n' "$re BWP-2 3070 AM04" | pain002_rejects PAIN002-1 "$msg1" >"$T/reject.xml"
valid pain.002.001.11 "$T/reject.xml"
expect 0 "$V" --db "$DB" payments returns import "$T/reject.xml" -o json
jq -e '.kind == "pain.002" and .applied == 1 and .re_presented == 0 and .returned == 1' <<<"$out" >/dev/null ||
  fail "a second AM04 is final: $out"
expect 0 "$V" --db "$DB" charges list --status returned -o json
jq -e '[.[] | .id] | length == 3' <<<"$out" >/dev/null || fail "three returned charges: $out"

# One file naming a charge twice (the bank's own duplicate): the first entry changes it, the second
# finds it returned; one fee, one revocation.
printf '%s\n' "VR-C5 BWP-5 3070 AC04" "VR-C5 BWP-5 3070 MD06" | camt054_returns CAMT-3 >"$T/camt3.xml"
expect 0 "$V" --db "$DB" payments returns import "$T/camt3.xml" -o json
jq -e '.entries == 2 and .applied == 1 and .already == 1 and .fees == 1 and .revoked_mandates == 1 and .disputed == 0' \
  <<<"$out" >/dev/null || fail "a charge named twice in one file: $out"
[ "$(field 5 status)" = returned ] && [ "$(field 5 return_reason)" = AC04 ] || fail "charge 5: $(charge 5)"
expect 0 "$V" --db "$DB" charges show 5 -o json
jq -e '[.bank_returns[] | [.reason, .outcome]] == [["AC04","revoked"],["MD06","already-returned"]]' <<<"$out" >/dev/null ||
  fail "both entries recorded: $out"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM charges WHERE origin = 5")" = 1 ] || fail "one fee for charge 5"

# The statement of account 1 in every output format: the return and its fee after the collection.
expect 0 "$V" --db "$DB" accounts statement 1 -o json
jq -e '[.[] | .kind] == ["charge","collection","fee","return"] and .[-1].balance_cents == 3370' <<<"$out" >/dev/null ||
  fail "statement of account 1: $out"
expect 0 "$V" --db "$DB" accounts statement 1 -o yaml
[ "$(grep -c 'kind: ' <<<"$out")" = 4 ] && grep -q 'kind: "return"' <<<"$out" || fail "statement yaml: $out"
expect 0 "$V" --db "$DB" accounts statement 1 -o csv
[ "$(wc -l <<<"$out")" = 5 ] && grep -q ',return,' <<<"$out" || fail "statement csv: $out"
expect 0 "$V" --db "$DB" accounts statement 1 -o jsonl
[ "$(wc -l <<<"$out")" = 4 ] || fail "statement jsonl: $out"
expect 0 "$V" --db "$DB" accounts statement 1
grep -q 'AC04' <<<"$out" || fail "statement table names the reason: $out"

# Audited: each import, and the mandates it revoked with the charge and reason code.
expect 0 "$V" --db "$DB" audit list --object bank-file:1 -o json
jq -e '[.[] | .action] == ["payments.returns.import","mandates.revoke"]
       and (.[1].after.revoked == [[1,1,"AC04"]])' <<<"$out" >/dev/null || fail "audit of the first file: $out"

# A broken file is refused with the line, and changes nothing.
printf '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><BkToCstmrDbtCdtNtfctn>' >"$T/broken.xml"
expect 5 "$V" --db "$DB" payments returns import "$T/broken.xml"
grep -q "broken.xml" <<<"$err" || fail "the error names the file: $err"
echo '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.09"/>' >"$T/other.xml"
expect 5 "$V" --db "$DB" payments returns import "$T/other.xml"

# The first batch still reproduces byte for byte.
expect 0 "$V" --db "$DB" payments export --batch 1 --out "$T/again.xml"
cmp -s "$T/batch1.xml" "$T/again.xml" || fail "batch 1 no longer reproduces"

# Through the server: an older camt.054 version (.001.02), uploaded, with the same outcome.
"$V" --db "$DB" tokens create --staff it.admin -o json | jq -r .token >"$T/admin.token"
start_server
printf '%s\n' "VR-C4 BWP-4 3070 MD01" | camt054_returns CAMT-2 | sed 's/camt.054.001.08/camt.054.001.02/' >"$T/camt2.xml"
expect 0 remote payments returns import "$T/camt2.xml" -o json
jq -e '.namespace == "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02" and .applied == 1 and .revoked_mandates == 1' \
  <<<"$out" >/dev/null || fail "remote import: $out"
expect 0 remote payments returns import "$T/camt2.xml" -o json
jq -e '.already_imported == true' <<<"$out" >/dev/null || fail "remote second import: $out"
[ "$(field 4 status)" = returned ] || fail "charge 4 after the remote import: $(charge 4)"
echo "payments returns tests passed"
