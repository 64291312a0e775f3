#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/audit.hpp"
#include "service/store_admin.hpp"

namespace vrathaus {

void add_audit_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "audit.list",
         .method = "GET",
         .path = "/audit",
         .effect = Effect::read,
         .summary = "List audit entries",
         .access = {.grants = {{.roles = kAuditReaders}}, .read_only_token = true},
         .run =
             [](Context& ctx, const json& j) {
               Params p(j);
               auto page = read_page(p);
               AuditFilter f{p.str_or("object", ""), p.str_or("actor", ""), p.opt_date("since"), page.after, page.limit};
               auto items = audit_list(ctx, f);
               std::int64_t last = items.empty() ? 0 : items.back()["seq"].get<std::int64_t>();
               return page_response(std::move(items), page, last);
             },
         .paged = true});
  t.add({.name = "audit.verify",
         .method = "GET",
         .path = "/audit/verify",
         .effect = Effect::read,
         .summary = "Verify the audit hash chain",
         .access = {.grants = {{.roles = kAuditReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json&) { return audit_verify(ctx.store); }});
  t.add({.name = "db.check",
         .method = "GET",
         .path = "/db/check",
         .effect = Effect::read,
         .summary = "Integrity, foreign keys and the audit chain",
         .access = {.grants = {{.roles = {Role::auditor, Role::admin}}}, .read_only_token = true},
         .run = [](Context& ctx, const json&) { return check_store(ctx.store); }});
}

}  // namespace vrathaus
