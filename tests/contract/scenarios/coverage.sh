# Certifications, absences and coverage — the story of the office that closed its upgrades
# because its only certified clerk was away, made visible in advance.
# Day D is Monday 2026-12-07; the clock stands on Wednesday 2026-11-25.
setup_store seed-coverage.yaml
D=2026-12-07

# Where can a citizen be upgraded on D? Only Innenstadt: Hörde has nobody, Brackel's one is on holiday.
vr m.weber offices available --date $D
expect_status 0
expect_json 'length == 1 and .[0].code == "innenstadt" and .[0].certified_present == 4 and .[0].date == "2026-12-07"
             and .[0].min_certified == 4 and .[0].staff == ["j.becker", "k.yilmaz", "l.schulz", "s.kruse"]'
# A week later Krause is back: most staffed first.
vr m.weber offices available --date 2026-12-14 --cert identity-check
expect_json 'map(.code) == ["innenstadt", "brackel"] and .[1].certified_present == 1 and .[1].staff == ["b.krause"]'
vr m.weber offices available --date $D --cert authority-accounts
expect_json 'length == 1 and .[0].staff == ["j.becker"]'
# Weekends and holidays: every office is closed.
vr m.weber offices available --date 2026-12-05
expect_status 0
expect_json 'length == 0'
expect_stderr "closed"
vr m.weber offices available --date 2026-12-25
expect_json 'length == 0'

# The cron job for D: exit 1, Hörde 0/2 (its one clerk expired in 2021), Brackel 0/2 (Krause absent).
vr m.weber coverage --from $D --to $D
expect_status 1
expect_stderr "2 gap"
expect_json '.ok == false and .from == "2026-12-07" and .to == "2026-12-07" and (.gaps | length) == 2'
expect_json '.gaps[0] | .office == "brackel" and .date == "2026-12-07" and .present == 0 and .required == 2
             and .missing == [{"staff": "b.krause", "why": "absent", "reason": "holiday", "absent_until": "2026-12-11"}]'
expect_json '.gaps[1] | .office == "hoerde" and .present == 0 and .required == 2
             and .missing == [{"staff": "h.neumann", "why": "expired", "valid_until": "2021-02-28"}]'
expect_json '[.gaps[] | select(.office == "innenstadt")] | length == 0'

# What is coming: Schulz's certification ends on Friday 2027-01-15, so Innenstadt falls to 3/4
# from the next opening day, Monday 2027-01-18.
expect_json '[.expiring[] | select(.staff == "l.schulz")] | length == 1'
expect_json '.expiring[] | select(.staff == "l.schulz") | .cert == "identity-check" and .valid_until == "2027-01-15"
             and .office == "innenstadt" and .gaps[0] == {"date": "2027-01-18", "present": 3, "required": 4}'
vr m.weber coverage --office innenstadt --from $D --to $D --horizon 30
expect_status 0
expect_json '.ok == true and .gaps == [] and .expiring == []'
vr m.weber coverage --office innenstadt --from 2027-01-14 --to 2027-01-19
expect_status 1
expect_json '[.gaps[].date] == ["2027-01-18", "2027-01-19"]
             and .gaps[0].missing == [{"staff": "l.schulz", "why": "expired", "valid_until": "2027-01-15"}]'

# Weekends and configured holidays are not gaps: 24–27 December leaves only Monday the 28th.
vr m.weber coverage --office hoerde --from 2026-12-24 --to 2026-12-28
expect_status 1
expect_json '[.gaps[].date] == ["2026-12-28"] and .office_days == 1'
vr m.weber coverage --office hoerde --from 2026-12-26 --to 2026-12-27
expect_status 0
expect_json '.ok == true and .office_days == 0'

# A clerk may not certify: exit 6, and the attempt is in the audit log.
vr m.weber staff certify h.neumann --cert identity-check
expect_status 6
vr_admin audit list --actor m.weber
expect_json 'map(select(.action == "staff.certify.refused")) | length == 1'
vr m.weber staff show h.neumann
expect_json '.certifications | length == 1 and .[0].status == "expired"'

# A supervisor certifies Hörde's clerk (validity from config: 24 months) — still 1/2 there.
vr s.kruse staff certify h.neumann --cert identity-check --on 2026-11-20 --trainer s.kruse --dry-run
expect_status 0
vr m.weber staff show h.neumann
expect_json '.certifications | length == 1'
vr s.kruse staff certify h.neumann --cert identity-check --on 2026-11-20 --trainer s.kruse
expect_status 0
expect_json '.id == "h.neumann" and (.certifications | map(select(.status == "valid")) | .[0]
             | .kind == "identity-check" and .granted_on == "2026-11-20" and .valid_until == "2028-11-19" and .revoked == false
               and .trainer == "s.kruse")'
vr s.kruse staff certify h.neumann --cert identity-check --on 2026-11-20
expect_status 4
vr s.kruse staff certify h.neumann --cert lock-picking
expect_status 5
expect_stderr "cert"
vr s.kruse staff certify h.neumann --cert identity-check --on 2026-12-01
expect_status 5
expect_stderr "on"
vr s.kruse staff certify s.kruse --cert authority-accounts
expect_status 6
vr m.weber coverage --office hoerde --from $D --to $D
expect_status 1
expect_json '.gaps[0].present == 1 and .gaps[0].present_staff == ["h.neumann"] and .gaps[0].missing == []'
# Refused attempts are listed under the staff member they were aimed at, like the changes.
vr_admin audit list --object staff:h.neumann
expect_json 'map(.action) == ["staff.add", "staff.certify", "staff.certify.refused", "staff.certify", "staff.certify.refused"]'

# Who may do identity checks on a day.
vr m.weber staff list --cert identity-check --valid-on $D
expect_json 'map(.id) == ["b.krause", "h.neumann", "j.becker", "k.yilmaz", "l.schulz", "s.kruse"]'
vr m.weber staff list --cert identity-check --valid-on 2027-01-18 --office innenstadt
expect_json 'map(.id) == ["j.becker", "k.yilmaz", "s.kruse"]'
vr m.weber staff list --valid-on $D
expect_status 5

# Absences: recorded by the person or a supervisor; overlapping ones merge; they can be removed.
vr m.weber staff absence k.yilmaz --from $D --to 2026-12-08 --reason illness
expect_status 6
vr s.kruse staff absence k.yilmaz --from $D --to 2026-12-08 --reason illness
expect_status 0
expect_json '.staff == "k.yilmaz" and .from == "2026-12-07" and .to == "2026-12-08" and .reason == "illness" and .merged == []'
absence=$(jq -r .id <<<"$output")
vr k.yilmaz staff absence k.yilmaz --from 2026-12-08 --to 2026-12-10 --reason illness
expect_status 0
expect_json ".id == $absence and .from == \"2026-12-07\" and .to == \"2026-12-10\" and .merged == [$absence]"
vr k.yilmaz staff absences k.yilmaz
expect_json 'length == 1 and .[0].to == "2026-12-10"'
vr k.yilmaz staff absence k.yilmaz --from 2026-12-10 --to 2026-12-01
expect_status 5
expect_stderr "to"
vr m.weber coverage --office innenstadt --from $D --to $D --horizon 0
expect_status 1
expect_json '.gaps[0].present == 3 and .gaps[0].missing == [{"staff": "k.yilmaz", "why": "absent", "reason": "illness", "absent_until": "2026-12-10"}]'
vr m.weber offices available --date $D
expect_json '.[0].certified_present == 3'
vr k.yilmaz staff absence-remove k.yilmaz "$absence" --reason "wieder gesund"
expect_status 0
vr k.yilmaz staff absence-remove k.yilmaz "$absence"
expect_status 3
vr m.weber coverage --office innenstadt --from $D --to $D --horizon 0
expect_status 0

# Revoking keeps the record and counts from today: Krause is then missing as revoked.
vr m.weber staff revoke-cert b.krause --cert identity-check --reason "Schulung nicht bestanden"
expect_status 6
vr s.kruse staff revoke-cert b.krause --cert identity-check --reason "Schulung nicht bestanden"
expect_status 0
expect_json '.certifications[0] | .revoked == true and .revoked_on == "2026-11-25" and .status == "revoked"'
vr s.kruse staff revoke-cert b.krause --cert identity-check --reason again
expect_status 4
vr m.weber coverage --office brackel --from 2026-12-14 --to 2026-12-14
expect_status 1
expect_json '.gaps[0].missing == [{"staff": "b.krause", "why": "revoked", "revoked_on": "2026-11-25"}]'

# A deactivated certified person is missing as inactive.
vr_admin staff deactivate j.becker --reason "Ruhestand"
expect_status 0
vr m.weber coverage --office innenstadt --from 2026-12-14 --to 2026-12-14 --horizon 0
expect_status 1
expect_json '.gaps[0].missing == [{"staff": "j.becker", "why": "inactive", "valid_until": "2028-03-01"}]'

# Bad input names the field.
vr m.weber coverage --cert lock-picking
expect_status 5
vr m.weber coverage --from 2026-12-10 --to 2026-12-01
expect_status 5
expect_stderr "to"
vr m.weber coverage --office nowhere
expect_status 3

vr_admin audit verify
expect_status 0
