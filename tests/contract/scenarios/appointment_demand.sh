# Booked demand, closed accounts and lapsing certifications: `coverage` and `training plan` count
# the open appointments of an office-day against the certified clerks present; closing an account
# cancels its open appointments; `appointments keep` (the cron job) moves an appointment whose
# clerk's certification lapsed behind the tool's back, and books one needing rebooking again once
# a certified clerk is back. Both backends. The clock stands on Wednesday 2026-11-25; Thursday D
# is 2026-12-10 (Scharnhorst and Brackel open 08:00-18:00, 600 minutes, 15-minute slots).
# The appointments city, flagging an office at its minimum from 5 % of its capacity booked.
CITY=$WORK.city.yaml
mkdir -p "$(dirname "$CITY")"
sed 's/^  appointments:$/  appointments:\n    busy_at_minimum_percent: 5/' "$HERE/appointments-city.yaml" >"$CITY"
grep -q busy_at_minimum_percent "$CITY" || { echo "could not write $CITY" >&2; exit 1; }
export VRATHAUS_CONFIG=$CITY
setup_store seed-appointments.yaml
D=2026-12-10

anna=$(new_account anna@example.de Anna Schröter)
bernd=$(new_account bernd@example.de Bernd Berger)
carla=$(new_account carla@example.de Carla Conrad)
dirk=$(new_account dirk@example.de Dirk Dahl)
erik=$(new_account erik@example.de Erik Ernst)

# Scharnhorst: one certified clerk (t.wolf), minimum one. No bookings: nothing flagged.
vr m.weber coverage --office scharnhorst --from $D --to $D --horizon 0
expect_status 0
expect_json '.ok and .demand == []'

# Three bookings fill 45 of Wolf's 600 minutes: above 5 % with the office exactly at its minimum.
for who in "$carla:09:00" "$dirk:09:15" "$bernd:09:30"; do
  vr m.weber appointments book "${who%%:*}" --office scharnhorst --at "${D}T${who#*:}"
  expect_status 0
  expect_json '.staff == "t.wolf"'
done
vr m.weber coverage --office scharnhorst --from $D --to $D --horizon 0
expect_status 0
expect_json '.ok and .gaps == [] and .demand == [{"office": "scharnhorst", "date": "2026-12-10", "booked": 3,
             "booked_minutes": 45, "capacity_minutes": 600, "present": 1, "required": 1, "reason": "busy-at-minimum"}]'
# The training plan wants one more certified person that day (nobody else at Scharnhorst to train).
vr s.kruse training plan --office scharnhorst --buffer 0 --horizon 30
expect_status 0
expect_json '.offices[0].demand_days == 1 and .offices[0].first_gap == "2026-12-10" and .offices[0].closable
             and (.offices[0].why | contains("many bookings"))'

# Brackel (minimum two, one certified) is a gap already; Krause's holiday leaves Anna's booking
# to nobody: the gap row says the day is overbooked.
vr portal appointments book anna@example.de --office brackel --at ${D}T14:00
expect_status 0
annas=$(jq -r .id <<<"$output")
vr m.weber coverage --office brackel --from $D --to $D --horizon 0
expect_status 1
expect_json '.demand == [] and (.gaps[0] | has("demand") | not)'
vr s.kruse staff absence b.krause --from 2026-12-07 --to 2026-12-11
expect_status 0
expect_json '.appointments[0].status == "needs-rebooking"'
vr m.weber coverage --office brackel --from $D --to $D --horizon 0
expect_status 1
expect_json '.gaps[0].demand == "overbooked" and .demand[0].reason == "overbooked" and .demand[0].booked == 1
             and .demand[0].capacity_minutes == 0 and .demand[0].present == 0'

# Closing the account cancels its open appointment in the same change, audited "account closed".
vr_admin accounts close "$anna" --reason "Umzug nach Bochum"
expect_status 0
vr m.weber appointments show "$annas"
expect_json '.status == "cancelled" and .cancel_reason == "account closed"'
vr_admin audit list --object appointment:$annas
expect_json 'map(.action) == ["appointments.book", "appointments.needs_rebooking", "appointments.cancel"] and .[2].reason == "account closed"'
vr m.weber coverage --office brackel --from $D --to $D --horizon 0
expect_json '.demand == []'
vr m.weber appointments at-risk
expect_status 0

# A certification that lapses before the appointment without any command saying so (here: the
# store corrected behind the tool's back). `at-risk` sees it; `keep` moves it to Schulz.
vr m.weber appointments book "$erik" --office innenstadt --at ${D}T09:00
expect_status 0
expect_json '.staff == "k.yilmaz"'
eriks=$(jq -r .id <<<"$output")
sql "UPDATE certifications SET valid_until = '2026-12-09' WHERE staff = 'k.yilmaz'"
vr m.weber appointments at-risk
expect_status 1
expect_json "length == 1 and .[0].id == $eriks and .[0].why == \"clerk-unavailable\""
vr m.weber appointments keep
expect_status 6
vr s.kruse appointments keep --dry-run
expect_status 0
vr m.weber appointments show "$eriks"
expect_json '.staff == "k.yilmaz"'
vr s.kruse appointments keep
expect_status 0
expect_json ".appointments | length == 1 and .[0].id == $eriks and .[0].staff == \"l.schulz\" and .[0].previous_staff == \"k.yilmaz\""
expect_stderr "moved from k.yilmaz to l.schulz"
vr m.weber appointments at-risk
expect_status 0

# Schulz leaves: nobody certified is left, the appointment needs rebooking and `keep` exits 1
# with the alternatives. Yılmaz's certification is renewed (behind the tool's back again): the
# next run books the appointment again with him.
vr_admin staff deactivate l.schulz --reason "Ruhestand"
expect_status 0
expect_json ".appointments[0].id == $eriks and .appointments[0].status == \"needs-rebooking\""
vr s.kruse appointments keep
expect_status 1
expect_json ".at_risk | length == 1 and .[0].id == $eriks and (.[0].alternatives | length > 0)"
sql "UPDATE certifications SET valid_until = '2028-03-01' WHERE staff = 'k.yilmaz'"
vr s.kruse appointments keep
expect_status 0
expect_json ".appointments[0].id == $eriks and .appointments[0].status == \"booked\" and .appointments[0].staff == \"k.yilmaz\"
             and .appointments[0].previous_staff == \"\" and .at_risk == []"
expect_stderr "booked again, with k.yilmaz"
vr_admin audit list --object appointment:$eriks
expect_json 'map(.action) == ["appointments.book", "appointments.reassign", "appointments.needs_rebooking", "appointments.reassign"]'
vr_admin audit verify
expect_status 0
