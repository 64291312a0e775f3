#include "domain/duties.hpp"

#include "domain/folding.hpp"
#include "domain/role.hpp"

#include <fmt/ranges.h>

#include <sstream>
#include <vector>

namespace vrathaus {
namespace {

std::set<std::string> words_of(std::string_view folded) {
  std::set<std::string> out;
  std::istringstream in{std::string(folded)};
  for (std::string w; in >> w;) out.insert(w);
  return out;
}

// Folding keeps punctuation such as the comma of "Kruse, Sabine"; for matching words it is a space.
std::string folded_words(std::string_view text) {
  auto folded = fold_german(text);
  for (auto& c : folded)
    if (c == ',' || c == ';') c = ' ';
  return folded;
}

}  // namespace

bool is_service_role(std::string_view role) {
  auto parsed = parse_role(role);
  return parsed && is_service_role(*parsed);
}

std::optional<std::string> mixed_roles_reason(const std::set<std::string>& roles) {
  std::vector<std::string> service, human;
  for (const auto& r : roles) (is_service_role(r) ? service : human).push_back(r);
  if (service.empty() || human.empty()) return std::nullopt;
  return fmt::format("the service role {} is never combined with the human role {} on one staff record",
                     fmt::join(service, ", "), fmt::join(human, ", "));
}

bool changed_identity_recently(const Account& account, const std::string& staff, const Date& today) {
  if (!account.identity_changed_by || *account.identity_changed_by != staff || !account.identity_changed_at) return false;
  auto day = Date::parse(std::string_view(*account.identity_changed_at).substr(0, 10));
  // An unreadable timestamp cannot prove the change is old: treat it as recent.
  return !day || today.add_days(-kIdentityChangeCoolingDays) < *day;
}

bool is_same_person(const Account& account, std::string_view staff_name, const std::optional<std::string>& staff_birth_date) {
  if (account.is_organisation() || !account.given_name || !account.family_name) return false;
  if (!staff_birth_date || !account.birth_date || *staff_birth_date != *account.birth_date) return false;
  auto staff_words = words_of(folded_words(staff_name));
  for (const auto* part : {&*account.given_name, &*account.family_name})
    for (const auto& w : words_of(folded_words(*part)))
      if (!staff_words.contains(w)) return false;
  return true;
}

}  // namespace vrathaus
