# Training before the gap — the Dortmund story: Hörde with nobody certified, Brackel with its one
# certified clerk on holiday, a planned departure and a transfer; `training plan` names whom to
# train at each office, the sessions are held and completed, and `coverage` for the next twelve
# months shows no gap. The clock stands on Wednesday 2026-11-25.
setup_store seed-training.yaml

# Planned turnover: Kaya retires on 2027-03-01 (counts until the day before), Hoffmann moves from
# Innenstadt to Brackel on Monday 2027-01-04.
vr m.weber staff deactivate h.kaya --on 2027-03-01 --reason Ruhestand
expect_status 6
vr s.kruse staff deactivate h.kaya --on 2026-11-24 --reason Ruhestand
expect_status 5
expect_stderr "on"
vr s.kruse staff deactivate h.kaya --on 2027-03-01 --reason Ruhestand
expect_status 0
expect_json '.id == "h.kaya" and .active == true and .leaves_on == "2027-03-01" and .office == "hoerde"'
[ -z "$errout" ] || fail "Kaya holds no certification: her departure opens no gap"
vr s.kruse staff move t.hoffmann --office brackel --on 2027-01-04 --reason Versetzung
expect_status 0
expect_json '.office == "innenstadt" and .transfers == [{"on": "2027-01-04", "from": "innenstadt", "to": "brackel"}]'
vr s.kruse staff move t.hoffmann --office brackel --on 2027-01-04
expect_status 4
vr s.kruse staff move t.hoffmann --office atlantis --on 2027-01-04
expect_status 3
# Moving Krause too would leave Brackel with one from that day: the change says so.
vr s.kruse staff move b.krause --office innenstadt --on 2027-01-04 --dry-run
expect_status 0
expect_stderr "brackel: below its minimum for identity-check on .* opening day(s) from 2027-01-04"

# Coverage already knows: Hoffmann counts in Innenstadt until Friday 2027-01-01 (a holiday) and in
# Brackel from Monday; Kaya is missing as inactive once gone (not certified: not missing at all).
vr m.weber offices available --date 2026-12-30
expect_json 'map(select(.code == "innenstadt"))[0].staff == ["j.becker", "k.yilmaz", "l.schulz", "s.kruse", "t.hoffmann"]'
vr m.weber offices available --date 2027-01-04
expect_json 'map(select(.code == "brackel"))[0].staff == ["b.krause", "t.hoffmann"]
             and (map(select(.code == "innenstadt"))[0].staff | index("t.hoffmann")) == null'
vr m.weber coverage --office brackel --from 2026-12-28 --to 2027-01-08
expect_status 1
expect_json '[.gaps[].date] == ["2026-12-28", "2026-12-29", "2026-12-30"]' 

# The plan: every office, a year ahead, one person above the minimum.
vr m.weber training plan
expect_status 0
expect_json '.ok == true and .buffer == 1 and .lead_days == 14 and .from == "2026-11-25" and .to == "2027-11-25"'
expect_json '.offices | map(.office) == ["brackel", "hoerde", "innenstadt"]'
# Brackel: only Krause certified; Lange and Brandt trained today keep three there except in
# Krause's holiday week (two: the minimum, so closable).
expect_json '.offices[0] | .first_gap == "2026-11-25" and .present == 1 and .required == 3 and .minimum == 2
             and .train == ["b.lange", "p.brandt"] and .train_by == "2026-11-25" and .closable == true
             and .short_days == 5 and .first_short == "2026-12-07"'
# Hörde: nobody; the three who stay are trained, not Kaya who leaves in March.
expect_json '.offices[1] | .first_gap == "2026-11-25" and .present == 0 and .train == ["h.fischer", "h.neumann", "h.wolf"]
             and .closable == true and .short_days == 0'
# Innenstadt: Hoffmann's move leaves four (the minimum) from 2027-01-04: Weber by 2026-12-21 — not
# the administrator or the auditor, who do not serve at the counter.
expect_json '.offices[2] | .first_gap == "2027-01-04" and .present == 4 and .train == ["m.weber"]
             and .train_by == "2026-12-21" and .closable == true'
vr m.weber training plan --office hoerde --buffer 0 --horizon 30
expect_json '.offices | length == 1 and .[0].required == 2 and (.[0].train | length) == 2'
vr m.weber training plan --horizon 0
expect_status 5
expect_stderr "horizon"
vr m.weber training plan --cert lock-picking
expect_status 5

# An office with too few people: exit 1, and it says so instead of suggesting the impossible.
vr_admin offices update hoerde --min-certified 5
vr m.weber training plan --office hoerde
expect_status 1
expect_stderr "cannot be closed"
expect_json '.ok == false and .offices[0].closable == false and (.offices[0].why | test("too few staff"))
             and (.offices[0].train | length) == 4'
vr_admin offices update hoerde --min-certified 2

# Sessions: only a supervisor or admin plans them; the trainer must hold the certification.
vr m.weber training sessions add --cert identity-check --date 2026-12-01 --trainer s.kruse --capacity 4
expect_status 6
vr s.kruse training sessions add --cert identity-check --date 2026-12-01 --trainer m.weber --capacity 4
expect_status 5
expect_stderr "trainer"
vr s.kruse training sessions add --cert identity-check --date 2026-12-01 --trainer s.kruse --capacity 0
expect_status 5
expect_stderr "capacity"
vr s.kruse training sessions add --cert identity-check --date 2026-11-20 --trainer s.kruse --capacity 4
expect_status 5
vr s.kruse training sessions add --cert identity-check --date 2026-12-01 --trainer s.kruse --capacity 4 --office hoerde
expect_status 0
expect_json '.id == 1 and .date == "2026-12-01" and .office == "hoerde" and .status == "planned" and .free == 4'
vr s.kruse training sessions add --cert identity-check --date 2026-12-02 --trainer s.kruse --capacity 3
expect_json '.id == 2 and .office == null'

# --apply enrols the suggested people into the next fitting sessions: Hörde's into its own, the
# others into the open one (after train_by: the best there is).
vr m.weber training plan --apply
expect_status 6
vr s.kruse training plan --apply
expect_status 0
expect_json '.offices[1].enrolled == [{"staff": "h.fischer", "session": 1, "date": "2026-12-01", "in_time": false},
                                    {"staff": "h.neumann", "session": 1, "date": "2026-12-01", "in_time": false},
                                    {"staff": "h.wolf", "session": 1, "date": "2026-12-01", "in_time": false}]'
expect_json '[.offices[0].enrolled[].session] == [2, 2] and .offices[2].enrolled == [{"staff": "m.weber", "session": 2,
             "date": "2026-12-02", "in_time": true}] and ([.offices[].unplaced[]] | length) == 0'
vr m.weber training sessions list
expect_json 'length == 2 and .[0].enrolled == ["h.fischer", "h.neumann", "h.wolf"] and .[0].free == 1
             and .[1].enrolled == ["b.lange", "m.weber", "p.brandt"] and .[1].free == 0'
# Enrolment: capacity, the session's office, no one twice.
vr s.kruse training enroll 2 h.kaya
expect_status 4
expect_stderr "full"
vr s.kruse training enroll 1 b.krause
expect_status 5
expect_stderr "hoerde"
vr s.kruse training enroll 1 h.wolf
expect_status 4
vr s.kruse training enroll 1 h.kaya
expect_status 0
expect_json '.enrolled == ["h.fischer", "h.kaya", "h.neumann", "h.wolf"] and .free == 0'
# Planning again counts those enrolled from their session's day on: Innenstadt needs nobody more.
vr m.weber training plan --office innenstadt
expect_json '.offices[0].train == [] and .offices[0].first_gap == null'

# Completing: not before the day, not by a clerk, only enrolled people.
vr s.kruse training complete 1 --passed h.fischer
expect_status 4
expect_stderr "2026-12-01"
set_now 2026-12-02T15:00:00Z
vr m.weber training complete 1 --passed h.fischer
expect_status 6
vr s.kruse training complete 1 --passed h.fischer,b.krause
expect_status 5
expect_stderr "not enrolled"
vr s.kruse training complete 1 --passed h.fischer,h.neumann,h.wolf --failed h.kaya
expect_status 0
expect_json '.status == "completed" and .passed == ["h.fischer", "h.neumann", "h.wolf"] and .failed == ["h.kaya"]'
vr s.kruse training complete 1 --passed h.kaya
expect_status 4
vr s.kruse training complete 2 --passed b.lange,p.brandt,m.weber
expect_status 0
vr m.weber staff show h.fischer
expect_json '.certifications | length == 1 and .[0].kind == "identity-check" and .[0].granted_on == "2026-12-01"
             and .[0].valid_until == "2028-11-30" and .[0].trainer == "s.kruse" and .[0].granted_by == "s.kruse"'
vr m.weber staff show h.kaya
expect_json '.certifications == [] and .leaves_on == "2027-03-01"'

# The year at a glance: from today, twelve months, no gap anywhere.
vr m.weber coverage --from 2026-12-02 --to 2027-12-01
expect_status 0
expect_json '.ok == true and .gaps == []'
vr m.weber training plan --buffer 0
expect_status 0
expect_json '[.offices[].first_gap] == [null, null, null]'

# Everything is on record.
vr a.auditor audit list --actor s.kruse
expect_json '[.[].action] as $a | ($a | index("staff.deactivate")) != null and ($a | index("staff.move")) != null
             and ($a | index("training.session_add")) != null and ($a | index("training.enroll")) != null
             and ($a | index("training.complete")) != null and ($a | map(select(. == "staff.certify")) | length) == 6'
