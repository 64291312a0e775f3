#pragma once
// Reading and writing what the bank's return files did: the files, each entry, and the charges,
// mandates and permits they change. SQL with bound parameters; which reason code does what is
// decided by the caller (domain/return_policy).
#include "store/keys_in_slices.hpp"
#include "store/sql/sql.hpp"
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace vrathaus {

struct BankFileRow {
  std::int64_t id = 0;
  std::string sha256, name, kind, namespace_uri, msg_id, imported_at, imported_by;
  std::int64_t entries = 0, applied = 0, unmatched = 0;
};

std::optional<BankFileRow> find_bank_file(sql::Connection& db, const std::string& sha256);
// The file's row, or nullopt when a file with its SHA-256 is there already: the unique constraint
// decides, so of two imports of one file at the same moment on two instances, one inserts and the
// other (once the first has committed) finds it imported.
std::optional<std::int64_t> insert_bank_file(sql::Connection& db, const BankFileRow& f);
void set_bank_file_counts(sql::Connection& db, std::int64_t id, std::int64_t entries, std::int64_t applied,
                          std::int64_t unmatched);
nlohmann::json bank_file_json(const BankFileRow& f);

// The charge an EndToEndId names, with what the return policy needs to know about it.
struct ReturnTarget {
  std::int64_t charge_id = 0, account_id = 0, amount_cents = 0;
  std::optional<std::int64_t> permit_id, mandate_id;
  std::string status, kind;
  bool re_presented = false;       // a re-presentation of it exists already
  bool mandate_revocable = false;  // its mandate is active and no earlier entry of this file revokes it
  // The status an earlier entry of this file gives the charge ("returned" or "disputed").
  std::optional<std::string> status_set_by_file;
};

// One entry of the file, matched and decided, waiting to be applied.
struct StagedReturn {
  std::string end_to_end_id, mandate_ref, reason;
  std::optional<std::int64_t> amount_cents;
  std::optional<ReturnTarget> charge;  // nullopt: unmatched
  bool applies = false;                // it changes its charge (the first entry for a charge still exported)
  std::string new_status;              // what it makes of the charge when it applies: returned or disputed
  std::string outcome;                 // returned, re-presented, disputed, revoked, already-…, unmatched
  bool re_present = false, revokes_mandate = false, stops_renewal = false;
  std::int64_t seq = 0;  // its place in the file, given by the staging
};

// The entries of one bank file, staged in a TEMP table while the file is read (matched and decided
// one by one) and applied a chunk at a time with a handful of set statements: an entry at a time
// cost six writes each, 4.7 s for 100,000 returns. A charge, mandate or permit an applied chunk
// changed is found changed by the next chunk's entries, as by the next file's; what the staged
// entries of the current chunk do to a charge or mandate is kept in memory (a chunk's worth), which
// spares the staging table two indexes and each lookup two subqueries on it.
class BankReturnStaging {
public:
  // Ids looked up by one statement, entries written by one: a statement per entry cost a round
  // trip each on PostgreSQL (90 s for 100,000 returns) and its own execution on SQLite.
  static constexpr std::size_t kLookUpBatch = 256, kInsertBatch = 128;

  explicit BankReturnStaging(sql::Connection& db);
  // Looks up the charges up to kLookUpBatch EndToEndIds name; match() then gives each entry its
  // charge as the entries staged so far leave it. Look up only between chunks' applications:
  // what is looked up before apply() is stale after it.
  void look_up(const std::vector<std::string>& end_to_end_ids);
  std::optional<ReturnTarget> match(const std::string& end_to_end_id) const;
  std::optional<ReturnTarget> find_charge(const std::string& end_to_end_id);  // look_up and match one
  void add(const StagedReturn& entry);
  std::size_t size() const { return staged_; }
  // Forgets the staged entries without applying them.
  void discard();
  // Applies the staged entries and empties the staging: settles the charges (returned or disputed,
  // with the reason), adds the re-presentations and return fees (fee_cents > 0) as open charges in
  // file order, revokes the mandates, stops the accounts' permits renewing and records every entry
  // under `file_id`. Returns how many permits stopped renewing.
  std::int64_t apply(std::int64_t file_id, const std::string& file_name, const std::string& today,
                     const std::string& now, std::int64_t fee_cents);

private:
  void write_unwritten();

  sql::Connection& db_;
  KeysInSlices find_;
  sql::Statement insert_;
  std::unordered_map<std::string, ReturnTarget> looked_up_;  // the last look_up's charges by EndToEndId
  std::vector<StagedReturn> unwritten_;                       // added, not yet in the staging table
  std::size_t staged_ = 0;
  std::int64_t next_seq_ = 1;
  std::unordered_map<std::int64_t, std::string> settled_;  // charge → the status a staged entry gives it
  std::unordered_set<std::int64_t> revoking_;                // mandates a staged entry revokes
};

// What the bank's files said about one charge, oldest first.
nlohmann::json bank_returns_of_charge(sql::Connection& db, std::int64_t charge_id);

}  // namespace vrathaus
