#!/usr/bin/env bash
# Benchmark: `accounts show ID -o json` on a store of 1,000,000 accounts, next to
# `sqlite3 DB "SELECT … WHERE id = …"` on the same store. Target: ≤ 2× and under 10 ms median.
#   scripts/bench/accounts_show.sh [ACCOUNTS]   (needs a built build/release and hyperfine)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
V=$(pwd)/build/release/cli/vrathaus
command -v hyperfine >/dev/null || { echo "apt-get install hyperfine" >&2; exit 1; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export VRATHAUS_CONFIG=/dev/null
db=$dir/bench.db
"$V" --db "$db" -q db init >/dev/null
# Bulk rows straight into the table: the benchmark measures reading, not creating.
sqlite3 "$db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $n)
  INSERT INTO accounts(login, tier, status, given_name, family_name, birth_date, street, house_no, postal_code, city,
                       folded_name, created_at, updated_at)
  SELECT 'person' || i || '@example.de', 'guest', 'active', 'Vorname' || (i % 997), 'Nachname' || i,
         '1980-01-01', 'Kaiserstraße', (i % 200) + 1, '44135', 'Dortmund', 'vorname nachname' || i,
         '2026-11-25T09:00:00Z', '2026-11-25T09:00:00Z' FROM n"
id=$((n / 2 + 17))
echo "store: $n accounts; showing account $id"
hyperfine -N --warmup 5 --runs 200 --export-json "$dir/result.json" \
  -n sqlite3 "sqlite3 $db \"SELECT * FROM accounts WHERE id = $id\"" \
  -n vrathaus "$V --db $db accounts show $id -o json"
jq -r '.results | (map({(.command): .median}) | add) as $m |
  "median: sqlite3 \($m.sqlite3 * 1000 | . * 100 | round / 100) ms, vrathaus \($m.vrathaus * 1000 | . * 100 | round / 100) ms, ratio \($m.vrathaus / $m.sqlite3 | . * 100 | round / 100)x"' \
  "$dir/result.json"
