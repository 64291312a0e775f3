#!/usr/bin/env python3
"""Hostile clients against a real `vrathaus serve` on loopback (run by hostile_clients.sh).

One check per attack. After each, /healthz must answer 200 within a second and the server's
resident memory must stay within RSS_GROWTH_LIMIT_MB of what it was before the first. Prints the
figures (requests refused, peak RSS, /healthz latency during slow-loris) and exits non-zero naming every attack that got through.

    hostile_clients.py PORT SERVER_PID TOKEN LOG_FILE HEADER_TIMEOUT MAX_CONNECTIONS [ATTACK…]
"""
import json
import os
import select
import socket
import sys
import time

# The server idles at about 15 MiB (more under the sanitizers); every body it holds is capped at
# 1 MiB and uploads go to disk, so no attack may add more than this to its resident memory.
RSS_GROWTH_LIMIT_MB = 100

PORT, PID, TOKEN, LOG = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
HEADER_TIMEOUT, MAX_CONNECTIONS = float(sys.argv[5]), int(sys.argv[6])
ONLY = set(sys.argv[7:])
HOST = "127.0.0.1"
figures = {}
failures = []


class Failed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failed(message)


def connect(timeout=5.0):
    s = socket.create_connection((HOST, PORT), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def read_response(s, timeout=5.0):
    """(status, headers dict lower-case, body) of one response; status 0 if the server closed."""
    s.settimeout(timeout)
    data = b""
    try:
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                return 0, {}, b""
            data += chunk
    except (ConnectionResetError, BrokenPipeError):
        return 0, {}, b""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    try:
        while len(body) < length:
            chunk = s.recv(65536)
            if not chunk:
                break
            body += chunk
    except (ConnectionResetError, BrokenPipeError):
        pass
    return status, headers, body


def request(method, path, headers=None, body=b"", timeout=5.0):
    s = connect(timeout)
    try:
        hdrs = {"Host": "localhost", "Connection": "close"}
        if body:
            hdrs["Content-Length"] = str(len(body))
        hdrs.update(headers or {})
        head = f"{method} {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items()) + "\r\n"
        s.sendall(head.encode("latin-1") + body)
        return read_response(s, timeout)
    finally:
        s.close()


def auth(extra=None, scheme="Bearer"):
    h = {"Authorization": f"{scheme} {TOKEN}"}
    h.update(extra or {})
    return h


def rss_mb(field="VmRSS"):
    with open(f"/proc/{PID}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise Failed("the server process is gone")


def healthz_latency():
    started = time.monotonic()
    status, _, _ = request("GET", "/healthz", timeout=1.0)
    return status, time.monotonic() - started


def server_alive_and_small(name):
    try:
        status, latency = healthz_latency()
    except (OSError, socket.timeout) as e:
        raise Failed(f"after {name}: /healthz did not answer ({e})")
    check(status == 200, f"after {name}: /healthz answered {status}")
    check(latency < 1.0, f"after {name}: /healthz took {latency:.2f} s")
    rss = rss_mb()
    check(rss < RSS_LIMIT_MB, f"after {name}: RSS {rss:.0f} MiB >= {RSS_LIMIT_MB:.0f} MiB")


def send_until_answered(s, total, chunked=False, block=1 << 16):
    """Streams up to `total` body bytes; returns how many were sent before the server answered or closed."""
    payload = b"a" * block
    piece = (b"%x\r\n" % block + payload + b"\r\n") if chunked else payload
    sent = 0
    try:
        while sent < total:
            readable, writable, _ = select.select([s], [s], [], 5.0)
            if readable:
                break  # an answer (or the close) is waiting: the server stopped reading
            if not writable:
                break  # the server neither reads nor answers
            s.sendall(piece)  # the socket has room; blocking, so a piece is never cut in two
            sent += block
    except (BrokenPipeError, ConnectionResetError):
        pass
    return sent


# --- the attacks -------------------------------------------------------------------------------

def attack_deep_json():
    body = b'{"login":' + b"[" * 120000 + b"]" * 120000 + b"}"
    status, _, reply = request("POST", "/api/v1/accounts", auth({"Content-Type": "application/json"}), body)
    check(status == 400, f"a body nested 120,000 deep: expected 400, got {status} {reply[:200]!r}")
    check(b"deeper than 64" in reply, f"the refusal names the depth limit: {reply[:200]!r}")


def flood(path, headers, declared, chunked, limit_bytes):
    s = connect()
    hdrs = {"Host": "localhost"}
    hdrs.update(headers)
    if chunked:
        hdrs["Transfer-Encoding"] = "chunked"
    else:
        hdrs["Content-Length"] = str(declared)
    s.sendall((f"POST {path} HTTP/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in hdrs.items()) + "\r\n").encode())
    sent = send_until_answered(s, limit_bytes, chunked)
    if sent >= limit_bytes:
        s.close()
        raise Failed(f"POST {path}: the server took all {limit_bytes >> 20} MiB without refusing")
    status, _, _ = read_response(s)
    s.close()
    return status, sent


def attack_chunked_flood():
    # Unauthenticated: refused from the headers, before the body is read.
    status, sent = flood("/api/v1/accounts", {"Content-Type": "application/json"}, 0, True, 64 << 20)
    check(status == 401, f"unauthenticated chunked flood: expected 401, got {status} after {sent >> 20} MiB")
    check(sent < (8 << 20), f"unauthenticated chunked flood: {sent >> 20} MiB were read before the 401")
    # Authenticated: the JSON cap (1 MiB) holds for chunked bodies too.
    status2, sent2 = flood("/api/v1/accounts", auth({"Content-Type": "application/json"}), 0, True, 64 << 20)
    check(status2 == 413, f"authenticated chunked flood: expected 413, got {status2} after {sent2 >> 20} MiB")
    check(sent2 < (8 << 20), f"authenticated chunked flood: {sent2 >> 20} MiB were read before the 413")
    figures["chunked flood: MiB sent before refusal (no token / token)"] = f"{sent / 2**20:.1f} / {sent2 / 2**20:.1f}"


def attack_upload_unauthenticated():
    status, sent = flood("/api/v1/imports/business", {"Content-Type": "text/csv"}, 600_000_000, False, 64 << 20)
    check(status == 401, f"unauthenticated 600 MB upload: expected 401, got {status} after {sent >> 20} MiB")
    check(sent < (8 << 20), f"unauthenticated 600 MB upload: {sent >> 20} MiB were accepted before the 401")
    # With a token, over serve.max_upload_bytes (4 MiB in this suite): 413 from the header alone…
    status, sent = flood("/api/v1/imports/business?dry_run=true", auth({"Content-Type": "text/csv"}), 600_000_000, False, 64 << 20)
    check(status == 413, f"oversized upload: expected 413, got {status}")
    check(sent < (8 << 20), f"oversized upload: {sent >> 20} MiB were accepted before the 413")
    # …and for a chunked upload once the cap is passed.
    status, sent = flood("/api/v1/imports/business?dry_run=true", auth({"Content-Type": "text/csv"}), 0, True, 64 << 20)
    check(status == 413, f"oversized chunked upload: expected 413, got {status}")
    check(sent < (12 << 20), f"oversized chunked upload: {sent >> 20} MiB were accepted before the 413")


def attack_slow_loris():
    # Twice the old server's worker threads, each dribbling a header line every 0.3 s.
    slow = []
    for _ in range(16):
        s = connect()
        s.sendall(b"GET /api/v1/accounts HTTP/1.1\r\nHost: localhost\r\n")
        slow.append(s)
    started = time.monotonic()
    latencies = []
    cut = [None] * len(slow)
    while time.monotonic() - started < HEADER_TIMEOUT + 2 and None in cut:
        for i, s in enumerate(slow):
            if cut[i] is not None:
                continue
            try:
                s.sendall(b"X-Slow: 1\r\n")
                s.setblocking(False)
                try:
                    if s.recv(4096) == b"":
                        cut[i] = time.monotonic() - started
                except BlockingIOError:
                    pass
                finally:
                    s.setblocking(True)
            except (BrokenPipeError, ConnectionResetError):
                cut[i] = time.monotonic() - started
        try:
            status, latency = healthz_latency()
        except (OSError, socket.timeout):
            status, latency = 0, 1.0
        check(status == 200, f"/healthz during slow-loris: got {status or 'no answer within 1 s'}")
        latencies.append(latency)
        time.sleep(0.3)  # the attack's own pace: one header line per connection every 0.3 s
    for s in slow:
        s.close()
    check(None not in cut, f"slow-loris: {cut.count(None)} of {len(cut)} connections were still open "
                           f"{HEADER_TIMEOUT + 2:.0f} s after they started sending headers")
    check(max(cut) < HEADER_TIMEOUT + 1.5, f"slow-loris: a connection was cut only after {max(cut):.1f} s")
    latencies.sort()
    figures["slow-loris: /healthz latency median / max (ms)"] = (
        f"{1000 * latencies[len(latencies) // 2]:.1f} / {1000 * latencies[-1]:.1f} over {len(latencies)} probes")
    figures["slow-loris: connections cut after (s)"] = f"{min(cut):.1f}–{max(cut):.1f}"


def attack_connection_flood():
    idle = [connect() for _ in range(MAX_CONNECTIONS)]
    extra = connect()
    status, headers, _ = read_response(extra, timeout=2.0)
    extra.close()
    for s in idle:
        s.close()
    check(status == 503, f"connection {MAX_CONNECTIONS + 1}: expected 503, got {status}")
    check(headers.get("retry-after", "").isdigit(), f"503 without Retry-After: {headers}")
    figures["connection flood: connections held, then"] = f"{MAX_CONNECTIONS}, 503 Retry-After {headers['retry-after']}"


def attack_bad_percent_encoding():
    for path in ("/api/v1/accounts/%FF", "/api/v1/accounts/%zz", "/api/v1/accounts/abc%", "/api/v1/accounts?q=%E0%80"):
        status, _, _ = request("GET", path, auth())
        check(status == 400, f"GET {path}: expected 400, got {status}")


def attack_log_forgery():
    forged = '{"time":"2026-01-01T00:00:00Z","client":"10.0.0.1","method":"GET","path":"/forged","status":200}'
    path = "/api/v1/accounts/x%0A" + "".join(f"%{b:02X}" for b in forged.encode())
    status, headers, _ = request("GET", path, auth())
    check(status == 404, f"the forging request: expected 404, got {status}")
    request_id = headers.get("x-request-id", "")
    check(len(request_id) >= 8, "the answer carries X-Request-Id")
    found = None
    with open(LOG, encoding="utf-8", errors="replace") as f:
        for line in f:
            if not line.startswith("{"):
                continue
            entry = json.loads(line)  # every line is one JSON object
            check(entry.get("path") != "/forged", "a forged access-log line was written")
            if entry.get("request_id") == request_id:
                found = entry
    check(found is not None, f"no access-log line for request {request_id}")
    for key in ("time", "request_id", "client", "token_id", "method", "path", "status", "bytes", "duration_ms"):
        check(key in found, f"the access-log line lacks {key}: {found}")
    check(TOKEN not in json.dumps(found) and TOKEN.split("_")[2] not in json.dumps(found), "the token is in the log")
    check(found["token_id"] == TOKEN.split("_")[1], f"the token id is logged: {found}")


def attack_auth_scheme_case():
    for scheme in ("bearer", "BEARER", "Bearer"):
        status, _, _ = request("GET", "/api/v1/accounts?limit=1", auth(scheme=scheme))
        check(status == 200, f"Authorization: {scheme} …: expected 200, got {status}")


def attack_content_type():
    body = b'{"login":"ct@example.de","given_name":"C","family_name":"T"}'
    for ctype in ("text/plain", "application/x-www-form-urlencoded", None):
        extra = {"Content-Type": ctype} if ctype else {}
        status, _, _ = request("POST", "/api/v1/accounts", auth(extra), body)
        check(status == 415, f"JSON sent as {ctype}: expected 415, got {status}")


def attack_unknown_fields():
    body = b'{"login":"uf@example.de","given_name":"U","famly_name":"F"}'
    status, _, reply = request("POST", "/api/v1/accounts", auth({"Content-Type": "application/json"}), body)
    check(status == 422 and b"famly_name" in reply, f"unknown body field: expected 422 naming it, got {status} {reply[:200]!r}")
    body = b'{"id":"2","city":"Dortmund"}'
    status, _, reply = request("PATCH", "/api/v1/accounts/1", auth({"Content-Type": "application/json"}), body)
    check(status == 400 and b"id: given both" in reply, f"a path field again in the body: expected 400, got {status} {reply[:200]!r}")
    status, _, reply = request("GET", "/api/v1/accounts?colour=red", auth())
    check(status == 422 and b"colour" in reply, f"unknown query field: expected 422 naming it, got {status} {reply[:200]!r}")


def raw(head):
    s = connect()
    try:
        s.sendall(head)
        return read_response(s)[0]
    finally:
        s.close()


def attack_conflicting_lengths():
    a = "Authorization: Bearer " + TOKEN + "\r\n"
    body = b'{"login":"cl@example.de"}'
    two = raw(f"POST /api/v1/accounts HTTP/1.1\r\nHost: x\r\n{a}Content-Type: application/json\r\n"
              f"Content-Length: {len(body)}\r\nContent-Length: 5\r\n\r\n".encode() + body)
    check(two == 400, f"two Content-Length headers: expected 400, got {two}")
    same = raw(f"POST /api/v1/accounts HTTP/1.1\r\nHost: x\r\n{a}Content-Type: application/json\r\n"
               f"Content-Length: {len(body)}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body)
    check(same == 400, f"two equal Content-Length headers: expected 400, got {same}")
    both = raw(f"POST /api/v1/accounts HTTP/1.1\r\nHost: x\r\n{a}Content-Type: application/json\r\n"
               f"Content-Length: {len(body)}\r\nTransfer-Encoding: chunked\r\n\r\n".encode() + b"0\r\n\r\n")
    check(both == 400, f"Content-Length with Transfer-Encoding: expected 400, got {both}")


def attack_failed_logins():
    refused = 0
    retry_after = None
    for _ in range(30):
        status, headers, _ = request("GET", "/api/v1/accounts?limit=1", {"Authorization": "Bearer vrt_0badc0ffee00_guess"})
        if status == 429:
            refused += 1
            retry_after = headers.get("retry-after")
    check(refused >= 5, f"30 wrong secrets for one token id: only {refused} answered 429")
    check(retry_after is not None and retry_after.isdigit() and 0 < int(retry_after) <= 60, f"429 Retry-After: {retry_after}")
    status, _, _ = request("GET", "/api/v1/accounts?limit=1", auth())
    check(status == 200, f"a valid token from the same address after the guessing: expected 200, got {status}")
    # Many made-up token ids from one address: the address as a whole is answered 429 …
    flooded = 0
    for i in range(120):
        status, headers, _ = request("GET", "/api/v1/accounts?limit=1", {"Authorization": f"Bearer vrt_{i:012x}_guess"})
        flooded += status == 429
    check(flooded > 0, "120 made-up token ids from one address: never 429")
    # … and still lets a valid token through.
    status, _, _ = request("GET", "/api/v1/accounts?limit=1", auth())
    check(status == 200, f"a valid token from a flooding address: expected 200, got {status}")
    figures["failed logins: 429 answers (one token id of 30 / many ids of 120)"] = f"{refused} / {flooded}"


RSS_LIMIT_MB = rss_mb() + RSS_GROWTH_LIMIT_MB

ATTACKS = [
    ("deep_json", attack_deep_json),
    ("chunked_flood", attack_chunked_flood),
    ("upload_unauthenticated", attack_upload_unauthenticated),
    ("slow_loris", attack_slow_loris),
    ("connection_flood", attack_connection_flood),
    ("bad_percent_encoding", attack_bad_percent_encoding),
    ("log_forgery", attack_log_forgery),
    ("auth_scheme_case", attack_auth_scheme_case),
    ("content_type", attack_content_type),
    ("unknown_fields", attack_unknown_fields),
    ("conflicting_lengths", attack_conflicting_lengths),
    ("failed_logins", attack_failed_logins),
]

for name, attack in ATTACKS:
    if ONLY and name not in ONLY:
        continue
    try:
        attack()
        server_alive_and_small(name)
        print(f"ok   {name}")
    except (Failed, OSError, socket.timeout, ValueError) as e:
        failures.append(name)
        print(f"FAIL {name}: {e}")
        try:
            os.kill(PID, 0)
        except OSError:
            print("     the server is gone")
            break

try:
    figures["peak RSS over the suite (VmHWM, MiB)"] = (
        f"{rss_mb('VmHWM'):.1f} (bound {RSS_LIMIT_MB:.1f}: {RSS_LIMIT_MB - RSS_GROWTH_LIMIT_MB:.1f} at the start + {RSS_GROWTH_LIMIT_MB})")
except Failed:
    pass
for key, value in figures.items():
    print(f"figure: {key}: {value}")
sys.exit(1 if failures else 0)
