#include "domain/account.hpp"

#include "core/error.hpp"
#include "domain/folding.hpp"

#include <algorithm>
#include <charconv>

namespace vrathaus {

int tier_rank(std::string_view tier, std::string_view field) {
  const auto& t = tiers();
  auto it = std::find(t.begin(), t.end(), tier);
  if (it == t.end()) fail_field(field, "'{}' is not a tier (guest, private, business, authority)", tier);
  return int(it - t.begin());
}

void check_account_status(std::string_view status, std::string_view field) {
  const auto& s = account_statuses();
  if (std::find(s.begin(), s.end(), status) == s.end())
    fail_field(field, "'{}' is not a status (active, suspended, closed)", status);
}

bool is_account_id(std::string_view text) {
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc{} && end == text.data() + text.size();
}

std::string assurance_for(std::string_view method) {
  if (method == "online-id") return "high";
  if (method == "in-person" || method == "systemhaus") return "substantial";
  return "low";
}

std::string Account::folded_name() const {
  std::string name;
  if (company_name) name = *company_name;
  if (given_name || family_name) name = given_name.value_or("") + " " + family_name.value_or("");
  return fold_german(name);
}

const std::vector<std::string>& editable_account_fields() {
  static const std::vector<std::string> f{
      "given_name", "family_name", "birth_date", "company_name", "legal_form", "register_court", "register_no",
      "vat_id",     "street",      "house_no",   "postal_code",  "city",       "phone",          "contact_given_name",
      "contact_family_name"};
  return f;
}

const std::vector<std::string>& verified_account_fields() {
  static const std::vector<std::string> f{"given_name",     "family_name", "birth_date", "company_name",
                                          "legal_form",     "register_court", "register_no", "vat_id"};
  return f;
}

std::optional<std::string>* account_field(Account& a, std::string_view n) {
  if (n == "given_name") return &a.given_name;
  if (n == "family_name") return &a.family_name;
  if (n == "birth_date") return &a.birth_date;
  if (n == "company_name") return &a.company_name;
  if (n == "legal_form") return &a.legal_form;
  if (n == "register_court") return &a.register_court;
  if (n == "register_no") return &a.register_no;
  if (n == "vat_id") return &a.vat_id;
  if (n == "customer_no") return &a.customer_no;
  if (n == "street") return &a.street;
  if (n == "house_no") return &a.house_no;
  if (n == "postal_code") return &a.postal_code;
  if (n == "city") return &a.city;
  if (n == "phone") return &a.phone;
  if (n == "contact_given_name") return &a.contact_given_name;
  if (n == "contact_family_name") return &a.contact_family_name;
  return nullptr;
}

void to_json(nlohmann::json& j, const Account& a) {
  auto opt = [](const std::optional<std::string>& v) -> nlohmann::json { return v ? nlohmann::json(*v) : nullptr; };
  j = nlohmann::json{
      {"id", a.id},
      {"login", a.login},
      {"tier", a.tier},
      {"status", a.status},
      {"given_name", opt(a.given_name)},
      {"family_name", opt(a.family_name)},
      {"birth_date", opt(a.birth_date)},
      {"company_name", opt(a.company_name)},
      {"legal_form", opt(a.legal_form)},
      {"register_court", opt(a.register_court)},
      {"register_no", opt(a.register_no)},
      {"vat_id", opt(a.vat_id)},
      {"customer_no", opt(a.customer_no)},
      {"street", opt(a.street)},
      {"house_no", opt(a.house_no)},
      {"postal_code", opt(a.postal_code)},
      {"city", opt(a.city)},
      {"phone", opt(a.phone)},
      {"contact_given_name", opt(a.contact_given_name)},
      {"contact_family_name", opt(a.contact_family_name)},
      {"assurance", a.assurance},
      {"verified_at", opt(a.verified_at)},
      {"verified_by", opt(a.verified_by)},
      {"verification_method", opt(a.verification_method)},
      {"verified_office", opt(a.verified_office)},
      {"erased_at", opt(a.erased_at)},
      {"identity_changed_at", opt(a.identity_changed_at)},
      {"identity_changed_by", opt(a.identity_changed_by)},
      {"created_at", a.created_at},
      {"updated_at", a.updated_at},
      {"version", a.version},
  };
}

}  // namespace vrathaus
