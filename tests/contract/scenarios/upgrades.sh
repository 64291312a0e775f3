# Tier upgrades: who may upgrade, with which evidence, and what every refusal leaves behind —
# the same rules locally and through `vrathaus serve` (the acting staff is the token's owner).
setup_store seed-upgrades.yaml

# The account is still an unverified guest.
expect_guest() {
  vr m.weber accounts show "$1"
  expect_json '.tier == "guest" and .verified_at == null and .verified_by == null and .assurance == "low"'
}

# The newest audit entry of that staff member is this refused action.
expect_refusal_audited() {
  vr a.auditor audit list --actor "$1"
  expect_json "last | .action == \"$2\" and (.reason | length) > 0"
}

DOC=(--office innenstadt --document-type id-card --document-expiry 2031-05-31)

vr m.weber accounts create --login anna.schroeter@example.de --given-name Anna --family-name Schröter \
  --birth-date 1984-03-12 --street Kaiserstraße --house-no 12 --postal-code 44135 --city Dortmund
expect_json '.id == 1'
vr m.weber accounts create --login michael.weber@example.de --given-name Michael --family-name Weber --birth-date 1979-06-01
expect_json '.id == 2'
vr m.weber accounts create --login privat.mw@example.de --given-name Micha --family-name Weber-Privat --birth-date 1979-06-01
expect_json '.id == 3'
vr m.weber accounts create --login poststelle@stadtwerke.example --company-name "Stadtwerke Dortmund Anstalt"
expect_json '.id == 4'
vr m.weber accounts create --login info@kruse-bau.example --company-name "Kruse Bau GmbH" --legal-form GmbH
expect_json '.id == 5'
vr m.weber accounts create --login ben.online@example.de --given-name Ben --family-name Online --birth-date 1990-02-02
expect_json '.id == 6'
vr m.weber accounts create --login bea.online@example.de --given-name Bea --family-name Online --birth-date 1991-03-03
expect_json '.id == 7'

# The portal requests an upgrade on the guest's behalf: pending, one at a time.
vr portal upgrades request 1 --tier private
expect_status 0
expect_json '.id == 1 and .status == "pending" and .from_tier == "guest" and .to_tier == "private" and .requested_by == "portal"'
vr portal upgrades request 1 --tier business
expect_status 4
vr portal upgrades request 1 --tier guest
expect_status 5
vr importer upgrades request 1 --tier private
expect_status 6
vr m.weber upgrades list --status pending
expect_json 'length == 1 and .[0].account_id == 1'

# An uncertified clerk is refused (6): nothing changes, the attempt is on record.
vr j.neumann upgrades perform 1 --tier private "${DOC[@]}" --document-number L01X00T47
expect_status 6
expect_stderr "identity-check"
expect_guest 1
expect_refusal_audited j.neumann upgrades.perform.refused

# So is a clerk whose certification has expired, and one who is absent today.
vr e.alt upgrades perform 1 --tier private "${DOC[@]}" --document-number L01X00T47
expect_status 6
expect_stderr "no valid identity-check"
expect_guest 1
expect_refusal_audited e.alt upgrades.perform.refused
vr b.brandt upgrades perform 1 --tier private --office brackel --document-type id-card \
  --document-expiry 2031-05-31 --document-number L01X00T47
expect_status 6
expect_stderr "absent"
expect_guest 1
expect_refusal_audited b.brandt upgrades.perform.refused

# An expired document is invalid evidence (5), refused and recorded too; so is a wrong type.
vr m.weber upgrades perform 1 --tier private --office innenstadt --document-type id-card \
  --document-number L01X00T47 --document-expiry 2026-11-24
expect_status 5
expect_stderr "document_expiry"
expect_guest 1
expect_refusal_audited m.weber upgrades.perform.refused
vr m.weber upgrades perform 1 --tier private --office innenstadt --document-type library-card \
  --document-number L01X00T47 --document-expiry 2031-05-31
expect_status 5
expect_guest 1
vr m.weber upgrades perform 1 --tier private "${DOC[@]}"
expect_status 5
expect_stderr "document_number"

# Nobody upgrades their own account: the one bearing their name, or one linked to them.
vr m.weber upgrades perform 2 --tier private "${DOC[@]}" --document-number T22000129
expect_status 6
expect_stderr "own account"
expect_guest 2
expect_refusal_audited m.weber upgrades.perform.refused
vr m.weber staff link-account m.weber privat.mw@example.de
expect_status 0
expect_json '.staff == "m.weber" and .accounts == [3]'
vr m.weber upgrades perform 3 --tier private "${DOC[@]}" --document-number T22000129
expect_status 6
expect_guest 3
vr m.weber staff unlink-account m.weber 3 --reason "versehentlich"
expect_status 6

# The trusted local administrator is not a staff member: in-person upgrades need --as.
run_vr "$VRATHAUS_BIN" --db "$DB" -o json upgrades perform 1 --tier private "${DOC[@]}" --document-number L01X00T47
expect_status 6
expect_guest 1

# A dry run says what would happen and changes nothing.
vr m.weber upgrades perform 1 --tier private "${DOC[@]}" --document-number L01X00T47 --dry-run
expect_status 0
expect_json '.status == "performed"'
expect_guest 1

# The happy path: a certified, present clerk with a valid ID card completes the request.
vr m.weber upgrades perform 1 --tier private "${DOC[@]}" --document-number "L01X 00T47"
expect_status 0
expect_json '.id == 1 and .status == "performed" and .method == "in-person" and .staff == "m.weber"
  and .office == "innenstadt" and .document_type == "id-card" and .document_expiry == "2031-05-31"
  and .requested_by == "portal" and .decided_at == "2026-11-25T09:00:00Z"'
vr m.weber accounts show 1
expect_json '.tier == "private" and .verified_by == "m.weber" and .verification_method == "in-person"
  and .assurance == "substantial" and .verified_at == "2026-11-25T09:00:00Z" and .verified_office == "innenstadt"'
vr m.weber upgrades list --status pending
expect_json 'length == 0'
vr m.weber upgrades perform 1 --tier private "${DOC[@]}" --document-number L01X00T47
expect_status 4

# Verified fields are locked: a certified staff member with a reason only.
vr j.neumann accounts update 1 --family-name Schroeter --reason "Schreibweise laut Ausweis"
expect_status 6
vr m.weber accounts update 1 --family-name Schroeter
expect_status 5
vr m.weber accounts update 1 --family-name Schroeter --reason "Schreibweise laut Ausweis"
expect_status 0
expect_json '.family_name == "Schroeter"'
vr j.neumann accounts update 1 --street Lindemannstraße --house-no 7
expect_status 0

# One document for a second account is allowed but warns the clerk.
vr s.kruse upgrades perform 6 --tier private "${DOC[@]}" --document-number l01x00t47
expect_status 0
expect_stderr "already used"

# Authority accounts: four-eyes, two different staff certified for authority-accounts.
vr s.kruse upgrades perform 4 --tier authority "${DOC[@]}" --document-number C01X00T47
expect_status 5
expect_stderr "second_staff"
vr s.kruse upgrades perform 4 --tier authority "${DOC[@]}" --document-number C01X00T47 --second-staff s.kruse
expect_status 6
expect_guest 4
expect_refusal_audited s.kruse upgrades.perform.refused
vr s.kruse upgrades perform 4 --tier authority "${DOC[@]}" --document-number C01X00T47 --second-staff m.weber
expect_status 6
expect_stderr "authority-accounts"
expect_guest 4
vr m.weber upgrades perform 4 --tier authority "${DOC[@]}" --document-number C01X00T47 --second-staff s.kruse
expect_status 6
# The first staff member's part leaves the upgrade awaiting the second's own confirmation.
vr s.kruse upgrades perform 4 --tier authority "${DOC[@]}" --document-number C01X00T47 --second-staff k.schulz
expect_status 0
expect_json '.id == 3 and .status == "awaiting-confirmation" and .staff == "s.kruse" and .second_staff == "k.schulz"
  and .to_tier == "authority" and .awaiting_until == "2026-11-25" and .decided_at == null'
expect_stderr "awaits confirmation by k.schulz"
expect_guest 4
vr k.schulz upgrades confirm 3
expect_status 0
expect_json '.status == "performed" and .staff == "s.kruse" and .second_staff == "k.schulz" and .to_tier == "authority"
  and .confirmed_at == "2026-11-25T09:00:00Z"'
vr m.weber accounts show 4
expect_json '.tier == "authority" and .verified_by == "s.kruse"'

# Business accounts need register evidence.
vr m.weber upgrades perform 5 --tier business "${DOC[@]}" --document-number T22000130
expect_status 5
expect_stderr "register"
expect_guest 5
vr m.weber upgrades perform 5 --tier business "${DOC[@]}" --document-number T22000130 \
  --register-court "Amtsgericht Dortmund" --register-no "HRB 99999"
expect_status 0
vr m.weber accounts show 5
expect_json '.tier == "business" and .register_no == "HRB 99999" and .assurance == "substantial"'

# Online ID: the portal only, one eID for one account.
vr m.weber upgrades perform 7 --tier private --method online-id --eid-pseudonym 9f86d081884c7d65
expect_status 6
expect_guest 7
vr portal upgrades perform 7 --tier business --method online-id --eid-pseudonym 9f86d081884c7d65
expect_status 5
vr portal upgrades perform 7 --tier private --method online-id --eid-pseudonym 9f86d081884c7d65
expect_status 0
expect_json '.method == "online-id" and .staff == "portal" and .office == null and .document_type == null'
vr m.weber accounts show 7
expect_json '.tier == "private" and .verification_method == "online-id" and .assurance == "high" and .verified_by == "portal"'
vr m.weber accounts create --login bea.zweit@example.de --given-name Bea --family-name Zweit --birth-date 1991-03-03
expect_json '.id == 8'
vr portal upgrades perform 8 --tier private --method online-id --eid-pseudonym 9f86d081884c7d65
expect_status 4
expect_stderr "eID"
expect_guest 8
expect_refusal_audited portal upgrades.perform.refused

# Rejecting a request: a certified staff member with a reason.
vr portal upgrades request 8 --tier private
expect_json '.id == 6 and .status == "pending"'
vr j.neumann upgrades reject 6 --reason "kein Ausweis vorgelegt"
expect_status 6
vr m.weber upgrades reject 6
expect_status 2
vr m.weber upgrades reject 6 --reason "kein Ausweis vorgelegt"
expect_status 0
expect_json '.status == "rejected" and .staff == "m.weber" and .reason == "kein Ausweis vorgelegt"'
vr m.weber upgrades reject 6 --reason again
expect_status 4
vr m.weber upgrades show 6
expect_json '.status == "rejected"'

# Downgrades (e.g. fraud) are explicit, by a supervisor, with a reason.
vr m.weber upgrades downgrade 6 --tier guest --reason "Ausweis als gestohlen gemeldet"
expect_status 6
vr s.kruse upgrades downgrade 6 --tier private --reason "schon private"
expect_status 4
vr s.kruse upgrades downgrade 6 --tier guest --reason "Ausweis als gestohlen gemeldet"
expect_status 0
expect_json '.tier == "guest" and .assurance == "low" and .verified_at == null and .revoked_upgrades == [2]'
vr m.weber upgrades show 2
expect_json '.status == "revoked" and .revoked_by == "s.kruse" and .reason == "Ausweis als gestohlen gemeldet"'

# Lists, filters and the data-subject export.
vr a.auditor upgrades list
expect_json 'length == 6'
vr a.auditor upgrades list --status performed
expect_json 'length == 4 and all(.status == "performed")'
vr a.auditor upgrades list --account 1
expect_json 'length == 1 and .[0].id == 1'
vr a.auditor upgrades list --status granted
expect_status 5
vr importer upgrades list
expect_status 6
vr m.weber accounts export 1
expect_json '(.upgrades | length) == 1 and .upgrades[0].status == "performed"'

# The store never holds a document number or an eID pseudonym in clear; its key file is private.
for secret in L01X00T47 "L01X 00T47" l01x00t47 C01X00T47 T22000129 T22000130 9f86d081884c7d65; do
  if store_dump | grep -qi -- "$secret"; then fail "the store contains '$secret' in clear"; fi
done
[ "$(stat -c %a "$(document_key_file)")" = 600 ] || fail "the document key file is not mode 0600"
vr a.auditor audit verify
expect_json '.ok == true'

# Remotely the token decides who acts: identity fields in the request are not fields of the
# operation and are refused by name (422); without them the token's owner acts.
if is_remote; then
  fields='"tier":"private","office":"innenstadt","document_type":"id-card","document_number":"X12345678",
          "document_expiry":"2031-05-31"'
  forged="{$fields,\"actor\":\"m.weber\",\"staff\":\"m.weber\",\"as\":\"m.weber\",\"user\":\"m.weber\"}"
  code=$(curl -s -o "$WORK/forged.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $(cat "$WORK/tokens/j.neumann")" \
    -H 'Content-Type: application/json' -d "$forged" "$URL/api/v1/accounts/8/upgrades/perform")
  [ "$code" = 422 ] && jq -e '.detail | startswith("actor: ")' "$WORK/forged.json" >/dev/null ||
    fail "a forged actor in the body was not refused by name (HTTP $code)"
  code=$(curl -s -o "$WORK/forged.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $(cat "$WORK/tokens/j.neumann")" \
    -H 'Content-Type: application/json' -d "{$fields}" "$URL/api/v1/accounts/8/upgrades/perform")
  [ "$code" = 403 ] || fail "the token's owner may not perform this upgrade (HTTP $code)"
  sql "SELECT actor FROM audit ORDER BY seq DESC LIMIT 1" | grep -qx j.neumann || fail "the refusal is not attributed to the token's owner"
  vr_unrecorded m.weber accounts show 8
  expect_json '.tier == "guest"'
  if grep -q X12345678 "$WORK/serve.log"; then fail "the server logged a document number"; fi
  if store_dump | grep -q X12345678; then fail "the store contains a refused document number in clear"; fi
fi
