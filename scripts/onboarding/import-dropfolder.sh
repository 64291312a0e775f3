#!/usr/bin/env bash
# import-dropfolder.sh — the IT provider's onboarding job: imports every new business-customer
# file in a drop folder and sorts it, ready for cron.
#
#   import-dropfolder.sh [options] DROP_DIR
#
# Each regular *.csv file in DROP_DIR that has not changed for --min-age seconds (so a file still
# being copied is left for the next run) is imported with `vrathaus import business`, then:
#   all rows imported              → DROP_DIR/done/FILE
#   some or all rows rejected      → DROP_DIR/failed/FILE, the rejected rows beside it in
#                                    FILE.rejects.csv (header first, rows unchanged, ready to be
#                                    fixed and dropped in again), the errors in FILE.errors.txt
#   store busy, server unreachable → left where it is, for the next run
# Every file gets one summary line in the log (stdout, or --log FILE), and its summary as JSON
# beside it (FILE.summary.json). Files are renamed, never overwritten: a name that is taken gets
# the time appended.
#
# Exit status: 0 nothing needs a person; 1 something does (a failed file, rejected rows, refused
# credentials, a configuration error); 75 only temporary trouble (busy, unreachable: the next run
# retries); 2 bad options. Two runs at the same time are harmless: the second waits for the first.
#
# Options:
#   --db PATH                 a local store (default: VRATHAUS_DB or the configured one)
#   --remote URL --token-file FILE   a vrathaus serve instance instead
#   --as STAFF                acting staff member in local mode (e.g. importer)
#   --on-error skip|abort     skip (default): import the valid rows of a file; abort: none of them
#   --min-age SECONDS         only files unchanged for this long (default 60)
#   --log FILE                append the summary lines here instead of printing them
#   --bin PATH                the vrathaus binary (default: VRATHAUS_BIN, else vrathaus on PATH)
#
# crontab, every five minutes:
#   */5 * * * * /usr/share/vrathaus/import-dropfolder.sh --as importer --log /var/log/vrathaus/import.log /srv/systemhaus/drop
set -uo pipefail

usage() { sed -n '2,33p' "$0" | sed 's/^# \{0,1\}//'; }
bin=${VRATHAUS_BIN:-vrathaus} on_error=skip min_age=60 log="" drop=""
conn=()
while [ $# -gt 0 ]; do
  case $1 in
    --db|--remote|--token-file|--as) [ $# -ge 2 ] || { usage >&2; exit 2; }; conn+=("$1" "$2"); shift 2 ;;
    --on-error) on_error=${2:-}; shift 2 ;;
    --min-age) min_age=${2:-}; shift 2 ;;
    --log) log=${2:-}; shift 2 ;;
    --bin) bin=${2:-}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "import-dropfolder: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) [ -z "$drop" ] || { echo "import-dropfolder: one drop folder only" >&2; exit 2; }; drop=$1; shift ;;
  esac
done
[ -n "$drop" ] || { usage >&2; exit 2; }
[ -d "$drop" ] || { echo "import-dropfolder: $drop is not a directory" >&2; exit 2; }
case $on_error in skip|abort) ;; *) echo "import-dropfolder: --on-error skip or abort" >&2; exit 2 ;; esac
[[ $min_age =~ ^[0-9]+$ ]] || { echo "import-dropfolder: --min-age takes seconds" >&2; exit 2; }
command -v "$bin" >/dev/null || { echo "import-dropfolder: no vrathaus binary ($bin)" >&2; exit 2; }
command -v jq >/dev/null || { echo "import-dropfolder: needs jq" >&2; exit 2; }

mkdir -p "$drop/done" "$drop/failed" || exit 1
# One run at a time per folder: the next cron run waits instead of taking the same file.
exec 9>"$drop/.import-dropfolder.lock"
flock 9

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
say() {
  if [ -n "$log" ]; then echo "$(now) $*" >>"$log"; else echo "$(now) $*"; fi
}
# A free name in DIR for NAME: NAME, or NAME with the time appended.
free_name() {
  local dir=$1 name=$2
  if [ -e "$dir/$name" ]; then echo "$dir/$name.$(date -u +%Y%m%dT%H%M%SZ)"; else echo "$dir/$name"; fi
}

needs_person=0 temporary=0
shopt -s nullglob
for file in "$drop"/*.csv; do
  [ -f "$file" ] || continue
  name=$(basename "$file")
  age=$(($(date +%s) - $(stat -c %Y "$file")))
  [ "$age" -ge "$min_age" ] || continue

  work=$(mktemp -d "${TMPDIR:-/tmp}/import-dropfolder.XXXXXX")
  "$bin" "${conn[@]}" -q import business "$file" --on-error "$on_error" --rejects "$work/rejects.csv" -o json \
    >"$work/summary.json" 2>"$work/stderr"
  status=$?
  counts=$(jq -r '"rows=\(.rows) created=\(.created) updated=\(.updated) unchanged=\(.unchanged) rejected=\(.rejected) sha256=\(.sha256)"' \
    "$work/summary.json" 2>/dev/null || echo "")
  why=$(grep -m1 'vrathaus: error:' "$work/stderr" | sed 's/^vrathaus: error: //')
  case $status in
    0)
      target=$(free_name "$drop/done" "$name")
      mv "$file" "$target"
      cp "$work/summary.json" "$target.summary.json"
      say "$name: done $counts"
      ;;
    1|5)
      target=$(free_name "$drop/failed" "$name")
      mv "$file" "$target"
      cp "$work/summary.json" "$target.summary.json" 2>/dev/null
      [ -s "$work/rejects.csv" ] && mv "$work/rejects.csv" "$target.rejects.csv"
      jq -r --arg f "$name" '.errors[] | "\($f):\(.line): \(if .column then .column + ": " else "" end)\(.message)"' \
        "$work/summary.json" >"$target.errors.txt" 2>/dev/null
      [ -s "$target.errors.txt" ] || echo "$why" >"$target.errors.txt"
      if [ "$status" = 1 ]; then
        say "$name: failed, valid rows imported, rejected rows in failed/$(basename "$target").rejects.csv $counts"
      else
        say "$name: failed, nothing imported: ${why:-invalid rows} $counts"
      fi
      needs_person=1
      ;;
    7|8|4)
      say "$name: left for the next run (exit $status): $why"
      temporary=1
      ;;
    *)
      say "$name: not imported (exit $status): $why"
      needs_person=1
      ;;
  esac
  rm -rf "$work"
done

[ "$needs_person" = 0 ] || exit 1
[ "$temporary" = 0 ] || exit 75
exit 0
