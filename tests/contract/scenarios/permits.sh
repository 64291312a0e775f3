# Resident parking permits, SEPA mandates, charges and the pain.008 export: issue rules, plates,
# exports that validate and never collect twice, byte-identical reproduction. Both backends.
# shellcheck source=../permits_lib.sh
source "$HERE/permits_lib.sh"
setup_store seed-upgrades.yaml
cd "$WORK"  # export files by relative name: the transcripts of both backends stay identical

anna=$(private_account anna@example.de Anna Schröter "Kaiserstr.")
jonas=$(private_account jonas@example.de Jonas Groß Hohe\ Straße)
vr m.weber accounts create --login gast@example.de --given-name Gerd --family-name Gast --street Kaiserstraße
guest=$(jq -r .id <<<"$output")

# Mandates: every field is checked, references are unique case-insensitively.
vr m.weber mandates add "$anna" --iban "DE89 3704 0044 0532 0130 01" --reference BWP-ANNA --signed-on 2026-11-20
expect_status 5
expect_stderr "iban"
vr m.weber mandates add "$anna" --iban "DE89 3704 0044 0532 0130 00" --reference "BWP ANNA" --signed-on 2026-11-20
expect_status 5
expect_stderr "reference"
vr m.weber mandates add "$anna" --iban "DE89 3704 0044 0532 0130 00" --bic COBADEFF --reference BWP-ANNA --signed-on 2026-11-31
expect_status 5
expect_stderr "signed_on"
vr m.weber mandates add "$anna" --iban "DE89 3704 0044 0532 0130 00" --bic DEUTDEF --reference BWP-ANNA --signed-on 2026-11-20
expect_status 5
expect_stderr "bic"
vr m.weber mandates add 999 --iban "DE89 3704 0044 0532 0130 00" --reference BWP-X --signed-on 2026-11-20
expect_status 3

# No mandate, no permit (unless paid at the counter).
vr m.weber permits issue "$anna" --plate "DO-AB 1234" --zone I-01
expect_status 4
expect_stderr "mandate"

vr m.weber mandates add "$anna" --iban "de89 3704 0044 0532 0130 00" --reference BWP-ANNA --signed-on 2026-11-20
expect_status 0
expect_json '.iban == "DE89370400440532013000" and .status == "active" and .last_used_on == null and .bic == null'
anna_mandate=$(jq -r .id <<<"$output")
vr m.weber mandates add "$jonas" --iban "GB82 WEST 1234 5698 7654 32" --bic WESTGB2L --reference bwp-anna --signed-on 2026-11-20
expect_status 4
vr m.weber mandates add "$jonas" --iban "GB82 WEST 1234 5698 7654 32" --bic westgb2l --reference BWP-JONAS --signed-on 2026-10-01
expect_status 0
expect_json '.bic == "WESTGB2L"'
vr m.weber mandates list "$anna"
expect_json 'length == 1 and .[0].reference == "BWP-ANNA"'

# Plates and zones are validated (exit 5 naming the field).
vr m.weber permits issue "$anna" --plate DOAB1234 --zone I-01
expect_status 5
expect_stderr "plate"
vr m.weber permits issue "$anna" --plate "DO-AB 01234" --zone I-01
expect_status 5
vr m.weber permits issue "$anna" --plate "DO-AB 1234" --zone X-99
expect_status 5
expect_stderr "zone"
vr m.weber permits issue "$anna" --plate "DO-AB 1234" --zone I-01 --from 2026-11-24
expect_status 5
expect_stderr "from"

# Only active private accounts living in the zone.
vr m.weber permits issue "$guest" --plate "DO-GA 1" --zone I-01 --paid
expect_status 4
expect_stderr "private"
vr m.weber permits issue "$jonas" --plate "DO-JG 7" --zone I-01
expect_status 4
expect_stderr "zone I-01"

# The permit: normalised plate, inclusive dates, the fee in force on its first day, a charge due
# after the pre-notification period.
vr m.weber permits issue "$anna" --plate "do ab1234" --zone I-01
expect_status 0
expect_json '.plate == "DO-AB 1234" and .valid_from == "2026-11-25" and .valid_until == "2027-11-24" and .status == "active"
             and .fee_cents == 3070 and .auto_renew == true and .renewed_from == null
             and .charge.status == "open" and .charge.amount_cents == 3070 and .charge.due_on == "2026-12-09"'
anna_permit=$(jq -r .id <<<"$output")

# One active permit per plate (whoever holds it), and city.permits.max_per_account per account.
vr m.weber permits issue "$anna" --plate "DO-XY 99" --zone I-01
expect_status 4
expect_stderr "max_per_account"
vr m.weber accounts update "$jonas" --street Kreuzstraße
expect_status 0
vr m.weber permits issue "$jonas" --plate "DO-AB 1234" --zone I-02
expect_status 4
expect_stderr "DO-AB 1234"
# B-AB 123 (Berlin) and BA-B 123 (Bamberg) are different plates.
vr m.weber permits issue "$jonas" --plate "B-AB 123" --zone I-02 --from 2027-01-01 --no-auto-renew
expect_status 0
expect_json '.plate == "B-AB 123" and .status == "upcoming" and .fee_cents == 12000 and .auto_renew == false
             and .charge.due_on == "2027-01-01"'
jonas_permit=$(jq -r .id <<<"$output")

# Paying at the counter is for clerks, not the portal; the portal may issue against a mandate.
vr_admin accounts update "$jonas" --street Sonnenstraße
vr portal permits issue "$guest" --plate "BA-B 123" --zone I-01 --paid
expect_status 6
vr m.weber permits show "$anna_permit"
expect_json '.charge.mandate_id == '"$anna_mandate"' and .renewed_by == null'
vr m.weber permits list --status upcoming
expect_json 'length == 1 and .[0].plate == "B-AB 123"'
vr m.weber permits list --account anna@example.de
expect_json 'length == 1'
vr m.weber permits list --expiring-before 2027-12-01
expect_json 'length == 1 and .[0].id == '"$anna_permit"
vr m.weber permits list --status nonsense
expect_status 5
vr m.weber permits show 999
expect_status 3

# A dry run says what would happen and changes nothing.
vr s.kruse payments export --out dry.xml --dry-run --collection-date 2026-12-28
expect_status 0
[ ! -e dry.xml ] || fail "a dry run wrote a file"

# Nothing is due before 2026-12-09.
vr s.kruse payments export --out early.xml
expect_status 0
expect_json '.batch == null and .transactions == 0'
[ ! -e early.xml ] || fail "an empty export wrote a file"

# Only supervisors and administrators export; collection dates are TARGET2 business days.
vr m.weber payments export --out x.xml
expect_status 6
vr s.kruse payments export --out x.xml --collection-date 2026-12-25
expect_status 5
expect_stderr "collection_date"
vr s.kruse payments export --out x.xml --collection-date 2026-11-25
expect_status 5

set_now 2026-12-10T09:00:00Z
vr s.kruse payments export --out first.xml --collection-date 2026-12-14
expect_status 0
# (Batch ids are the store's: on PostgreSQL an earlier export that found nothing may have used one.)
expect_json '(.batch | type) == "number" and .transactions == 1 and .ctrl_sum_cents == 3070 and .frst == 1 and .rcur == 0
             and .collection_date == "2026-12-14" and .file == "first.xml"'
first_batch=$(jq .batch <<<"$output")
check_export first.xml 1 3070
[ "$(xpath first.xml "//*[local-name()='SeqTp']")" = FRST ] || fail "a first collection is FRST"
[ "$(xpath first.xml "//*[local-name()='Dbtr']/*[local-name()='Nm']")" = "Anna Schroeter" ] || fail "names are transliterated"
[ "$(xpath first.xml "//*[local-name()='MndtId']")" = "BWP-ANNA" ] || fail "mandate reference"
vr s.kruse payments export --out first.xml
expect_status 4  # never overwrites a bank file silently
vr m.weber charges list --status exported
expect_json "length == 1 and .[0].batch == $first_batch and .[0].sequence == \"FRST\""
vr m.weber mandates show "$anna_mandate"
expect_json '.last_used_on == "2026-12-14"'

# Nothing is collected twice; the batch is reproduced byte for byte.
vr s.kruse payments export --out again.xml --collection-date 2026-12-14
expect_json '.batch == null'
vr a.auditor payments export --batch "$first_batch" --out copy.xml
expect_status 0
cmp -s first.xml copy.xml || fail "--batch $first_batch did not reproduce the file byte for byte"
vr s.kruse payments list
expect_json 'length == 1 and .[0].transactions == 1'

# Jonas's charge (due 2027-01-01) and a renewal later are RCUR/FRST by their mandate's use.
set_now 2026-12-30T09:00:00Z
vr s.kruse payments export --out second.xml --collection-date 2027-01-04
expect_status 0
expect_json ".batch > $first_batch and .transactions == 1 and .ctrl_sum_cents == 12000 and .frst == 1"
check_export second.xml 1 12000

# A revoked mandate is not charged: the charge stays open and is reported.
vr m.weber mandates add "$jonas" --iban "DE02 1203 0000 0000 2020 51" --reference BWP-JONAS-2 --signed-on 2026-12-30
expect_status 0
vr m.weber mandates revoke "$(jq -r .id <<<"$output")" --reason "Widerruf durch den Kontoinhaber"
expect_status 0
expect_json '.status == "revoked"'

# Revocation ends a permit today; an upcoming period's open charge is cancelled.
vr m.weber permits revoke "$anna_permit"
expect_status 2
vr m.weber permits revoke "$anna_permit" --reason "Fahrzeug abgemeldet"
expect_status 0
expect_json '.status == "revoked" and .revoked_on == "2026-12-30" and .revoke_reason == "Fahrzeug abgemeldet"'
vr m.weber permits revoke "$anna_permit" --reason again
expect_status 4
vr m.weber permits issue "$jonas" --plate "DO-AB 1234" --zone I-02 --paid
expect_status 4  # jonas already holds one permit
vr a.auditor audit list --object "permit:$anna_permit"
expect_json '(map(.action) | index("permits.issue")) != null and (map(.action) | index("permits.revoke")) != null'
# The data-subject export (GDPR art. 15) includes permits, mandates and charges.
vr a.auditor accounts export "$anna"
expect_json '(.permits | length) == 1 and (.mandates | length) == 1 and (.charges | length) == 1
             and .mandates[0].reference == "BWP-ANNA"'
vr a.auditor audit verify
expect_json '.ok == true'
[ -n "$jonas_permit" ]
