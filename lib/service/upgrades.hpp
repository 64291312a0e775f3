#pragma once
// Tier upgrades: request, perform (in person or by online ID), reject, downgrade. Every rule lives
// here and runs the same locally and behind `serve`.
#include "domain/account.hpp"
#include "domain/upgrade.hpp"
#include "service/context.hpp"
#include "store/upgrade_rows.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct PerformUpgrade {
  std::string account;  // id or login
  std::string tier;
  std::string method = "in-person";
  // in person
  std::optional<std::string> office, document_type, document_number, document_country;
  std::optional<Date> document_expiry;
  std::optional<std::string> second_staff;                 // authority: the four-eyes partner
  std::optional<std::string> register_court, register_no;  // business: register evidence
  // online ID
  std::optional<std::string> eid_pseudonym;
  // in person: the appointment it fulfils; without it, the account's upgrade appointment of
  // today at that office, if there is one
  std::optional<std::int64_t> appointment = std::nullopt;
};

struct UpgradeDone {
  Upgrade upgrade;
  std::vector<std::string> warnings;  // e.g. the document already verified another account
  std::optional<std::int64_t> appointment = std::nullopt;  // the appointment it fulfilled
};

struct Downgraded {
  Account account;
  std::vector<std::int64_t> revoked;  // upgrades revoked by it
  std::vector<std::int64_t> permits_ended;  // parking permits ended by it (a guest holds none)
};

Upgrade request_upgrade(Context& ctx, const std::string& account, const std::string& tier);
UpgradeDone perform_upgrade(Context& ctx, const PerformUpgrade& input);
// The second staff member of an authority upgrade confirms it, the same day, with their own
// identity; only then does the account change.
UpgradeDone confirm_upgrade(Context& ctx, std::int64_t upgrade_id);
// A pending request is rejected by a certified staff member; an upgrade awaiting confirmation
// only by its second staff member (refusing to confirm).
Upgrade reject_upgrade(Context& ctx, std::int64_t upgrade_id, const std::string& reason);
Downgraded downgrade_account(Context& ctx, const std::string& account, const std::string& tier, const std::string& reason);

// As of today: an upgrade awaiting confirmation whose day has passed reads as expired.
Upgrade find_upgrade(Context& ctx, std::int64_t id);  // not found → exit 3
std::vector<Upgrade> upgrades_of_account(Context& ctx, std::int64_t account_id);
std::vector<Upgrade> upgrades_as_of_today(Context& ctx, UpgradeQuery query);

}  // namespace vrathaus
