#pragma once
// Resident parking permit use cases: issue, show, list, revoke, and the annual renewal run.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

struct PermitRequest {
  std::string account;  // id or login
  std::string plate;
  std::string zone;
  std::optional<Date> from;  // default: today
  bool auto_renew = true;
  bool paid = false;  // paid at the counter: no mandate needed, the charge is recorded as paid
};

// Issues a permit and its charge. Refuses (exit 4) unless the account is an active private
// account whose address lies in the zone, has a usable SEPA mandate (or `paid`), the plate has no
// other active permit and the account is below city.permits.max_per_account. Returns the permit
// with its "charge".
nlohmann::json issue_permit(Context& ctx, const PermitRequest& request);

nlohmann::json show_permit(Context& ctx, std::int64_t id);

struct PermitListFilter {
  std::string account;  // id or login; empty: all
  std::string status;   // active, upcoming, expired, revoked
  std::optional<Date> expiring_before;
  std::int64_t after_id = 0;
  std::optional<std::int64_t> limit;
};
nlohmann::json list_permits(Context& ctx, const PermitListFilter& filter);

// Ends a permit (and a renewal of it that has not started) from today, with a reason; their
// charges that were not collected yet are cancelled.
nlohmann::json revoke_permit(Context& ctx, std::int64_t id, const std::string& reason);

// The renewal run (the cron job): every started, not yet renewed, auto-renew permit ending before
// the cut-off (default today + city.permits.renew_window_days) is renewed once with its charge, or
// reported with the reason it cannot be. {"ok", "due_before", "renewed", "not_renewed",
// "charges_created", "prenotifications"}; "ok" is false when any were not renewable.
nlohmann::json renew_permits(Context& ctx, std::optional<Date> due_before);

// Everything the permit capability holds about one account, for the GDPR art. 15 export:
// {"permits": [...], "mandates": [...], "charges": [...]}.
nlohmann::json account_permit_data(Context& ctx, std::int64_t account_id);

// The charge for a new permit period: the fee in force on its first day, due no earlier than
// the pre-notification period after today (and not before the period starts). Returns its id.
struct NewCharge {
  std::int64_t account_id = 0;
  std::int64_t permit_id = 0;
  std::optional<std::int64_t> mandate_id;  // none: paid at the counter
  std::int64_t amount_cents = 0;
  Date period_from;
};
std::int64_t create_charge(Context& ctx, const NewCharge& charge);
// The row create_charge() writes, for writers of many at once (the renewal run).
struct ChargeRow;
ChargeRow permit_charge_row(const Context& ctx, const NewCharge& charge);

}  // namespace vrathaus
