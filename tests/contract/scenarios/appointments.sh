# Appointments that can be kept — the story: Brackel's only certified clerk has an appointment
# booked for Thursday afternoon; his holiday leaves it to nobody, so it needs rebooking, and
# `appointments at-risk` offers the nearest free slots elsewhere. Also part-time duty, a half-day
# absence, two bookings racing for the last slot, daylight saving and a holiday. Both backends.
# The clock stands on Wednesday 2026-11-25, 10:00 in Dortmund; Thursday D is 2026-12-10.
export VRATHAUS_CONFIG=$HERE/appointments-city.yaml
setup_store seed-appointments.yaml
D=2026-12-10

anna=$(new_account anna@example.de Anna Schröter)
bernd=$(new_account bernd@example.de Bernd Berger)
carla=$(new_account carla@example.de Carla Conrad)
dirk=$(new_account dirk@example.de Dirk Dahl)

# Brackel on Thursday: 08:00-18:00 in 15-minute slots, every one kept by Krause (Brandt may not upgrade).
vr m.weber appointments slots --office brackel --date $D
expect_status 0
expect_json 'length == 40 and .[0].start == "08:00" and .[0].end == "08:15" and .[0].starts_at == "2026-12-10T07:00:00Z"
             and .[-1].start == "17:45" and all(.[]; .free == 1 and .office == "brackel" and .kind == "upgrade")'
# Hörde: nobody certified — nothing to book.
vr m.weber appointments slots --office hoerde --date $D
expect_status 0
expect_json 'length == 0'
expect_stderr "no free upgrade slot"

# The portal books for the citizen named by login; never by account number.
vr portal appointments book "$anna" --office brackel --at ${D}T14:00
expect_status 6
vr portal appointments book anna@example.de --office brackel --at ${D}T14:00
expect_status 0
expect_json ".account_id == $anna and .office == \"brackel\" and .staff == \"b.krause\" and .status == \"booked\"
             and .date == \"$D\" and .start == \"14:00\" and .end == \"14:15\" and .starts_at == \"2026-12-10T13:00:00Z\""
first=$(jq -r .id <<<"$output")
# At most one open upgrade appointment per account; a taken slot; a time off the grid; Hörde.
vr m.weber appointments book "$anna" --office innenstadt --at ${D}T09:00
expect_status 4
expect_stderr "open upgrade appointment"
vr m.weber appointments book "$bernd" --office brackel --at ${D}T14:00
expect_status 4
expect_stderr "nobody certified"
vr m.weber appointments book "$bernd" --office brackel --at ${D}T14:07
expect_status 5
expect_stderr "at"
vr m.weber appointments book "$bernd" --office hoerde --at ${D}T10:00
expect_status 4
vr m.weber appointments book "$bernd" --office brackel --at 2026-11-20T10:00
expect_status 4
expect_stderr "passed"
vr m.weber appointments slots --office brackel --date $D
expect_json 'length == 39 and (map(.start) | index("14:00")) == null'

# Krause's holiday: recorded (exit 0), the appointment finds nobody else and needs rebooking.
vr s.kruse staff absence b.krause --from 2026-12-07 --to 2026-12-11
expect_status 0
expect_json ".appointments | length == 1 and .[0].id == $first and .[0].status == \"needs-rebooking\"
             and .[0].staff == null and .[0].previous_staff == \"b.krause\""
expect_stderr "needs rebooking"
vr m.weber appointments slots --office brackel --date $D
expect_json 'length == 0'

# The cron job: exit 1, the nearest free slots: Innenstadt and Scharnhorst the same afternoon,
# Brackel when Krause is back on Monday — never Hörde.
vr m.weber appointments at-risk
expect_status 1
expect_json "length == 1 and .[0].id == $first and .[0].why == \"nobody-certified-free\""
expect_json '.[0].alternatives | map(.office) == ["innenstadt", "scharnhorst", "brackel"] and all(.[0:2][]; .date == "2026-12-10" and .start == "14:00")
             and .[2].date == "2026-12-14" and .[2].start == "14:00"'
vr m.weber appointments list --account "$anna"
expect_json "length == 1 and .[0].status == \"needs-rebooking\""

# The citizen rebooks: cancel, then book one of the alternatives.
vr portal appointments cancel "$first" --account bernd@example.de --reason "Termin verlegt"
expect_status 3
vr portal appointments cancel "$first" --account anna@example.de --reason "Termin verlegt"
expect_status 0
expect_json '.status == "cancelled" and .cancel_reason == "Termin verlegt"'
vr portal appointments book anna@example.de --office scharnhorst --at ${D}T14:00
expect_status 0
expect_json '.staff == "t.wolf" and .status == "booked"'
second=$(jq -r .id <<<"$output")
vr m.weber appointments at-risk
expect_status 0
expect_json 'length == 0'
vr portal appointments show "$second" --account anna@example.de
expect_json ".id == $second and .office == \"scharnhorst\""
vr portal appointments show "$second" --account bernd@example.de
expect_status 3
vr portal appointments list
expect_status 6

# The confirmation mail's iCalendar file: CRLF, the time in Europe/Berlin.
ics=$WORK/termin.ics
if is_remote; then
  "$VRATHAUS_BIN" --remote "$URL" --token-file "$WORK/tokens/portal" appointments show "$second" --account anna@example.de -o ics >"$ics"
else
  "$VRATHAUS_BIN" --db "$DB" --as portal appointments show "$second" --account anna@example.de -o ics >"$ics"
fi
grep -q $'^BEGIN:VCALENDAR\r$' "$ics" || fail "no VCALENDAR"
grep -q $'^DTSTART;TZID=Europe/Berlin:20261210T140000\r$' "$ics" || fail "wrong DTSTART: $(cat "$ics")"
grep -q $'^DTEND;TZID=Europe/Berlin:20261210T141500\r$' "$ics" || fail "wrong DTEND"
grep -q $'^UID:appointment-'"$second"$'@vrathaus\r$' "$ics" || fail "wrong UID"
[ "$(grep -c $'\r$' "$ics")" = "$(wc -l <"$ics")" ] || fail "a line without CRLF"
cat "$ics" >>"$TRANSCRIPT"

# Part-time: Schulz works Thursday mornings only. A clerk may not change duty times.
vr m.weber staff hours l.schulz --weekday thu --from 08:00 --to 12:00
expect_status 6
vr s.kruse staff hours l.schulz --weekday thu --from 08:00 --to 12:00
expect_status 0
expect_json '.week[3] == {"weekday": "thu", "from": "08:00", "to": "12:00", "source": "staff"}'
vr s.kruse staff hours l.schulz --weekday fri --off
expect_json '.week[4].source == "off" and .week[4].from == null'
vr s.kruse staff hours l.schulz --weekday thu --from 12:00 --to 08:00
expect_status 5
vr m.weber appointments slots --office innenstadt --date $D
expect_json '(map(select(.start == "09:00")) | .[0].free) == 2 and (map(select(.start == "13:00")) | .[0].free) == 1'
vr m.weber appointments slots --office innenstadt --date 2026-12-11
expect_json 'all(.[]; .free == 1)'

# Revoking a certification moves the appointment to the other certified clerk on duty.
vr m.weber appointments book "$bernd" --office innenstadt --at ${D}T09:00
expect_status 0
expect_json '.staff == "k.yilmaz"'
bernds=$(jq -r .id <<<"$output")
vr s.kruse staff revoke-cert k.yilmaz --cert identity-check --reason "Schulung nicht bestanden"
expect_status 0
expect_json ".appointments == [.appointments[0]] and .appointments[0].id == $bernds and .appointments[0].staff == \"l.schulz\"
             and .appointments[0].status == \"booked\""
expect_stderr "moved from k.yilmaz to l.schulz"

# A half-day absence frees the afternoon, not the day: no slots 12:00-16:00, coverage unchanged.
vr s.kruse staff absence t.wolf --from ${D}T12:00 --to ${D}T16:00 --reason training
expect_status 0
expect_json '.from == "2026-12-10" and .to == "2026-12-10" and .from_time == "12:00" and .to_time == "16:00"
             and (.appointments | length == 1) and .appointments[0].id == '"$second"' and .appointments[0].status == "needs-rebooking"'
vr m.weber appointments slots --office scharnhorst --date $D
expect_json 'map(.start) | (index("11:45") != null) and (index("12:00") == null) and (index("15:45") == null) and (index("16:00") != null)'
vr m.weber coverage --office scharnhorst --from $D --to $D --horizon 0
expect_status 0
vr s.kruse staff absence t.wolf --from 2026-12-14 --to ${D}T16:00
expect_status 5
expect_stderr "from"

# Two bookings racing for the last slot: exactly one wins.
vr s.kruse staff hours t.wolf --weekday mon --from 08:00 --to 08:15
expect_status 0
vr m.weber appointments slots --office scharnhorst --date 2026-12-14
expect_json 'length == 1 and .[0].start == "08:00"'
race() {  # race ACCOUNT → writes the exit status to $WORK/race.ACCOUNT
  local rc=0
  if is_remote; then
    "$VRATHAUS_BIN" --remote "$URL" --token-file "$WORK/tokens/m.weber" appointments book "$1" --office scharnhorst \
      --at 2026-12-14T08:00 >/dev/null 2>&1 || rc=$?
  else
    "$VRATHAUS_BIN" --db "$DB" --as m.weber appointments book "$1" --office scharnhorst --at 2026-12-14T08:00 \
      >/dev/null 2>&1 || rc=$?
  fi
  echo "$rc" >"$WORK/race.$1"
}
race "$carla" & r1=$!
race "$dirk" & r2=$!
wait $r1 $r2
statuses=$(cat "$WORK/race.$carla" "$WORK/race.$dirk" | sort | tr '\n' ' ')
[ "$statuses" = "0 4 " ] || fail "racing bookings: expected one 0 and one 4, got $statuses"
vr_unrecorded m.weber appointments list --office scharnhorst --date 2026-12-14  # either may win
expect_json 'length == 1 and .[0].status == "booked" and .[0].start == "08:00"'

# Daylight saving: 08:00 in Dortmund is 07:00 UTC in winter, 06:00 UTC in summer.
vr m.weber appointments slots --office brackel --date 2027-03-26
expect_json '.[0].start == "08:00" and .[0].starts_at == "2027-03-26T07:00:00Z"'
vr m.weber appointments slots --office brackel --date 2027-03-29
expect_json '.[0].start == "08:00" and .[0].starts_at == "2027-03-29T06:00:00Z"'
vr m.weber appointments slots --office brackel --date 2026-10-30
expect_json 'length == 0'
vr m.weber appointments slots --office innenstadt --date 2027-11-01
expect_json '.[0].starts_at == "2027-11-01T07:00:00Z"'
vr m.weber appointments slots --office brackel --date 2027-03-28
expect_json 'length == 0'

# A holiday: every office closed.
vr m.weber appointments slots --date 2026-12-24
expect_json 'length == 0'
vr m.weber appointments book "$carla" --office innenstadt --at 2026-12-24T09:00
expect_status 4

# Without --office: nearest first for a citizen in 44309 (Brackel's area), else earliest first.
vr m.weber appointments slots --date 2026-12-15 --postal-code 44309
expect_json '.[0].office == "brackel" and .[0].start == "08:00"'
vr m.weber appointments slots --date 2026-12-15 --postal-code 4430
expect_status 5
vr m.weber appointments slots --date 2026-12-15
expect_json '.[0].start == "08:00" and ([.[] | select(.start == "08:00") | .office] | sort) == ["brackel", "innenstadt", "scharnhorst"]'
vr m.weber appointments slots --date 2026-12-15 --kind haircut
expect_status 5
expect_stderr "kind"

# A departure: Schulz leaves; Bernd's appointment has nobody certified left at Innenstadt.
vr_admin staff deactivate l.schulz --reason "Ruhestand"
expect_status 0
expect_json ".appointments | length == 1 and .[0].id == $bernds and .[0].status == \"needs-rebooking\""
expect_stderr "needs rebooking"
vr m.weber appointments at-risk
expect_status 1
expect_json "map(.id) | index($bernds) != null"

vr_admin audit list --object appointment:$first
expect_json 'map(.action) == ["appointments.book", "appointments.needs_rebooking", "appointments.cancel"]'
vr_admin audit verify
expect_status 0
