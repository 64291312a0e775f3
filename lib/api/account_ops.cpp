#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "core/error.hpp"
#include "domain/folding.hpp"
#include "service/accounts.hpp"
#include "service/identity_changes.hpp"
#include "store/account_rows.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

FieldValues account_fields(const Params& p) {
  FieldValues fields;
  for (const auto& name : editable_account_fields())
    if (auto v = p.opt_str(name)) fields[name] = *v;
  return fields;
}

json account_page(Context& ctx, const Params& p, AccountQuery q) {
  auto page = read_page(p);
  q.after_id = page.after;
  q.limit = page.limit;
  auto rows = query_accounts(ctx.db(), q);
  json items = json::array();
  for (const auto& a : rows) items.push_back(a);
  return page_response(std::move(items), page, rows.empty() ? 0 : rows.back().id);
}

}  // namespace

void add_account_operations(OperationTable& t) {
  t.add({"accounts.create", "POST", "/accounts", Effect::write, "Create a (guest) account",
         [](Context& ctx, const json& j) {
           Params p(j);
           auto created = create_account(ctx, {p.str("login"), account_fields(p)});
           json out = created.account;
           if (!created.warnings.empty()) out["warnings"] = created.warnings;
           return out;
         }});
  t.add({"accounts.show", "GET", "/accounts/{id}", Effect::read, "Show one account by id or login",
         [](Context& ctx, const json& j) { return json(find_account(ctx, Params(j).str("id"))); }});
  t.add({"accounts.list", "GET", "/accounts", Effect::read, "List accounts",
         [](Context& ctx, const json& j) {
           Params p(j);
           AccountQuery q;
           q.tier = p.str_or("tier", "");
           q.status = p.str_or("status", "");
           q.office = p.str_or("office", "");
           if (!q.tier.empty()) tier_rank(q.tier);
           if (!q.status.empty()) check_account_status(q.status);
           return account_page(ctx, p, q);
         },
         false, true});
  t.add({"accounts.search", "GET", "/accounts/search", Effect::read, "Search accounts by name, German-aware",
         [](Context& ctx, const json& j) {
           Params p(j);
           AccountQuery q;
           q.folded_text = fold_german(p.str("q"));
           if (q.folded_text.empty()) fail_field("q", "must not be empty");
           return account_page(ctx, p, q);
         },
         false, true});
  t.add({"accounts.update", "PATCH", "/accounts/{id}", Effect::write, "Change account fields (an authority account's identity fields: awaiting a second staff member)",
         [](Context& ctx, const json& j) {
           Params p(j);
           AccountChange c{p.str("id"),           p.opt_str("login"),       account_fields(p),
                           p.str_or("reason", ""), p.opt_int("if_version"), p.opt_str("second_staff")};
           auto updated = update_account(ctx, c);
           json out = updated.account;
           if (updated.awaiting) out["identity_change"] = *updated.awaiting;
           return out;
         }});
  t.add({"accounts.suspend", "POST", "/accounts/{id}/suspend", Effect::write, "Suspend an account",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(suspend_account(ctx, p.str("id"), p.str_or("reason", "")));
         }});
  t.add({"accounts.reactivate", "POST", "/accounts/{id}/reactivate", Effect::write, "Reactivate a suspended account",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(reactivate_account(ctx, p.str("id"), p.str_or("reason", "")));
         }});
  t.add({"accounts.close", "POST", "/accounts/{id}/close", Effect::write, "Close an account, optionally erasing personal data",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(close_account(ctx, p.str("id"), p.str_or("reason", ""), p.flag("erase")));
         }});
  t.add({"accounts.identity_changes", "GET", "/identity-changes", Effect::read,
         "List changes of authority accounts' identity fields (filter by account and status)",
         [](Context& ctx, const json& j) {
           Params p(j);
           std::optional<std::int64_t> account;
           if (auto ref = p.opt_str("account")) account = find_account(ctx, *ref).id;
           json items = json::array();
           for (const auto& c : list_identity_changes(ctx, account, p.str_or("status", ""))) items.push_back(c);
           return whole_list(std::move(items));
         }});
  t.add({"accounts.confirm_identity_change", "POST", "/identity-changes/{id}/confirm", Effect::write,
         "Confirm an identity change awaiting you as its second staff member (four-eyes, the same day)",
         [](Context& ctx, const json& j) { return json(confirm_identity_change(ctx, Params(j).integer("id"))); }});
  t.add({"accounts.reject_identity_change", "POST", "/identity-changes/{id}/reject", Effect::write,
         "Refuse an identity change awaiting you as its second staff member",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(reject_identity_change(ctx, p.integer("id"), p.str_or("reason", "")));
         }});
  t.add({"accounts.export", "GET", "/accounts/{id}/export", Effect::read, "Everything held about one account (GDPR art. 15)",
         [](Context& ctx, const json& j) { return export_account(ctx, Params(j).str("id")); }});
}

}  // namespace vrathaus
