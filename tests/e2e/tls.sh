# HTTPS: `serve --tls-cert/--tls-key`, the client verifying the certificate against --ca-file, the
# header deadline holding for a client that connects but never starts the TLS handshake, and
# client certificates required by staff records (`serve --tls-client-ca`).
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

# Client certificates: with --tls-client-ca, a staff record that requires a certificate (its
# SHA-256 in staff.client_cert_sha256) is only let in with that certificate, token or not.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=vrathaus-test-ca -keyout "$T/ca.key" -out "$T/ca.crt" 2>/dev/null
for who in importer other; do
  openssl req -newkey rsa:2048 -nodes -subj "/CN=$who" -keyout "$T/$who.key" -out "$T/$who.csr" 2>/dev/null
  openssl x509 -req -in "$T/$who.csr" -CA "$T/ca.crt" -CAkey "$T/ca.key" -CAcreateserial -days 2 -out "$T/$who.crt" 2>/dev/null
done
fingerprint=$(openssl x509 -in "$T/importer.crt" -outform DER | sha256sum | cut -d' ' -f1)
sqlite3 "$DB" "UPDATE staff SET client_cert_sha256 = '$fingerprint' WHERE id = 'it.admin'"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
start_server --tls-cert "$T/tls.crt" --tls-key "$T/tls.key" --tls-client-ca "$T/ca.crt"
URL="https://127.0.0.1:$(cat "$T/port")"
admin=(-H "Authorization: Bearer $(cat "$T/admin.token")")
code() { curl -s -o /dev/null -w '%{http_code}' --cacert "$T/tls.crt" "$@" "$URL/api/v1/accounts?limit=1"; }
[ "$(code "${admin[@]}" --cert "$T/importer.crt" --key "$T/importer.key")" = 200 ] || fail "the required certificate lets the token in"
[ "$(code "${admin[@]}")" = 401 ] || fail "the token without its certificate is 401"
[ "$(code "${admin[@]}" --cert "$T/other.crt" --key "$T/other.key")" = 401 ] || fail "another certificate is 401"
[ "$(code -H "Authorization: Bearer $(cat "$T/clerk.token")")" = 200 ] || fail "staff needing no certificate get in without one"
expect 9 "$V" --db "$DB" serve --listen 127.0.0.1:0 --tls-client-ca "$T/ca.crt"

# A certificate without its key (or a wrong file) is a configuration error at start.
expect 9 "$V" --db "$DB" serve --listen 127.0.0.1:0 --tls-cert "$T/tls.crt"
expect 9 "$V" --db "$DB" serve --listen 127.0.0.1:0 --tls-cert "$T/tls.crt" --tls-key "$T/tls.crt"
echo "tls: ok"
