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
#include "store/upgrade_rows.hpp"

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
  return in;
}

json list_upgrades(Context& ctx, const Params& p) {
  require_upgrade_reader(ctx);
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
  t.add({"upgrades.request", "POST", "/accounts/{id}/upgrades", Effect::write,
         "Request an upgrade of an account to a higher tier (pending until performed or rejected)",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(request_upgrade(ctx, p.str("id"), p.str("tier")));
         }});
  t.add({"upgrades.perform", "POST", "/accounts/{id}/upgrades/perform", Effect::write,
         "Perform an upgrade: in person with an ID document, or by online ID (portal only)",
         [](Context& ctx, const json& j) {
           auto done = perform_upgrade(ctx, perform_input(Params(j)));
           json out = done.upgrade;
           if (!done.warnings.empty()) out["warnings"] = done.warnings;
           return out;
         },
         false, false, false, true});
  t.add({"upgrades.confirm", "POST", "/upgrades/{id}/confirm", Effect::write,
         "Confirm an authority upgrade awaiting you as its second staff member (four-eyes, the same day)",
         [](Context& ctx, const json& j) {
           auto done = confirm_upgrade(ctx, upgrade_id(Params(j)));
           return json(done.upgrade);
         },
         false, false, false, true});
  t.add({"upgrades.list", "GET", "/upgrades", Effect::read, "List upgrades (filter by status and account)",
         [](Context& ctx, const json& j) { return list_upgrades(ctx, Params(j)); }, false, true});
  t.add({"upgrades.show", "GET", "/upgrades/{id}", Effect::read, "Show one upgrade",
         [](Context& ctx, const json& j) {
           require_upgrade_reader(ctx);
           return json(find_upgrade(ctx, upgrade_id(Params(j))));
         }});
  t.add({"upgrades.reject", "POST", "/upgrades/{id}/reject", Effect::write, "Reject a pending upgrade request, or, as its second staff member, an upgrade awaiting your confirmation",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(reject_upgrade(ctx, upgrade_id(p), p.str_or("reason", "")));
         }});
  t.add({"upgrades.downgrade", "POST", "/accounts/{id}/downgrade", Effect::write,
         "Downgrade an account to a lower tier, revoking the upgrades above it",
         [](Context& ctx, const json& j) {
           Params p(j);
           auto done = downgrade_account(ctx, p.str("id"), p.str("tier"), p.str_or("reason", ""));
           json out = done.account;
           out["revoked_upgrades"] = done.revoked;
           return out;
         }});
  t.add({"staff.link-account", "POST", "/staff/{id}/accounts", Effect::write,
         "Record a portal account as the staff member's own (they may not upgrade it)",
         [](Context& ctx, const json& j) {
           Params p(j);
           return link_own_account(ctx, p.str("id"), p.str("account"));
         }});
  t.add({"staff.unlink-account", "DELETE", "/staff/{id}/accounts/{account}", Effect::write,
         "Remove a staff member's own-account link",
         [](Context& ctx, const json& j) {
           Params p(j);
           return unlink_own_account(ctx, p.str("id"), p.str("account"), p.str_or("reason", ""));
         }});
  t.add({"staff.accounts", "GET", "/staff/{id}/accounts", Effect::read, "The staff member's own portal accounts",
         [](Context& ctx, const json& j) { return own_accounts(ctx, Params(j).str("id")); }});
}

}  // namespace vrathaus
