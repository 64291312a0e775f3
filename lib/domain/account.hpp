#pragma once
// Accounts: tiers, statuses, the fields a person or an organisation has.
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus {

// Tiers in ascending order of trust: an upgrade goes up this list, a downgrade down.
inline const std::vector<std::string>& tiers() {
  static const std::vector<std::string> t{"guest", "private", "business", "authority"};
  return t;
}
// Position in tiers(); throws invalid naming `field` for an unknown tier.
int tier_rank(std::string_view tier, std::string_view field = "tier");

inline const std::vector<std::string>& account_statuses() {
  static const std::vector<std::string> s{"active", "suspended", "closed"};
  return s;
}
void check_account_status(std::string_view status, std::string_view field = "status");

// Accounts are named by their numeric id or by their login: whether `text` is an id.
bool is_account_id(std::string_view text);

// eIDAS assurance from how the account was verified: low (guest), substantial (in person or the
// IT provider), high (online ID).
std::string assurance_for(std::string_view verification_method);

struct Account {
  std::int64_t id = 0;
  std::string login;
  std::string tier = "guest";
  std::string status = "active";
  std::optional<std::string> given_name, family_name, birth_date;
  std::optional<std::string> company_name, legal_form, register_court, register_no, vat_id, customer_no;
  std::optional<std::string> street, house_no, postal_code, city, phone;
  std::optional<std::string> contact_given_name, contact_family_name;
  std::string assurance = "low";
  std::optional<std::string> verified_at, verified_by, verification_method, verified_office;
  std::optional<std::string> erased_at;
  // Who last changed the identity fields (verified_account_fields), and when: that staff member
  // may not upgrade the account for 30 days.
  std::optional<std::string> identity_changed_at, identity_changed_by;
  std::string created_at, updated_at;
  std::int64_t version = 1;

  bool is_organisation() const { return company_name.has_value(); }
  // The name used for search and duplicate warnings, German-folded.
  std::string folded_name() const;
};

// The fields a caller may set on create or update, by their JSON names.
const std::vector<std::string>& editable_account_fields();
// Fields locked once an account is verified (identity of the person or organisation).
const std::vector<std::string>& verified_account_fields();

// Access by JSON name, for generic update/diff code.
std::optional<std::string>* account_field(Account& a, std::string_view name);

void to_json(nlohmann::json& j, const Account& a);

}  // namespace vrathaus
