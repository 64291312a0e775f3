#!/usr/bin/env bash
# The story this project comes from, as people see it at the terminal: Brackel's only certified
# clerk has an appointment booked for Thursday afternoon; recording his holiday finds nobody to
# take it over, marks it needs-rebooking and says so (exit 0: the holiday is recorded);
# `appointments at-risk` (cron, exit 1) offers the nearest free slots at Innenstadt and another
# district office; booking one of those succeeds; nothing can be booked at Hörde. On the day,
# the upgrade at the counter records the appointment it fulfils.
source "$(dirname "$0")/lib.sh"
HERE=${VRATHAUS_SOURCE_DIR:?}/tests/contract
export VRATHAUS_CONFIG=$HERE/appointments-city.yaml
DB=$T/store.db
v() { "$V" --db "$DB" "$@"; }
v -q db init --seed "$HERE/seed.yaml" >/dev/null
v -q db init --seed "$HERE/seed-appointments.yaml" >/dev/null

expect 0 v --as m.weber -o json accounts create --login anna@example.de --given-name Anna --family-name Schröter \
  --birth-date 1990-04-01
anna=$(jq -r .id <<<"$out")

# Thursday afternoon at Brackel, booked by the portal on Anna's behalf.
expect 0 v --as portal -o json appointments book anna@example.de --office brackel --at 2026-12-10T14:00
[ "$(jq -r .staff <<<"$out")" = b.krause ] || fail "booked with $(jq -r .staff <<<"$out")"
appointment=$(jq -r .id <<<"$out")

# Krause's holiday: recorded, and the command says which appointment nobody can keep now.
expect 0 v --as s.kruse staff absence b.krause --from 2026-12-07 --to 2026-12-11 --reason holiday
grep -q "appointment $appointment (2026-12-10 14:00 at brackel) needs rebooking" <<<"$err" || fail "not reported: $err"
expect 0 v --as m.weber -o json appointments show "$appointment"
[ "$(jq -r .status <<<"$out")" = needs-rebooking ] || fail "status $(jq -r .status <<<"$out")"
[ "$(jq -r .staff <<<"$out")" = null ] || fail "still assigned"

# The cron job: exit 1, with the nearest alternatives elsewhere the same afternoon.
expect 1 v --as m.weber appointments at-risk
grep -q "$appointment" <<<"$out" || fail "at-risk table: $out"
expect 1 v --as m.weber -o json appointments at-risk
alternatives=$(jq -c '[.[0].alternatives[] | {office, date, start}]' <<<"$out")
[ "$alternatives" = '[{"office":"innenstadt","date":"2026-12-10","start":"14:00"},{"office":"scharnhorst","date":"2026-12-10","start":"14:00"},{"office":"brackel","date":"2026-12-14","start":"14:00"}]' ] ||
  fail "alternatives: $alternatives"

# Nothing can be booked at Hörde: nobody there is certified.
expect 0 v --as m.weber -o json appointments slots --office hoerde --date 2026-12-10
[ "$(jq length <<<"$out")" = 0 ] || fail "Hörde has slots"
expect 4 v --as m.weber appointments book "$anna" --office hoerde --at 2026-12-10T14:00

# Anna takes Innenstadt at 14:00 instead.
expect 0 v --as portal appointments cancel "$appointment" --account anna@example.de --reason "Sachbearbeiter im Urlaub"
expect 0 v --as portal -o json appointments book anna@example.de --office innenstadt --at 2026-12-10T14:00
rebooked=$(jq -r .id <<<"$out")
clerk=$(jq -r .staff <<<"$out")
[ "$clerk" = k.yilmaz ] || fail "rebooked with $clerk"
expect 0 v --as m.weber appointments at-risk

# The confirmation mail's calendar file.
expect 0 v --as portal appointments show "$rebooked" --account anna@example.de -o ics
grep -q $'^DTSTART;TZID=Europe/Berlin:20261210T140000\r$' <<<"$out" || fail "ics: $out"

# On the day, at the counter: the upgrade records the appointment it fulfils.
export VRATHAUS_NOW=2026-12-10T13:05:00Z
expect 0 v --as "$clerk" -o json upgrades perform "$anna" --tier private --office innenstadt --document-type id-card \
  --document-number T220001293 --document-expiry 2031-01-01
[ "$(jq -r .appointment <<<"$out")" = "$rebooked" ] || fail "upgrade did not record the appointment: $out"
expect 0 v --as m.weber -o json appointments show "$rebooked"
[ "$(jq -r .status <<<"$out")" = fulfilled ] || fail "status $(jq -r .status <<<"$out")"
echo "passed: appointments story"
