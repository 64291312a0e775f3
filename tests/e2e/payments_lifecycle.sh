#!/usr/bin/env bash
# A charge's life after the export, on one store: a mandate's first collection is FRST once even
# when two of its charges are due; a collected charge is refunded (pain.001.001.09 credit transfer,
# validated against the official schema when present, or paid out by hand); a permit revoked early
# is refunded pro rata by full months; the account statement shows every step with a running
# balance in every output format; `charges overdue` lists what is returned or unpaid past its grace
# (exit 1), and such a permit is not renewed.
# shellcheck source=permits_lib.bash
source "$(dirname "$0")/permits_lib.bash"
# shellcheck source=../../scripts/lib/bank_files.bash
source "$VRATHAUS_SOURCE_DIR/scripts/lib/bank_files.bash"
REF=${VRATHAUS_SHARED_DIR:-}/reference
# Two permits per account, so one mandate can have two charges due in its first export.
sed -i 's/max_per_account: 1/max_per_account: 2/' "$T/city.yaml"

make_store
seed_due_permits "$DB" 3
expect 0 "$V" --db "$DB" permits renew -o json
# Account 1 gets a second permit: its charge is due before the renewals' (2026-12-09).
expect 0 "$V" --db "$DB" permits issue 1 --plate "DO-B 1" --zone I-01 -o json
expect 0 "$V" --db "$DB" charges list --account 1 -o json
[ "$(jq length <<<"$out")" = 2 ] || fail "two charges of account 1: $out"

# 1. One FRST per mandate: the second due charge of mandate 1 waits for the next export.
export VRATHAUS_NOW=2026-12-11T09:00:00Z
expect 0 "$V" --db "$DB" payments export --out "$T/batch1.xml" -o json
jq -e '.transactions == 3 and .frst == 3 and .rcur == 0 and (.deferred | length) == 1' <<<"$out" >/dev/null ||
  fail "one FRST per mandate: $out"
deferred=$(jq -r '.deferred[0].charge_id' <<<"$out")
frst_of_mandate1=$(grep -c '<MndtId>BWP-1</MndtId>' "$T/batch1.xml")
[ "$frst_of_mandate1" = 1 ] || fail "mandate BWP-1 appears $frst_of_mandate1 times in the first batch"
if [ -f "$REF/pain.008.001.08.xsd" ] && command -v xmllint >/dev/null; then
  xmllint --noout --schema "$REF/pain.008.001.08.xsd" "$T/batch1.xml" 2>/dev/null || fail "batch 1 is not a valid pain.008"
fi
export VRATHAUS_NOW=2026-12-14T09:00:00Z
expect 0 "$V" --db "$DB" payments export --out "$T/batch2.xml" -o json
jq -e '.transactions == 1 and .frst == 0 and .rcur == 1 and (.deferred | length) == 0' <<<"$out" >/dev/null ||
  fail "the deferred charge goes as RCUR next: $out"
expect 0 "$V" --db "$DB" charges show "$deferred" -o json
jq -e '.sequence == "RCUR" and .status == "exported"' <<<"$out" >/dev/null || fail "deferred charge: $out"
echo "ok: FRST once per mandate"

# 2. Dunning: nothing is overdue until the bank takes charge 3 back (MD06, refund requested).
export VRATHAUS_NOW=2026-12-18T09:00:00Z
expect 0 "$V" --db "$DB" charges overdue -o json
[ "$out" = "[]" ] || fail "nothing overdue yet: $out"
echo "VR-C3 BWP-3 3070 MD06" | camt054_returns CAMT-LC-1 >"$T/camt.xml"
expect 0 "$V" --db "$DB" payments returns import "$T/camt.xml" -o json
expect 1 "$V" --db "$DB" charges overdue -o json
jq -e 'length == 1 and .[0].id == 3 and .[0].status == "disputed" and .[0].return_reason == "MD06"
       and .[0].overdue_since == "2026-12-18" and .[0].days_overdue == 0' <<<"$out" >/dev/null || fail "overdue: $out"
grep -q "1 overdue charge" <<<"$err" || fail "the cron job says how many: $err"
expect 0 "$V" --db "$DB" charges list --overdue -o json
jq -e '[.[] | .id] == [3]' <<<"$out" >/dev/null || fail "charges list --overdue: $out"
expect 1 "$V" --db "$DB" charges overdue -o csv
head -1 <<<"$out" | grep -q 'overdue_since' || fail "csv header: $out"

# 3. Refunds: part of a collected charge by credit transfer, one paid out at the counter; never more
#    than the charge brought in, never of a charge that did not.
export VRATHAUS_NOW=2026-12-20T09:00:00Z
expect 0 "$V" --db "$DB" charges refund 2 --amount 1000 --reason Kulanz -o json
jq -e '.status == "pending" and .amount_cents == 1000 and .payee_iban == "DE89370400440532013000"' <<<"$out" >/dev/null ||
  fail "refund of charge 2: $out"
expect 5 "$V" --db "$DB" charges refund 2 --amount 2071 --reason zuviel
grep -q 'amount' <<<"$err" || fail "names the field: $err"
expect 4 "$V" --db "$DB" charges refund 3 --amount 100 --reason nein
expect 0 "$V" --db "$DB" charges refund 1 --amount 500 --reason Kulanz --paid-out KASSE-2026-1 -o json
jq -e '.status == "paid-out" and .paid_out_reference == "KASSE-2026-1"' <<<"$out" >/dev/null || fail "paid out: $out"
expect 0 "$V" --db "$DB" charges show 2 -o json
jq -e '.refunds | length == 1' <<<"$out" >/dev/null || fail "charges show lists refunds: $out"

# 4. A permit revoked early (account 2's renewal, 2026-12-11 … 2027-12-10) on 2027-03-20: month 4 is
#    in use, 8 full months are refunded pro rata: 3070 × 8 / 12 = 2046 cents.
export VRATHAUS_NOW=2027-03-20T09:00:00Z
permit2=$("$V" --db "$DB" permits list --account 2 -o json | jq '[.[] | select(.valid_from == "2026-12-11")][0].id')
expect 0 "$V" --db "$DB" permits revoke "$permit2" --reason "Umzug" -o json
jq -e '.refunds | length == 1 and .[0].charge_id == 2 and .[0].refund_cents == 2046' <<<"$out" >/dev/null ||
  fail "pro rata refund: $out"
expect 0 "$V" --db "$DB" payments refunds export --out "$T/refunds.xml" -o json
jq -e '.batch == 1 and .transactions == 2 and .ctrl_sum_cents == 3046 and .format == "pain.001.001.09"
       and .execution_date == "2027-03-22" and (has("xml") | not)' <<<"$out" >/dev/null || fail "refunds export: $out"
grep -q '<EndToEndId>VR-R1</EndToEndId>' "$T/refunds.xml" || fail "EndToEndId of refund 1"
grep -q '<CtrlSum>30.46</CtrlSum>' "$T/refunds.xml" || fail "CtrlSum"
if [ -f "$REF/pain.001.001.09.xsd" ] && command -v xmllint >/dev/null; then
  xmllint --noout --schema "$REF/pain.001.001.09.xsd" "$T/refunds.xml" 2>"$T/xmllint.err" ||
    fail "invalid pain.001.001.09: $(cat "$T/xmllint.err")"
fi
expect 0 "$V" --db "$DB" payments refunds export --out "$T/none.xml" -o json
jq -e '.batch == null' <<<"$out" >/dev/null || fail "each refund goes into one file only: $out"
[ ! -e "$T/none.xml" ] || fail "no file when nothing is pending"
expect 0 "$V" --db "$DB" payments refunds export --batch 1 --out "$T/again.xml"
cmp -s "$T/refunds.xml" "$T/again.xml" || fail "the refund batch does not reproduce"
expect 4 "$V" --db "$DB" payments refunds export --out "$T/refunds.xml"

# 5. The statement of account 2: charge, collection, two refunds, two payouts; balance back to 0.
expect 0 "$V" --db "$DB" accounts statement 2 -o json
jq -e '[.[] | .kind] == ["charge","collection","refund","refund","payout","payout"]
       and [.[] | .balance_cents] == [3070,0,-1000,-3046,-2046,0]' <<<"$out" >/dev/null || fail "statement: $out"
expect 0 "$V" --db "$DB" accounts statement 2 --from 2027-01-01 -o json
jq -e '.[0].kind == "opening" and .[0].balance_cents == -1000 and length == 4 and .[-1].balance_cents == 0' <<<"$out" >/dev/null ||
  fail "statement from 2027: $out"
expect 0 "$V" --db "$DB" accounts statement 2 -o csv
head -1 <<<"$out" | grep -q 'balance_cents' && [ "$(wc -l <<<"$out")" = 7 ] || fail "statement csv: $out"
expect 0 "$V" --db "$DB" accounts statement 2 -o jsonl
[ "$(wc -l <<<"$out")" = 6 ] || fail "statement jsonl: $out"
expect 0 "$V" --db "$DB" accounts statement 2
grep -q 'payout' <<<"$out" || fail "statement table: $out"
expect 0 "$V" --db "$DB" accounts statement 3 -o json
jq -e '[.[] | .kind] == ["charge","collection","return"] and .[-1].balance_cents == 3070' <<<"$out" >/dev/null ||
  fail "statement of the disputed charge: $out"
expect 5 "$V" --db "$DB" accounts statement 2 --from 2027-02-01 --to 2027-01-01

# 6. A year on, the permit whose charge is still disputed is not renewed; once paid, nothing is overdue.
export VRATHAUS_NOW=2027-11-25T09:00:00Z
expect 1 "$V" --db "$DB" permits renew -o json
jq -e '[.not_renewed[] | select(.account_id == 3) | .reason] | length == 1 and (.[0] | test("charge 3 is unpaid since 2026-12-18 \\(returned: MD06\\)"))' \
  <<<"$out" >/dev/null || fail "renewal report: $out"
jq -e '[.renewed[] | .account_id] | index(3) == null' <<<"$out" >/dev/null || fail "account 3 renewed: $out"
expect 0 "$V" --db "$DB" charges mark-paid 3 --method transfer --reference UEB-4711 -o json
expect 0 "$V" --db "$DB" charges overdue -o json
[ "$out" = "[]" ] || fail "paid: nothing overdue: $out"
# An open charge past due + grace is the next export's job while its mandate stands; once the
# mandate is revoked, the citizen owes it.
export VRATHAUS_NOW=2027-12-27T09:00:00Z
expect 0 "$V" --db "$DB" charges overdue -o json
[ "$out" = "[]" ] || fail "open charges with a standing mandate are not overdue: $out"
expect 0 "$V" --db "$DB" mandates revoke 1 --reason "Konto aufgeloest"
expect 1 "$V" --db "$DB" charges overdue -o json
jq -e 'length >= 1 and all(.[]; .account_id == 1 and .status == "open" and .overdue_since < "2027-12-27")' <<<"$out" >/dev/null ||
  fail "open charges without a mandate: $out"
expect 0 "$V" --db "$DB" audit list -o json
for action in charges.refund permits.revoke payments.refunds.export; do
  jq -e --arg a "$action" 'any(.[]; .action == $a)' <<<"$out" >/dev/null || fail "audited: $action"
done
echo "ok: refunds, statement, dunning"
