# The audit log as a SIEM feed: `audit list --after-seq N -o jsonl`, `--since` with an RFC 3339
# time, and `audit follow`, which prints entries as they are appended by another process, ends on
# --until-seq / --max-entries or cleanly on SIGTERM; locally and over REST.
source "$(dirname "$0")/lib.sh"
make_store

# wait_for FILE LINES: until FILE has LINES lines, bounded (no sleep as synchronisation: the
# loop waits on the condition, the bound only stops a broken run).
wait_for() {
  for _ in $(seq 400); do [ "$(wc -l <"$1")" -ge "$2" ] && return 0; sleep 0.05; done
  fail "$1 did not reach $2 lines: $(cat "$1")"
}
wait_exit() {
  for _ in $(seq 400); do kill -0 "$1" 2>/dev/null || { wait "$1"; return $?; }; sleep 0.05; done
  fail "process $1 did not end"
}

last=$("$V" --db "$DB" audit list -o json | jq 'last.seq')
expect 0 "$V" --db "$DB" audit list --after-seq "$((last - 2))" -o jsonl
[ "$(wc -l <<<"$out")" = 2 ] || fail "two entries after seq $((last - 2)): $out"
jq -e -s --argjson l "$last" '[.[].seq] == [$l - 1, $l]' <<<"$out" >/dev/null || fail "one object per line: $out"

# --since: a day, an RFC 3339 time with Z or an offset; a bad one names the field.
expect 0 "$V" --db "$DB" audit list --since 2026-11-25 -o json
[ "$(jq length <<<"$out")" = "$last" ] || fail "every entry is from today"
expect 0 "$V" --db "$DB" audit list --since 2026-11-25T10:00:00+01:00 -o json
[ "$(jq length <<<"$out")" = "$last" ] || fail "10:00 in Berlin is 09:00 UTC, the clock's time"
expect 0 "$V" --db "$DB" audit list --since 2026-11-25T09:00:00.5Z -o json
[ "$(jq length <<<"$out")" = 0 ] || fail "nothing after 09:00:00.5"
expect 5 "$V" --db "$DB" audit list --since 2026-11-25T09:00
grep -q "since" <<<"$err" || fail "the field is named: $err"

# follow: the whole backlog after --after-seq, then what another process appends.
"$V" --db "$DB" audit follow --after-seq "$last" --until-seq "$((last + 2))" --interval 0.05 >"$T/feed" 2>"$T/feed.err" &
follower=$!
PIDS+=("$follower")
"$V" --db "$DB" -q staff add f.eins --name "Frieda Eins" --office innenstadt --role clerk >/dev/null
wait_for "$T/feed" 1
"$V" --db "$DB" -q staff add f.zwei --name "Fritz Zwei" --office innenstadt --role clerk >/dev/null
wait_exit "$follower" || fail "follow ends with exit 0 at --until-seq: $(cat "$T/feed.err")"
jq -e -s '[.[].object] == ["staff:f.eins", "staff:f.zwei"]' "$T/feed" >/dev/null || fail "the appended entries: $(cat "$T/feed")"

# SIGTERM ends it cleanly (exit 0), whatever it was doing.
"$V" --db "$DB" audit follow --interval 0.05 >"$T/feed2" 2>"$T/feed2.err" &
follower=$!
PIDS+=("$follower")
wait_for "$T/feed2" "$((last + 2))"
kill -TERM "$follower"
wait_exit "$follower" || fail "SIGTERM: exit 0 expected: $(cat "$T/feed2.err")"
[ ! -s "$T/feed2.err" ] || fail "nothing on stderr after SIGTERM: $(cat "$T/feed2.err")"

expect 0 "$V" --db "$DB" audit follow --max-entries 3 --actor "local:$(id -un)"
[ "$(wc -l <<<"$out")" = 3 ] || fail "--max-entries 3: $out"

# Remote: the same feed over the REST audit list.
start_server
remote audit follow --after-seq "$last" --interval 0.05 --max-entries 3 >"$T/rfeed" 2>"$T/rfeed.err" &
follower=$!
PIDS+=("$follower")
wait_for "$T/rfeed" 2
"$V" --db "$DB" -q staff add f.drei --name "Fiona Drei" --office innenstadt --role clerk >/dev/null
wait_exit "$follower" || fail "remote follow: $(cat "$T/rfeed.err")"
jq -e -s '[.[].object] == ["staff:f.eins", "staff:f.zwei", "staff:f.drei"]' "$T/rfeed" >/dev/null ||
  fail "the remote feed: $(cat "$T/rfeed")"
expect 0 remote audit list --after-seq "$((last + 2))" -o jsonl
jq -e -s '[.[].object] == ["staff:f.drei"]' <<<"$out" >/dev/null || fail "remote --after-seq: $out"
echo "audit feed: ok"
