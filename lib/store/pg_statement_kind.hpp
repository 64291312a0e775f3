#pragma once
// Whether a statement changes rows, for getChanges() on PostgreSQL. libpqxx 6 keeps the command
// tag ("UPDATE 2") to itself and reports a row count for a SELECT too, so the statement's text
// decides: its main verb, the first INSERT, UPDATE, DELETE, MERGE or SELECT outside parentheses,
// string literals and comments. `INSERT … RETURNING`, `WITH … AS (SELECT …) UPDATE …` and
// `(DELETE …)` change rows; `SELECT …`, `WITH … SELECT …`, `BEGIN` and `SET` do not.
#include <string_view>

namespace vrathaus {

bool statement_changes_rows(std::string_view sql);

}  // namespace vrathaus
