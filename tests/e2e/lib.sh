# Helpers for end-to-end tests that run the real binary ($VRATHAUS_BIN).
set -euo pipefail
: "${VRATHAUS_BIN:?VRATHAUS_BIN must point at the vrathaus binary}"
V=$VRATHAUS_BIN
T=$(mktemp -d)
export NO_COLOR=1 VRATHAUS_NOW=${VRATHAUS_NOW:-2026-11-25T09:00:00Z}
unset VRATHAUS_DB VRATHAUS_REMOTE VRATHAUS_TOKEN_FILE VRATHAUS_STAFF VRATHAUS_PROFILE VRATHAUS_OUTPUT
export VRATHAUS_CONFIG=/dev/null XDG_CONFIG_HOME=$T/xdg-config XDG_DATA_HOME=$T/xdg-data
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$T"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }

# expect CODE CMD…: runs CMD, checks its exit status; stdout in $out, stderr in $err.
expect() {
  local want=$1
  shift
  set +e
  "$@" >"$T/.out" 2>"$T/.err"
  local got=$?
  set -e
  out=$(cat "$T/.out") err=$(cat "$T/.err")
  [ "$got" = "$want" ] || fail "expected exit $want, got $got: $* -- stderr: $err"
  if [ "$want" != 0 ]; then
    # Every non-zero exit prints one clear line on stderr.
    [ "$(grep -c 'vrathaus: error:' <<<"$err")" = 1 ] || [ "$want" = 1 ] || fail "expected one error line: $* -- stderr: $err"
  fi
}

# A fresh store with an admin and a token for it; prints nothing.
make_store() {
  DB=$T/store.db
  "$V" --db "$DB" -q db init >/dev/null
  "$V" --db "$DB" -q offices add innenstadt --name "Bürgerdienste Innenstadt" --min-certified 4 >/dev/null
  "$V" --db "$DB" -q staff add it.admin --name Admin --office innenstadt --role admin >/dev/null
  "$V" --db "$DB" -q staff add m.weber --name "Michael Weber" --office innenstadt --role clerk >/dev/null
  "$V" --db "$DB" tokens create --staff it.admin -o json | jq -r .token >"$T/admin.token"
  "$V" --db "$DB" tokens create --staff m.weber -o json | jq -r .token >"$T/clerk.token"
  chmod 600 "$T/admin.token" "$T/clerk.token"
}

start_server() {
  rm -f "$T/port"
  "$V" --db "$DB" serve --listen 127.0.0.1:0 --port-file "$T/port" "$@" 2>>"$T/serve.log" &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 200); do [ -s "$T/port" ] && break; sleep 0.05; done
  [ -s "$T/port" ] || fail "server did not start: $(cat "$T/serve.log")"
  URL="http://127.0.0.1:$(cat "$T/port")"
}

remote() { env -u VRATHAUS_DB "$V" --remote "$URL" --token-file "$T/admin.token" "$@"; }
