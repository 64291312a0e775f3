#pragma once
// Tier upgrades: the upgrade record and the pure rules about ID documents, methods and tiers. No
// I/O here; the service decides who may act.
#include "core/date.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus {

// pending → performed | rejected; performed → revoked (by a downgrade). An authority upgrade
// goes (pending →) awaiting-confirmation → performed | rejected | expired: the second staff
// member confirms it the same day, or it lapses when that day has passed.
const std::vector<std::string>& upgrade_statuses();
void check_upgrade_status(std::string_view status, std::string_view field = "status");

// in-person (document check at an office counter) or online-id (the eID online function).
const std::vector<std::string>& upgrade_methods();
std::string check_upgrade_method(std::string_view method, std::string_view field = "method");

// A tier an upgrade can reach: private, business or authority. Returns it; exit 5 otherwise.
std::string check_upgrade_target(std::string_view tier, std::string_view field = "tier");

// The certification whose holders verify (and so may later correct) an account of this tier:
// authority-accounts for authority, identity-check for the others.
const char* certification_to_verify(std::string_view tier);

// The identity documents accepted at the counter.
const std::vector<std::string>& document_types();
std::string check_document_type(std::string_view type, std::string_view field = "document_type");

// The number as printed, reduced to its comparable form: ASCII letters upper-cased, spaces and
// hyphens dropped; 5..20 of A-Z, 0-9. Error messages never repeat the number (it must not reach
// the audit log or a server log in clear).
std::string normalise_document_number(std::string_view number, std::string_view field = "document_number");

// ISO 3166-1 alpha-2, upper-cased ("DE").
std::string check_country_code(std::string_view code, std::string_view field = "document_country");

// A document is acceptable on `today` when it expires today or later.
void check_document_not_expired(const Date& expiry, const Date& today, std::string_view field = "document_expiry");

// The eID's restricted identifier as the portal passes it on: 1..512 printable ASCII characters.
// Like the document number, never echoed in messages.
std::string check_eid_pseudonym(std::string_view pseudonym, std::string_view field = "eid_pseudonym");

struct Upgrade {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string from_tier, to_tier;
  std::string status = "pending";
  std::optional<std::string> method, office, staff, second_staff;
  std::optional<std::string> document_type, document_hash, document_expiry, document_country;
  std::optional<std::string> register_court, register_no;
  std::optional<std::string> eid_pseudonym_hash;
  std::string requested_at, requested_by;
  std::optional<std::string> decided_at, reason, revoked_at, revoked_by;
  std::optional<std::string> confirmed_at;    // when the second staff member confirmed
  std::optional<std::string> awaiting_until;  // last local day the confirmation may come (YYYY-MM-DD)
};

// An upgrade awaiting confirmation whose day has passed: it counts as expired, whether or not
// the store has been told so yet (nothing runs at midnight to tell it).
bool awaiting_has_lapsed(const Upgrade& u, const Date& today);

// The stable JSON. Hashes stay inside the store: they are never printed.
void to_json(nlohmann::json& j, const Upgrade& u);

}  // namespace vrathaus
