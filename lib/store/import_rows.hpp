#pragma once
// The SQL of the business-customer import: prepared once per run and reused for every row (a
// million rows must not mean a million statement compilations), with bound parameters only.
#include "domain/business_row.hpp"

#include "store/sql/sql.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vrathaus {

// The account fields an import row sets, in one fixed order (their JSON names).
inline constexpr std::array<std::string_view, 13> kImportedFields{
    "login",       "company_name", "legal_form", "register_court", "register_no", "vat_id", "street",
    "house_no",    "postal_code",  "city",       "phone",          "contact_given_name", "contact_family_name"};

// A row's values in kImportedFields order, pointing into the row; nullptr is SQL NULL.
using ImportedValues = std::array<const std::string*, kImportedFields.size()>;
ImportedValues imported_values(const BusinessRow& row);

// An existing account as the import sees it. Reused from row to row (its strings keep their
// capacity), so looking up a million accounts allocates next to nothing.
struct ExistingAccount {
  std::int64_t id = 0;
  std::string tier, status;
  std::array<std::string, kImportedFields.size()> values;
  std::array<bool, kImportedFields.size()> null{};

  bool same(std::size_t field, const std::string* v) const { return v ? !null[field] && values[field] == *v : null[field]; }
  std::optional<std::string> value(std::size_t field) const {
    return null[field] ? std::nullopt : std::optional<std::string>(values[field]);
  }
};

struct LoginOwner {
  std::int64_t id = 0;
  std::optional<std::string> customer_no;
};

// What every write of one batch shares.
struct ImportStamp {
  std::string now;    // RFC 3339 UTC
  std::string actor;  // verified_by
  std::int64_t run = 0;
};

struct ImportRunCounts {
  std::int64_t rows = 0, created = 0, updated = 0, unchanged = 0, rejected = 0;
};

class KeysInSlices;

class ImportRows {
public:
  explicit ImportRows(sql::Connection& db);
  ~ImportRows();

  // The account with this customer number, into `out`; false when there is none.
  bool find(const std::string& customer_no, ExistingAccount& out);
  // The account whose login is `email` (case-insensitive), if any.
  std::optional<LoginOwner> login_owner(const std::string& email);
  // Looks up a batch's customer numbers and logins (folded: to_lower_ascii) all at once, so that
  // find() and login_owner() answer for them from memory: on PostgreSQL each lookup would be a
  // round trip. Replaces what an earlier prefetch() read; other keys are still looked up.
  void prefetch(std::span<const std::string> customer_nos, std::span<const std::string> login_keys);
  // An update moved an account away from this login (folded): it is looked up again when asked.
  void forget_login(const std::string& login_key);
  // A new business account verified by the IT provider; returns its id, or 0 (and changes
  // nothing) when its customer number or login exists already.
  std::int64_t insert(const BusinessRow& row, const ImportStamp& stamp);
  // Takes back an insert() of this batch that turned out to be refused (its mandate reference was
  // taken): the account never existed outside the transaction.
  void undo_insert(std::int64_t id);
  // Writes the row's values over account `id` and bumps its version.
  void update(std::int64_t id, const BusinessRow& row, const ImportStamp& stamp);

  std::int64_t start_run(const std::string& file, const std::string& sha256, const std::string& on_error,
                         const ImportStamp& stamp);
  void record_progress(std::int64_t run, const ImportRunCounts& counts, const std::string& now, bool done);

  // Earlier runs of the same file that never finished (killed, or still running elsewhere), with
  // what their committed batches had done.
  struct UnfinishedRun {
    std::int64_t id = 0;
    std::string actor, started_at, updated_at;
    ImportRunCounts counts;
  };
  std::vector<UnfinishedRun> unfinished_runs(const std::string& sha256, std::int64_t except_run);

  // The first pass's result for a file, by its SHA-256 and the options that pass depended on.
  struct FileKeys {
    std::string delimiter;
    std::string duplicates;  // encoded by service/import_keys.cpp
  };
  bool knows_file_size(std::uint64_t size, const std::string& options);
  std::optional<FileKeys> file_keys(const std::string& sha256, const std::string& options);
  void save_file_keys(const std::string& sha256, const std::string& options, std::uint64_t size, const FileKeys& keys,
                      const std::string& now);

private:
  sql::Connection& db_;
  sql::Statement find_;
  sql::Statement owner_, insert_, update_, delete_;
  // prefetch(): its statements (prepared on first use) and what they found, nullopt for a key
  // that has no account.
  std::unique_ptr<KeysInSlices> find_many_, owners_many_;
  std::unordered_map<std::string, std::optional<ExistingAccount>> accounts_by_customer_no_;
  std::unordered_map<std::string, std::optional<LoginOwner>> owners_by_login_;
};

}  // namespace vrathaus
