#include "store/keyed_hashes.hpp"

#include "store/sql/sql.hpp"

#include <utility>
#include <vector>

namespace vrathaus {
namespace {

// Every distinct value of one column, read before any is rewritten (a rewritten value must not
// come round a second time).
std::vector<std::string> distinct_values(sql::Connection& db, const std::string& table, const std::string& column) {
  sql::Statement q(db, "SELECT DISTINCT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::int64_t rewrite_column(sql::Connection& db, const std::string& table, const std::string& column,
                            const std::function<std::string(const std::string&)>& rehash) {
  std::int64_t changed = 0;
  sql::Statement update(db, "UPDATE " + table + " SET " + column + " = ? WHERE " + column + " = ?");
  for (const auto& old_hash : distinct_values(db, table, column)) {
    update.bind(1, rehash(old_hash));
    update.bind(2, old_hash);
    changed += update.exec();
    update.reset();
  }
  return changed;
}

}  // namespace

bool store_has_keyed_hashes(sql::Connection& db) {
  return db.execAndGet("SELECT EXISTS (SELECT 1 FROM eid_pseudonyms) OR EXISTS "
                       "(SELECT 1 FROM upgrades WHERE document_hash IS NOT NULL OR eid_pseudonym_hash IS NOT NULL)")
             .getInt() != 0;
}

std::int64_t rehash_keyed_hashes(sql::Connection& db, const std::function<std::string(const std::string&)>& rehash) {
  // The table and column names are constants of this file, never input.
  return rewrite_column(db, "upgrades", "document_hash", rehash) +
         rewrite_column(db, "upgrades", "eid_pseudonym_hash", rehash) +
         rewrite_column(db, "eid_pseudonyms", "pseudonym_hash", rehash);
}

}  // namespace vrathaus
