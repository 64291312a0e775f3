#!/usr/bin/env bash
# The walk-through on the embedded SQLite store: installs what is missing, builds, then runs a
# day at Dortmund's Bürgerdienste from a fresh store. Every command is printed before it runs.
#   scripts/demo.sh [WORK_DIR]      (default: ./demo-run; removed and recreated)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/install-deps.sh
scripts/build.sh build/release >/dev/null

work=$(realpath -m "${1:-demo-run}")
rm -rf "$work" && mkdir -p "$work"
vrathaus() { "$root/build/release/cli/vrathaus" "$@"; }
export VRATHAUS_DB=$work/vrathaus.db
export VRATHAUS_CONFIG=$root/config/demo.yaml
export VRATHAUS_NOW=${VRATHAUS_NOW:-2026-11-25T09:00:00Z}   # a Wednesday: reproducible output
unset VRATHAUS_REMOTE VRATHAUS_TOKEN_FILE VRATHAUS_STAFF VRATHAUS_PROFILE VRATHAUS_OUTPUT

bold="" plain=""
if [ -t 2 ] && [ -z "${NO_COLOR:-}" ] && [ "${TERM:-dumb}" != dumb ]; then bold=$'\033[1m' plain=$'\033[0m'; fi
step() {
  printf '\n%s$ vrathaus %s%s\n' "$bold" "$*" "$plain" >&2
  vrathaus "$@"
}
# A step whose non-zero exit is the point of the demonstration.
step_expect() {
  local want=$1
  shift
  set +e
  step "$@"
  local got=$?
  set -e
  [ "$got" = "$want" ] || { echo "demo: expected exit $want, got $got" >&2; exit 1; }
  echo "(exit $got, as expected)" >&2
}

echo "== 1. A fresh store with Dortmund's offices and staff" >&2
step db init --seed "$root/config/dortmund-seed.yaml"
step offices list
step staff list --office hoerde

echo "== 2. Who can upgrade accounts where, today and in the next days (the coverage rule)" >&2
step offices available --date 2026-11-25
step staff show p.wagner
step_expect 1 coverage --to 2026-11-27
step_expect 1 coverage --from 2026-12-01 --to 2027-11-30 -o html >"$work/coverage.html"
echo "(the year at a glance, for a browser or a mail: $work/coverage.html)" >&2

echo "== 3. A citizen registers on the portal (a guest account)" >&2
step --as portal accounts create --login juergen.schroeter@example.de --given-name Jürgen --family-name Schröter \
  --birth-date 1971-06-02 --street Kaiserstraße --house-no 12 --postal-code 44135 --city Dortmund
step accounts search Schroeter
step_expect 4 --as portal accounts create --login Juergen.Schroeter@example.de --given-name J --family-name S

echo "== 4. He goes to the Bürgerdienste Innenstadt: a certified clerk upgrades his account" >&2
step_expect 6 --as d.schulz upgrades perform 1 --tier private --office brackel \
  --document-type id-card --document-number T22000129 --document-expiry 2031-05-31
echo T22000129 | step --as m.weber upgrades perform 1 --tier private --office innenstadt \
  --document-type id-card --document-number - --document-expiry 2031-05-31
step accounts show 1
step upgrades list

echo "== 5. The IT provider's file of business customers arrives (one row in a hundred is broken)" >&2
"$root/scripts/generate-business-csv" -n 300 --invalid 1 --seed 7 >"$work/systemhaus-2026-11-25.csv"
step_expect 5 --as systemhaus import business "$work/systemhaus-2026-11-25.csv"
step_expect 1 --as systemhaus import business "$work/systemhaus-2026-11-25.csv" --on-error skip \
  --rejects "$work/systemhaus-2026-11-25.rejects.csv"
step_expect 1 --as systemhaus import business "$work/systemhaus-2026-11-25.csv" --on-error skip --dry-run
step accounts list --tier business --limit 3

echo "== 6. He signs a SEPA mandate and gets his resident parking permit" >&2
step --as m.weber mandates add 1 --iban "DE02 1203 0000 0000 2020 51" --reference VRH-2026-000001 --signed-on 2026-11-25
step --as m.weber permits issue 1 --plate "DO-JS 1971" --zone I-01
# His neighbour does the same (her name and street show the bank file's transliteration).
neighbour=$(step -o json --as portal accounts create --login zoe.oeztuerk@example.de --given-name Zoë \
  --family-name Öztürk-Straßer --birth-date 1984-03-09 --street Lindemannstraße --house-no 3 --postal-code 44137 \
  --city Dortmund | jq -r .id)
echo L01X00T47 | step --as m.weber upgrades perform "$neighbour" --tier private --office innenstadt \
  --document-type id-card --document-number - --document-expiry 2032-01-31 >/dev/null
step --as m.weber mandates add "$neighbour" --iban "DE89 3704 0044 0532 0130 00" --reference VRH-2026-000002 \
  --signed-on 2026-11-25
step --as m.weber permits issue "$neighbour" --plate "DO-ZO 84" --zone I-01
step charges list

echo "== 7. A year later the cron job renews it; the export collects both years" >&2
export VRATHAUS_NOW=2027-11-10T05:00:00Z
step permits renew --dry-run
step permits renew
step permits renew                                  # idempotent: nothing is renewed twice
export VRATHAUS_NOW=2027-12-01T06:00:00Z
step payments export --out "$work/pain008-2027-12-01.xml"
step payments export --out "$work/pain008-again.xml"  # nothing left to collect twice
printf '\n$ grep -A8 "<Nm>Zoe Oeztuerk-Strasser</Nm>" pain008-2027-12-01.xml   # pain.008.001.08: structured, transliterated\n' >&2
grep -m1 -A8 "<Nm>Zoe Oeztuerk-Strasser</Nm>" "$work/pain008-2027-12-01.xml" >&2

echo "== 8. The bank sends back what it could not collect (camt.054)" >&2
# Jürgen's account had too little money for the renewal (AM04): collected once more in the next
# export. Zoë's account was closed (AC04): her mandate is revoked and her permit stops renewing.
# Each return costs the city a fee, booked as a charge of its own (city.sepa.return_fee_cents).
# shellcheck source=lib/bank_files.bash
source "$root/scripts/lib/bank_files.bash"
vrathaus charges list --batch 1 -o json |
  jq -r --argjson z "$neighbour" '.[] | select(.account_id == 1 and .permit_id == 3 or .account_id == $z and .permit_id == 2)
    | [.end_to_end_id, "-", .amount_cents, (if .account_id == 1 then "AM04" else "AC04" end)] | join(" ")' |
  camt054_returns CAMT054-2027-12-06 >"$work/camt054-2027-12-06.xml"
export VRATHAUS_NOW=2027-12-06T07:00:00Z
step payments returns import "$work/camt054-2027-12-06.xml"
step payments returns import "$work/camt054-2027-12-06.xml"   # the same file again: nothing changes
step charges list --account 1
step mandates list "$neighbour"
step permits list --account "$neighbour"
export VRATHAUS_NOW=2027-12-08T06:00:00Z
step payments export --out "$work/pain008-2027-12-08.xml"     # the re-presentation, Jürgen's fee; Zoë's waits

echo "== 9. The audit log, and its integrity" >&2
step audit list --object account:1
step audit verify
# Sealing: the verification key goes on a medium kept away from the server; the store keeps only
# the next epoch's key, and cron seals the log's head every hour.
step audit setup-keys --verification-key "$work/audit-verification.key"
step audit seal
step audit verify --verification-key "$work/audit-verification.key"
step db check

echo "== 10. The operator's morning: the self-check cron runs, a colleague is found, the SIEM reads on" >&2
step doctor
step staff search schulz
seq=$(vrathaus audit list -o json | jq 'last.seq')
step audit list --after-seq "$((seq - 3))" -o jsonl
step audit follow --after-seq "$((seq - 1))" --until-seq "$seq"

echo "== 11. Appointments that can be kept: booked only where a certified clerk will be there" >&2
# Eving has two certified clerks, but Frank Richter works Thursday mornings only; Nadine Koch takes
# Thursday afternoon's appointment. Her holiday leaves it to nobody: the holiday is recorded, the
# appointment needs rebooking, and the cron job offers the nearest free slots elsewhere.
step --as s.kruse staff hours f.richter --weekday thu --from 08:00 --to 12:00   # part-time on Thursdays
step appointments slots --office eving --date 2027-12-09
step --as portal appointments book juergen.schroeter@example.de --office eving --at 2027-12-09T14:00
step --as s.kruse staff absence n.koch --from 2027-12-09 --to 2027-12-10 --reason holiday
step_expect 1 appointments at-risk
step appointments slots --date 2027-12-09 --postal-code 44339
step --as portal appointments cancel 1 --account juergen.schroeter@example.de --reason "Sachbearbeiterin im Urlaub"
step --as portal appointments book juergen.schroeter@example.de --office huckarde --at 2027-12-09T14:00
step appointments show 2 -o ics

echo "== 12. Training before the gap (a second store, back on 2026-11-25)" >&2
# Hörde's one trained clerk expired in 2019, Brackel's only certified clerk is on holiday, most
# district offices' certifications run out in June 2027, and a departure and a transfer are
# planned: whom to train where, by when? Brackel's gap this week cannot be closed by training
# (its second clerk is not certified and the first is away): exit 1, and it says so.
export VRATHAUS_DB=$work/training.db VRATHAUS_NOW=2026-11-25T09:00:00Z
step -q db init --seed "$root/config/dortmund-seed.yaml"
step --as s.kruse staff deactivate o.neumann --on 2027-04-01 --reason Ruhestand
step --as s.kruse staff move a.yilmaz --office hoerde --on 2027-02-01 --reason Versetzung
step_expect 1 training plan
step --as s.kruse training sessions add --cert identity-check --date 2026-12-01 --trainer s.kruse --capacity 4 --office hoerde
step --as s.kruse training sessions add --cert identity-check --date 2026-12-02 --trainer s.kruse --capacity 12
step --as s.kruse training sessions add --cert identity-check --date 2027-01-12 --trainer j.nowak --capacity 6
step_expect 1 --as s.kruse training plan --apply      # whoever is on holiday on the 2nd goes to January
step training sessions list
complete_session() {  # everyone enrolled passed (Kruse was trained herself in January: the admin records it)
  local passed
  passed=$(vrathaus training sessions list -o json | jq -r --argjson s "$1" '.[] | select(.id == $s) | .enrolled | join(",")')
  step --as it.admin training complete "$1" --passed "$passed"
}
export VRATHAUS_NOW=2026-12-02T16:00:00Z
complete_session 1
complete_session 2
export VRATHAUS_NOW=2027-01-12T16:00:00Z
complete_session 3
export VRATHAUS_NOW=2026-12-07T07:00:00Z
step coverage --from 2026-12-07 --to 2027-12-06     # the next twelve months: no gap
step training plan --buffer 0

echo "== demo complete: the stores are $work/vrathaus.db and $work/training.db" >&2
