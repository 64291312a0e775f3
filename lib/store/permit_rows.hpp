#pragma once
// Reading and writing permit and charge rows; no rules here, only SQL with bound parameters.
#include "domain/permit_period.hpp"

#include "store/sql/sql.hpp"
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct PermitRow {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string plate, zone;
  PermitPeriod period;
  std::string status = "active";  // stored: active or revoked
  bool auto_renew = true;
  std::int64_t fee_cents = 0;
  std::optional<std::int64_t> renewed_from;
  std::optional<Date> revoked_on;
  std::optional<std::string> revoke_reason;
  std::string created_by, created_at;
};

std::optional<PermitRow> load_permit(sql::Connection& db, std::int64_t id);
std::int64_t insert_permit(sql::Connection& db, const PermitRow& p, const std::string& now);
// The id of the permit that renewed this one, if any.
std::optional<std::int64_t> renewal_of(sql::Connection& db, std::int64_t permit_id);

struct PermitQuery {
  std::int64_t account_id = 0;     // 0: every account
  std::string status;              // active, upcoming, expired, revoked (as shown on `today`)
  std::optional<Date> expiring_before;
  Date today;
  std::int64_t after_id = 0;
  std::optional<std::int64_t> limit;
};
std::vector<PermitRow> query_permits(sql::Connection& db, const PermitQuery& q);

// An active permit for this plate valid on `today` or later (any account's): its id and last day.
std::optional<std::pair<std::int64_t, Date>> active_permit_for_plate(sql::Connection& db, const std::string& plate,
                                                                     const Date& today);
// Permits the account holds on `today` or later, a permit and its renewal counted once.
std::int64_t permits_held(sql::Connection& db, std::int64_t account_id, const Date& today);
void mark_permit_revoked(sql::Connection& db, std::int64_t id, const Date& on, const std::string& reason, const std::string& now);
// Cancels the permit's charges that are still open; their ids.
std::vector<std::int64_t> cancel_open_charges_of_permit(sql::Connection& db, std::int64_t permit_id);

// The JSON form: status as shown on `today`.
nlohmann::json permit_json(const PermitRow& p, const Date& today);

struct ChargeRow {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::optional<std::int64_t> permit_id, mandate_id, batch;
  std::int64_t amount_cents = 0;
  Date due_on;
  std::string status;  // open, exported, paid, cancelled, returned, disputed
  std::string created_at;
  std::optional<std::string> sequence;
  std::string kind = "permit";          // permit, re-presentation, return-fee
  std::optional<std::int64_t> origin;   // the returned charge a re-presentation or fee is for
  std::optional<std::string> end_to_end_id, return_reason;
};

std::int64_t insert_charge(sql::Connection& db, const ChargeRow& c);
std::optional<ChargeRow> load_charge(sql::Connection& db, std::int64_t id);
std::optional<ChargeRow> load_charge_of_permit(sql::Connection& db, std::int64_t permit_id);

struct ChargeQuery {
  std::int64_t account_id = 0;
  std::string status;
  std::optional<std::int64_t> batch;
  std::int64_t after_id = 0;
  std::optional<std::int64_t> limit;
  // Only overdue charges (store/overdue_sql.hpp) on `today` (YYYY-MM-DD) after `grace_days`.
  bool overdue = false;
  std::string today;
  int grace_days = 0;
};
std::vector<ChargeRow> query_charges(sql::Connection& db, const ChargeQuery& q);

nlohmann::json charge_json(const ChargeRow& c);

}  // namespace vrathaus
