#include "service/own_accounts.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/duties.hpp"
#include "domain/folding.hpp"
#include "service/accounts.hpp"
#include "service/audit.hpp"
#include "service/staff.hpp"
#include "store/account_rows.hpp"
#include "store/upgrade_rows.hpp"

#include <algorithm>

namespace vrathaus {
namespace {

nlohmann::json links(Context& ctx, const std::string& staff) {
  return {{"staff", staff}, {"accounts", accounts_of_staff(ctx.db(), staff)}};
}

}  // namespace

std::optional<std::string> own_account_reason(Context& ctx, const std::string& staff, const Account& account) {
  auto owners = staff_owning_account(ctx.db(), account.id);
  if (std::find(owners.begin(), owners.end(), staff) != owners.end())
    return fmt::format("account {} is linked to staff member {}", account.id, staff);
  auto member = load_staff(ctx.db(), staff);
  if (member && !account.is_organisation() && account.given_name && account.family_name &&
      fold_german(member->name) == account.folded_name())
    return fmt::format("account {} bears the name of staff member {}", account.id, staff);
  if (member && is_same_person(account, member->name, member->birth_date))
    return fmt::format("account {} bears the name and birth date of staff member {}", account.id, staff);
  return std::nullopt;
}

void refuse_recent_identity_change(Context& ctx, const std::string& staff, const Account& account, const std::string& action) {
  if (changed_identity_recently(account, staff, ctx.today()))
    fail(ErrorKind::forbidden,
         "{} changed the identity fields of account {} on {}: whoever changes an identity may not {} for {} days; "
         "a colleague must do it",
         staff, account.id, account.identity_changed_at->substr(0, 10), action, kIdentityChangeCoolingDays);
}

void refuse_own_account(Context& ctx, const std::string& staff, const Account& account, const std::string& action) {
  if (auto why = own_account_reason(ctx, staff, account))
    fail(ErrorKind::forbidden, "nobody may {} of their own account: {}; a colleague must do it", action, *why);
}

void refuse_acting_on_own_account(Context& ctx, std::int64_t account_id, const std::string& action) {
  if (!ctx.actor.is_staff) return;
  if (auto account = load_account(ctx.db(), account_id)) refuse_own_account(ctx, ctx.actor.id, *account, action);
}

nlohmann::json link_own_account(Context& ctx, const std::string& staff, const std::string& account_ref) {
  auto member = find_staff(ctx, staff);
  auto account = find_account(ctx, account_ref);
  if (link_staff_account(ctx.db(), member.id, account.id, ctx.now()))
    audit_append(ctx, {"staff.link-account", "staff:" + member.id, nullptr, {{"account_id", account.id}}, ""});
  return links(ctx, member.id);
}

nlohmann::json unlink_own_account(Context& ctx, const std::string& staff, const std::string& account_ref,
                                  const std::string& reason) {
  if (ctx.actor.id == staff) fail(ErrorKind::forbidden, "nobody unlinks their own account; ask another supervisor");
  if (trim(reason).empty()) fail_field("reason", "is required to unlink an account");
  auto member = find_staff(ctx, staff);
  auto account = find_account(ctx, account_ref);
  if (!unlink_staff_account(ctx.db(), member.id, account.id))
    fail(ErrorKind::not_found, "account {} is not linked to staff member {}", account.id, member.id);
  audit_append(ctx, {"staff.unlink-account", "staff:" + member.id, {{"account_id", account.id}}, nullptr, reason});
  return links(ctx, member.id);
}

nlohmann::json own_accounts(Context& ctx, const std::string& staff) {
  return links(ctx, find_staff(ctx, staff).id);
}

}  // namespace vrathaus
