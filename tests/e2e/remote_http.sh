# The REST API's HTTP conventions (README "Remote mode", docs/openapi.json), checked with curl against a real server.
source "$(dirname "$0")/lib.sh"
make_store
start_server
AUTH="Authorization: Bearer $(cat "$T/admin.token")"

# /healthz needs no token; everything else does (401, problem+json, exit code 6 in "code").
curl -sf "$URL/healthz" | jq -e '.status == "ok"' >/dev/null || fail "healthz"
code=$(curl -s -o "$T/body" -w '%{http_code}' "$URL/api/v1/accounts")
[ "$code" = 401 ] || fail "no token gives 401, got $code"
jq -e '.status == 401 and .code == 6 and (.type | length) > 0 and (.detail | length) > 0' "$T/body" >/dev/null || fail "401 is problem+json"
curl -s -D "$T/headers" -o /dev/null "$URL/api/v1/accounts"
grep -qi '^content-type: application/problem+json' "$T/headers" || fail "problem+json content type"

# The OpenAPI document is served and is the one kept in the repository.
curl -sf -H "$AUTH" "$URL/api/v1/openapi.json" | jq -S . >"$T/served.json"
jq -S . "$VRATHAUS_SOURCE_DIR/docs/openapi.json" >"$T/kept.json"
diff -q "$T/served.json" "$T/kept.json" >/dev/null || fail "docs/openapi.json is out of date: run 'vrathaus openapi > docs/openapi.json'"

# Idempotency-Key: the retried request returns the first response and changes nothing again.
body='{"login":"idem@example.de","given_name":"Ida","family_name":"Empotent"}'
r1=$(curl -s -H "$AUTH" -H 'Idempotency-Key: k-1' -H 'Content-Type: application/json' -d "$body" "$URL/api/v1/accounts")
r2=$(curl -s -H "$AUTH" -H 'Idempotency-Key: k-1' -H 'Content-Type: application/json' -d "$body" "$URL/api/v1/accounts")
[ "$r1" = "$r2" ] || fail "same Idempotency-Key, same response"
[ "$(remote accounts list -o json | jq length)" = 1 ] || fail "an idempotent retry creates nothing twice"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' -d "$body" "$URL/api/v1/accounts")
[ "$code" = 409 ] || fail "without the key the same body is a conflict, got $code"

# If-Match with a stale version: 412, exit code 4.
id=$(jq -r .id <<<"$r1")
etag=$(curl -s -D - -o /dev/null -H "$AUTH" "$URL/api/v1/accounts/$id" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
[ "$etag" = '"1"' ] || fail "ETag carries the version, got $etag"
code=$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "$AUTH" -H 'If-Match: "1"' -H 'Content-Type: application/json' \
  -d '{"city":"Dortmund"}' "$URL/api/v1/accounts/$id")
[ "$code" = 200 ] || fail "PATCH with the current version, got $code"
code=$(curl -s -o "$T/body" -w '%{http_code}' -X PATCH -H "$AUTH" -H 'If-Match: "1"' -H 'Content-Type: application/json' \
  -d '{"city":"Bochum"}' "$URL/api/v1/accounts/$id")
[ "$code" = 412 ] && jq -e '.code == 4' "$T/body" >/dev/null || fail "stale If-Match gives 412, got $code"

# Malformed and oversized bodies, unknown endpoints: problem+json, and the server survives.
code=$(curl -s -o "$T/body" -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' -d '{"login": ' "$URL/api/v1/accounts")
[ "$code" = 400 ] && jq -e '.code == 2' "$T/body" >/dev/null || fail "malformed JSON gives 400, got $code"
head -c 2000000 /dev/zero | tr '\0' 'a' >"$T/big"
code=$(curl -s -o "$T/body" -w '%{http_code}' -H "$AUTH" -H 'Content-Type: application/json' --data-binary @"$T/big" "$URL/api/v1/accounts")
[ "$code" = 413 ] || fail "a 2 MB JSON body gives 413, got $code"
code=$(curl -s -o "$T/body" -w '%{http_code}' -H "$AUTH" "$URL/api/v1/nothing-here")
[ "$code" = 404 ] && jq -e '.status == 404' "$T/body" >/dev/null || fail "unknown endpoint gives a 404 problem, got $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$URL/api/v1/accounts/%00%27")
[ "$code" = 404 ] || fail "odd ids are just not found, got $code"
curl -sf "$URL/healthz" >/dev/null || fail "the server survived bad requests"

# Pagination: the client follows every page (page size 1000), --limit cuts on request.
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2345)
  INSERT INTO accounts(login, tier, status, given_name, family_name, folded_name, created_at, updated_at)
  SELECT 'bulk' || i || '@example.de', 'guest', 'active', 'Bulk', 'Nr ' || i, 'bulk nr ' || i, 'x', 'x' FROM n"
[ "$(remote accounts list -o json | jq length)" = 2346 ] || fail "remote list follows every page"
[ "$(remote accounts list --limit 10 -o json | jq length)" = 10 ] || fail "--limit cuts the list"
page=$(curl -sf -H "$AUTH" "$URL/api/v1/accounts?limit=1000")
jq -e '(.items | length) == 1000 and (.next | type) == "string"' <<<"$page" >/dev/null || fail "a page says next"

# Failed logins are rate-limited per client address and token id (429 with Retry-After) and
# recorded in the audit log; a valid token from the same address is still let through.
for _ in $(seq 25); do curl -s -o /dev/null -H 'Authorization: Bearer vrt_0abc_nope' "$URL/api/v1/accounts"; done
code=$(curl -s -D "$T/headers" -o "$T/body" -w '%{http_code}' -H 'Authorization: Bearer vrt_0abc_nope' "$URL/api/v1/accounts?limit=1")
[ "$code" = 429 ] || fail "too many failed logins give 429, got $code"
grep -qi '^retry-after: [0-9]' "$T/headers" || fail "429 says when to retry"
code=$(curl -s -o "$T/body" -w '%{http_code}' -H "$AUTH" "$URL/api/v1/accounts?limit=1")
[ "$code" = 200 ] || fail "a valid token from the same address is let through, got $code"
[ "$("$V" --db "$DB" audit list --actor anonymous -o json | jq '[.[] | select(.action == "auth.refused")] | length')" -ge 20 ] ||
  fail "refused logins are audited"
# An upload the token's owner may not run is refused from the head, before a byte is spooled:
# a clerk's 50 MB "import" is 403 and on record, and no spool file appeared.
head -c 50000000 /dev/zero >"$T/upload"
code=$(curl -s -o "$T/body" -w '%{http_code}' -H "Authorization: Bearer $(cat "$T/clerk.token")" \
  -H 'Content-Type: text/csv' --data-binary @"$T/upload" "$URL/api/v1/imports/business?name=x.csv")
[ "$code" = 403 ] || fail "a clerk's upload is 403, got $code: $(cat "$T/body")"
"$V" --db "$DB" audit list --actor m.weber -o json | jq -e 'map(.action) | index("import.business.refused")' >/dev/null ||
  fail "the refused upload is audited"
echo "remote http: ok"
