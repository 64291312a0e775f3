#pragma once
// Reading and writing what the bank's return files did: the files, each entry, and the charges,
// mandates and permits they change. No rules here, only SQL with bound parameters; the statements
// are prepared once per import, so 100,000 entries cost 100,000 steps, not 100,000 preparations.
#include "store/sql/sql.hpp"
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace vrathaus {

struct BankFileRow {
  std::int64_t id = 0;
  std::string sha256, name, kind, namespace_uri, msg_id, imported_at, imported_by;
  std::int64_t entries = 0, applied = 0, unmatched = 0;
};

std::optional<BankFileRow> find_bank_file(sql::Connection& db, const std::string& sha256);
std::int64_t insert_bank_file(sql::Connection& db, const BankFileRow& f);
void set_bank_file_counts(sql::Connection& db, std::int64_t id, std::int64_t entries, std::int64_t applied,
                          std::int64_t unmatched);
nlohmann::json bank_file_json(const BankFileRow& f);

// The charge an EndToEndId names, with what the return policy needs to know about it.
struct ReturnTarget {
  std::int64_t charge_id = 0, account_id = 0, amount_cents = 0;
  std::optional<std::int64_t> permit_id, mandate_id;
  std::string status, kind;
  bool re_presented = false;  // a re-presentation of it exists already
};

class BankReturnRows {
public:
  explicit BankReturnRows(sql::Connection& db);
  std::optional<ReturnTarget> find_charge(const std::string& end_to_end_id);
  // Sets status 'returned' or 'disputed' with the reason, only if the charge is still exported;
  // false when it was not (then nothing changed).
  bool settle(std::int64_t charge_id, const std::string& status, const std::string& reason, const std::string& day);
  // A new open charge pointing at `origin`: its re-presentation or the return fee.
  std::int64_t add_follow_up(const ReturnTarget& origin, const std::string& kind, std::int64_t amount_cents,
                             const std::string& due_on, const std::string& now);
  // Revokes the mandate if it is active; true when it was.
  bool revoke_mandate(std::int64_t mandate_id, const std::string& day, const std::string& reason, const std::string& now);
  // The account's permits stop renewing themselves; returns how many did.
  std::int64_t stop_auto_renew(std::int64_t account_id, const std::string& now);
  void record(std::int64_t file_id, const std::string& end_to_end_id, const std::string& mandate_id,
              std::optional<std::int64_t> amount_cents, const std::string& reason, std::optional<std::int64_t> charge_id,
              const std::string& outcome);

private:
  sql::Connection& db_;
  sql::Statement find_, settle_, follow_up_, revoke_, stop_renew_, record_;
};

// What the bank's files said about one charge, oldest first.
nlohmann::json bank_returns_of_charge(sql::Connection& db, std::int64_t charge_id);

}  // namespace vrathaus
