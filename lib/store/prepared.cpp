#include "store/prepared.hpp"

#include <mutex>
#include <unordered_map>

namespace vrathaus {
namespace {

struct Kept {
  std::unique_ptr<sql::Statement> statement;
  bool in_use = false;
};
using Cache = std::unordered_map<std::string, Kept>;

// Connections of live Stores and their statements. A connection is used by one thread at a time,
// so only finding its cache needs the lock; node-based maps keep references valid meanwhile.
std::mutex registry_mutex;
std::unordered_map<const sql::Connection*, Cache> registry;

Cache* cache_of(const sql::Connection& db) {
  std::lock_guard lock(registry_mutex);
  auto found = registry.find(&db);
  return found == registry.end() ? nullptr : &found->second;
}

}  // namespace

void keep_prepared(sql::Connection& db) {
  std::lock_guard lock(registry_mutex);
  registry[&db];
}

void forget_prepared(sql::Connection& db) {
  std::lock_guard lock(registry_mutex);
  registry.erase(&db);  // finalises the statements
}

Prepared::Prepared(sql::Connection& db, const std::string& sql) {
  if (auto* cache = cache_of(db)) {
    auto& kept = (*cache)[sql];
    if (!kept.in_use) {
      if (!kept.statement) kept.statement = std::make_unique<sql::Statement>(db, sql);
      kept.in_use = true;
      in_use_ = &kept.in_use;
      statement_ = kept.statement.get();
      return;
    }
  }
  own_ = std::make_unique<sql::Statement>(db, sql);
  statement_ = own_.get();
}

Prepared::~Prepared() {
  if (!in_use_) return;
  try {
    statement_->reset();
    statement_->clearBindings();
  } catch (const std::exception&) {
    // reset() reports the last step's error again, which the caller has seen already.
  }
  *in_use_ = false;
}

}  // namespace vrathaus
