#pragma once
// Reading and writing identity_changes rows; only SQL with bound parameters, no rules.
#include "domain/identity_change.hpp"

#include "store/sql/sql.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

std::int64_t insert_identity_change(sql::Connection& db, const IdentityChange& c);  // returns the new id
// Writes status, decided_at and decided_by (the rest never changes).
void update_identity_change(sql::Connection& db, const IdentityChange& c);
std::optional<IdentityChange> load_identity_change(sql::Connection& db, std::int64_t id);
// The account's change awaiting confirmation, if any (at most one; its day may have passed).
std::optional<IdentityChange> awaiting_identity_change(sql::Connection& db, std::int64_t account_id);
// Marks awaiting changes whose last day is before `today` as expired.
int expire_lapsed_identity_changes(sql::Connection& db, const std::string& today);

struct IdentityChangeQuery {
  std::optional<std::int64_t> account_id;
  std::string status;  // "" for all; with `today`, lapsed awaiting changes filter as expired
  std::string today;
};
std::vector<IdentityChange> query_identity_changes(sql::Connection& db, const IdentityChangeQuery& q);

}  // namespace vrathaus
