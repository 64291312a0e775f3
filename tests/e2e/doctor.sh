# `vrathaus doctor`: the self-check cron and monitoring run. Each check ok, warning or error with
# a one-line detail; exit 1 and a line on stderr (even with -q) when any is an error; -o json.
source "$(dirname "$0")/lib.sh"
CITY=$(cd "$(dirname "$0")/../contract" && pwd)/permits-city.yaml
make_store
D=("$V" --db "$DB" --config "$CITY")

expect 0 "${D[@]}" doctor -o json
jq -e '.ok == true' <<<"$out" >/dev/null || fail "a fresh store is healthy: $out"
for c in config server-module store-writable schema wal audit-chain document-key creditor last-renewal last-export disk-space; do
  jq -e --arg c "$c" '[.checks[] | select(.check == $c)] | length == 1' <<<"$out" >/dev/null || fail "check $c is reported: $out"
done
jq -e '.checks | all(.status | IN("ok", "warning", "error")) and all((.detail | length) > 0)' <<<"$out" >/dev/null ||
  fail "each check has a status and a detail: $out"
jq -e '[.checks[] | select(.check == "last-renewal")][0].status == "warning"' <<<"$out" >/dev/null ||
  fail "no renewal run yet is a warning: $out"
expect 0 "${D[@]}" doctor
grep -q "audit-chain.*ok" <<<"$out" || fail "the table names each check: $out"

# The renewal and export times come from the audit.
"${D[@]}" -q permits renew >/dev/null || true
expect 0 "${D[@]}" doctor -o json
jq -e '[.checks[] | select(.check == "last-renewal")][0] | .status == "ok" or .detail == "no renewal run recorded yet"' <<<"$out" >/dev/null ||
  fail "the last renewal: $out"

# The document key readable by others is an error; the cron mail names it even with -q.
KEY=$DB.key
[ -f "$KEY" ] || fail "db init made the document key"
chmod 644 "$KEY"
expect 1 "${D[@]}" -q doctor
grep -q "document-key" <<<"$err" || fail "the failed check is named on stderr with -q: $err"
grep -q "chmod 600" <<<"$err" || fail "and what to do: $err"
chmod 600 "$KEY"
# A missing key file is an error (a store with hashes would refuse to work).
mv "$KEY" "$KEY.away"
expect 1 "${D[@]}" -q doctor -o json
jq -e '.ok == false and ([.checks[] | select(.check == "document-key")][0].status == "error")' <<<"$out" >/dev/null ||
  fail "a missing document key: $out"
mv "$KEY.away" "$KEY"

# An edited audit entry breaks the chain.
cp "$DB" "$T/tampered.db"
cp "$KEY" "$T/tampered.db.key"
sqlite3 "$T/tampered.db" "UPDATE audit SET reason = 'edited' WHERE seq = 1"
expect 1 "$V" --db "$T/tampered.db" --config "$CITY" doctor -o json
jq -e '[.checks[] | select(.check == "audit-chain")][0].status == "error"' <<<"$out" >/dev/null || fail "the broken chain: $out"
grep -q "audit-chain" <<<"$err" || fail "named on stderr: $err"

# No creditor configured: a warning; an invalid one: an error.
expect 0 "$V" --db "$DB" doctor -o json
jq -e '[.checks[] | select(.check == "creditor")][0].status == "warning"' <<<"$out" >/dev/null || fail "no creditor: $out"
jq -e '[.checks[] | select(.check == "config")][0].status == "warning"' <<<"$out" >/dev/null || fail "no config: $out"
sed 's/creditor_id: DE98ZZZ09999999999/creditor_id: DE00ZZZ09999999999/' "$CITY" >"$T/bad-creditor.yaml"
expect 1 "$V" --db "$DB" --config "$T/bad-creditor.yaml" doctor -o json
jq -e '.checks[0].check == "config" and .checks[0].status == "error"' <<<"$out" >/dev/null || fail "a bad creditor: $out"
grep -q "creditor_id" <<<"$err" || fail "the bad creditor is named: $err"

# A configuration error is reported as the config check (nothing else can be trusted).
printf 'city:\n  zonez: []\n' >"$T/typo.yaml"
expect 1 "$V" --db "$DB" --config "$T/typo.yaml" doctor -o json
jq -e '.ok == false and .checks[0].check == "config" and .checks[0].status == "error"' <<<"$out" >/dev/null ||
  fail "a config error: $out"
grep -q "zonez" <<<"$err" || fail "the key is named: $err"

# No store: an error, not a crash.
expect 1 "$V" --db "$T/missing.db" --config "$CITY" -q doctor
grep -q "store" <<<"$err" || fail "a missing store: $err"

# A read-only store directory.
mkdir "$T/ro" && cp "$DB" "$KEY" "$T/ro/" && chmod 600 "$T/ro/store.db.key"
if [ "$(id -u)" != 0 ]; then
  chmod 555 "$T/ro"
  expect 1 "$V" --db "$T/ro/store.db" --config "$CITY" doctor -o json
  jq -e '[.checks[] | select(.check == "store-writable")][0].status == "error"' <<<"$out" >/dev/null || fail "read-only: $out"
  chmod 755 "$T/ro"
fi

# Remote: the store's checks run on the server, which names its version; a clerk may not.
start_server
expect 0 remote doctor -o json
jq -e '[.checks[] | select(.check == "server")][0].status == "ok" and (.version | length) > 0' <<<"$out" >/dev/null ||
  fail "remote doctor: $out"
jq -e '[.checks[] | select(.check == "audit-chain")][0].status == "ok"' <<<"$out" >/dev/null || fail "the server's store: $out"
expect 6 env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/clerk.token" doctor
expect 1 env -u VRATHAUS_DB "$V" --remote "http://127.0.0.1:9" --token-file "$T/admin.token" doctor -o json
jq -e '[.checks[] | select(.check == "server")][0].status == "error"' <<<"$out" >/dev/null || fail "unreachable: $out"
echo "doctor: ok"
