# What the bank sends back: export (pain.008.001.08) → the bank's camt.054 and pain.002 files →
# `payments returns import` → charges, mandates and permits in the states the city's policy names
# (AC04 revokes the mandate, AM04 re-presents once, MD06 disputes, a return fee each), the same
# file again changes nothing, an unknown EndToEndId exits 1. Both backends, the same transcript.
# shellcheck source=../permits_lib.sh
source "$HERE/permits_lib.sh"
# shellcheck source=../../../scripts/lib/bank_files.bash
source "$HERE/../../scripts/lib/bank_files.bash"
# The permit city with a return fee (beside the work directory, which setup_store empties).
mkdir -p "$(dirname "$WORK")"
sed 's/^    prenotification_days: 14$/    prenotification_days: 14\n    return_fee_cents: 250/' "$HERE/permits-city.yaml" >"$WORK-city.yaml"
export VRATHAUS_CONFIG=$WORK-city.yaml
setup_store seed-upgrades.yaml
cd "$WORK"

anna=$(private_account anna@example.de Anna Schröter Kaiserstraße)
jonas=$(private_account jonas@example.de Jonas Groß Lindemannstraße)
maria=$(private_account maria@example.de Maria Müller Arneckestraße)
for who in "$anna:ANNA:AN" "$jonas:JONAS:JG" "$maria:MARIA:MM"; do
  IFS=: read -r id ref letters <<<"$who"
  vr m.weber mandates add "$id" --iban "DE89 3704 0044 0532 0130 00" --reference "BWP-$ref" --signed-on 2026-11-20
  expect_status 0
  vr m.weber permits issue "$id" --plate "DO-$letters 1" --zone I-01
  expect_status 0
done

set_now 2026-12-10T09:00:00Z
vr s.kruse payments export --out batch1.xml --collection-date 2026-12-14
expect_status 0
expect_json '.format == "pain.008.001.08" and .transactions == 3'
check_export batch1.xml 3 9210
e2e() { xpath batch1.xml "//*[local-name()='DrctDbtTxInf'][*[local-name()='DrctDbtTx']//*[local-name()='MndtId']='$1']//*[local-name()='EndToEndId']"; }
anna_e2e=$(e2e BWP-ANNA) jonas_e2e=$(e2e BWP-JONAS) maria_e2e=$(e2e BWP-MARIA)

# Returned after the collection date: account closed (Anna), insufficient funds (Jonas), refund
# requested (Maria), and one the city never sent.
set_now 2026-12-18T09:00:00Z
printf '%s\n' "$anna_e2e BWP-ANNA 3070 AC04" "$jonas_e2e BWP-JONAS 3070 AM04" "$maria_e2e BWP-MARIA 3070 MD06" \
  "VR-C424242 BWP-NOBODY 1000 AC04" | camt054_returns CAMT054-2026-12-18 >camt.xml
[ ! -f "$REFERENCE/camt.054.001.08.xsd" ] || xmllint --noout --schema "$REFERENCE/camt.054.001.08.xsd" camt.xml 2>/dev/null ||
  fail "the test's camt.054 is not valid"
vr m.weber payments returns import camt.xml
expect_status 6
vr s.kruse payments returns import camt.xml
expect_status 1
expect_json '.ok == false and .kind == "camt.054" and .entries == 4 and .applied == 3 and .re_presented == 1
             and .disputed == 1 and .revoked_mandates == 1 and .permits_stopped == 1 and .fees == 3
             and .unmatched_count == 1 and .unmatched[0].end_to_end_id == "VR-C424242"'
vr s.kruse payments returns import camt.xml
expect_status 0
expect_json '.already_imported == true and .applied == 3'

vr m.weber charges list --account "$anna"
expect_json '[.[] | [.kind, .status, .return_reason, .amount_cents]] == [["permit","returned","AC04",3070],["return-fee","open",null,250]]'
vr m.weber charges list --account "$jonas"
expect_json '[.[] | [.kind, .status]] == [["permit","returned"],["re-presentation","open"],["return-fee","open"]]'
vr m.weber charges list --status disputed
expect_json '[.[] | .account_id] == ['"$maria"']'
vr m.weber mandates list "$anna"
expect_json '.[0].status == "revoked"'
vr m.weber permits list --account "$anna"
expect_json '.[0].auto_renew == false'

# The next export re-presents Jonas's charge and collects the fees whose mandate stands; Anna's
# fee waits (her mandate is revoked).
set_now 2026-12-21T09:00:00Z
vr s.kruse payments export --out batch2.xml
expect_status 0
expect_json '.transactions == 3 and (.skipped | length) == 1'
check_export batch2.xml 3 $((3070 + 250 + 250))
re=$(xpath batch2.xml "//*[local-name()='DrctDbtTxInf'][*[local-name()='InstdAmt']='30.70']//*[local-name()='EndToEndId']")

# Rejected again (pain.002): a second AM04 is final.
printf '%s\n' "$re BWP-JONAS 3070 AM04" | pain002_rejects PAIN002-2026-12-22 VRATHAUS-2 >reject.xml
set_now 2026-12-22T09:00:00Z
vr s.kruse payments returns import reject.xml
expect_status 0
expect_json '.kind == "pain.002" and .applied == 1 and .re_presented == 0 and .fees == 1'
vr m.weber charges list --account "$jonas"
expect_json '[.[] | [.kind, .status]] == [["permit","returned"],["re-presentation","returned"],["return-fee","exported"],["return-fee","open"]]'

# The first batch is still the same file.
vr a.auditor payments export --batch 1 --out copy.xml
expect_status 0
cmp -s batch1.xml copy.xml || fail "batch 1 no longer reproduces"

# Settled without the bank file: Anna pays her fee at the counter (her mandate is revoked), the
# city waives Jonas's second fee, Maria settles her disputed charge by transfer.
vr m.weber charges list --account "$anna"
anna_fee=$(jq -r '.[] | select(.kind == "return-fee") | .id' <<<"$output")
vr m.weber charges mark-paid "$anna_fee" --method cash --reference KASSE-2026-004711
expect_status 0
expect_json '.status == "paid" and .paid_method == "cash" and .paid_reference == "KASSE-2026-004711" and .settled_by == "m.weber"'
vr m.weber charges mark-paid "$anna_fee" --method cash --reference KASSE-2026-004712
expect_status 4
vr m.weber charges list --account "$jonas"
jonas_charge=$(jq -r '.[] | select(.kind == "permit") | .id' <<<"$output")
jonas_fee=$(jq -r '.[] | select(.kind == "return-fee" and .status == "open") | .id' <<<"$output")
jonas_sent_fee=$(jq -r '.[] | select(.kind == "return-fee" and .status == "exported") | .id' <<<"$output")
vr m.weber charges cancel "$jonas_fee" --reason "Kulanz"
expect_status 6
vr s.kruse charges cancel "$jonas_sent_fee" --reason "Kulanz"
expect_status 4
expect_stderr "only an open charge"
vr s.kruse charges cancel "$jonas_fee" --reason "Kulanz nach Rücksprache"
expect_status 0
expect_json '.status == "cancelled" and .cancel_reason == "Kulanz nach Rücksprache"'
vr m.weber charges mark-paid "$jonas_sent_fee" --method transfer --reference X
expect_status 4
expect_stderr "may still be collected"
# A hostile clerk or supervisor: nobody settles or refunds a charge of their own account.
vr m.weber staff link-account m.weber "$jonas"
expect_status 0
vr m.weber charges mark-paid "$jonas_charge" --method cash --reference KASSE-SELBST
expect_status 6
expect_stderr "own account"
vr s.kruse staff link-account s.kruse "$jonas"
expect_status 0
vr s.kruse charges refund "$jonas_charge" --amount 100 --reason Kulanz
expect_status 6
expect_stderr "own account"
vr_admin staff unlink-account m.weber "$jonas" --reason "Test der Trennung"
expect_status 0
vr_admin staff unlink-account s.kruse "$jonas" --reason "Test der Trennung"
expect_status 0
vr m.weber charges show "$jonas_charge"
expect_status 0
expect_json '.status == "returned" and .return_reason == "AM04" and (.bank_returns | map(.outcome)) == ["re-presented"]
             and (.follow_ups | map(.kind)) == ["re-presentation", "return-fee"]'
vr m.weber charges list --status disputed
maria_charge=$(jq -r '.[0].id' <<<"$output")
vr m.weber charges mark-paid "$maria_charge" --method transfer --reference "EREF 2027-0001"
expect_status 0
expect_json '.status == "paid" and .paid_method == "transfer"'
vr m.weber charges show 999
expect_status 3
vr_admin audit list --object "charge:$maria_charge"
expect_json '[.[] | .action] == ["charges.mark-paid"]'

# Dunning: Anna's charge (AC04) and Jonas's (AM04 twice) are returned for good and overdue; Maria
# paid. The cron job exits 1.
vr m.weber charges overdue
expect_status 1
expect_json '[.[] | [.account_id, .status, .return_reason, .overdue_since]] == [['"$anna"',"returned","AC04","2026-12-18"],['"$jonas"',"returned","AM04","2026-12-18"]]'
expect_stderr "2 overdue charge"
vr m.weber charges list --overdue --account "$jonas"
expect_status 0
expect_json '[.[] | .id] == ['"$jonas_charge"']'

# A refund of Maria's paid charge, paid by SEPA credit transfer (pain.001.001.09); a clerk may not.
vr m.weber charges refund "$maria_charge" --amount 1000 --reason Kulanz
expect_status 6
vr s.kruse charges refund "$maria_charge" --amount 3071 --reason Kulanz
expect_status 5
expect_stderr "amount"
vr s.kruse charges refund "$maria_charge" --amount 1000 --reason Kulanz
expect_status 0
expect_json '.status == "pending" and .amount_cents == 1000 and .payee_iban == "DE89370400440532013000"'
vr s.kruse payments refunds export --out refunds.xml
expect_status 0
expect_json '.batch == 1 and .transactions == 1 and .ctrl_sum_cents == 1000 and .execution_date == "2026-12-23" and .file == "refunds.xml"'
[ ! -f "$REFERENCE/pain.001.001.09.xsd" ] || xmllint --noout --schema "$REFERENCE/pain.001.001.09.xsd" refunds.xml 2>/dev/null ||
  fail "the refund file is not a valid pain.001.001.09"
vr a.auditor payments refunds export --batch 1 --out refunds-copy.xml
expect_status 0
cmp -s refunds.xml refunds-copy.xml || fail "the refund batch does not reproduce"

# Maria's statement: charged, collected, taken back (MD06) with a fee that the next file collects,
# paid by transfer, refunded, paid out.
vr m.weber accounts statement "$maria"
expect_status 0
expect_json '[.[] | [.kind, .amount_cents, .balance_cents]] == [["charge",3070,3070],["collection",-3070,0],["fee",250,250],
             ["return",3070,3320],["collection",-250,3070],["payment",-3070,0],["refund",-1000,-1000],["payout",1000,0]]'
vr m.weber accounts statement "$maria" --from 2026-12-20 --to 2026-12-22
expect_status 0
expect_json '[.[] | .kind] == ["opening","collection","payment","refund"] and .[0].balance_cents == 3320'
vr_admin audit list --object "refund-batch:1"
expect_json '[.[] | .action] == ["payments.refunds.export"]'
