#include "service/identity_changes.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "service/accounts.hpp"
#include "service/acting_staff.hpp"
#include "service/audit.hpp"
#include "service/own_accounts.hpp"
#include "store/identity_change_rows.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

// Only the second staff member named in the request decides it, never the one who asked.
void require_second_staff(const Context& ctx, const IdentityChange& c, const char* action) {
  if (!ctx.actor.is_staff || ctx.actor.id != c.second_staff)
    fail(ErrorKind::forbidden, "only {} may {} identity change {} (four-eyes: {} requested it); {} may not",
         c.second_staff, action, c.id, c.requested_by, ctx.actor.id);
}

void require_awaiting(const IdentityChange& c) {
  if (c.status != "awaiting-confirmation")
    fail(ErrorKind::conflict, "identity change {} is {}, not awaiting confirmation{}", c.id, c.status,
         c.status == "expired" ? ": its day has passed; request it again" : "");
}

void decide(Context& ctx, IdentityChange& c, const std::string& status) {
  c.status = status;
  c.decided_at = ctx.now();
  c.decided_by = ctx.actor.id;
  update_identity_change(ctx.db(), c);
}

}  // namespace

IdentityChange request_identity_change(Context& ctx, const Account& account, const std::map<std::string, std::string>& fields,
                                       const std::string& reason, const std::string& second_staff) {
  if (second_staff.empty())
    fail_field("second_staff", "is required to change an authority account's identity fields (four-eyes: a second "
                               "staff member certified for authority-accounts confirms it)");
  if (trim(reason).empty()) fail_field("reason", "is required to change verified data");
  if (second_staff == ctx.actor.id)
    fail(ErrorKind::forbidden, "four-eyes: the second staff member must be someone other than {}", ctx.actor.id);
  require_staff_certified(ctx, second_staff, "authority-accounts", "the second staff member " + second_staff);
  refuse_own_account(ctx, ctx.actor.id, account, "change the identity");
  expire_lapsed_identity_changes(ctx.db(), ctx.today().str());
  if (auto open = awaiting_identity_change(ctx.db(), account.id))
    fail(ErrorKind::conflict, "account {} has identity change {} awaiting confirmation by {}: that is decided first",
         account.id, open->id, open->second_staff);
  IdentityChange c;
  c.account_id = account.id;
  c.fields = fields;
  c.reason = trim(reason);
  c.requested_by = ctx.actor.id;
  c.requested_at = ctx.now();
  c.second_staff = second_staff;
  c.awaiting_until = ctx.today().str();
  c.id = insert_identity_change(ctx.db(), c);
  audit_append(ctx, {"accounts.identity_change.request", account_object(account.id), nullptr, json(c), c.reason});
  return c;
}

IdentityChange find_identity_change(Context& ctx, std::int64_t id) {
  auto c = load_identity_change(ctx.db(), id);
  if (!c) fail(ErrorKind::not_found, "no identity change {}", id);
  if (identity_change_has_lapsed(*c, ctx.today())) c->status = "expired";
  return *c;
}

IdentityChange confirm_identity_change(Context& ctx, std::int64_t id) {
  auto c = find_identity_change(ctx, id);
  require_awaiting(c);
  require_second_staff(ctx, c, "confirm");
  require_actor_certified(ctx, "authority-accounts", "confirm identity changes of authority accounts");
  auto account = find_account(ctx, std::to_string(c.account_id));
  if (account.status == "closed") fail(ErrorKind::conflict, "account {} is closed", account.id);
  if (account.tier != "authority")
    fail(ErrorKind::conflict, "account {} is no longer an authority account ({}): request the change anew", account.id,
         account.tier);
  refuse_own_account(ctx, ctx.actor.id, account, "confirm a change of the identity");
  write_identity_fields(ctx, account, c.fields, c.reason, c.requested_by);
  decide(ctx, c, "confirmed");
  audit_append(ctx, {"accounts.identity_change.confirm", account_object(account.id), {{"identity_change", c.id}},
                     {{"identity_change", c.id}, {"status", c.status}}, c.reason});
  return c;
}

IdentityChange reject_identity_change(Context& ctx, std::int64_t id, const std::string& reason) {
  auto c = find_identity_change(ctx, id);
  require_awaiting(c);
  require_second_staff(ctx, c, "reject");
  if (trim(reason).empty()) fail_field("reason", "is required to reject an identity change");
  decide(ctx, c, "rejected");
  audit_append(ctx, {"accounts.identity_change.reject", account_object(c.account_id), {{"identity_change", c.id}},
                     {{"identity_change", c.id}, {"status", c.status}}, trim(reason)});
  return c;
}

std::vector<IdentityChange> list_identity_changes(Context& ctx, std::optional<std::int64_t> account_id,
                                                  const std::string& status) {
  if (!status.empty()) check_identity_change_status(status);
  auto rows = query_identity_changes(ctx.db(), {account_id, status, ctx.today().str()});
  for (auto& c : rows)
    if (identity_change_has_lapsed(c, ctx.today())) c.status = "expired";
  return rows;
}

}  // namespace vrathaus
