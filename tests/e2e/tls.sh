# HTTPS: `serve --tls-cert/--tls-key`, the client verifying the certificate against --ca-file, and
# the header deadline holding for a client that connects but never starts the TLS handshake.
source "$(dirname "$0")/lib.sh"
command -v openssl >/dev/null || { echo "openssl is needed" >&2; exit 77; }
make_store
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$T/tls.key" -out "$T/tls.crt" 2>/dev/null
start_server --tls-cert "$T/tls.crt" --tls-key "$T/tls.key" --header-timeout 1
URL="https://127.0.0.1:$(cat "$T/port")"

curl -sf --cacert "$T/tls.crt" "$URL/healthz" | jq -e '.status == "ok"' >/dev/null || fail "healthz over HTTPS"
expect 0 "$V" --remote "$URL" --ca-file "$T/tls.crt" --token-file "$T/admin.token" accounts list -o json
expect 7 "$V" --remote "$URL" --token-file "$T/admin.token" accounts list  # an unknown CA is refused
grep -q "serve: listening on https://" "$T/serve.log" || fail "the server says it listens on https"

# A client that connects and says nothing is cut off after the header deadline (1 s here).
exec 3<>"/dev/tcp/127.0.0.1/$(cat "$T/port")"
timeout 5 cat <&3 >/dev/null || fail "a silent TLS client was not cut off within 5 s"
exec 3<&-
curl -sf --cacert "$T/tls.crt" "$URL/healthz" >/dev/null || fail "healthz over HTTPS after the silent client"

# A certificate without its key (or a wrong file) is a configuration error at start.
expect 9 "$V" --db "$DB" serve --listen 127.0.0.1:0 --tls-cert "$T/tls.crt"
expect 9 "$V" --db "$DB" serve --listen 127.0.0.1:0 --tls-cert "$T/tls.crt" --tls-key "$T/tls.crt"
echo "tls: ok"
