# Forward-secure audit seals: an attacker who can write the store (and recompute the hash chain)
# cannot rewrite, cut or wipe the history before the last seal without `audit verify
# --verification-key` noticing; `db check` says when sealing is not set up.
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "python3 is needed to recompute the chain"; exit 77; }
TAMPER="$(dirname "$0")/audit_chain_tamper.py"
make_store

# Not set up yet: db check warns, and seal is refused.
expect 0 "$V" --db "$DB" db check
grep -q "sealing is not set up" <<<"$err" || fail "db check warns when sealing is not set up: $err"
expect 4 "$V" --db "$DB" audit seal

# Setup writes the key once, 0600, and never over an existing file.
expect 0 "$V" --db "$DB" audit setup-keys --verification-key "$T/audit.key" -o json
KEY="$T/audit.key"
[ "$(stat -c %a "$KEY")" = 600 ] || fail "the verification key file is 0600"
grep -q "seed" "$KEY" || fail "the key file holds the key"
jq -e '.seal.epoch == 1 and (.verification_key | not)' <<<"$out" >/dev/null || fail "setup seals epoch 1 and prints no key: $out"
! sqlite3 "$DB" "SELECT sealing_key FROM audit_sealing" | grep -qf <(awk '/^seed /{print $2}' "$KEY") ||
  fail "the store does not hold the verification key"
expect 4 "$V" --db "$DB" audit setup-keys --verification-key "$T/other.key"
[ ! -e "$T/other.key" ] || fail "a refused setup leaves no key file"
expect 9 "$V" --db "$DB" audit setup-keys --verification-key "$KEY"

# History, sealed twice, then more history after the last seal.
for i in 1 2 3; do "$V" --db "$DB" -q offices add "o$i" --name "Office $i" >/dev/null; done
expect 0 "$V" --db "$DB" audit seal --syslog -o json
jq -e '.epoch == 2 and .seq > 0' <<<"$out" >/dev/null || fail "seal reports its epoch and head: $out"
for i in 4 5; do "$V" --db "$DB" -q offices add "o$i" --name "Office $i" >/dev/null; done
expect 0 "$V" --db "$DB" audit seal
"$V" --db "$DB" -q offices add o6 --name "Office 6" >/dev/null
expect 0 "$V" --db "$DB" db check -o json
jq -e '.audit_sealing.set_up and .audit_sealing.unsealed_entries == 1 and .warnings == null' <<<"$out" >/dev/null ||
  fail "db check reports sealing: $out"
expect 0 "$V" --db "$DB" audit verify --verification-key "$KEY" -o json
jq -e '.ok and .seals == 3' <<<"$out" >/dev/null || fail "the intact store verifies: $out"
expect 2 "$V" --remote http://127.0.0.1:9 --token-file "$T/admin.token" audit verify --verification-key "$KEY"

# Each attack on a copy of the store; the plain chain check may be fooled, the seals are not.
attack() {
  local name=$1
  shift
  local copy=$T/$name.db
  sqlite3 "$DB" ".backup '$copy'"
  "$@" "$copy"
  expect 1 "$V" --db "$copy" audit verify --verification-key "$KEY" -o json
  jq -e '.ok == false and (.problems | length) > 0' <<<"$out" >/dev/null || fail "$name is detected: $out"
}
recompute() { python3 "$TAMPER" "$4" "$1" "$2"; }  # recompute ATTACK SEQ -- STORE
sql() { sqlite3 "$2" "$1"; }

attack edit sql "UPDATE audit SET reason = 'x' WHERE seq = 2"
attack edit-recomputed recompute edit 2 --
attack delete-recomputed recompute delete 3 --
attack insert-recomputed recompute insert 2 --
attack reorder-recomputed recompute reorder 2 --
attack truncate-recomputed recompute truncate 3 --
attack wipe sql "DELETE FROM audit; DELETE FROM audit_head"
attack wipe-everything sql "DELETE FROM audit; DELETE FROM audit_head; DELETE FROM audit_seals; DELETE FROM audit_sealing"
attack drop-last-seal sql "DELETE FROM audit_seals WHERE epoch = (SELECT max(epoch) FROM audit_seals)"
attack forge-seal sql "UPDATE audit_seals SET hash = (SELECT hash FROM audit WHERE seq = 1) WHERE epoch = 2"

# The attacker rewrites history, drops the old seals and seals anew with the key the store holds:
# only epochs after the theft can be made, and the missing ones give it away.
reseal() {
  python3 "$TAMPER" "$1" edit 2
  sqlite3 "$1" "DELETE FROM audit_seals"
  "$V" --db "$1" -q audit seal >/dev/null
}
attack reseal reseal
# The plain chain check cannot see that one; the seals do.
sqlite3 "$DB" ".backup '$T/plain.db'"
python3 "$TAMPER" "$T/plain.db" edit 2
expect 0 "$V" --db "$T/plain.db" audit verify

# Another store's key does not verify this one.
"$V" --db "$T/other-store.db" -q db init >/dev/null
"$V" --db "$T/other-store.db" -q audit setup-keys --verification-key "$T/other-store.key" >/dev/null
expect 1 "$V" --db "$DB" audit verify --verification-key "$T/other-store.key"
printf 'not a key\n' >"$T/bad.key"
expect 9 "$V" --db "$DB" audit verify --verification-key "$T/bad.key"

# Sealing works over REST as well (a cron job on another host); a clerk may not seal.
start_server
expect 0 remote audit seal -o json
jq -e '.epoch == 4' <<<"$out" >/dev/null || fail "a remote seal is the next epoch: $out"
expect 6 env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/clerk.token" audit seal
expect 0 "$V" --db "$DB" audit verify --verification-key "$KEY" -o json
jq -e '.ok and .seals == 4' <<<"$out" >/dev/null || fail "the remote seal verifies: $out"
echo "audit sealing: ok"
