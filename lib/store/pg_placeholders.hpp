#pragma once
// The store's SQL is written with SQLite's placeholders: `?`, `?N` and `:name`. PostgreSQL only
// knows `$N`. This rewrites one into the other with SQLite's own numbering, so a value bound by
// index or by name lands where it would on SQLite:
//   `?` takes the largest index used so far plus one, `?N` takes N, and `:name` takes the index
//   the same name got earlier, else the largest so far plus one.
// String literals ('…', E'…', $tag$…$tag$), quoted identifiers ("…"), comments (-- and nested
// /* */) and `::` casts are copied untouched.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vrathaus {

//
// SQLite lets a statement leave an index out (`SET a = ?1, c = ?3` with ?2 never used, when one
// bind helper serves an INSERT and an UPDATE); PostgreSQL cannot type a parameter it never sees
// and refuses the statement. So the indexes a statement uses are numbered $1, $2, … in order, and
// `slots` says which SQLite index each PostgreSQL parameter takes its value from.
struct PgStatementText {
  std::string sql;                                 // with $1, $2, …
  int parameters = 0;                              // the largest SQLite index used (binds go up to it)
  std::vector<int> slots;                          // PostgreSQL parameter k+1 ← SQLite index slots[k]
  std::vector<std::pair<std::string, int>> names;  // ":name" (with its colon) → index
  // The index a named parameter was given; 0 when the statement has no such name.
  int index_of(std::string_view name) const;
};

// Throws Error(internal) for `?0` or an index above 32767 (PostgreSQL's limit of parameters).
PgStatementText rewrite_placeholders(std::string_view sql);

}  // namespace vrathaus
