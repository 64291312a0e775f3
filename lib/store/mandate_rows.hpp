#pragma once
// Reading and writing SEPA mandate rows; no rules here (which mandate is usable, when one has
// lapsed: domain/mandate.hpp), only SQL with bound parameters.
#include "core/date.hpp"

#include "store/sql/sql.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus {

// Dates as stored (YYYY-MM-DD): shown as they are.
struct MandateRow {
  std::int64_t id = 0, account_id = 0;
  std::string iban;
  std::optional<std::string> bic;
  std::string reference, signed_on;
  std::string status = "active";  // stored: active or revoked
  std::optional<std::string> last_used_on, revoked_on, revoke_reason;
  std::string created_at;
};

std::optional<MandateRow> load_mandate(sql::Connection& db, std::int64_t id);
// The mandate with this reference, compared case-insensitively.
std::optional<MandateRow> load_mandate_by_reference(sql::Connection& db, const std::string& reference);
// Mandates of one account (every account when 0) with ids above `after_id`, by id.
std::vector<MandateRow> query_mandates(sql::Connection& db, std::int64_t account_id, std::int64_t after_id,
                                       std::optional<std::int64_t> limit);
// A new active mandate (bic empty: none); its id.
std::int64_t insert_mandate(sql::Connection& db, const MandateRow& m, const std::string& now);
// The mandate charges for an account use: the most recently signed usable one
// (store/usable_mandate_sql.hpp). As SQL, a scalar subquery giving its id or NULL for the account
// whose id is `account_id_sql`; bind the usable-mandate parameters (bind_usable_mandate).
std::string charging_mandate_sql(std::string_view account_id_sql);
// The same for one account on `day`.
std::optional<std::int64_t> usable_mandate_of(sql::Connection& db, std::int64_t account_id, const Date& day);
void mark_mandate_revoked(sql::Connection& db, std::int64_t id, const Date& on, const std::string& reason, const std::string& now);

}  // namespace vrathaus
