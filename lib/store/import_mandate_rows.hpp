#pragma once
// The SQL of the import's SEPA mandates (service/import_mandates.hpp has the rules): prepared on
// first use and reused for every row.
#include "domain/business_row.hpp"
#include "store/import_rows.hpp"
#include "store/sql/sql.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

namespace vrathaus {

// The mandate that holds a reference already.
struct HeldReference {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  bool same_data = false;  // the same IBAN, BIC and signature date as the mandate looked for
};

class ImportMandateRows {
public:
  explicit ImportMandateRows(sql::Connection& db);
  ~ImportMandateRows();

  // The mandate whose reference, upper-cased, is `reference_key` (as the index keeps it), compared
  // with `m`; nullopt when the reference is free.
  std::optional<HeldReference> find(const std::string& reference_key, const BusinessMandate& m);
  // Looks up a batch's reference keys all at once (see ImportRows::prefetch); find() then answers
  // for them from memory. Replaces what an earlier prefetch() read.
  void prefetch(std::span<const std::string> reference_keys);
  // Creates `m` for `account_id`, stamped with the batch's time and run; false, and nothing
  // changed, when the reference is taken.
  bool insert(const BusinessMandate& m, std::int64_t account_id, const ImportStamp& stamp);

private:
  struct Statements;
  sql::Connection& db_;
  std::unique_ptr<Statements> q_;  // prepared on first use: files without mandates never touch the table
  // What prefetch() found, nullopt for a free reference.
  struct Held {
    std::int64_t id = 0, account_id = 0;
    std::string iban, bic, signed_on;
  };
  std::unordered_map<std::string, std::optional<Held>> held_;
};

}  // namespace vrathaus
