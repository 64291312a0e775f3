# `coverage -o html`, the year at a glance: the same page from the local store and from a real
# server, valid HTML (xmllint), and — rendered by headless Chromium — red exactly on the gap days,
# amber, green and grey where the report says. Skips (77) without chromium, xmllint or python3.
source "$(dirname "$0")/lib.sh"
for tool in xmllint python3 jq; do command -v "$tool" >/dev/null || { echo "skip: $tool is absent" >&2; exit 77; }; done
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "skip: chromium is absent (Debian package chromium)" >&2; exit 77; }

SEEDS=$VRATHAUS_SOURCE_DIR/tests/contract
export VRATHAUS_CONFIG=$SEEDS/city.yaml  # Dortmund, with the holidays at the end of the year
DB=$T/store.db
local_vr() { "$V" --db "$DB" "$@"; }
local_vr -q db init --seed "$SEEDS/seed.yaml" >/dev/null
local_vr -q db init --seed "$SEEDS/seed-coverage.yaml" >/dev/null
# Brackel's second clerk and one more at Innenstadt are certified: Brackel is at its minimum except
# in Krause's holiday week, Innenstadt above it until Schulz's certification ends on 2027-01-15.
# Hörde stays below its minimum throughout.
local_vr -q --as s.kruse staff certify p.brandt --cert identity-check --on 2026-11-20 --trainer s.kruse >/dev/null
local_vr -q --as s.kruse staff certify m.weber --cert identity-check --on 2026-11-20 --trainer s.kruse >/dev/null
local_vr tokens create --staff m.weber -o json | jq -r .token >"$T/clerk.token"
chmod 600 "$T/clerk.token"
FROM=2026-12-01 TO=2027-01-31

expect 1 local_vr --as m.weber coverage --from $FROM --to $TO -o html
printf '%s\n' "$out" >"$T/local.html"
grep -q 'gap' <<<"$err" || fail "the gap warning on stderr: $err"

start_server
expect 1 env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/clerk.token" coverage --from $FROM --to $TO -o html
printf '%s\n' "$out" >"$T/remote.html"
cmp -s "$T/local.html" "$T/remote.html" || fail "the page differs between the local store and the server: $(diff "$T/local.html" "$T/remote.html" | head -5)"

# The day-by-day counts the page is drawn from, straight from the REST API.
curl -sf -H "Authorization: Bearer $(cat "$T/clerk.token")" \
  "$URL/api/v1/coverage?from=$FROM&to=$TO&daily=true" >"$T/report.json" || fail "GET /coverage?daily=true"
jq -e '.city == "Dortmund" and (.daily | length) == 3 and (.daily[0].present | length) == 62
       and .holidays == ["2026-12-24", "2026-12-25", "2026-12-26", "2026-12-31", "2027-01-01"]
       and ([.gaps[] | select(.office == "brackel") | .date] == ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"])
       and ([.gaps[] | select(.office == "innenstadt")] | length) == 0
       and ([.daily[] | select(.office == "innenstadt") | .present[48]] == [4])' "$T/report.json" >/dev/null \
  || fail "the daily report: $(head -c 600 "$T/report.json")"

# Valid HTML: the HTML parser reports nothing at all.
xmllint --html --noout "$T/local.html" 2>"$T/xmllint.log" || fail "xmllint: $(cat "$T/xmllint.log")"
[ ! -s "$T/xmllint.log" ] || fail "xmllint --html reports: $(head -5 "$T/xmllint.log")"
# Self-contained: nothing is loaded from elsewhere, nothing runs.
! grep -Eiq '<script|src=|href=|url\(|@import' "$T/local.html" || fail "the page refers to something outside it"
grep -q '<title>Dortmund: identity-check coverage, Tue 2026-12-01 to Sun 2027-01-31</title>' "$T/local.html" || fail "the title"
grep -q 'Bezirksverwaltungsstelle Brackel, Mon 2026-12-07: 1 of 2 certified present. Missing: b.krause (absent holiday until 2026-12-11)' \
  "$T/local.html" || fail "the hover text of a red cell names who is missing and why"

# Only coverage writes HTML; any other command refuses it before doing anything (usage, 2).
expect 2 local_vr --as m.weber offices list -o html
[ -z "$out" ] || fail "nothing on stdout for a refused format"
grep -q 'html' <<<"$err" || fail "the usage error names html: $err"

# Rendered by headless Chromium: a writable home, no sandbox (containers), bounded in time; the new
# headless mode first, the old one where the new one is missing.
mkdir -p "$T/home"
screenshot() {
  local mode
  for mode in --headless=new --headless; do
    rm -f "$T/page.png"
    HOME=$T/home XDG_CONFIG_HOME=$T/home/.config XDG_CACHE_HOME=$T/home/.cache \
      timeout 60 "$CHROMIUM" "$mode" --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
      --no-default-browser-check --disable-extensions --hide-scrollbars --force-device-scale-factor=1 \
      --user-data-dir="$T/home/profile" --window-size=900,500 --screenshot="$T/page.png" \
      "file://$T/local.html" >"$T/chromium.log" 2>&1 || true
    [ -s "$T/page.png" ] && return 0
  done
  fail "chromium took no screenshot: $(tail -5 "$T/chromium.log")"
}
screenshot
python3 "$(dirname "$0")/heatmap_pixels.py" "$T/page.png" "$T/report.json" "$VRATHAUS_SOURCE_DIR/cli/coverage_html.hpp" \
  || fail "the screenshot does not show the report"
echo "ok: coverage -o html on both backends, valid, rendered as the report says"
