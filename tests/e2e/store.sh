# The store file: created 0600, versioned schema, backup, check, tamper detection.
source "$(dirname "$0")/lib.sh"
make_store

[ "$(stat -c %a "$DB")" = 600 ] || fail "the store is created mode 0600"
expect 0 "$V" --db "$DB" db check -o json
jq -e '.ok and .schema_version >= 1' <<<"$out" >/dev/null || fail "db check ok on a fresh store"
expect 0 "$V" --db "$DB" db migrate -o json
jq -e '.migrations_applied == 0' <<<"$out" >/dev/null || fail "nothing to migrate"

# Online backup while the store is in use; the copy passes db check and is 0600 too.
expect 0 "$V" --db "$DB" db backup "$T/copy.db"
[ "$(stat -c %a "$T/copy.db")" = 600 ] || fail "the backup is mode 0600"
expect 0 "$V" --db "$T/copy.db" db check
expect 4 "$V" --db "$DB" db backup "$T/copy.db"

# An older binary refuses a newer store.
cp "$DB" "$T/future.db"
sqlite3 "$T/future.db" "PRAGMA user_version = 999"
expect 9 "$V" --db "$T/future.db" accounts list
grep -q "newer" <<<"$err" || fail "says the store is newer"

# Deleting the newest audit entries, or reordering, is detected.
for i in 1 2 3; do "$V" --db "$DB" -q accounts create --login "p$i@example.de" --given-name P --family-name "Nr $i" >/dev/null; done
expect 0 "$V" --db "$DB" audit verify
cp "$DB" "$T/deleted.db" && sqlite3 "$T/deleted.db" "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)"
expect 1 "$V" --db "$T/deleted.db" audit verify -o json
jq -e '.ok == false' <<<"$out" >/dev/null || fail "a removed newest entry is detected"
cp "$DB" "$T/middle.db" && sqlite3 "$T/middle.db" "DELETE FROM audit WHERE seq = 2"
expect 1 "$V" --db "$T/middle.db" audit verify
cp "$DB" "$T/swapped.db" && sqlite3 "$T/swapped.db" "UPDATE audit SET seq = -1 WHERE seq = 2; UPDATE audit SET seq = 2 WHERE seq = 3; UPDATE audit SET seq = 3 WHERE seq = -1"
expect 1 "$V" --db "$T/swapped.db" audit verify
expect 1 "$V" --db "$T/swapped.db" db check
echo "store: ok"
