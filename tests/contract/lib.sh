# Contract-test harness: one scenario, run against the local store or a real `vrathaus serve`.
# Sourced by run.sh; scenarios call the functions below. See tests/contract/README.md.

: "${VRATHAUS_BIN:?VRATHAUS_BIN must point at the vrathaus binary}"
: "${BACKEND:?}" "${WORK:?}"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export VRATHAUS_NOW=${VRATHAUS_NOW:-2026-11-25T09:00:00Z}
export NO_COLOR=1
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_TOKEN_FILE VRATHAUS_STAFF VRATHAUS_PROFILE VRATHAUS_OUTPUT
export VRATHAUS_CONFIG=${VRATHAUS_CONFIG:-$HERE/city.yaml}
DB=$WORK/store.db
TRANSCRIPT=$WORK/transcript
SERVER_PID=""
URL=""
status=0
output=""
errout=""

fail() {
  echo "FAIL [$BACKEND] ${FUNCNAME[1]:-}: $*" >&2
  echo "  last command: ${last_command:-}" >&2
  echo "  status: $status" >&2
  echo "  stdout: $(head -c 2000 <<<"$output")" >&2
  echo "  stderr: $(head -c 2000 <<<"$errout")" >&2
  exit 1
}

is_remote() { [ "$BACKEND" = remote ]; }

start_server() {
  rm -f "$WORK/port"
  "$VRATHAUS_BIN" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$WORK/port" 2>>"$WORK/serve.log" &
  SERVER_PID=$!
  # The port file is written only once the socket is bound: wait for that condition, bounded.
  for _ in $(seq 200); do
    [ -s "$WORK/port" ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; echo "server died" >&2; exit 1; }
    sleep 0.05
  done
  [ -s "$WORK/port" ] || { echo "server did not start" >&2; exit 1; }
  URL="http://127.0.0.1:$(cat "$WORK/port")"
}

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}
trap stop_server EXIT

# Runs vrathaus directly on the store as the trusted local administrator (set-up only; not recorded).
admin_local() { "$VRATHAUS_BIN" --db "$DB" -q "$@"; }

# Fresh store: the common seed, then each extra seed file; a token for every staff member
# (created in both modes so that the audit logs stay identical); in remote mode a server.
setup_store() {
  stop_server
  rm -rf "$WORK" && mkdir -p "$WORK/tokens"
  : >"$TRANSCRIPT"
  admin_local db init --seed "$HERE/seed.yaml" >/dev/null
  local seed
  for seed in "$@"; do admin_local db init --seed "$HERE/$seed" >/dev/null; done
  local id
  for id in $(admin_local staff list -o json | jq -r '.[].id'); do
    admin_local tokens create --staff "$id" --expires 2029-11-01 -o json | jq -r .token >"$WORK/tokens/$id"
    chmod 600 "$WORK/tokens/$id"
  done
  if is_remote; then start_server; fi
}

# Moves the clock (the server is restarted with it in remote mode).
set_now() {
  export VRATHAUS_NOW=$1
  if is_remote; then stop_server; start_server; fi
}

# Masks what legitimately differs between backends: hashes (they cover the client address),
# token secrets and ids, and the client address itself.
normalise() {
  jq -S 'walk(if type == "object" then
              with_entries(select(.key != "client")
                           | if (.key | IN("hash", "prev_hash", "token")) then .value = "…" else . end)
            elif type == "string" then gsub("token:[0-9a-f]+"; "token:…") else . end)' 2>/dev/null || cat
}

run_vr() {
  local out err
  out=$(mktemp) err=$(mktemp)
  set +e
  "$@" >"$out" 2>"$err"
  status=$?
  set -e
  output=$(cat "$out") errout=$(cat "$err")
  rm -f "$out" "$err"
}

# vr STAFF ARGS…: vrathaus as that staff member, JSON output, recorded for the comparison.
vr() {
  local staff=$1
  shift
  last_command="vr $staff $*"
  if is_remote; then
    run_vr env -u VRATHAUS_DB "$VRATHAUS_BIN" --remote "$URL" --token-file "$WORK/tokens/$staff" -o json "$@"
  else
    run_vr "$VRATHAUS_BIN" --db "$DB" --as "$staff" -o json "$@"
  fi
  {
    echo "## $last_command"
    echo "status $status"
    if [ -n "$output" ]; then normalise <<<"$output"; fi
  } >>"$TRANSCRIPT"
}

vr_admin() { vr it.admin "$@"; }

# vr_unrecorded: like vr, for steps whose output differs by design between the backends.
vr_unrecorded() {
  local saved=$TRANSCRIPT
  TRANSCRIPT=/dev/null
  vr "$@"
  TRANSCRIPT=$saved
}

expect_status() {
  [ "$status" = "$1" ] || fail "expected exit status $1, got $status"
}

expect_json() {
  jq -e "$1" >/dev/null 2>&1 <<<"$output" || fail "expected JSON to satisfy: $1"
}

expect_stderr() {
  grep -q -- "$1" <<<"$errout" || fail "expected stderr to contain: $1"
}

# Runs SQL on the store behind the tool's back (tamper tests).
sql() { sqlite3 "$DB" "$@"; }

# A citizen's guest account, made by the supervisor m.weber (seed-appointments.yaml); prints the id.
new_account() {  # new_account LOGIN GIVEN FAMILY
  vr m.weber accounts create --login "$1" --given-name "$2" --family-name "$3"
  expect_status 0
  jq -r .id <<<"$output"
}
