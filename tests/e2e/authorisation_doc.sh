# docs/authorisation.md is what the operations' declarations generate, and the OpenAPI document
# carries the same declaration on every operation.
source "$(dirname "$0")/lib.sh"
: "${VRATHAUS_SOURCE_DIR:?}"

"$V" authorisation >"$T/generated.md"
diff -u "$VRATHAUS_SOURCE_DIR/docs/authorisation.md" "$T/generated.md" >&2 ||
  fail "docs/authorisation.md is out of date: run 'vrathaus authorisation > docs/authorisation.md'"

"$V" openapi >"$T/openapi.json"
jq -e '[.paths[][] | select(.operationId != "healthz")] | length > 0 and
       all(.[]; ."x-vrathaus-access" | (.grants | length > 0) and (.read_only_token | type == "boolean"))' \
  "$T/openapi.json" >/dev/null || fail "every operation carries x-vrathaus-access"
# Every operation of the document is a row of the matrix.
for op in $(jq -r '.paths[][] | .operationId | select(. != "healthz")' "$T/openapi.json"); do
  grep -qF "| \`$op\` |" "$T/generated.md" || fail "$op is missing from the matrix"
done

# Least privilege, as published: the service identities list, search and export nothing.
for op in accounts.list accounts.search accounts.export staff.list mandates.list permits.list upgrades.list; do
  jq -e --arg op "$op" '[.paths[][] | select(.operationId == $op)][0]."x-vrathaus-access".grants
                        | all(.[]; (.roles | index("portal") | not) and (.roles | index("importer") | not))' \
    "$T/openapi.json" >/dev/null || fail "$op is open to a service identity"
done

# A hidden maintainer command: not in the help.
expect 0 "$V" --help
if grep -qE '^  (authorisation|call) ' <<<"$out"; then fail "maintainer commands are hidden"; fi
expect 2 "$V" call no.such-operation
