#pragma once
// SEPA direct-debit mandates: add, list, revoke, find. Used by the CLI/REST operations and by the
// business-customer import (one mandate per imported row).
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace vrathaus {

struct NewMandate {
  std::int64_t account_id = 0;
  std::string iban, bic, reference, signed_on;  // bic may be empty; signed_on is YYYY-MM-DD
};

// Validates every field (exit 5 naming it), requires the account to exist (exit 3) and not be
// closed, refuses a reference that exists already, compared case-insensitively (exit 4), audits
// "mandates.add" and returns the mandate JSON (id, account_id, iban, bic, reference, signed_on,
// status, last_used_on).
nlohmann::json add_mandate(Context& ctx, const NewMandate& m);

// The mandate with this reference (case-insensitive), or nullopt.
std::optional<nlohmann::json> find_mandate_by_reference(Context& ctx, const std::string& reference);

// One mandate by id (exit 3 when there is none).
nlohmann::json show_mandate(Context& ctx, std::int64_t id);

// Mandates of one account (or all when account_id is 0), keyset-paged by id.
nlohmann::json list_mandates(Context& ctx, std::int64_t account_id, std::int64_t after_id,
                             std::optional<std::int64_t> limit);

// Ends a mandate: it is never charged again; open charges that would use it stay open and are
// reported by the export. Audited with the reason (optional: debtors need not give one).
nlohmann::json revoke_mandate(Context& ctx, std::int64_t id, const std::string& reason);

// The mandate that charges for this account use: active, not lapsed (used or signed within the
// last 36 months), the most recently signed. nullopt when there is none.
std::optional<std::int64_t> usable_mandate(Context& ctx, std::int64_t account_id);

}  // namespace vrathaus
