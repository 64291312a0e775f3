# Contract-test harness: one scenario, run on one of three backends:
#   local     the CLI on an SQLite store;
#   remote    the CLI against a real `vrathaus serve` on an SQLite store;
#   postgres  the CLI against TWO `vrathaus serve` instances on one PostgreSQL database (a fresh
#             database per scenario in the throwaway cluster of tests/postgres), alternating
#             between them call by call, as a load balancer would.
# Sourced by run.sh; scenarios call the functions below.

: "${VRATHAUS_BIN:?VRATHAUS_BIN must point at the vrathaus binary}"
: "${BACKEND:?}" "${WORK:?}"
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export VRATHAUS_NOW=${VRATHAUS_NOW:-2026-11-25T09:00:00Z}
export NO_COLOR=1
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_TOKEN_FILE VRATHAUS_STAFF VRATHAUS_PROFILE VRATHAUS_OUTPUT
export VRATHAUS_CONFIG=${VRATHAUS_CONFIG:-$HERE/city.yaml}
DB=$WORK/store.db
TRANSCRIPT=$WORK/transcript
SERVER_PIDS=()
URLS=()
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

is_remote() { [ "$BACKEND" != local ]; }
on_postgres() { [ "$BACKEND" = postgres ]; }

# One `serve` instance on the store; appends its pid to SERVER_PIDS and its URL to URLS.
start_instance() {
  local n=$1 port_file=$WORK/port.$1
  rm -f "$port_file"
  "$VRATHAUS_BIN" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$port_file" 2>>"$WORK/serve.$n.log" &
  local pid=$!
  SERVER_PIDS+=("$pid")
  # The port file is written only once the socket is bound: wait for that condition, bounded.
  for _ in $(seq 200); do
    [ -s "$port_file" ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/serve.$n.log" >&2; echo "server $n died" >&2; exit 1; }
    sleep 0.05
  done
  [ -s "$port_file" ] || { echo "server $n did not start" >&2; exit 1; }
  URLS+=("http://127.0.0.1:$(cat "$port_file")")
}

# The server (remote) or the two servers (postgres); URL is the first until vr alternates.
start_server() {
  local instances=1
  if on_postgres; then instances=2; fi
  for n in $(seq "$instances"); do start_instance "$n"; done
  URL=${URLS[0]}
}

stop_server() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${SERVER_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  SERVER_PIDS=() URLS=()
}

# The next instance for a call: a counter in a file, since calls also run in subshells
# (`id=$(new_account …)`) whose variables would not survive.
next_url() {
  local counter=$WORK/calls n=0
  [ -s "$counter" ] && n=$(cat "$counter")
  echo $((n + 1)) >"$counter"
  URL=${URLS[$((n % ${#URLS[@]}))]}
}

# PostgreSQL: the scenario's own database in the shared cluster, created empty by setup_store and
# dropped at the end; the document key, which has no "beside the store" there, in a file named by
# a copy of the scenario's city configuration. Exit 77 (skip) without a cluster or psql.
if on_postgres; then
  command -v psql >/dev/null || { echo "psql is not installed: skipping" >&2; exit 77; }
  rm -f "$TRANSCRIPT"  # no transcript from an earlier run compares as this run's
  PG_CLUSTER_URL=$("${VRATHAUS_PG_CLUSTER:?}" url "${VRATHAUS_PG_STATE:?}") || exit $?
  PG_DATABASE=contract_$(basename "$WORK" | tr -c 'a-z0-9_\n' _)
  DB=${PG_CLUSTER_URL/\/vrathaus\?/\/$PG_DATABASE?}
fi

# Quiet about the NOTICE of a DROP … IF EXISTS with nothing to drop.
pg_admin() { PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 "$PG_CLUSTER_URL" -c "$1" >/dev/null; }

drop_database() {
  if on_postgres; then pg_admin "DROP DATABASE IF EXISTS $PG_DATABASE WITH (FORCE)" || true; fi
}

create_database() {
  drop_database
  pg_admin "CREATE DATABASE $PG_DATABASE"
  local key=$WORK.document.key city=$WORK.postgres-city.yaml
  (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$key" && echo >>"$key")
  # The scenario's city file (which it may have chosen just before), with the key file added.
  if [ "$VRATHAUS_CONFIG" != "$city" ]; then
    sed "s|^city:\$|city:\n  document_key_file: $key|" "$VRATHAUS_CONFIG" >"$city"
    grep -q document_key_file "$city" || { echo "no city: section in $VRATHAUS_CONFIG" >&2; exit 1; }
    export VRATHAUS_CONFIG=$city
  fi
}

finish() {
  stop_server
  drop_database
}
trap finish EXIT

# Runs vrathaus directly on the store as the trusted local administrator (set-up only; not recorded).
admin_local() { "$VRATHAUS_BIN" --db "$DB" -q "$@"; }

# Fresh store: the common seed, then each extra seed file; a token for every staff member
# (created in both modes so that the audit logs stay identical); in remote mode a server.
setup_store() {
  stop_server
  rm -rf "$WORK" && mkdir -p "$WORK/tokens"
  : >"$TRANSCRIPT"
  if on_postgres; then create_database; fi
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

# Moves the clock (the servers are restarted with it).
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
    next_url
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

# Runs SQL on the store behind the tool's back (tamper tests); the statement must be valid on
# both engines. psql -At prints rows as sqlite3 does: columns separated by "|", no header.
sql() {
  if on_postgres; then psql -X -q -At -v ON_ERROR_STOP=1 "$DB" -c "$1"; else sqlite3 "$DB" "$1"; fi
}

# The whole store as SQL text (to look for what must never be stored in clear).
store_dump() {
  if on_postgres; then "$(cat "$VRATHAUS_PG_STATE/bindir")/pg_dump" --data-only "$DB"; else sqlite3 "$DB" .dump; fi
}

# The document key file: beside an SQLite store, named by the city file on PostgreSQL.
document_key_file() {
  if on_postgres; then echo "$WORK.document.key"; else echo "$DB.key"; fi
}

# A citizen's guest account, made by the supervisor m.weber (seed-appointments.yaml); prints the id.
new_account() {  # new_account LOGIN GIVEN FAMILY
  vr m.weber accounts create --login "$1" --given-name "$2" --family-name "$3"
  expect_status 0
  jq -r .id <<<"$output"
}
