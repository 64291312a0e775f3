# What a new city admin hit in the first week, each reproduced and now answered properly:
# encodings decided from the whole file, the rejects file checked before anything is written,
# account numbers checked against their country's structure, cron jobs that say what failed,
# clear messages, a read-only store, and configuration mistakes.
# shellcheck source=permits_lib.bash
source "$(dirname "$0")/permits_lib.bash"
export VRATHAUS_CONFIG=/dev/null
make_store
"$V" --db "$DB" -q staff add importer --name Importer --role importer >/dev/null
HEADER='customer_no;company_name;legal_form;street;house_no;postal_code;city;email'
row() { printf '%s;%s;GmbH;Marktweg;1;44135;Dortmund;%s@example.de\n' "$1" "$2" "$1"; }

# --- Data: the encoding is the whole file's, wherever one bad byte stands. Every other field is
# ASCII until "Müller" on line 1901, beyond the reader's first 64 KiB: before, a bad byte on line 3
# made the file "Windows-1252" and Müller "MÃ¼ller", while on line 1990 it was only rejected.
for at in 3 1990; do
  f=$T/bad-byte-$at.csv
  { echo "$HEADER"
    for i in $(seq 1 2000); do
      if [ "$i" = "$((at - 1))" ]; then printf 'K-%s;Bad \xfc Byte;GmbH;Marktweg;1;44135;Dortmund;k%s@example.de\n' "$i" "$i"
      elif [ "$i" = 1900 ]; then row "K-$i" "Müller Bau"
      else row "K-$i" "Firma $i"; fi
    done; } >"$f"
  [ "$(stat -c %s "$f")" -gt 70000 ] || fail "the test file must be larger than the reader's first chunk"
  store=$T/enc-$at.db
  "$V" --db "$store" -q db init >/dev/null
  "$V" --db "$store" -q staff add importer --name Importer --role importer >/dev/null
  expect 1 "$V" --db "$store" --as importer import business "$f" --on-error skip -o json
  jq -e '.rejected == 1 and .created == 1999 and .encoding == "utf-8"' <<<"$out" >/dev/null ||
    fail "a bad byte on line $at: one row rejected, the file read as UTF-8: $out"
  [ "$(sqlite3 "$store" "SELECT company_name FROM accounts WHERE customer_no = 'K-1900'")" = "Müller Bau" ] ||
    fail "a bad byte on line $at does not turn Müller into mojibake"
done
# A real Windows-1252 file is still read as such.
{ echo "$HEADER"; row W-1 "Müller Bau" | iconv -f utf-8 -t windows-1252; } >"$T/cp1252.csv"
expect 0 "$V" --db "$DB" --as importer import business "$T/cp1252.csv" -o json
jq -e '.encoding == "windows-1252"' <<<"$out" >/dev/null || fail "windows-1252 detected: $out"
[ "$(sqlite3 "$DB" "SELECT company_name FROM accounts WHERE customer_no = 'W-1'")" = "Müller Bau" ] || fail "cp1252 decoded"

# --- Data: --rejects is checked before the first row is written, and never overwritten.
{ echo "$HEADER"; row R-1 "Gut GmbH"; printf 'R-2;Schlecht;GmbH;Hauptstraße;1;4413;Dortmund;r2@example.de\n'; } >"$T/mixed.csv"
before=$(sqlite3 "$DB" "SELECT count(*) FROM accounts")
expect 5 "$V" --db "$DB" --as importer import business "$T/mixed.csv" --on-error skip --rejects "$T/missing-dir/r.csv"
grep -q "rejects" <<<"$err" || fail "the rejects option is named: $err"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM accounts")" = "$before" ] || fail "nothing is imported when the rejects file cannot be written"
echo keep >"$T/r.csv"
expect 4 "$V" --db "$DB" --as importer import business "$T/mixed.csv" --on-error skip --rejects "$T/r.csv"
[ "$(cat "$T/r.csv")" = keep ] || fail "an existing rejects file is not overwritten"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM accounts")" = "$before" ] || fail "nothing is imported when the rejects file exists"
expect 1 "$V" --db "$DB" --as importer import business "$T/mixed.csv" --on-error skip --rejects "$T/r2.csv" -q
grep -q "1 row rejected" <<<"$err" || fail "even with -q, the rejected rows are named on stderr: $err"
[ "$(wc -l <"$T/r2.csv")" = 2 ] || fail "the rejects file has the header and the rejected row"

# --- Data: IBANs against their country's structure, postal codes, BIC outside the EEA.
"$V" --db "$DB" -q accounts create --login iban@example.de --given-name Iris --family-name Iban >/dev/null
acc=$(sqlite3 "$DB" "SELECT id FROM accounts WHERE login = 'iban@example.de'")
expect 5 "$V" --db "$DB" mandates add "$acc" --iban DE400801908002643Z2104 --reference M-1 --signed-on 2026-11-01
grep -q "18 digits" <<<"$err" || fail "a letter in a German account number is named: $err"
expect 5 "$V" --db "$DB" mandates add "$acc" --iban GB33BUKB20201555555555 --reference M-2 --signed-on 2026-11-01
grep -q "bic" <<<"$err" || fail "a GB IBAN needs a BIC: $err"
expect 0 "$V" --db "$DB" mandates add "$acc" --iban GB33BUKB20201555555555 --bic BUKBGB22 --reference M-3 --signed-on 2026-11-01
expect 5 "$V" --db "$DB" accounts create --login plz@example.de --given-name P --family-name Z --street Weg --house-no 1 \
  --postal-code 00000 --city Dortmund
grep -q "postal_code" <<<"$err" || fail "postal code 00000 is refused: $err"

# --- Messages.
expect 5 "$V" --db "$DB" --as importer import business /dev/null
grep -q "not a regular file" <<<"$err" || fail "/dev/null is not 'no such file': $err"
expect 5 "$V" --db "$DB" accounts create --login old@example.de --given-name O --family-name Ld --birth-date 1850-01-01
grep -q "before 1900" <<<"$err" || fail "an old birth date says why: $err"
expect 2 "$V" --db "$DB" accounts list --limit 0
grep -q "at least 1" <<<"$err" && ! grep -q "179769" <<<"$err" || fail "--limit 0 says what is wanted: $err"

# --- A store this user may only read: reads work, changes are exit 9 with one clear line.
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
  ro=$T/readonly
  mkdir -m 777 "$ro"
  chmod 755 "$T"
  sqlite3 "$DB" ".backup '$ro/store.db'"
  chmod 444 "$ro/store.db"
  as_nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$V" --db "$ro/store.db" "$@"; }
  expect 0 as_nobody offices list
  expect 9 as_nobody offices add ro --name "Read only"
  grep -q "read-only" <<<"$err" || fail "a read-only store says so: $err"
fi

# --- Cron: a renewal that leaves permits behind names them on stderr, even with -q.
due_permits_config "$T/city.yaml"
"$V" --db "$T/renew.db" -q db init >/dev/null
seed_due_permits "$T/renew.db" 3
sqlite3 "$T/renew.db" "UPDATE permits SET zone = 'X-99' WHERE id = 2"
expect 1 "$V" --config "$T/city.yaml" --db "$T/renew.db" -q permits renew -o json
grep -q "1 permit not renewed: permit 2 (account 2)" <<<"$err" || fail "the renewal names the permit it left: $err"

# --- Config: no zones means no configuration, not "every zone was removed".
expect 9 "$V" --db "$T/renew.db" permits renew --dry-run
grep -q "city.zones" <<<"$err" || fail "the missing configuration is named: $err"
expect 9 "$V" --config "$T" --db "$DB" offices list
grep -q "is a directory" <<<"$err" || fail "--config of a directory is refused: $err"
expect 0 "$V" --config "$T/city.yaml" --db "$DB" config show -o json
jq -e 'map(.setting) | index("city.zones") and index("city.sepa.creditor") and index("city.holidays")' <<<"$out" >/dev/null ||
  fail "config show includes the city section: $out"
jq -e 'map(select(.setting == "city.zones")) | .[0].value | test("I-01")' <<<"$out" >/dev/null || fail "zones are shown"

# db init --dry-run creates nothing; a bad seed file names file and line and leaves no store.
expect 0 "$V" --db "$T/dry.db" db init --dry-run -o json
[ ! -e "$T/dry.db" ] && [ ! -e "$T/dry.db.key" ] || fail "db init --dry-run creates no store"
jq -e '.would_create and .migrations_to_apply > 0' <<<"$out" >/dev/null || fail "the dry run says what it would do: $out"
printf 'offices:\n  - { code: mitte, name: Mitte }\nstaff:\n  - { id: x.y, name: X Y, office: nowhere }\n' >"$T/seed.yaml"
expect 5 "$V" --db "$T/seeded.db" db init --seed "$T/seed.yaml"
grep -q "seed.yaml:4" <<<"$err" || fail "the seed error names file and line: $err"
[ ! -e "$T/seeded.db" ] || fail "a failed first db init leaves no store behind"
expect 5 "$V" --db "$T/seeded2.db" db init --seed "$T/seed.yaml" --dry-run
[ ! -e "$T/seeded2.db" ] || fail "a dry run with a bad seed creates nothing"
echo "operator rough edges: ok"
