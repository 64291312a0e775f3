# Bulk import of business customers (issue 6): the same files, the same answers, locally and
# through `vrathaus serve` (the client streams the file; the server imports it).
setup_store
GEN="$VRATHAUS_SOURCE_DIR/scripts/generate-business-csv"
# Relative file names: the summary names the file as given, and must not differ between backends.
cd "$WORK"
accounts() { vr_unrecorded it.admin accounts list --tier business; jq length <<<"$output"; }

# A clean file: every row created, business tier, verified by the IT provider.
"$GEN" -n 40 -s 11 --no-mandates >clean.csv
vr importer import business clean.csv
expect_status 0
expect_json '.rows == 40 and .created == 40 and .updated == 0 and .unchanged == 0 and .rejected == 0 and .errors == []'
expect_json '.imported == true and .run == "import:1" and .delimiter == ";" and .encoding == "utf-8"'
expect_json ".sha256 == \"$(sha256sum clean.csv | cut -d' ' -f1)\""
expect_json 'has("reject_ranges") | not'
[ "$(accounts)" = 40 ] || fail "40 business accounts"
vr it.admin accounts show 1
expect_json '.tier == "business" and .status == "active" and .customer_no == "SH-0000001" and .verification_method == "systemhaus"'
expect_json '.assurance == "substantial" and .verified_by == "importer" and .verified_at != null'

# Idempotent: the same file again changes nothing.
vr importer import business clean.csv
expect_status 0
expect_json '.created == 0 and .updated == 0 and .unchanged == 40 and .run == "import:2"'

# A changed file updates exactly the changed accounts, each audited with before and after.
"$GEN" -n 40 -s 11 --no-mandates --changed 25 >changed.csv
changed=$(diff clean.csv changed.csv | grep -c '^>' || true)
[ "$changed" -gt 0 ] || fail "the generator changed some rows"
vr importer import business changed.csv --dry-run
expect_status 0
expect_json ".updated == $changed and .unchanged == $((40 - changed)) and .imported == false and .dry_run == true"
expect_json '.plan | length == 40 and (map(select(.action == "update")) | all(.changes == ["city"]))'
vr importer import business changed.csv
expect_status 0
expect_json ".updated == $changed and .unchanged == $((40 - changed))"
vr a.auditor audit list --object import:3
expect_json 'length == 1 and .[0].action == "import.business" and .[0].after.updated > 0 and .[0].after.file == "changed.csv"'
vr a.auditor audit list --actor importer
expect_json '[.[] | select(.action == "import.business.update")] | length > 0 and (.[0].after.city == "Hagen") and (.[0].before.city != "Hagen")'
expect_json '[.[] | select(.action == "import.business")] | length == 3'

# Invalid rows: by default nothing is imported (exit 5), every error names line and column.
"$GEN" -n 30 -s 12 --start 100 --invalid 30 --no-mandates >invalid.csv
vr importer import business invalid.csv
expect_status 5
expect_stderr "nothing imported"
expect_json '.imported == false and .created == 0 and .rejected > 0 and (.errors | all(.line > 1 and (.message | length) > 0))'
rejected=$(jq .rejected <<<"$output")
[ "$(accounts)" = 40 ] || fail "an invalid file imports nothing"
# The plan says the same and exits the same way.
vr importer import business invalid.csv --dry-run
expect_status 5
expect_json ".rejected == $rejected and (.plan | map(select(.action == \"reject\")) | length) == $rejected"
# --on-error skip: the valid rows are imported (exit 1), the rejected ones copied unchanged.
vr importer import business invalid.csv --on-error skip --rejects invalid.rejects.csv
expect_status 1
expect_json ".rejected == $rejected and .created == $((30 - rejected)) and .imported == true"
[ "$(accounts)" = $((70 - rejected)) ] || fail "the valid rows of a skip import"
head -1 invalid.rejects.csv | cmp -s - <(head -1 invalid.csv) || fail "the rejects start with the header"
for line in $(jq '.errors[].line' <<<"$output" | sort -un); do
  grep -qxF -- "$(sed -n "${line}p" invalid.csv)" invalid.rejects.csv || fail "line $line is in the rejects unchanged"
done
vr_unrecorded importer import business invalid.rejects.csv --dry-run
expect_json ".rows == $rejected and .rejected == $rejected"

# Quoting, embedded line breaks, a BOM, CRLF, ',' as delimiter, Windows-1252 umlauts.
printf '\357\273\277customer_no,company_name,street,house_no,postal_code,city,email\r\n' >odd.csv
printf 'Q-1,"Q\303\274mmel ""Bau"", S\303\266hne GmbH",Kaiserstra\303\237e,1,44135,Dortmund,q1@example.de\r\n' >>odd.csv
printf 'Q-2,"Zwei\r\nZeilen GmbH",Hohe Stra\303\237e,2,4413,Dortmund,q2@example.de\r\n' >>odd.csv
printf 'Q-3,Ohne Zeilenende GmbH,Hohe Stra\303\237e,3,44139,Dortmund,q3@example.de' >>odd.csv
vr importer import business odd.csv
expect_status 5
expect_json '.rows == 3 and .rejected == 1 and .errors[0].line == 3 and .errors[0].column == "postal_code"'
expect_json '.delimiter == "," and .encoding == "utf-8"'
vr importer import business odd.csv --on-error skip --rejects odd.rejects.csv
expect_status 1
expect_json '.created == 2 and .rejected == 1'
cmp -s odd.rejects.csv <(head -c 3 odd.csv; sed -n '1p;3,4p' odd.csv | tail -c +4) || fail "the rejects keep the BOM, CRLF and the row's line break"
# A line break inside a name is layout: it becomes a space.
printf 'customer_no;company_name;street;house_no;postal_code;city;email\nQ-4;"Vier\nZeilen   \n GmbH";Hohe Stra\303\237e;4;44139;Dortmund;q4@example.de\n' >breaks.csv
vr importer import business breaks.csv
expect_status 0
vr it.admin accounts show q4@example.de
expect_json '.company_name == "Vier Zeilen GmbH"'
vr it.admin accounts search "quemmel bau"
expect_json 'length == 1 and .[0].company_name == "Qümmel \"Bau\", Söhne GmbH" and .[0].customer_no == "Q-1"'
printf 'customer_no;company_name;street;house_no;postal_code;city;email\n' >cp1252.csv
printf 'W-1;"M\374ller & S\366hne; Stra\337enbau";K\366nigswall;3;44137;L\374nen;w1@example.de\n' >>cp1252.csv
vr importer import business cp1252.csv
expect_status 0
expect_json '.created == 1 and .encoding == "windows-1252"'
vr it.admin accounts search "mueller soehne"
expect_json 'length == 1 and .[0].company_name == "Müller & Söhne; Straßenbau" and .[0].city == "Lünen"'
vr importer import business cp1252.csv --encoding windows-1252 --delimiter ';'
expect_json '.unchanged == 1'

# A header only is an empty import; an empty file and an unknown column are invalid.
head -1 clean.csv >header-only.csv
vr importer import business header-only.csv
expect_status 0
expect_json '.rows == 0 and .created == 0'
: >empty.csv
vr importer import business empty.csv
expect_status 5
expect_stderr "empty"
sed '1s/;phone;/;fax;/' clean.csv >unknown.csv
vr importer import business unknown.csv
expect_status 5
expect_stderr "unknown column fax"
vr importer import business no-such-file.csv
expect_status 3

# Duplicates inside one file: every occurrence is an error.
{ cat clean.csv; sed -n 3p clean.csv; } >dup.csv
vr importer import business dup.csv
expect_status 5
expect_json '[.errors[] | select(.column == "customer_no")] | map(.line) == [3, 42]'

# SEPA mandates: created with their account, unchanged on a re-import; a reference that belongs
# to another account, a half-filled mandate and a bad IBAN are rejected rows.
"$GEN" -n 20 -s 13 --start 200 >mandates.csv
with_mandate=$(grep -c ';SH-M-' mandates.csv || true)
vr importer import business mandates.csv
expect_status 0
expect_json '.created == 20 and .rejected == 0'
vr it.admin mandates list
expect_json "length == $with_mandate and all(.status == \"active\" and (.reference | startswith(\"SH-M-\")))"
vr importer import business mandates.csv
expect_json '.unchanged == 20'
M_HEADER='customer_no;company_name;street;house_no;postal_code;city;email;iban;bic;mandate_reference;mandate_signed_on'
vr_unrecorded it.admin mandates list
ref=$(jq -r '.[0].reference' <<<"$output")
{
  echo "$M_HEADER"
  echo "M-1;Mandat GmbH;Hohe Straße;1;44135;Dortmund;m1@example.de;DE89370400440532013000;COBADEFFXXX;$ref;2025-01-02"
  echo "M-2;Mandat GmbH;Hohe Straße;2;44135;Dortmund;m2@example.de;DE89370400440532013000;;;2025-01-02"
  echo "M-3;Mandat GmbH;Hohe Straße;3;44135;Dortmund;m3@example.de;DE89370400440532013001;;M-3-A;2025-01-02"
  echo "M-4;Mandat GmbH;Hohe Straße;4;44135;Dortmund;m4@example.de;de89 3704 0044 0532 0130 00;cobadeffxxx;M-4-A;2025-01-02"
} >mandate-errors.csv
vr importer import business mandate-errors.csv --on-error skip
expect_status 1
expect_json '.created == 1 and .rejected == 3'
expect_json '[.errors[] | {line, column}] == [{"line": 2, "column": "mandate_reference"}, {"line": 3, "column": "mandate_reference"}, {"line": 4, "column": "iban"}]'
vr it.admin mandates list
expect_json 'map(select(.reference == "M-4-A")) | .[0].iban == "DE89370400440532013000" and .[0].bic == "COBADEFFXXX"'
# The refused rows left no account behind (M-1 was inserted before its mandate was refused).
vr it.admin accounts search "Mandat GmbH"
expect_json '[.[] | .customer_no] == ["M-4"]'

# Only the importer and administrators import.
vr m.weber import business clean.csv
expect_status 6
vr importer import business clean.csv --on-error later
expect_status 2

# The importer reads its own runs, and only those; the administrator sees every run.
vr importer import runs
expect_status 0
expect_json 'length > 0 and all(.actor == "importer") and all(.status == "done")'
vr it.admin import business clean.csv --on-error skip
vr importer import runs
expect_json 'all(.actor == "importer")'
vr it.admin import runs
expect_json 'map(.actor) | index("it.admin") != null'
vr m.weber import runs
expect_status 6

vr_admin db check
expect_status 0
expect_json '.ok == true'
