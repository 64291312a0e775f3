# Exit codes that only one backend can show, and usage/config errors (the exit statuses vrathaus(1) lists).
source "$(dirname "$0")/lib.sh"
make_store

# 2: usage.
expect 2 "$V" --db "$DB" frobnicate
expect 2 "$V" --db "$DB" accounts list --colour
expect 2 "$V" --db "$DB" -o xml accounts list
expect 2 "$V" --db "$DB" accounts list --limit 0
expect 0 "$V" --help
grep -q "Exit status" <<<"$out" || fail "--help shows the exit codes"
# Only the named command group is built for a run; help and errors still see all of them.
groups="accounts upgrades offices staff coverage tokens audit mandates permits charges payments import db config serve version openapi completion"
for help in "--help" "--db $DB --help"; do
  expect 0 "$V" $help
  for g in $groups; do grep -qE "^  $g " <<<"$out" || fail "'vrathaus $help' does not list $g"; done
done
for g in $groups; do
  expect 0 "$V" "$g" --help
  grep -q "Usage: vrathaus $g" <<<"$out" || fail "'vrathaus $g --help' is the help of $g"
done
for help in "accounts --help" "--help accounts"; do
  expect 0 "$V" $help
  grep -qE "^  show " <<<"$out" || fail "'vrathaus $help' lists the accounts commands"
done
# Values of global options are not taken for the command: a store named like a group works.
expect 3 "$V" --db accounts -o json accounts list
grep -q "no store at accounts" <<<"$err" || fail "--db's value is not the command: $err"
expect 2 "$V" --db "$DB" accounts offices

# 3: no store.
expect 3 "$V" --db "$T/none.db" accounts list
grep -q "db init" <<<"$err" || fail "a missing store says how to create it"

# 9: configuration errors name the key and the line.
printf 'city:\n  timezone: Europe/Berlin\n  permitz: {}\n' >"$T/bad.yaml"
expect 9 env VRATHAUS_CONFIG="$T/bad.yaml" "$V" --db "$DB" accounts list
grep -q "bad.yaml:3" <<<"$err" && grep -q "city.permitz" <<<"$err" || fail "config error names key and line: $err"
printf 'city:\n  busy_timeout_ms: soon\n' >"$T/bad2.yaml"
expect 9 "$V" --config "$T/bad2.yaml" --db "$DB" accounts list
grep -q "busy_timeout_ms" <<<"$err" || fail "wrong type names the key"
expect 9 "$V" --config "$T/missing.yaml" --db "$DB" accounts list
expect 9 "$V" --config /dev/null --profile nope --db "$DB" accounts list

# 6: --as an unknown or inactive staff member; remote without token; remote with --as.
expect 6 "$V" --db "$DB" --as nobody accounts list
start_server
expect 6 env -u VRATHAUS_DB "$V" --remote "$URL" accounts list
echo "vrt_0000_0000" >"$T/bad.token" && chmod 600 "$T/bad.token"
expect 6 env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/bad.token" accounts list
expect 6 env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/admin.token" --as m.weber accounts list
chmod 644 "$T/admin.token"
expect 6 env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/admin.token" accounts list
grep -q "readable by others" <<<"$err" || fail "a world-readable token file is refused"
chmod 600 "$T/admin.token"
expect 0 remote accounts list

# 7: unreachable (nothing listens on the port any more).
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
expect 7 remote accounts list
grep -q "unreachable" <<<"$err" || fail "says the remote is unreachable"

# 8: the store is locked by another writer for longer than the busy timeout.
printf 'city:\n  busy_timeout_ms: 200\n' >"$T/short.yaml"
mkfifo "$T/sql.in"
sqlite3 "$DB" <"$T/sql.in" >"$T/sql.out" &
PIDS+=("$!")
exec 7>"$T/sql.in"
echo "BEGIN IMMEDIATE; INSERT INTO offices(code,name,created_at,updated_at) VALUES ('lock','Lock','x','x'); SELECT 'locked';" >&7
for _ in $(seq 200); do grep -q locked "$T/sql.out" 2>/dev/null && break; sleep 0.05; done
grep -q locked "$T/sql.out" || fail "could not take the write lock"
expect 8 "$V" --config "$T/short.yaml" --db "$DB" offices add eving --name Eving
grep -q "busy" <<<"$err" || fail "says the store is busy"
echo "ROLLBACK;" >&7
exec 7>&-
wait "${PIDS[-1]}" 2>/dev/null || true
expect 0 "$V" --config "$T/short.yaml" --db "$DB" -q offices add eving --name Eving

# A mistyped command is named, with what was probably meant; help and --version are there.
expect 2 "$V" acounts list
grep -q "'acounts' is not a vrathaus command; did you mean accounts?" <<<"$err" || fail "did you mean: $err"
expect 0 "$V" --version
grep -q "^vrathaus [0-9]" <<<"$out" || fail "--version prints the version: $out"
expect 0 "$V" help
grep -q "Usage: vrathaus" <<<"$out" || fail "vrathaus help is the overview: $out"
expect 0 "$V" help accounts search
grep -q "Usage: vrathaus accounts search" <<<"$out" || fail "vrathaus help COMMAND is that command's help: $out"
echo "exit codes: ok"
