# Idempotency-Key bound to its request: a retry of the same request replays the first response;
# the same key with another body, path or actor is 422 and changes nothing; a response holding a
# secret (a new API token) is never stored, so its retry is 409; keys expire after 24 hours.
source "$(dirname "$0")/lib.sh"
make_store
start_server
AUTH="Authorization: Bearer $(cat "$T/admin.token")"
post() {  # post KEY PATH BODY [TOKEN-FILE] — prints the status, body in $T/body
  local token=${4:-$T/admin.token}
  curl -s -o "$T/body" -w '%{http_code}' -H "Authorization: Bearer $(cat "$token")" -H "Idempotency-Key: $1" \
    -H 'Content-Type: application/json' -d "$3" "$URL/api/v1$2"
}
accounts() { sqlite3 "$DB" "SELECT count(*) FROM accounts"; }

body='{"login":"ida@example.de","given_name":"Ida","family_name":"Empotent"}'
[ "$(post k-1 /accounts "$body")" = 201 ] || fail "first request: $(cat "$T/body")"
cp "$T/body" "$T/first"
[ "$(post k-1 /accounts "$body")" = 201 ] && cmp -s "$T/body" "$T/first" || fail "the same request replays the response"
[ "$(accounts)" = 1 ] || fail "a replay creates nothing"

# The same key with another body: refused, nothing created (before: 201 with the first response).
other='{"login":"otto@example.de","given_name":"Otto","family_name":"Anders"}'
code=$(post k-1 /accounts "$other")
[ "$code" = 422 ] && jq -e '.code == 5 and (.detail | test("Idempotency-Key"))' "$T/body" >/dev/null ||
  fail "the same key with another body is 422, got $code: $(cat "$T/body")"
[ "$(accounts)" = 1 ] || fail "the refused request created nothing"
# … with another path (operation), or by another actor.
code=$(post k-1 /offices '{"code":"x1","name":"X"}')
[ "$code" = 422 ] || fail "the same key on another path is 422, got $code"
code=$(post k-1 /accounts "$body" "$T/clerk.token")
[ "$code" = 422 ] || fail "the same key by another actor is 422, got $code"

# A new token is shown once: the stored response keeps no secret, and a replay is 409.
[ "$(post k-token /tokens '{"staff":"m.weber"}')" = 201 ] || fail "token created: $(cat "$T/body")"
jq -e '.token | startswith("vrt_")' "$T/body" >/dev/null || fail "the token is shown once"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM idempotency WHERE body LIKE '%vrt_%'")" = 0 ] || fail "no token in stored responses"
code=$(post k-token /tokens '{"staff":"m.weber"}')
[ "$code" = 409 ] && jq -e '.code == 4 and (.detail | test("new token"))' "$T/body" >/dev/null ||
  fail "a replayed token creation is 409, got $code: $(cat "$T/body")"
grep -q vrt_ "$T/body" && fail "the replay shows no token"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM tokens WHERE staff = 'm.weber'")" = 2 ] || fail "the replay created no token"

# Keys expire after 24 hours and are purged: a day later, the same key is free again.
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
VRATHAUS_NOW=2026-11-26T09:00:01Z start_server
[ "$(post k-1 /accounts "$other")" = 201 ] || fail "an expired key is free: $(cat "$T/body")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM idempotency WHERE created_at < '2026-11-25T09:00:01Z'")" = 0 ] ||
  fail "expired keys are purged"

# Refusals are recorded under the object they aimed at (account:N), not under the URL.
id=$(sqlite3 "$DB" "SELECT id FROM accounts WHERE login = 'ida@example.de'")
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $(cat "$T/clerk.token")" \
  -H 'Content-Type: application/json' -d '{"tier":"guest","reason":"test"}' "$URL/api/v1/accounts/ida@example.de/downgrade")
[ "$code" = 403 ] || fail "a clerk may not downgrade, got $code"
"$V" --db "$DB" audit list --object "account:$id" -o json | jq -e 'map(.action) | index("upgrades.downgrade.refused")' >/dev/null ||
  fail "the refusal is listed under account:$id"
echo "idempotency: ok"
