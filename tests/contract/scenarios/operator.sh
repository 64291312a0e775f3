# An operator's tools on both backends: staff search and reactivate, the audit feed (after-seq,
# since a timestamp, follow), doctor, an upgrade at another office, a downgrade that ends the
# account's parking permits. The clock stands at Wednesday 2026-11-25 09:00 UTC.
# shellcheck source=../permits_lib.sh
source "$HERE/permits_lib.sh"
setup_store seed-upgrades.yaml

# --- staff search: name (German-aware), id; a limit and "N more" on stderr.
vr m.weber staff search pruefer
expect_status 0
expect_json '[.[].id] == ["a.auditor"]'
vr m.weber staff search "K.SCHULZ"
expect_json '[.[].id] == ["k.schulz"]'
vr m.weber staff search e --limit 2
expect_status 0
expect_json 'length == 2'
expect_stderr "more match"
vr portal staff search kruse
expect_status 6

# --- staff reactivate: the separation of duties of deactivate, audited.
vr s.kruse staff deactivate j.neumann --reason "Elternzeit"
expect_status 0
vr m.weber staff reactivate j.neumann
expect_status 6
vr s.kruse staff reactivate j.neumann --reason "zurück aus der Elternzeit"
expect_status 0
expect_json '.active == true'
vr s.kruse staff reactivate j.neumann
expect_status 4
expect_stderr "active already"
vr s.kruse staff reactivate s.kruse
expect_status 6
expect_stderr "own staff record"
vr s.kruse staff reactivate nobody.here
expect_status 3
vr a.auditor audit list --object staff:j.neumann
expect_json '[.[].action | select(endswith(".refused") | not)] == ["staff.add", "staff.deactivate", "staff.reactivate"]'
expect_json '[.[] | select(.action == "staff.reactivate")][0].reason == "zurück aus der Elternzeit"'
expect_json '[.[] | select(.action == "staff.reactivate.refused")] | length == 2'
# A planned departure is undone by a reactivation too: the person stays.
vr s.kruse staff deactivate j.neumann --on 2027-02-01 --reason "Ruhestand"
expect_status 0
expect_json '.active == true and .leaves_on == "2027-02-01"'
vr s.kruse staff reactivate j.neumann --reason "bleibt doch"
expect_status 0
expect_json '.active == true and .leaves_on == null'
vr s.kruse staff reactivate j.neumann
expect_status 4

# --- audit list --after-seq and --since a timestamp.
vr_unrecorded a.auditor audit list  # token ids in it differ between the stores
last=$(jq 'last.seq' <<<"$output")
vr s.kruse staff deactivate e.alt --reason "Ruhestand"
vr a.auditor audit list --after-seq "$last"
expect_json "length == 1 and .[0].seq == $((last + 1)) and .[0].action == \"staff.deactivate\""
vr a.auditor audit list --since 2026-11-25T10:00:00+01:00 --actor s.kruse
expect_json 'length >= 3'
vr a.auditor audit list --since 2026-11-25T09:00:01Z
expect_json 'length == 0'
vr a.auditor audit list --since 2026-11-25T25:00:00Z
expect_status 5
expect_stderr "since"
vr a.auditor audit list --after-seq "$last" --limit 1
expect_json 'length == 1'

# --- audit follow: the new entries as JSON lines, ended by --until-seq.
vr a.auditor audit follow --after-seq "$((last - 1))" --until-seq "$((last + 1))" --interval 0.05
expect_status 0
[ "$(wc -l <<<"$output")" = 2 ] || fail "follow prints one line per entry"
[ "$(jq -s '[.[].seq]' <<<"$output" | jq -c .)" = "[$last,$((last + 1))]" ] || fail "follow prints the entries after --after-seq"
vr m.weber audit follow --max-entries 1
expect_status 6

# --- doctor: the store's checks run where the store is; remotely also "server".
vr_unrecorded a.auditor doctor
# A PostgreSQL store has no file here to check (directory, write-ahead log, disk): one "store" check.
if on_postgres; then
  expect_json '.checks | map(.check) | contains(["schema", "audit-chain", "document-key", "store"])'
else
  expect_json '.checks | map(.check) | contains(["schema", "audit-chain", "document-key", "wal", "disk-space"])'
fi
expect_json '[.checks[] | select(.check == "audit-chain")][0].status == "ok"'
if is_remote; then expect_json '[.checks[] | select(.check == "server")][0].status == "ok"'; fi
vr m.weber doctor
expect_status 6

# --- an upgrade recorded at an office that is not the clerk's own: said, and audited.
vr m.weber accounts create --login ort@example.de --given-name Otto --family-name Ort --birth-date 1970-02-02
ort=$(jq -r .id <<<"$output")
vr m.weber upgrades perform "$ort" --tier private --office hoerde --document-type id-card \
  --document-expiry 2031-05-31 --document-number L01X77777
expect_status 0
expect_stderr "recorded at office hoerde, but m.weber belongs to office innenstadt"
vr a.auditor audit list --object "account:$ort"
expect_json 'last.action == "upgrades.perform" and last.after.other_office == {"office": "hoerde", "staff_office": "innenstadt"}'

# --- a downgrade to guest ends the account's parking permits, and says which.
anna=$(private_account anna@example.de Anna Schröter "Kaiserstr.")
vr m.weber permits issue "$anna" --plate "DO-AB 1234" --zone I-01 --paid
expect_status 0
permit=$(jq -r .id <<<"$output")
vr s.kruse upgrades downgrade "$anna" --tier guest --reason "Ausweis gefälscht"
expect_status 0
expect_json ".tier == \"guest\" and .permits_ended == [$permit]"
expect_stderr "parking permit(s) $permit ended"
vr m.weber permits show "$permit"
expect_json '.status == "revoked"'
vr a.auditor audit list --object "account:$anna"
expect_json "last.action == \"upgrades.downgrade\" and last.after.permits_ended == [$permit]"
