#include "store/store_checks.hpp"

#include <sstream>

namespace vrathaus {
namespace {

EngineChecks sqlite_checks(sql::Connection& db) {
  EngineChecks out;
  out.checked = {"SQLite integrity_check", "SQLite foreign_key_check"};
  sql::Statement ic(db, "PRAGMA integrity_check");
  while (ic.executeStep())
    if (auto line = ic.getColumn(0).getString(); line != "ok") out.integrity.push_back(line);
  sql::Statement fk(db, "PRAGMA foreign_key_check");
  while (fk.executeStep()) {
    ForeignKeyProblem p{fk.getColumn(0).getString(), std::nullopt, fk.getColumn(2).getString()};
    if (!fk.getColumn(1).isNull()) p.rowid = fk.getColumn(1).getInt64();
    out.foreign_keys.push_back(std::move(p));
  }
  return out;
}

std::vector<std::string> split_columns(const std::string& list) {
  std::vector<std::string> columns;
  std::istringstream in(list);
  for (std::string c; std::getline(in, c, ',');) columns.push_back(c);
  return columns;
}

// Rows of `child` whose key names no row of `parent`: what SQLite's foreign_key_check reports.
// PostgreSQL enforces its constraints, but a restore with triggers disabled or a constraint
// added NOT VALID can leave such rows behind.
std::int64_t orphans(sql::Connection& db, const std::string& child, const std::string& columns,
                     const std::string& parent, const std::string& parent_columns) {
  auto c = split_columns(columns), p = split_columns(parent_columns);
  std::string not_null, match;
  for (std::size_t i = 0; i < c.size() && i < p.size(); ++i) {
    not_null += (i ? " AND t." : "t.") + c[i] + " IS NOT NULL";
    match += (i ? " AND p." : "p.") + p[i] + " = t." + c[i];
  }
  sql::Statement q(db, "SELECT count(*) FROM " + child + " t WHERE " + not_null + " AND NOT EXISTS (SELECT 1 FROM " +
                           parent + " p WHERE " + match + ")");
  q.executeStep();
  return q.getColumn(0).getInt64();
}

EngineChecks postgresql_checks(sql::Connection& db) {
  EngineChecks out;
  out.checked = {"every foreign key, by query"};
  out.not_checked = {"page-level integrity: PostgreSQL's own (data checksums, pg_amcheck)"};
  // Every foreign key of the store's schema, with its columns in key order, quoted as identifiers.
  sql::Statement keys(db,
                      "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text, "
                      "(SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.i) FROM unnest(c.conkey) "
                      "WITH ORDINALITY AS k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n), "
                      "(SELECT string_agg(quote_ident(a.attname), ',' ORDER BY k.i) FROM unnest(c.confkey) "
                      "WITH ORDINALITY AS k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) "
                      "FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace "
                      "ORDER BY 1, c.conname");
  struct Key {
    std::string child, parent, columns, parent_columns;
  };
  std::vector<Key> found;
  while (keys.executeStep())
    found.push_back({keys.getColumn(0).getString(), keys.getColumn(1).getString(), keys.getColumn(2).getString(),
                     keys.getColumn(3).getString()});
  // One entry per orphaned row, as SQLite reports them, up to a readable number.
  for (const auto& k : found)
    for (auto n = orphans(db, k.child, k.columns, k.parent, k.parent_columns); n > 0 && out.foreign_keys.size() < 1000; --n)
      out.foreign_keys.push_back({k.child, std::nullopt, k.parent});
  return out;
}

}  // namespace

EngineChecks run_engine_checks(sql::Connection& db) {
  return db.engine() == sql::Engine::postgresql ? postgresql_checks(db) : sqlite_checks(db);
}

}  // namespace vrathaus
