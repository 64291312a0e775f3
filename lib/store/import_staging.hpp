#pragma once
// The business import's set-based merge, for engines where every statement is a round trip
// (PostgreSQL): a batch's valid rows are streamed with COPY into a staging table, and one statement
// creates every new customer's account and mandate. What that statement did not create (a known
// customer, a login or mandate reference held elsewhere) goes through ImportRows' per-row lookups,
// which find out why. On SQLite, in-process, the per-row statements are as fast, and the import
// keeps them.
#include "domain/business_row.hpp"
#include "store/import_rows.hpp"
#include "store/sql/sql.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace vrathaus {

class KeysInSlices;

// A valid row of the batch and its line in the file.
struct StagedRow {
  std::int64_t line = 0;
  const BusinessRow* row = nullptr;
};

// An account the set statement created, and whether the row's mandate (if it has one) was created
// with it: false when its reference was taken, and the account must be taken back.
struct CreatedRow {
  std::int64_t line = 0;
  std::int64_t account_id = 0;
  bool mandate_added = false;
};

class ImportStaging {
public:
  // Whether the store's engine merges an import's batches in sets (PostgreSQL).
  static bool merges_in_sets(sql::Connection& db);

  explicit ImportStaging(sql::Connection& db);
  ~ImportStaging();

  // Replaces the staging table's rows by `rows` (in the caller's transaction).
  void load(std::span<const StagedRow> rows);
  // The lines of the staged rows that would change nothing: a business account, not closed, has
  // the customer number with exactly these values, and holds the row's mandate (if it has one) with
  // the same IBAN, BIC and signature date. Ascending. Run before create_new(), whose accounts
  // would otherwise count as found unchanged.
  std::vector<std::int64_t> unchanged_lines();
  // Creates, in line order, the account (and mandate) of every staged row whose customer number
  // is new, unless its login (or mandate reference) is taken; returns them in line order.
  std::vector<CreatedRow> create_new(const ImportStamp& stamp);
  // Writes the staged rows of these lines (as text) over the accounts with their customer numbers,
  // as ImportRows::update() writes one.
  void update_known(std::span<const std::string> lines, const ImportStamp& stamp);

private:
  sql::Connection& db_;
  std::string line_;  // the line number as text, for COPY
  std::unique_ptr<KeysInSlices> update_;  // update_known(), prepared on first use
};

}  // namespace vrathaus
