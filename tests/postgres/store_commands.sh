#!/usr/bin/env bash
# `vrathaus --db postgresql://…` (and VRATHAUS_DB): db init, db migrate on a fresh PostgreSQL
# database of the throwaway cluster; a URL that leads nowhere is exit 7 with its password hidden.
set -euo pipefail
source "$VRATHAUS_SOURCE_DIR/tests/postgres/lib.sh"
fresh_database store

# The document key lives in a file of its own, made by the administrator: a database has no
# "beside the store".
(umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$T/document.key" && echo >>"$T/document.key")
cat >"$T/config.yaml" <<YAML
city:
  document_key_file: $T/document.key
YAML
export VRATHAUS_CONFIG=$T/config.yaml

# The latest version, as the same binary gives an SQLite store.
expect 0 "$V" --db "$T/reference.db" -o json db init
latest=$(jq .schema_version <<<"$out")

expect 0 "$V" --db "$PG" -o json db init
[ "$(jq .migrations_applied <<<"$out")" = "$latest" ] || fail "db init applied: $out"
[ "$(jq .schema_version <<<"$out")" = "$latest" ] || fail "db init version: $out"
[ "$(jq .created <<<"$out")" = true ] || fail "db init created: $out"
[ "$(jq -r .document_key.file <<<"$out")" = "$T/document.key" ] || fail "db init key file: $out"
[ "$(psql -X -At "$PG" -c 'SELECT version FROM vrathaus_schema_version')" = "$latest" ] || fail "version table"

# Again, through VRATHAUS_DB: nothing to do.
VRATHAUS_DB=$PG expect 0 "$V" -o json db migrate
[ "$(jq .migrations_applied <<<"$out")" = 0 ] || fail "db migrate applied: $out"
[ "$(jq .from_version <<<"$out")" = "$latest" ] || fail "db migrate from: $out"
expect 0 "$V" --db "$PG" -o json db init
[ "$(jq .created <<<"$out")" = false ] || fail "second db init: $out"

# Nobody listens on port 1: exit 7, one line, and never the password.
expect 7 "$V" --db "postgresql://vr:s3cret@127.0.0.1:1/none" db migrate
grep -q 'postgresql://vr:\*\*\*@127.0.0.1:1/none' <<<"$err" || fail "the URL is not named: $err"
! grep -q s3cret <<<"$err" || fail "the password leaked: $err"
echo "ok"
