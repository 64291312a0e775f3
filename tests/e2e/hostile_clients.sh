# Hostile clients (the README's "Remote mode" section): real sockets against a real `vrathaus serve` on loopback, one check
# per attack, the server's health and memory checked after each (hostile_clients.py). Short
# deadlines keep the run brief: headers within 2 s, 24 connections at most, 4 MiB uploads.
source "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "python3 is needed" >&2; exit 77; }
make_store
cat >"$T/config.yaml" <<'YAML'
serve:
  max_upload_bytes: 4194304
YAML
export VRATHAUS_CONFIG=$T/config.yaml
start_server --header-timeout 2 --request-timeout 5 --max-connections 24
port=$(cat "$T/port")

python3 "$(dirname "$0")/hostile_clients.py" "$port" "$SERVER_PID" "$(cat "$T/admin.token")" "$T/serve.log" 2 24 ||
  fail "hostile clients got through (server log: $(tail -c 2000 "$T/serve.log"))"

# A second server on the same port is refused (exit 9 naming the address), not started beside it.
expect 9 "$V" --db "$DB" serve --listen "127.0.0.1:$port"
grep -q "127.0.0.1:$port" <<<"$err" || fail "the bind error names the address: $err"
curl -sf "$URL/healthz" >/dev/null || fail "the first server still answers"

# Listening off loopback without TLS is warned about (tried on the busy port, so nothing listens).
expect 9 "$V" --db "$DB" serve --listen "0.0.0.0:$port"
grep -q "warning: .*without TLS" <<<"$err" || fail "no warning for a public listener without TLS: $err"

# The client keeps its token off plain http:// to another host, unless told otherwise.
expect 9 "$V" --remote http://192.0.2.1:8080 --token-file "$T/admin.token" accounts list
grep -q "refusing to send the API token over plain http://" <<<"$err" || fail "plain-http refusal: $err"
echo "hostile clients: ok"
