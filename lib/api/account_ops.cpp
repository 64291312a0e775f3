#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/folding.hpp"
#include "domain/plate.hpp"
#include "service/account_search.hpp"
#include "service/accounts.hpp"
#include "service/identity_changes.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

FieldValues account_fields(const Params& p) {
  FieldValues fields;
  for (const auto& name : editable_account_fields())
    if (auto v = p.opt_str(name)) fields[name] = *v;
  return fields;
}

// The search text as a plate, when it is one ("DO-AB 123", "do ab123"); else nothing.
std::string plate_or_empty(const std::string& text) {
  try {
    return normalise_plate(text);
  } catch (const Error&) {
    return {};
  }
}

json account_page(Context& ctx, const Params& p, AccountQuery q) {
  auto page = read_page(p);
  q.after_id = page.after;
  q.limit = page.limit;
  auto rows = find_accounts(ctx, q);
  json items = json::array();
  for (const auto& a : rows) items.push_back(a);
  return page_response(std::move(items), page, rows.empty() ? 0 : rows.back().id);
}

}  // namespace

void add_account_operations(OperationTable& t) {
  t.add({.name = "accounts.create",
         .method = "POST",
         .path = "/accounts",
         .effect = Effect::write,
         .summary = "Create a (guest) account",
         .access = {.grants = {{.roles = kCounterStaff | RoleSet{Role::portal}}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto created = create_account(ctx, {p.str("login"), account_fields(p)});
           json out = created.account;
           if (!created.warnings.empty()) out["warnings"] = created.warnings;
           return out;
         }});
  // The portal looks up the one account a citizen logs in with, never one by its number.
  t.add({.name = "accounts.show",
         .method = "GET",
         .path = "/accounts/{id}",
         .effect = Effect::read,
         .summary = "Show one account by id or login",
         .access = {.grants = {{.roles = kCaseReaders}, {.roles = {Role::portal}, .when = Condition::login, .param = "id"}},
                    .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return json(find_account(ctx, Params(j).str("id"))); }});
  t.add({.name = "accounts.list",
         .method = "GET",
         .path = "/accounts",
         .effect = Effect::read,
         .summary = "List accounts",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run =
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
         .paged = true});
  t.add({.name = "accounts.search",
         .method = "GET",
         .path = "/accounts/search",
         .effect = Effect::read,
         .summary = "Search accounts by name (German-aware), login, customer number or plate",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               auto text = trim(p.str("q"));
               AccountQuery q;
               q.folded_text = fold_german(text);
               if (q.folded_text.empty()) fail_field("q", "must not be empty");
               q.login_text = to_lower_ascii(text);
               q.customer_no = to_upper_ascii(text);
               q.plate = plate_or_empty(text);
               auto page = account_page(ctx, p, q);
               page["total"] = count_found_accounts(ctx, q);
               return page;
             },
         .paged = true});
  t.add({.name = "accounts.update",
         .method = "PATCH",
         .path = "/accounts/{id}",
         .effect = Effect::write,
         .summary = "Change account fields (an authority account's identity fields: awaiting a second staff member)",
         .access = {.grants = {{.roles = kCounterStaff}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           AccountChange c{p.str("id"),           p.opt_str("login"),       account_fields(p),
                           p.str_or("reason", ""), p.opt_int("if_version"), p.opt_str("second_staff")};
           auto updated = update_account(ctx, c);
           json out = updated.account;
           if (updated.awaiting) out["identity_change"] = *updated.awaiting;
           return out;
         }});
  t.add({.name = "accounts.suspend",
         .method = "POST",
         .path = "/accounts/{id}/suspend",
         .effect = Effect::write,
         .summary = "Suspend an account",
         .access = {.grants = {{.roles = kCounterStaff}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return json(suspend_account(ctx, p.str("id"), p.str_or("reason", "")));
         }});
  t.add({.name = "accounts.reactivate",
         .method = "POST",
         .path = "/accounts/{id}/reactivate",
         .effect = Effect::write,
         .summary = "Reactivate a suspended account",
         .access = {.grants = {{.roles = kCounterStaff}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return json(reactivate_account(ctx, p.str("id"), p.str_or("reason", "")));
         }});
  t.add({.name = "accounts.close",
         .method = "POST",
         .path = "/accounts/{id}/close",
         .effect = Effect::write,
         .summary = "Close an account, optionally erasing personal data",
         .access = {.grants = {{.roles = kCounterStaff}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return json(close_account(ctx, p.str("id"), p.str_or("reason", ""), p.flag("erase")));
         }});
  t.add({.name = "accounts.identity_changes",
         .method = "GET",
         .path = "/identity-changes",
         .effect = Effect::read,
         .summary = "List changes of authority accounts' identity fields (filter by account and status)",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           std::optional<std::int64_t> account;
           if (auto ref = p.opt_str("account")) account = find_account(ctx, *ref).id;
           json items = json::array();
           for (const auto& c : list_identity_changes(ctx, account, p.str_or("status", ""))) items.push_back(c);
           return whole_list(std::move(items));
         }});
  t.add({.name = "accounts.confirm_identity_change",
         .method = "POST",
         .path = "/identity-changes/{id}/confirm",
         .effect = Effect::write,
         .summary = "Confirm an identity change awaiting you as its second staff member (four-eyes, the same day)",
         .access = {.grants = {{.roles = kCounterStaff, .local_admin = false}},
                    .note = "only the second staff member named in the change, certified and present that day"},
         .run = [](Context& ctx, const json& j) { return json(confirm_identity_change(ctx, Params(j).integer("id"))); }});
  t.add({.name = "accounts.reject_identity_change",
         .method = "POST",
         .path = "/identity-changes/{id}/reject",
         .effect = Effect::write,
         .summary = "Refuse an identity change awaiting you as its second staff member",
         .access = {.grants = {{.roles = kCounterStaff, .local_admin = false}},
                    .note = "only the second staff member named in the change"},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return json(reject_identity_change(ctx, p.integer("id"), p.str_or("reason", "")));
         }});
  t.add({.name = "accounts.export",
         .method = "GET",
         .path = "/accounts/{id}/export",
         .effect = Effect::read,
         .summary = "Everything held about one account (GDPR art. 15)",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return export_account(ctx, Params(j).str("id")); }});
}

}  // namespace vrathaus
