#!/usr/bin/env bash
# same_output.sh REFERENCE TRANSCRIPT: the PostgreSQL transcript is the same as the local one;
# exit 77 (skip) when TRANSCRIPT is missing because its backend was skipped (PostgreSQL not
# installed).
#
# Row ids are compared as "a number", not by value: PostgreSQL hands out identity values outside
# transactions, so a dry run, a refused insert or an insert that meets ON CONFLICT uses one up
# and leaves a gap that SQLite, which reuses the value, does not have. Everything else — every
# field, status, message, exit code and the order of the rows — must be the same. A bank file's
# message id carries its batch id, so the file's id and hash are masked too (the scenarios check
# that each batch reproduces its file byte for byte on every backend).
# `db check` is left out: it says which engine checked what, which differs by design (the
# PostgreSQL tests check its output there).
set -euo pipefail
if [ ! -e "$2" ]; then
  echo "no transcript $2: its backend was skipped" >&2
  exit 77
fi
mask_ids() {
  awk '/^## / { skip = / db check/ } !skip' "$1" |
  sed -E -e 's/"(id|[a-z_]+_id|batch|origin|renewed_from)": [0-9]+/"\1": #/' \
         -e 's/"([a-z_]+):[0-9]+"/"\1:#"/g' \
         -e 's/"(msg_id)": "([A-Z]+-[0-9-]+)-[0-9]+"/"\1": "\2-#"/' \
         -e 's/"sha256": "[0-9a-f]{64}"/"sha256": "#"/' \
         -e 's/\b(account|mandate|charge|permit|batch|upgrade|appointment) [0-9]+/\1 #/g' \
         -e '/^## /s/\b[0-9]+\b/#/g'
}
diff -u <(mask_ids "$1") <(mask_ids "$2")
