#!/usr/bin/env bash
# The installed layout: `cmake --install` puts the binary in bin/ and the server module that
# `serve` loads in lib/vrathaus/, where the binary finds it from any prefix. A binary without its
# module runs every local command and refuses only `serve`, with one clear line.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
: "${VRATHAUS_BUILD_DIR:?VRATHAUS_BUILD_DIR must point at the build tree}"
command -v cmake >/dev/null || { echo "cmake missing: skipped"; exit 77; }

cmake --install "$VRATHAUS_BUILD_DIR" --prefix "$T/prefix" >"$T/install.log" || fail "install failed: $(cat "$T/install.log")"
installed=$T/prefix/bin/vrathaus
[ -x "$installed" ] || fail "no installed binary"
module=$(find "$T/prefix" -name vrathaus-server.so)
[[ "$module" == "$T"/prefix/lib*/vrathaus/vrathaus-server.so ]] || fail "the server module is not in LIBDIR/vrathaus: '$module'"

# The installed binary serves: its module is found beside it, not in the build tree.
make_store
V=$installed start_server
[ "$(readlink -f "/proc/$SERVER_PID/exe")" = "$(readlink -f "$installed")" ] || fail "the server is not the installed binary"
expect 0 remote accounts list -o json
[ "$(jq length <<<"$out")" = 0 ] || fail "the installed server answers"
grep -q "listening on http://127.0.0.1:" "$T/serve.log" || fail "the installed server says where it listens"

# A binary copied without its module: local commands work, serve is refused (exit 70, one line).
mkdir "$T/alone"
cp "$VRATHAUS_BIN" "$T/alone/vrathaus"
expect 0 "$T/alone/vrathaus" --db "$DB" accounts list -o json
expect 70 "$T/alone/vrathaus" --db "$DB" serve --listen 127.0.0.1:0
grep -q "vrathaus-server.so" <<<"$err" || fail "the refusal names the missing module: $err"
echo "install: ok"
