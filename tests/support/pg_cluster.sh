#!/usr/bin/env bash
# tests/support/pg_cluster.sh start|stop|url STATE_DIR
#
# A throwaway PostgreSQL cluster for the tests: `start` runs initdb into a fresh temporary
# directory, has the server listen on 127.0.0.1 only (on a free port, its socket inside that
# directory), creates the role and database `vrathaus` and records how to reach them in STATE_DIR;
# `url` prints the connection URL; `stop` stops the server and removes everything.
# Every PostgreSQL test of one ctest run shares the cluster (a fixture: tests/postgres).
#
# Running as root, the server runs as the `postgres` system user (PostgreSQL refuses root) and the
# temporary directory is theirs; otherwise it runs as the current user.
# The role authenticates with SCRAM over TCP; its password is in a 0600 passfile the URL names,
# so it never appears on a command line. The role may create databases: a test that needs an
# empty schema creates its own database.
#
# VRATHAUS_PG_SETTINGS adds server settings (`-c name=value …`): the benchmarks give the server
# the memory a production database would have.
#
# Exit 77 (a skip for ctest) when the PostgreSQL server binaries are not installed, or, for `url`,
# when no cluster was started.
set -euo pipefail

command=${1:?usage: pg_cluster.sh start|stop|url STATE_DIR}
state=${2:?usage: pg_cluster.sh start|stop|url STATE_DIR}

# The server binaries: PG_BINDIR, else the newest Debian cluster version, else pg_config's.
find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    [ -x "$PG_BINDIR/initdb" ] && echo "$PG_BINDIR"
    return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ]; then echo "$dir"; return 0; fi
  done
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; fi
}

# Runs a server binary as the user who owns the cluster.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local bindir
  bindir=$(find_bindir)
  if [ -z "$bindir" ]; then
    echo "pg_cluster: the PostgreSQL server binaries (initdb, pg_ctl) are not installed" >&2
    exit 77
  fi
  [ -e "$state/dir" ] && stop
  mkdir -p "$state"

  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/vrathaus-pg.XXXXXX")
  echo "$dir" > "$state/dir"
  echo "$bindir" > "$state/bindir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  chmod 0700 "$dir"

  local password
  password=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
  # initdb reads the superuser's password from a file; only the owner reads it.
  as_owner sh -c "umask 077 && cat > '$dir/superuser.password'" <<<"$password"
  as_owner "$bindir/initdb" -D "$dir/data" --username=postgres --pwfile="$dir/superuser.password" \
    --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner mkdir "$dir/socket"

  # A free port may be taken by someone else before the server binds it: try a few.
  local port attempt
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # fsync off: a test cluster is thrown away, a crash loses nothing worth keeping.
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir/socket -c fsync=off -c full_page_writes=off -c synchronous_commit=off ${VRATHAUS_PG_SETTINGS:-}" \
         start >/dev/null; then
      break
    fi
    echo "pg_cluster: the server did not start on port $port (attempt $attempt):" >&2
    tail -n 5 "$dir/server.log" >&2 || true
    port=""
  done
  [ -n "$port" ] || exit 1
  echo "$port" > "$state/port"

  # The role and its database, created over the socket as the superuser.
  as_owner "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir/socket" -p "$port" -U postgres -d postgres <<SQL
CREATE ROLE vrathaus LOGIN CREATEDB PASSWORD '$password';
CREATE DATABASE vrathaus OWNER vrathaus;
SQL
  (umask 077 && printf '127.0.0.1:%s:*:vrathaus:%s\n' "$port" "$password" > "$state/passfile")
  echo "postgresql://vrathaus@127.0.0.1:$port/vrathaus?passfile=$(cd "$state" && pwd)/passfile" > "$state/url"
  "$bindir/pg_isready" -q -h 127.0.0.1 -p "$port"
  cat "$state/url"
}

stop() {
  [ -e "$state/dir" ] || return 0
  local dir bindir
  dir=$(cat "$state/dir")
  bindir=$(cat "$state/bindir")
  if [ -e "$dir/data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
  rm -rf "$dir"
  rm -f "$state/dir" "$state/bindir" "$state/port" "$state/url" "$state/passfile"
}

url() {
  if [ ! -e "$state/url" ]; then
    echo "pg_cluster: no PostgreSQL cluster was started (PostgreSQL is not installed?)" >&2
    exit 77
  fi
  cat "$state/url"
}

case "$command" in
  start) start ;;
  stop) stop ;;
  url) url ;;
  *) echo "usage: pg_cluster.sh start|stop|url STATE_DIR" >&2; exit 2 ;;
esac
