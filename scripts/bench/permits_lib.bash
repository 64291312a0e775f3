# Shared by the permit benchmarks: the fixture (scripts/lib/due_permits.bash) and timing helpers.
# shellcheck source=../lib/due_permits.bash
source "$(dirname "${BASH_SOURCE[0]}")/../lib/due_permits.bash"

# bench_store DB N: a fresh store with N due permits (see seed_due_permits).
bench_store() {
  rm -f "$1" "$1"-wal "$1"-shm
  "$BIN" --db "$1" -q db init >/dev/null
  seed_due_permits "$1" "$2"
}

# "WALL CPU" seconds of a command (output discarded); CPU is user + system time, the fairer
# figure on a machine shared with other jobs.
seconds() {
  /usr/bin/time -f '%e %U %S' -o "$work/.time" "$@" >/dev/null
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$work/.time"
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
