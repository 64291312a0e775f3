#!/usr/bin/env bash
# Only the SQLite engine (lib/store/sql/sqlite_*) and the store's SQLite-only features behind
# sql::sqlite_of() may use SQLiteCpp or SQLite's C API; everything else runs SQL through the
# engine-neutral vrathaus::sql interface, so the store can run on another engine.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"

allowed='^lib/store/sql/sqlite_[a-z_]+\.(cpp|hpp)$|^lib/store/store\.cpp$'

offenders=$(grep -rlE '<SQLiteCpp/|<sqlite3\.h>|\bSQLite::|\bsqlite3_[a-z_0-9]+\(' \
              --include='*.cpp' --include='*.hpp' --include='*.h' lib cli tests |
            grep -vE "$allowed" || true)
if [ -n "$offenders" ]; then
  echo "these files reach SQLite directly; use vrathaus::sql (lib/store/sql/sql.hpp), or for an"
  echo "SQLite-only feature sql::sqlite_of() inside lib/store:"
  for f in $offenders; do
    grep -nE '<SQLiteCpp/|<sqlite3\.h>|\bSQLite::|\bsqlite3_[a-z_0-9]+\(' "$f" | sed "s|^|  $f:|"
  done
  exit 1
fi
echo "SQLite is reached only by the SQLite engine and sqlite_of() users"
