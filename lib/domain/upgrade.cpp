#include "domain/upgrade.hpp"

#include "core/error.hpp"
#include "domain/account.hpp"

#include <fmt/ranges.h>

#include <algorithm>

namespace vrathaus {
namespace {

std::string one_of(const std::vector<std::string>& allowed, std::string_view value, std::string_view field,
                   std::string_view what) {
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end())
    fail_field(field, "'{}' is not {} ({})", value, what, fmt::join(allowed, ", "));
  return std::string(value);
}

bool is_upper_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

}  // namespace

const std::vector<std::string>& upgrade_statuses() {
  static const std::vector<std::string> s{"pending", "awaiting-confirmation", "performed", "rejected", "revoked", "expired"};
  return s;
}

void check_upgrade_status(std::string_view status, std::string_view field) {
  one_of(upgrade_statuses(), status, field, "an upgrade status");
}

const char* certification_to_verify(std::string_view tier) {
  return tier == "authority" ? "authority-accounts" : "identity-check";
}

const std::vector<std::string>& upgrade_methods() {
  static const std::vector<std::string> m{"in-person", "online-id"};
  return m;
}

std::string check_upgrade_method(std::string_view method, std::string_view field) {
  return one_of(upgrade_methods(), method, field, "an upgrade method");
}

std::string check_upgrade_target(std::string_view tier, std::string_view field) {
  if (tier_rank(tier, field) == 0) fail_field(field, "an upgrade reaches private, business or authority, not guest");
  return std::string(tier);
}

const std::vector<std::string>& document_types() {
  static const std::vector<std::string> t{"id-card", "passport", "residence-permit"};
  return t;
}

std::string check_document_type(std::string_view type, std::string_view field) {
  return one_of(document_types(), type, field, "an accepted document type");
}

std::string normalise_document_number(std::string_view number, std::string_view field) {
  std::string out;
  for (char c : number) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
    if (!is_upper_alnum(c)) fail_field(field, "may contain only letters A-Z and digits (spaces and hyphens are ignored)");
    out += c;
  }
  if (out.size() < 5 || out.size() > 20) fail_field(field, "must have 5 to 20 letters or digits, has {}", out.size());
  return out;
}

std::string check_country_code(std::string_view code, std::string_view field) {
  std::string out(code);
  for (auto& c : out)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  if (out.size() != 2 || !std::all_of(out.begin(), out.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    fail_field(field, "'{}' is not an ISO 3166-1 country code (two letters, e.g. DE)", code);
  return out;
}

void check_document_not_expired(const Date& expiry, const Date& today, std::string_view field) {
  if (expiry < today) fail_field(field, "the document expired on {}; an expired document cannot prove identity", expiry.str());
}

std::string check_eid_pseudonym(std::string_view pseudonym, std::string_view field) {
  if (pseudonym.empty()) fail_field(field, "must not be empty");
  if (pseudonym.size() > 512) fail_field(field, "is longer than 512 characters");
  if (!std::all_of(pseudonym.begin(), pseudonym.end(), [](char c) { return c > 0x20 && c < 0x7f; }))
    fail_field(field, "may contain only printable ASCII characters without spaces");
  return std::string(pseudonym);
}

void to_json(nlohmann::json& j, const Upgrade& u) {
  auto opt = [](const std::optional<std::string>& v) -> nlohmann::json { return v ? nlohmann::json(*v) : nullptr; };
  j = nlohmann::json{
      {"id", u.id},
      {"account_id", u.account_id},
      {"from_tier", u.from_tier},
      {"to_tier", u.to_tier},
      {"status", u.status},
      {"method", opt(u.method)},
      {"office", opt(u.office)},
      {"staff", opt(u.staff)},
      {"second_staff", opt(u.second_staff)},
      {"document_type", opt(u.document_type)},
      {"document_expiry", opt(u.document_expiry)},
      {"document_country", opt(u.document_country)},
      {"register_court", opt(u.register_court)},
      {"register_no", opt(u.register_no)},
      {"requested_at", u.requested_at},
      {"requested_by", u.requested_by},
      {"decided_at", opt(u.decided_at)},
      {"reason", opt(u.reason)},
      {"revoked_at", opt(u.revoked_at)},
      {"revoked_by", opt(u.revoked_by)},
      {"confirmed_at", opt(u.confirmed_at)},
      {"awaiting_until", opt(u.awaiting_until)},
  };
}

bool awaiting_has_lapsed(const Upgrade& u, const Date& today) {
  return u.status == "awaiting-confirmation" && u.awaiting_until && *u.awaiting_until < today.str();
}

}  // namespace vrathaus
