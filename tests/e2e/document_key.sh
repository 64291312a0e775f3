# The document key: made by `db init`, recognised by the check value the store records; a missing
# or different key file is refused (exit 9, naming the file) instead of being replaced silently,
# which would let the same eID verify a second account. Rotation re-keys every stored hash.
source "$(dirname "$0")/lib.sh"
make_store
KEYFILE=$DB.key
[ -f "$KEYFILE" ] && [ "$(stat -c %a "$KEYFILE")" = 600 ] || fail "db init makes the key file, 0600"
"$V" --db "$DB" -q staff add portal --name Portal --role portal >/dev/null
for login in a b c; do
  "$V" --db "$DB" -q accounts create --login "$login@example.de" --given-name "Anna $login" --family-name Muster \
    --birth-date 1980-01-01 >/dev/null
done
perform() {  # perform ACCOUNT-ID PSEUDONYM
  "$V" --db "$DB" --as portal upgrades perform "$1" --tier private --method online-id --eid-pseudonym "$2"
}
expect 0 perform 1 9f86d081884c7d65

# The key file is lost: refused with exit 9 naming it; nothing changed, no new key made.
mv "$KEYFILE" "$T/saved.key"
expect 9 perform 2 9f86d081884c7d65
grep -q "$KEYFILE" <<<"$err" || fail "the error names the key file: $err"
[ ! -e "$KEYFILE" ] || fail "no new key was made"
[ "$("$V" --db "$DB" accounts show 2 -o json | jq -r .tier)" = guest ] || fail "nothing changed"
expect 1 "$V" --db "$DB" db check -o json
jq -e '.document_key.ok == false' <<<"$out" >/dev/null || fail "db check reports the missing key: $out"

# Another key in its place: refused the same way.
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$KEYFILE"; echo >>"$KEYFILE"; chmod 600 "$KEYFILE"
expect 9 perform 2 9f86d081884c7d65
grep -q "not this store's key" <<<"$err" || fail "a different key is named as such: $err"

# The right key back: the same eID on a second account is caught.
mv "$T/saved.key" "$KEYFILE"
expect 4 perform 2 9f86d081884c7d65

# Rotation: one more generation, every hash re-keyed, reuse still caught, audited.
expect 0 "$V" --db "$DB" db rotate-document-key -o json
jq -e '.generations == 2 and .rehashed >= 1' <<<"$out" >/dev/null || fail "rotation re-keys: $out"
[ "$(grep -c . "$KEYFILE")" = 2 ] && [ "$(stat -c %a "$KEYFILE")" = 600 ] || fail "the key file has two generations, 0600"
[ ! -e "$KEYFILE.new" ] || fail "no pending key file is left"
expect 4 perform 3 9f86d081884c7d65
expect 0 perform 3 0a1b2c3d4e5f6a7b
expect 0 "$V" --db "$DB" db check
"$V" --db "$DB" audit list -o json | jq -e 'map(.action) | index("db.rotate-document-key")' >/dev/null || fail "rotation is audited"
expect 2 "$V" --remote http://127.0.0.1:9 --token-file "$T/admin.token" db rotate-document-key
echo "document key: ok"
