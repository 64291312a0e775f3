#pragma once
// Reading and writing upgrade rows, eID bindings and staff members' own accounts; only SQL with
// bound parameters, no rules.
#include "domain/upgrade.hpp"

#include "store/sql/sql.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

std::int64_t insert_upgrade(sql::Connection& db, const Upgrade& u);  // returns the new id
void update_upgrade(sql::Connection& db, const Upgrade& u);
std::optional<Upgrade> load_upgrade(sql::Connection& db, std::int64_t id);
std::optional<Upgrade> pending_upgrade(sql::Connection& db, std::int64_t account_id);
std::optional<Upgrade> awaiting_upgrade(sql::Connection& db, std::int64_t account_id);

struct UpgradeQuery {
  std::string status;
  std::optional<std::int64_t> account_id;
  std::int64_t after_id = 0;  // keyset cursor
  std::optional<std::int64_t> limit;
  std::string today;  // YYYY-MM-DD: filter lapsed awaiting-confirmation upgrades as expired
};
std::vector<Upgrade> query_upgrades(sql::Connection& db, const UpgradeQuery& q);

// Marks the upgrades awaiting confirmation whose last day is before `today` as expired.
int expire_lapsed_upgrades(sql::Connection& db, const std::string& today);

// Other accounts whose performed upgrades used the document with this keyed hash.
std::vector<std::int64_t> accounts_with_document(sql::Connection& db, const std::string& document_hash,
                                                 std::int64_t except_account);

// The account an eID pseudonym (keyed hash) verified, if any; binding is once and for all.
std::optional<std::int64_t> eid_account(sql::Connection& db, const std::string& pseudonym_hash);
void bind_eid(sql::Connection& db, const std::string& pseudonym_hash, std::int64_t account_id, const std::string& at);

// Forgets the evidence of an erased account's upgrades (GDPR art. 17): hashes, document data,
// eID binding. The upgrades themselves (who, when, which tier) remain as history.
void erase_upgrade_evidence(sql::Connection& db, std::int64_t account_id);

// Staff members' own portal accounts.
std::vector<std::string> staff_owning_account(sql::Connection& db, std::int64_t account_id);
std::vector<std::int64_t> accounts_of_staff(sql::Connection& db, const std::string& staff);
bool link_staff_account(sql::Connection& db, const std::string& staff, std::int64_t account_id, const std::string& at);
bool unlink_staff_account(sql::Connection& db, const std::string& staff, std::int64_t account_id);

}  // namespace vrathaus
