# Helpers shared by the permit and payment scenarios (sourced after lib.sh).
export VRATHAUS_CONFIG=$HERE/permits-city.yaml
REFERENCE=${VRATHAUS_SHARED_DIR:-}/reference

# A verified private account at a street: created at the counter, then upgraded in person by a
# certified clerk (the stores start from seed-upgrades.yaml, where s.kruse holds identity-check).
private_account() {
  local login=$1 given=$2 family=$3 street=$4
  vr m.weber accounts create --login "$login" --given-name "$given" --family-name "$family" \
    --birth-date 1980-05-17 --street "$street" --house-no 12 --postal-code 44135 --city Dortmund
  expect_status 0
  local id
  id=$(jq -r .id <<<"$output")
  vr s.kruse upgrades perform "$id" --tier private --office innenstadt --document-type id-card \
    --document-expiry 2031-05-31 --document-number "L01X$(printf '%05d' "$id")"
  expect_status 0
  echo "$id"
}

xpath() { xmllint --xpath "string($2)" "$1"; }

# check_export FILE COUNT CENTS: the file validates against the official schema of its version
# (when the schemas are present) and its NbOfTxs and CtrlSum match the charges, in the header and
# in each PmtInf.
check_export() {
  local file=$1 count=$2 cents=$3
  [ -s "$file" ] || fail "no export file $file"
  local version XSD
  version=$(grep -o 'urn:iso:std:iso:20022:tech:xsd:pain\.008\.001\.0[0-9]' "$file" | head -1 | sed 's/.*xsd://')
  XSD=$REFERENCE/$version.xsd
  if [ -f "$XSD" ]; then
    xmllint --noout --schema "$XSD" "$file" 2>/dev/null || fail "$file does not validate against $version.xsd"
  else
    echo "note: $XSD absent, schema validation skipped" >&2
  fi
  local euros
  euros=$(printf '%d.%02d' $((cents / 100)) $((cents % 100)))
  [ "$(xpath "$file" "//*[local-name()='GrpHdr']/*[local-name()='NbOfTxs']")" = "$count" ] || fail "$file: NbOfTxs is not $count"
  [ "$(xpath "$file" "//*[local-name()='GrpHdr']/*[local-name()='CtrlSum']")" = "$euros" ] || fail "$file: CtrlSum is not $euros"
  [ "$(xpath "$file" "count(//*[local-name()='DrctDbtTxInf'])")" = "$count" ] || fail "$file: not $count transactions"
  # The sums of the parts, in cents, add up exactly.
  local parts
  parts=$(xmllint --xpath "//*[local-name()='InstdAmt']/text()" "$file" | tr -d '.' | awk '{s += $1} END {print s + 0}')
  [ "$parts" = "$cents" ] || fail "$file: the amounts add up to $parts cents, not $cents"
}
