# The annual renewal run: anniversary rule (31 December, 31 January, 28 and 29 February),
# renewal the day after the old end or on the renewal day after a lapse, idempotent runs, and
# permits that cannot be renewed reported with exit 1. Both backends.
# shellcheck source=../permits_lib.sh
source "$HERE/permits_lib.sh"
setup_store seed-upgrades.yaml
cd "$WORK"

declare -A acct
n=0
for who in dec jan feb28 feb29 closed revoked moved downgraded norenew; do
  n=$((n + 1))
  acct[$who]=$(private_account "$who@example.de" "Erika" "Muster-$who" Kaiserstraße)
  vr m.weber mandates add "${acct[$who]}" --iban "DE89 3704 0044 0532 0130 00" --reference "BWP-$who" --signed-on 2026-11-01
  expect_status 0
done
mandate_of_revoked=$(sql "SELECT id FROM mandates WHERE reference = 'BWP-revoked'")

issue() {  # issue WHO PLATE FROM [options]
  local who=$1 plate=$2 from=$3
  shift 3
  vr m.weber permits issue "${acct[$who]}" --plate "$plate" --zone I-01 --from "$from" "$@"
  expect_status 0
  jq -r .id <<<"$output"
}
p_dec=$(issue dec "DO-DE 31" 2026-12-31)
p_jan=$(issue jan "DO-JA 31" 2027-01-31)
p_feb28=$(issue feb28 "DO-FE 28" 2027-02-28)
p_closed=$(issue closed "DO-CL 1" 2026-11-25)
p_revoked=$(issue revoked "DO-RV 1" 2026-11-25)
p_moved=$(issue moved "DO-MV 1" 2026-11-25)
p_down=$(issue downgraded "DO-DG 1" 2026-11-25)
issue norenew "DO-NR 1" 2026-11-25 --no-auto-renew >/dev/null
vr m.weber permits show "$p_dec"
expect_json '.valid_from == "2026-12-31" and .valid_until == "2027-12-30"'
vr m.weber permits show "$p_jan"
expect_json '.valid_from == "2027-01-31" and .valid_until == "2028-01-30"'
vr m.weber permits show "$p_feb28"
expect_json '.valid_from == "2027-02-28" and .valid_until == "2028-02-27"'

# 29 February 2028 can be chosen from 2027-02-28 on (at most a year ahead): it ends 28 February 2029.
set_now 2027-03-01T09:00:00Z
p_feb29=$(issue feb29 "DO-FF 29" 2028-02-29)
vr m.weber permits show "$p_feb29"
expect_json '.valid_from == "2028-02-29" and .valid_until == "2029-02-28" and .fee_cents == 12000'

# Renewal is for supervisors and administrators (the cron job runs as one).
set_now 2027-11-01T09:00:00Z
vr m.weber permits renew
expect_status 6

# Three permits can no longer be renewed: reported with the reason, exit 1, nothing renewed. The
# fourth account's downgrade to guest ended its permit there and then: nothing is left to renew.
vr m.weber accounts close "${acct[closed]}" --reason "verzogen"
expect_status 0
vr m.weber mandates revoke "$mandate_of_revoked"
expect_status 0
vr m.weber accounts update "${acct[moved]}" --street "Hohe Straße"
expect_status 0
vr s.kruse upgrades downgrade "${acct[downgraded]}" --tier guest --reason "Identität zweifelhaft"
expect_status 0
expect_json '.permits_ended == ['"$p_down"']'
vr m.weber permits show "$p_down"
expect_json '.status == "revoked"'

# A dry run reports what a run would do and changes nothing.
vr s.kruse permits renew --dry-run
expect_status 1
expect_json '.ok == false and (.renewed | length) == 0 and (.not_renewed | length) == 3'
vr s.kruse permits renew
expect_status 1
expect_json '.ok == false and .due_before == "2027-12-01" and (.renewed | length) == 0 and .charges_created == 0'
expect_json '(.not_renewed | map(.permit_id) | sort) == ([('"$p_closed"'), ('"$p_revoked"'), ('"$p_moved"')] | sort)'
expect_json '(.not_renewed[] | select(.permit_id == '"$p_closed"') | .reason) | test("closed")'
expect_json '(.not_renewed[] | select(.permit_id == '"$p_revoked"') | .reason) | test("mandate")'
expect_json '(.not_renewed[] | select(.permit_id == '"$p_moved"') | .reason) | test("zone I-01")'
# Revoking those that can no longer be renewed ends the reports.
for p in "$p_closed" "$p_revoked" "$p_moved"; do
  vr m.weber permits revoke "$p" --reason "nicht verlängerbar"
  expect_status 0
done

# 31 December: renewed from the day after the old end, with the fee in force then, and a charge
# due on the first day of the new period (more than the pre-notification period away).
set_now 2027-12-01T09:00:00Z
vr s.kruse permits renew
expect_status 0
expect_json '.ok == true and .due_before == "2027-12-31" and .charges_created == 1 and (.renewed | length) == 1'
expect_json '.renewed[0] | .renewed_from == '"$p_dec"' and .valid_from == "2027-12-31" and .valid_until == "2028-12-30"
             and .status == "upcoming" and .fee_cents == 12000'
expect_json '.prenotifications[0] | .amount_cents == 12000 and .due_on == "2027-12-31" and .mandate_reference == "BWP-dec"'
p_dec2=$(jq -r '.renewed[0].id' <<<"$output")
# Idempotent: the same run again renews nothing.
vr s.kruse permits renew
expect_status 0
expect_json '(.renewed | length) == 0 and .charges_created == 0'
vr m.weber permits show "$p_dec"
expect_json '.renewed_by == '"$p_dec2"
vr m.weber charges list --account "${acct[dec]}"
expect_json 'length == 2 and (map(.status) | sort) == ["open", "open"]'

# 31 January and 28 February with a cut-off given; the renewal made above is not renewed again.
vr s.kruse permits renew --due-before 2028-03-01
expect_status 0
expect_json '(.renewed | map({renewed_from, valid_from, valid_until}) | sort_by(.renewed_from)) ==
             ([{renewed_from: '"$p_jan"', valid_from: "2028-01-31", valid_until: "2029-01-30"},
               {renewed_from: '"$p_feb28"', valid_from: "2028-02-28", valid_until: "2029-02-27"}] | sort_by(.renewed_from))'
vr s.kruse permits renew --due-before 2028-03-01
expect_json '(.renewed | length) == 0'
vr s.kruse permits renew --due-before 2029-01-01
expect_status 5
expect_stderr "due_before"

# 29 February: its anniversary in a common year is 1 March, so the renewal starts then. The
# 31-January chain lapsed on 2029-01-30: its renewal starts on the renewal day.
set_now 2029-02-05T09:00:00Z
vr s.kruse permits renew
expect_status 0
expect_json '(.renewed[] | select(.renewed_from == '"$p_feb29"') | [.valid_from, .valid_until]) == ["2029-03-01", "2030-02-28"]'
expect_json '(.renewed[] | select(.plate == "DO-JA 31") | [.valid_from, .valid_until]) == ["2029-02-05", "2030-02-04"]'
expect_json '(.renewed[] | select(.plate == "DO-FE 28") | [.valid_from, .valid_until]) == ["2029-02-28", "2030-02-27"]'
vr s.kruse permits renew
expect_json '(.renewed | length) == 0'

# Every renewal has exactly one charge; the audit log records each run; the chain holds.
[ "$(sql "SELECT count(*) FROM permits WHERE renewed_from IS NOT NULL")" = \
  "$(sql "SELECT count(*) FROM charges c JOIN permits p ON p.id = c.permit_id WHERE p.renewed_from IS NOT NULL")" ] ||
  fail "renewals and charges differ"
vr a.auditor audit list --object permits/renewals
expect_json 'map(select(.action == "permits.renew")) | length == 4'
vr a.auditor audit verify
expect_json '.ok == true'
