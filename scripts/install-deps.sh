#!/usr/bin/env bash
# Installs the Debian 12 packages vrathaus needs to build, test and run. Idempotent; needs root
# (or sudo) only when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libcli11-dev libsqlitecpp-dev libsqlite3-dev libfmt-dev libyaml-cpp-dev libcurl4-openssl-dev
  nlohmann-json3-dev libboost-dev libssl-dev doctest-dev libxml2-dev
  scdoc mandoc
  dpkg-dev lintian
  sqlite3 jq curl libxml2-utils procps time openssl hyperfine wrk python3
  clang libclang-rt-14-dev
  chromium  # renders `coverage -o html` in a test and for the README's screenshot
  libpqxx-dev postgresql  # the PostgreSQL engine module, and the throwaway cluster its tests start
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
