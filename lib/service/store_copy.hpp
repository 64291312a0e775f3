#pragma once
// `db copy`: a whole store into an empty store of either engine (SQLite ⇄ PostgreSQL), verified.
//
// The target must be empty (every table without rows; the schema-version bookkeeping aside) and is
// migrated to the same schema version first. Every table is copied with its ids in one transaction
// on the target, then counted and checksummed on both sides and the audit chain verified on both:
// a difference rolls the whole copy back. The source is held under its writer lock meanwhile, so
// no change slips in between reading and verifying. The target is a faithful copy, so nothing is
// appended to its audit chain; the source records the copy (db.copy, with the target's shown URL),
// since a whole-store copy is an export of everything held about everyone.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

struct StoreCopy {
  Store* target = nullptr;  // may be null only for a dry run onto a file that does not exist yet
  std::string shown_target;  // the target as messages may show it (no password)
  bool dry_run = false;      // counts and checks the target, writes nothing anywhere
};

// {"from", "to", "from_engine", "to_engine", "schema_version", "dry_run", "copied",
//  "tables": [{"table", "rows", "checksum", "verified"}], "rows", "audit": {"source", "target"}}.
// Refused (4) when the target holds rows or the source's audit chain does not verify; a copy
// that does not match its source is an internal error (70) with the target rolled back.
nlohmann::json copy_store(Context& source, const StoreCopy& copy);

}  // namespace vrathaus
