#!/usr/bin/env bash
# Draws the README's picture of `coverage -o html`: the demo's Dortmund (config/dortmund-seed.yaml)
# on 2026-11-25, the twelve months from December, rendered by headless Chromium.
#   scripts/coverage-heatmap.sh [OUT.png]   (default docs/coverage-heatmap.png)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$(realpath -m "${1:-docs/coverage-heatmap.png}")
bin=${VRATHAUS_BIN:-$root/build/release/cli/vrathaus}
[ -x "$bin" ] || { echo "build first: scripts/build.sh build/release" >&2; exit 1; }
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "chromium is needed: scripts/install-deps.sh installs it" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export VRATHAUS_DB=$work/vrathaus.db VRATHAUS_CONFIG=$root/config/demo.yaml VRATHAUS_NOW=2026-11-25T09:00:00Z
unset VRATHAUS_REMOTE VRATHAUS_TOKEN_FILE VRATHAUS_STAFF VRATHAUS_PROFILE VRATHAUS_OUTPUT
"$bin" -q db init --seed "$root/config/dortmund-seed.yaml" >/dev/null
# Exit 1 is the point: Hörde and Brackel are below their minimum.
"$bin" coverage --from 2026-12-01 --to 2027-11-30 -o html >"$work/coverage.html" 2>/dev/null || [ $? = 1 ]

# The page's size is in its first box: <div class="page" style="width:Wpx;height:Hpx">.
size=$(sed -n 's/.*<div class="page" style="width:\([0-9]*\)px;height:\([0-9]*\)px">.*/\1,\2/p' "$work/coverage.html")
[ -n "$size" ] || { echo "no page size in the HTML" >&2; exit 1; }
mkdir -p "$work/home"
HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_CACHE_HOME=$work/home/.cache \
  timeout 120 "$chromium" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
  --hide-scrollbars --force-device-scale-factor=1 --user-data-dir="$work/home/profile" \
  --window-size="$size" --screenshot="$out" "file://$work/coverage.html" >"$work/chromium.log" 2>&1 ||
  { tail -5 "$work/chromium.log" >&2; exit 1; }
echo "wrote $out ($size)" >&2
