// Tier upgrades over the operation table: request, perform, reject, downgrade, list, show, and
// the links between staff members and their own accounts (the "nobody upgrades their own
// account" rule). Who acts is always ctx.actor — set by --as locally, by the token remotely —
// never a parameter.
#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "core/error.hpp"
#include "service/accounts.hpp"
#include "service/own_accounts.hpp"
#include "service/upgrades.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <charconv>

namespace vrathaus {
namespace {

using nlohmann::json;

std::int64_t upgrade_id(const Params& p) {
  auto text = p.str("id");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id < 1) fail_field("id", "'{}' is not an upgrade id", text);
  return id;
}

PerformUpgrade perform_input(const Params& p) {
  PerformUpgrade in;
  in.account = p.str("id");
  in.tier = p.str("tier");
  in.method = p.str_or("method", "in-person");
  in.office = p.opt_str("office");
  in.document_type = p.opt_str("document_type");
  in.document_number = p.opt_str("document_number");
  in.document_country = p.opt_str("document_country");
  in.document_expiry = p.opt_date("document_expiry");
  in.second_staff = p.opt_str("second_staff");
  in.register_court = p.opt_str("register_court");
  in.register_no = p.opt_str("register_no");
  in.eid_pseudonym = p.opt_str("eid_pseudonym");
  in.appointment = p.opt_int("appointment");
  return in;
}

json list_upgrades(Context& ctx, const Params& p) {
  UpgradeQuery q;
  q.status = p.str_or("status", "");
  if (!q.status.empty()) check_upgrade_status(q.status);
  if (auto account = p.opt_str("account")) q.account_id = find_account(ctx, *account).id;
  auto page = read_page(p);
  q.after_id = page.after;
  q.limit = page.limit;
  auto rows = upgrades_as_of_today(ctx, q);
  json items = json::array();
  for (const auto& u : rows) items.push_back(u);
  return page_response(std::move(items), page, rows.empty() ? 0 : rows.back().id);
}

}  // namespace

void add_upgrade_operations(OperationTable& t) {
  t.add({.name = "upgrades.request",
         .method = "POST",
         .path = "/accounts/{id}/upgrades",
         .effect = Effect::write,
         .summary = "Request an upgrade of an account to a higher tier (pending until performed or rejected)",
         .access = {.grants = {{.roles = kCounterStaff | RoleSet{Role::portal}}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return json(request_upgrade(ctx, p.str("id"), p.str("tier")));
         }});
  // In person: counter staff (the service checks the certification on that day, the account is
  // not their own, four-eyes). Online ID: only the portal relays the eID result, not even the local
  // administrator, who can never be certified either.
  t.add({.name = "upgrades.perform",
         .method = "POST",
         .path = "/accounts/{id}/upgrades/perform",
         .effect = Effect::write,
         .summary = "Perform an upgrade: in person with an ID document, or by online ID (portal only)",
         .access = {.grants = {{.roles = kCounterStaff,
                                .when = Condition::param_is_not,
                                .param = "method",
                                .value = "online-id",
                                .local_admin = false},
                               {.roles = {Role::portal},
                                .when = Condition::param_is,
                                .param = "method",
                                .value = "online-id",
                                .local_admin = false}},
                    .note = "in person: the acting staff member holds identity-check (and authority-accounts for "
                            "authority) on that day and is present; never for their own account"},
         .run =
             [](Context& ctx, const json& j) {
               auto done = perform_upgrade(ctx, perform_input(Params(j)));
               json out = done.upgrade;
               out["appointment"] = done.appointment ? json(*done.appointment) : json(nullptr);
               if (!done.warnings.empty()) out["warnings"] = done.warnings;
               return out;
             },
         .audit_invalid = true});
  t.add({.name = "upgrades.confirm",
         .method = "POST",
         .path = "/upgrades/{id}/confirm",
         .effect = Effect::write,
         .summary = "Confirm an authority upgrade awaiting you as its second staff member (four-eyes, the same day)",
         .access = {.grants = {{.roles = kCounterStaff, .local_admin = false}},
                    .note = "only the second staff member named in the upgrade, holding authority-accounts and "
                            "present that day, never for their own account"},
         .run =
             [](Context& ctx, const json& j) {
               auto done = confirm_upgrade(ctx, upgrade_id(Params(j)));
               return json(done.upgrade);
             },
         .audit_invalid = true});
  t.add({.name = "upgrades.list",
         .method = "GET",
         .path = "/upgrades",
         .effect = Effect::read,
         .summary = "List upgrades (filter by status and account)",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return list_upgrades(ctx, Params(j)); },
         .paged = true});
  t.add({.name = "upgrades.show",
         .method = "GET",
         .path = "/upgrades/{id}",
         .effect = Effect::read,
         .summary = "Show one upgrade",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return json(find_upgrade(ctx, upgrade_id(Params(j)))); }});
  t.add({.name = "upgrades.reject",
         .method = "POST",
         .path = "/upgrades/{id}/reject",
         .effect = Effect::write,
         .summary = "Reject a pending upgrade request, or, as its second staff member, an upgrade awaiting your confirmation",
         .access = {.grants = {{.roles = kCounterStaff, .local_admin = false}},
                    .note = "the acting staff member holds identity-check on that day and is present"},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return json(reject_upgrade(ctx, upgrade_id(p), p.str_or("reason", "")));
         }});
  t.add({.name = "upgrades.downgrade",
         .method = "POST",
         .path = "/accounts/{id}/downgrade",
         .effect = Effect::write,
         .summary = "Downgrade an account to a lower tier, revoking the upgrades above it",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto done = downgrade_account(ctx, p.str("id"), p.str("tier"), p.str_or("reason", ""));
           json out = done.account;
           out["revoked_upgrades"] = done.revoked;
           out["permits_ended"] = done.permits_ended;
           if (!done.permits_ended.empty())
             out["warnings"] = json::array({fmt::format("parking permit(s) {} ended: a {} account holds none",
                                                        fmt::join(done.permits_ended, ", "), done.account.tier)});
           return out;
         }});
  // Declaring one's own account only restricts oneself: everyone may; managers for anyone.
  t.add({.name = "staff.link-account",
         .method = "POST",
         .path = "/staff/{id}/accounts",
         .effect = Effect::write,
         .summary = "Record a portal account as the staff member's own (they may not upgrade it)",
         .access = {.grants = {{.roles = kManagers}, own_staff_record()}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return link_own_account(ctx, p.str("id"), p.str("account"));
         }});
  t.add({.name = "staff.unlink-account",
         .method = "DELETE",
         .path = "/staff/{id}/accounts/{account}",
         .effect = Effect::write,
         .summary = "Remove a staff member's own-account link",
         .access = {.grants = {{.roles = kManagers}}, .note = "never one's own link"},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return unlink_own_account(ctx, p.str("id"), p.str("account"), p.str_or("reason", ""));
         }});
  t.add({.name = "staff.accounts",
         .method = "GET",
         .path = "/staff/{id}/accounts",
         .effect = Effect::read,
         .summary = "The staff member's own portal accounts",
         .access = {.grants = {{.roles = kCaseReaders}, own_staff_record()}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return own_accounts(ctx, Params(j).str("id")); }});
}

}  // namespace vrathaus
