#!/usr/bin/env bash
# The business import gives on PostgreSQL (a batch staged with COPY, new customers created in one
# set statement, the other rows looked up one by one) what it gives on SQLite (row by row): a file
# that mixes new customers, known ones unchanged and changed, a login taken by another account, a
# mandate reference taken by another account, a login freed by an earlier row of the same file and
# invalid rows is imported into a store of each engine holding the same accounts; the summaries
# (dry run, import, the same file again: now the freed login is free from the start; then both
# files with the default --on-error abort) and the resulting accounts, mandates and audit entries
# must be identical.
set -euo pipefail
source "$VRATHAUS_SOURCE_DIR/tests/postgres/lib.sh"

fresh_database import_same
LITE=$T/store.db
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: skipped"; exit 77; }

(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$T/document.key" && echo >>"$T/document.key")
printf 'city:\n  document_key_file: %s\n' "$T/document.key" >"$T/config.yaml"
export VRATHAUS_CONFIG=$T/config.yaml

# The accounts already there: eight business customers, six of them with a mandate.
"$VRATHAUS_SOURCE_DIR/scripts/generate-business-csv" -n 8 -s 21 --invalid 0 >"$T/first.csv"
# The file under test, made from the first one (python's csv module: company names may be quoted).
python3 - "$T/first.csv" "$T/mixed.csv" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, known = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
with_mandate = [r for r in known if r[col["mandate_reference"]]]
# A reference held by an account the file does not name (the file's own duplicates are found
# before any row is written).
taken = [r for r in known[6:] if r[col["mandate_reference"]]]
assert with_mandate and taken, "the generated accounts need mandates"

def new(n, email, reference=""):
    r = list(known[0])
    r[col["customer_no"]] = f"NEU-{n:04d}"
    r[col["email"]] = email
    r[col["vat_id"]] = ""
    if reference:
        r[col["mandate_reference"]] = reference
        r[col["iban"]] = with_mandate[0][col["iban"]]
        r[col["mandate_signed_on"]] = "2026-01-15"
    else:
        for c in ("iban", "bic", "mandate_reference", "mandate_signed_on"):
            r[c if isinstance(c, int) else col[c]] = ""
    return r

def changed(r, **values):
    r = list(r)
    for name, value in values.items():
        r[col[name]] = value
    return r

out = [
    known[0],                                                       # unchanged
    changed(known[1], city="Lünen", phone="+49 231 1234567"),       # changed
    new(1, "eins@neu.example", "NEU-M-1"),                          # new, with a mandate
    new(2, known[2][col["email"]].upper()),                         # login of another account
    new(3, "drei@neu.example", taken[0][col["mandate_reference"]].lower()),  # reference taken
    changed(new(4, "vier@neu.example"), postal_code="4413"),        # invalid
    changed(known[3], email="neu-vier@firma.example"),              # changes its login ...
    new(5, known[3][col["email"]]),                                 # ... which a new customer then gets
    new(6, known[4][col["email"]]),                                 # a login freed only on a later line
    changed(known[4], email="neu-fuenf@firma.example"),
    new(7, "sieben@neu.example"),                                   # new, without a mandate
    known[5],                                                       # unchanged
]
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\n")
    w.writerow(header)
    w.writerows(out)
PY

for store in "$LITE" "$PG"; do
  expect 0 "$V" --db "$store" -q db init
  expect 0 "$V" --db "$store" -q staff add importer --name Systemhaus-Import --role importer
  expect 0 "$V" --db "$store" --as importer -q import business "$T/first.csv"
done

# step N ARGS…: runs the import on both stores (its rejects into ENGINE.N.rejects.csv), appends exit
# code, sorted JSON and stderr to each transcript. The ids of accounts an import created (above the
# first file's 8) are written as "new": PostgreSQL's identity skips the numbers of accounts taken
# back within a batch, SQLite's rowid does not; the stores' contents are compared below.
step() {
  local n=$1 store name
  shift
  for store in "$LITE" "$PG"; do
    [ "$store" = "$LITE" ] && name=sqlite || name=postgresql
    set +e
    "$V" --db "$store" --as importer -o json import business "$@" --rejects "$T/$name.$n.rejects.csv" >"$T/.out" 2>"$T/.err"
    local status=$?
    set -e
    { echo "## import business $* (at $VRATHAUS_NOW)"; echo "exit $status"
      jq -S '(.plan[]? | select(.account_id > 8) | .account_id) |= "new"' "$T/.out" 2>/dev/null || cat "$T/.out"
      sed "s|$T/$name|REJECTS|g" "$T/.err"; } | sed -E 's/account (9|[1-9][0-9]+)\b/account new/g' >>"$T/$name.transcript"
  done
}
step 1 "$T/mixed.csv" --on-error skip --dry-run
step 2 "$T/mixed.csv" --on-error skip
step 3 "$T/mixed.csv" --on-error skip
# The default, --on-error abort: a checking pass plans every row (in batches looked up at once on
# PostgreSQL) before anything is written.
step 4 "$T/mixed.csv" --dry-run
step 5 "$T/mixed.csv"
step 6 "$T/first.csv" --dry-run
step 7 "$T/first.csv"
for n in 2 3; do
  diff "$T/sqlite.$n.rejects.csv" "$T/postgresql.$n.rejects.csv" >&2 || fail "import $n: the engines' rejects differ"
done

# What the stores hold (ids aside: PostgreSQL's identity does not give back the number of an
# account taken back within the batch, SQLite's rowid does).
state() {  # QUERY-RUNNER: prints accounts, mandates and the audit entries of the imports
  "$@" "SELECT customer_no, login, company_name, legal_form, register_court, register_no, vat_id, street, house_no,
          postal_code, city, phone, contact_given_name, contact_family_name, folded_name, tier, status, assurance,
          verified_at, verified_by, verification_method, updated_at, version, import_run FROM accounts ORDER BY customer_no"
  "$@" "SELECT a.customer_no, m.iban, coalesce(m.bic, ''), m.reference, m.signed_on, m.status, m.import_run
          FROM mandates m JOIN accounts a ON a.id = m.account_id ORDER BY m.reference"
  "$@" "SELECT seq, at, actor, action, object, before, after, reason FROM audit ORDER BY seq"
}
state sqlite3 -separator '|' "$LITE" >"$T/sqlite.state"
state psql -X -At -F '|' "$PG" -c >"$T/postgresql.state"
diff -u "$T/sqlite.transcript" "$T/postgresql.transcript" >&2 || fail "PostgreSQL's import output differs from SQLite's"
diff -u "$T/sqlite.state" "$T/postgresql.state" >&2 || fail "PostgreSQL's accounts, mandates or audit differ from SQLite's"

# The file did what it was made for.
summary=$(awk '/^## /{n++} n==2' "$T/sqlite.transcript" | sed 1,2d | sed '/^vrathaus:/d')
[ "$(jq -c '[.created, .updated, .unchanged, .rejected]' <<<"$summary")" = "[3,3,2,4]" ] ||
  fail "counts: $(jq -c 'del(.errors)' <<<"$summary")"
[ "$(jq -c '[.errors[] | [.line, .column]]' <<<"$summary")" = '[[5,"email"],[6,"mandate_reference"],[7,"postal_code"],[10,"email"]]' ] ||
  fail "errors: $(jq -c .errors <<<"$summary")"
grep -q '^NEU-0005|' "$T/sqlite.state" || fail "the login freed by an earlier line was not given to the new customer"
echo "ok: $(grep -c '^## ' "$T/sqlite.transcript") imports, the same output and store on both engines"
