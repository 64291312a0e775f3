#include "store/import_tuning.hpp"

#include "store/sql/sqlite_connection.hpp"

#include <fmt/format.h>

namespace vrathaus {
namespace {

// The import's page cache: the accounts indexes it inserts into at random (login, folded name)
// stay in memory instead of being read back for every row. Part of the 64 MiB budget.
constexpr int kImportCacheKiB = 32 * 1024;

constexpr const char* kFeature = "the import's connection settings";

}  // namespace

// On SQLite:
// - a larger page cache;
// - no checkpoint by the writer after a commit (BackgroundCheckpoint copies the frames on a thread
//   of its own, and the writer checkpoints once at the end);
// - no re-evaluation of the accounts table's CHECK constraints. Those constraints (tier IN (…),
//   status IN (…)) build a temporary index on every single INSERT, about 40 % of the INSERT's
//   time; the import writes only the constants 'business' and 'active' there, so they cannot fail;
// - no foreign-key lookups. Each row's parents are its own: the account points at this import's
//   run, created before the first batch, and its mandate at the account inserted just before in
//   the same transaction; no command deletes runs, and accounts are closed, never deleted. The
//   three lookups per row were an eighth of the import's time. `db check` still runs
//   foreign_key_check over everything.
// Nothing else is written on this connection meanwhile. The PRAGMAs run outside a transaction
// (foreign_keys cannot change inside one).
ImportTuning::ImportTuning(sql::Connection& db) : db_(db) {
  if (db.engine() != sql::Engine::sqlite) return;
  // The PRAGMAs are SQLite's: sqlite_of() is the gate that says so (and refuses another engine).
  sql::sqlite_of(db, kFeature);
  sqlite_ = true;
  cache_before_ = db.execAndGet("PRAGMA cache_size").getInt();
  wal_ = db.execAndGet("PRAGMA journal_mode").getString() == "wal";
  db.exec(fmt::format("PRAGMA cache_size = -{}", kImportCacheKiB));
  db.exec("PRAGMA ignore_check_constraints = ON");
  db.exec("PRAGMA wal_autocheckpoint = 0");
  db.exec("PRAGMA foreign_keys = OFF");
}

ImportTuning::~ImportTuning() {
  if (!sqlite_) return;
  try {
    db_.exec("PRAGMA foreign_keys = ON");
    db_.exec("PRAGMA ignore_check_constraints = OFF");
    db_.exec("PRAGMA wal_autocheckpoint = 1000");
    db_.exec("PRAGMA wal_checkpoint(PASSIVE)");
    db_.exec(fmt::format("PRAGMA cache_size = {}", cache_before_));
  } catch (const std::exception&) {
    // A connection that cannot run a PRAGMA is broken anyway; the error that got us here matters.
  }
}

}  // namespace vrathaus
