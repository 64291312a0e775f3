# Finding people and reading what is printed: search by login, customer number or plate with a
# default limit that says how many more there are; tables that are never cut in a pipe, fit a
# terminal without cutting a character in half, and show nested values readably; csv cells
# without JSON; one object per line with -o jsonl.
source "$(dirname "$0")/lib.sh"
make_store
for i in $(seq 1 60); do
  "$V" --db "$DB" -q accounts create --login "schroeter$i@example.de" --given-name "Anna Maria Theresia" \
    --family-name "Schröter-Müllenhoff von Lüdenscheid-Hohenlimburg $i" >/dev/null
done
sqlite3 "$DB" "UPDATE accounts SET customer_no = 'SH-0000002', tier = 'business', company_name = 'Schröter KG' WHERE id = 2;
  INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, fee_cents, created_by, created_at, updated_at)
  VALUES (3, 'DO-AB 123', 'I-01', '2026-01-01', '2026-12-31', 'active', 3070, 'test', 'x', 'x')"

# An account is found by its customer number, as the counter knows business customers.
expect 0 "$V" --db "$DB" accounts show SH-0000002 -o json
jq -e '.id == 2' <<<"$out" >/dev/null || fail "accounts show by customer number: $out"

# Search: a default limit, and how many more there are on stderr.
expect 0 "$V" --db "$DB" accounts search Schro -o json
[ "$(jq length <<<"$out")" = 50 ] || fail "search stops at 50 by default"
grep -q "10 more matches not shown" <<<"$err" || fail "search says how many more: $err"
expect 0 "$V" --db "$DB" accounts search Schro --limit 100 -o json
[ "$(jq length <<<"$out")" = 60 ] && [ -z "$err" ] || fail "--limit raises it, nothing more to say"
for q in schroeter7@example.de SH-0000002 'do-ab 123'; do
  expect 0 "$V" --db "$DB" accounts search "$q" -o json
  [ "$(jq length <<<"$out")" -ge 1 ] || fail "search finds $q: $out"
done
[ "$("$V" --db "$DB" accounts search 'DO-AB 123' -o json | jq '.[0].id')" = 3 ] || fail "search by plate finds the holder"

# In a pipe nothing is cut: the whole long name is there.
"$V" --db "$DB" accounts search schroeter60@ >"$T/table"
grep -q "Schröter-Müllenhoff von Lüdenscheid-Hohenlimburg 60" "$T/table" || fail "a table in a pipe is never cut: $(cat "$T/table")"
# On a narrow terminal the table fits and a cut ends in "…" without splitting a character.
if command -v script >/dev/null; then
  COLUMNS=80 script -qec "stty cols 80; '$V' --db '$DB' accounts search schroeter60@" /dev/null | tr -d '\r' >"$T/tty"
  awk 'length($0) > 0' "$T/tty" | while IFS= read -r line; do
    [ "$(printf "%s" "$line" | LC_ALL=C.UTF-8 wc -m)" -le 80 ] || fail "a row is wider than the terminal: $line"
  done
  grep -q "…" "$T/tty" || fail "cut cells end in an ellipsis: $(cat "$T/tty")"
  iconv -f utf-8 -t utf-8 "$T/tty" >/dev/null || fail "no character is cut in half"
fi

# Nested values: readable in tables and csv, never raw JSON.
"$V" --db "$DB" -q staff add s.kruse --name "Sabine Kruse" --office innenstadt --role supervisor >/dev/null
"$V" --db "$DB" -q staff certify m.weber --cert identity-check --on 2026-02-02 >/dev/null
"$V" --db "$DB" staff show m.weber >"$T/staff"
grep -q '{"' "$T/staff" && fail "no raw JSON in a table: $(cat "$T/staff")"
"$V" --db "$DB" staff list -o csv >"$T/staff.csv"
grep -q '{\|\[' "$T/staff.csv" && fail "no JSON in csv cells: $(cat "$T/staff.csv")"

# jsonl: one object per line.
expect 0 "$V" --db "$DB" accounts search Schro --limit 5 -o jsonl
[ "$(wc -l <<<"$out")" = 5 ] && jq -e -s 'length == 5' <<<"$out" >/dev/null || fail "jsonl has one object per line: $out"
echo "finding and output: ok"
