# Separation of duties and real four-eyes: the attacks of a hostile insider who walks around
# one command's rule through a neighbouring command, tried with their own identity (their token
# remotely). Each is refused (exit 6 / HTTP 403, or 4 where the state forbids it), changes
# nothing, and is on record. The clock stands at Wednesday 2026-11-25 (see seed-upgrades.yaml).
setup_store seed-upgrades.yaml

# The newest audit entry of that staff member is this refused action.
expect_refusal_audited() {
  vr a.auditor audit list --actor "$1"
  expect_json "last | .action == \"$2\" and (.reason | length) > 0 and .after.exit_code == ${3:-6}"
}

expect_guest() {
  vr m.weber accounts show "$1"
  expect_json '.tier == "guest" and .verified_at == null and .assurance == "low"'
}

# Over REST the refusal is a 403 problem, whoever's token it is.
expect_http() {
  local want=$1 method=$2 who=$3 path=$4 body=$5 code
  code=$(curl -s -o "$WORK/http.json" -w '%{http_code}' -X "$method" -H "Authorization: Bearer $(cat "$WORK/tokens/$who")" \
    -H 'Content-Type: application/json' -d "$body" "$URL/api/v1$path")
  [ "$code" = "$want" ] || fail "$method $path as $who: expected HTTP $want, got $code: $(cat "$WORK/http.json")"
}

DOC=(--office innenstadt --document-type id-card --document-expiry 2031-05-31)

vr m.weber accounts create --login online.kunde@example.de --given-name Olga --family-name Online --birth-date 1990-01-01
expect_json '.id == 1'

# --- A supervisor gives herself the portal role, then verifies an account by an invented eID.
vr s.kruse staff update s.kruse --role supervisor --role clerk --role portal
expect_status 6
expect_stderr "own staff record"
expect_refusal_audited s.kruse staff.update.refused
vr s.kruse staff show s.kruse
expect_json '.roles == ["clerk", "supervisor"]'
vr s.kruse upgrades perform 1 --tier private --method online-id --eid-pseudonym invented-4711
expect_status 6
expect_guest 1
# Nor can she grant it to a colleague: only an admin grants roles, and never a service role
# beside a human one, not even an admin.
vr s.kruse staff update m.weber --role clerk --role portal
expect_status 6
vr s.kruse staff update m.weber --role clerk --role supervisor
expect_status 6
expect_refusal_audited s.kruse staff.update.refused
vr_admin staff update m.weber --role clerk --role portal
expect_status 6
expect_stderr "never combined"
expect_refusal_audited it.admin staff.update.refused
vr_admin staff add x.mixed --name "Xaver Mischer" --office innenstadt --role clerk --role importer
expect_status 6
vr m.weber staff show m.weber
expect_json '.roles == ["clerk"]'
vr s.kruse staff add x.neu --name "Xenia Neu" --office innenstadt --role auditor
expect_status 6
vr s.kruse staff add x.neu --name "Xenia Neu" --office innenstadt
expect_status 0
expect_json '.roles == ["clerk"]'
# Nobody changes their own certifications either.
vr s.kruse staff revoke-cert s.kruse --cert identity-check --reason "keine Lust"
expect_status 6
expect_refusal_audited s.kruse staff.revoke_cert.refused
vr s.kruse staff certify s.kruse --cert authority-accounts
expect_status 6

# --- An absent clerk deletes her own absence, to upgrade, meaning to re-add it afterwards.
vr b.brandt staff absences b.brandt
expect_json 'length == 1 and .[0].from == "2026-11-23"'
absence=$(jq -r '.[0].id' <<<"$output")
vr b.brandt staff absence-remove b.brandt "$absence" --reason "doch da"
expect_status 6
expect_stderr "supervisor or admin"
expect_refusal_audited b.brandt staff.absence_remove.refused
vr b.brandt staff absences b.brandt
expect_json 'length == 1 and .[0].from == "2026-11-23" and .[0].to == "2026-12-04"'
vr b.brandt upgrades perform 1 --tier private --office brackel --document-type id-card \
  --document-expiry 2031-05-31 --document-number L01X00T47
expect_status 6
expect_stderr "absent"
expect_guest 1
# A plan not yet begun is still hers to withdraw; one that has begun a supervisor corrects.
vr b.brandt staff absence b.brandt --from 2027-02-01 --to 2027-02-05
expect_status 0
planned=$(jq -r '.id' <<<"$output")
vr b.brandt staff absence-remove b.brandt "$planned"
expect_status 0

# --- A clerk renames an account that carries his own name and birth date, upgrades it, and
# would rename it back.
vr_admin staff update m.weber --birth-date 1979-06-01
expect_json '.birth_date == "1979-06-01"'
vr m.weber staff update m.weber --birth-date 1990-12-24
expect_status 6
vr portal accounts create --login michael.weber@example.de --given-name Michael --family-name Weber --birth-date 1979-06-01
expect_json '.id == 2'
vr m.weber upgrades perform 2 --tier private "${DOC[@]}" --document-number T22000129
expect_status 6
expect_stderr "own account"
vr m.weber accounts update 2 --given-name Max --family-name Mustermann
expect_status 0
expect_json '.identity_changed_by == "m.weber" and .identity_changed_at == "2026-11-25T09:00:00Z"'
vr m.weber upgrades perform 2 --tier private "${DOC[@]}" --document-number T22000129
expect_status 6
expect_stderr "30 days"
expect_refusal_audited m.weber upgrades.perform.refused
expect_guest 2
# The same person by birth date and the words of the name, however the staff record spells it.
vr_admin staff update k.schulz --name "Schulz, Katrin Maria" --birth-date 1985-05-05
expect_status 0
vr m.weber accounts create --login katrin.schulz@example.de --given-name Katrin --family-name Schulz --birth-date 1985-05-05
expect_json '.id == 3'
vr k.schulz upgrades perform 3 --tier private "${DOC[@]}" --document-number T22000131
expect_status 6
expect_stderr "birth date"
expect_guest 3
vr s.kruse upgrades perform 3 --tier private "${DOC[@]}" --document-number T22000131
expect_status 0

# --- Four-eyes: the second staff member is more than a name typed by the first.
vr m.weber accounts create --login poststelle@stadtwerke.example --company-name "Stadtwerke Dortmund Anstalt"
expect_json '.id == 4'
vr s.kruse upgrades perform 4 --tier authority "${DOC[@]}" --document-number C01X00T47 --second-staff k.schulz
expect_status 0
expect_json '.status == "awaiting-confirmation" and .second_staff == "k.schulz"'
upgrade=$(jq -r '.id' <<<"$output")
expect_guest 4
vr s.kruse upgrades confirm "$upgrade"
expect_status 6
expect_stderr "only k.schulz"
expect_refusal_audited s.kruse upgrades.confirm.refused
vr m.weber upgrades confirm "$upgrade"
expect_status 6
vr s.kruse upgrades reject "$upgrade" --reason "selbst abgelehnt"
expect_status 6
expect_guest 4
vr m.weber upgrades perform 4 --tier authority "${DOC[@]}" --document-number C01X00T47 --second-staff k.schulz
expect_status 6
vr a.auditor upgrades list --status awaiting-confirmation
expect_json 'length == 1 and .[0].id == '"$upgrade"
# The day ends unconfirmed: the upgrade has expired, and confirming it is too late.
set_now 2026-11-26T08:00:00Z
vr a.auditor upgrades show "$upgrade"
expect_json '.status == "expired"'
vr a.auditor upgrades list --status expired
expect_json 'length == 1'
vr a.auditor upgrades list --status awaiting-confirmation
expect_json 'length == 0'
vr k.schulz upgrades confirm "$upgrade"
expect_status 4
expect_stderr "expired"
expect_guest 4
# Performed anew; the second staff member refuses it, or confirms the next one.
vr s.kruse upgrades perform 4 --tier authority "${DOC[@]}" --document-number C01X00T47 --second-staff k.schulz
expect_status 0
upgrade=$(jq -r '.id' <<<"$output")
vr a.auditor upgrades show $((upgrade - 1))
expect_json '.status == "expired"'
vr k.schulz upgrades reject "$upgrade"
expect_status 2
vr k.schulz upgrades reject "$upgrade" --reason "Ausweis passt nicht zum Register"
expect_status 0
expect_json '.status == "rejected" and .staff == "s.kruse" and .second_staff == "k.schulz"'
expect_guest 4
vr s.kruse upgrades perform 4 --tier authority "${DOC[@]}" --document-number C01X00T47 --second-staff k.schulz
upgrade=$(jq -r '.id' <<<"$output")
vr k.schulz upgrades confirm "$upgrade"
expect_status 0
expect_json '.status == "performed" and .confirmed_at == "2026-11-26T08:00:00Z"'
vr m.weber accounts show 4
expect_json '.tier == "authority" and .verified_by == "s.kruse" and .assurance == "substantial"'
vr k.schulz upgrades confirm "$upgrade"
expect_status 4

# --- A clerk without authority-accounts rewrites an authority account's identity.
vr m.weber accounts update 4 --company-name "Briefkasten GmbH" --reason "Umfirmierung"
expect_status 6
expect_stderr "authority-accounts"
expect_refusal_audited m.weber accounts.update.refused
vr m.weber accounts show 4
expect_json '.company_name == "Stadtwerke Dortmund Anstalt" and .tier == "authority" and .identity_changed_by == null'
# Even the certified need a reason and a second staff member, who confirms it themselves.
vr s.kruse accounts update 4 --company-name "Stadtwerke Dortmund AöR"
expect_status 5
vr s.kruse accounts update 4 --company-name "Stadtwerke Dortmund AöR" --reason "Rechtsformwechsel"
expect_status 5
expect_stderr "second_staff"
vr s.kruse accounts update 4 --company-name "Stadtwerke Dortmund AöR" --reason "Rechtsformwechsel" --second-staff k.schulz
expect_status 0
expect_json '.company_name == "Stadtwerke Dortmund Anstalt" and .identity_change.status == "awaiting-confirmation"
  and .identity_change.second_staff == "k.schulz" and .identity_change.fields.company_name == "Stadtwerke Dortmund AöR"'
change=$(jq -r '.identity_change.id' <<<"$output")
vr s.kruse accounts confirm-identity-change "$change"
expect_status 6
expect_refusal_audited s.kruse accounts.confirm_identity_change.refused
vr m.weber accounts confirm-identity-change "$change"
expect_status 6
vr m.weber accounts show 4
expect_json '.company_name == "Stadtwerke Dortmund Anstalt"'
vr a.auditor accounts identity-changes --account 4
expect_json 'length == 1 and .[0].status == "awaiting-confirmation"'
vr k.schulz accounts confirm-identity-change "$change"
expect_status 0
expect_json '.status == "confirmed" and .decided_by == "k.schulz"'
vr m.weber accounts show 4
expect_json '.company_name == "Stadtwerke Dortmund AöR" and .tier == "authority" and .identity_changed_by == "s.kruse"
  and .identity_changed_at == "2026-11-26T08:00:00Z"'
# A private account's verified fields: identity-check, a reason, and shown who changed them.
vr m.weber accounts update 3 --family-name Schultz --reason "Schreibweise laut Ausweis"
expect_status 0
expect_json '.family_name == "Schultz" and .identity_changed_by == "m.weber"'
vr j.neumann accounts update 3 --family-name Schulz --reason "zurück"
expect_status 6

# --- A supervisor deactivates the only admin (every admin token would then be refused).
vr s.kruse staff deactivate it.admin --reason "Übernahme"
expect_status 6
expect_refusal_audited s.kruse staff.deactivate.refused
vr_admin staff show it.admin
expect_status 0
expect_json '.active == true and .roles == ["admin"]'
vr_admin staff deactivate it.admin --reason "Urlaub"
expect_status 6
vr_admin staff update it.admin --role clerk
expect_status 6
# Not even the store's local administrator can leave the city without an admin.
run_vr "$VRATHAUS_BIN" --db "$DB" -o json staff update it.admin --role auditor
expect_status 6
expect_stderr "last active admin"
run_vr "$VRATHAUS_BIN" --db "$DB" -o json staff deactivate it.admin --reason "Ruhestand"
expect_status 6
# With a second admin, one admin may retire the other.
vr_admin staff add it.zwei --name "IT-Vertretung" --office innenstadt --role admin
expect_status 0
run_vr "$VRATHAUS_BIN" --db "$DB" -o json staff deactivate it.admin --reason "Ruhestand"
expect_status 0
expect_json '.active == false'

vr a.auditor audit verify
expect_json '.ok == true'

# Over REST with their own token, as the issue reproduced them: each a 403, nothing changed.
# (Last, and unrecorded: the refusals they add to the audit log exist on this backend only.)
if is_remote; then
  expect_http 403 PATCH s.kruse /staff/s.kruse '{"roles":["supervisor","clerk","portal"]}'
  vr_unrecorded s.kruse staff show s.kruse
  expect_json '.roles == ["clerk", "supervisor"]'
  expect_http 403 DELETE b.brandt "/staff/b.brandt/absences/$absence" '{}'
  vr_unrecorded b.brandt staff absences b.brandt
  expect_json 'length == 1'
  vr_unrecorded m.weber accounts create --login amt2@example.de --company-name "Zweites Amt"
  account=$(jq -r '.id' <<<"$output")
  vr_unrecorded s.kruse upgrades perform "$account" --tier authority "${DOC[@]}" --document-number C01X00T48 \
    --second-staff k.schulz
  upgrade=$(jq -r '.id' <<<"$output")
  expect_http 403 POST s.kruse "/upgrades/$upgrade/confirm" '{}'
  expect_http 403 POST s.kruse /staff/it.zwei/deactivate '{"reason":"Übernahme"}'
  vr_unrecorded m.weber accounts show "$account"
  expect_json '.tier == "guest"'
  vr_unrecorded a.auditor audit list --actor s.kruse
  expect_json 'last | .action == "staff.deactivate.refused"'
fi
