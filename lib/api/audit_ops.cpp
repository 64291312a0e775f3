#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/audit.hpp"
#include "service/store_admin.hpp"

namespace vrathaus {

void add_audit_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({"audit.list", "GET", "/audit", Effect::read, "List audit entries",
         [](Context& ctx, const json& j) {
           require_role(ctx, {"auditor", "admin", "supervisor"}, "read the audit log");
           Params p(j);
           auto page = read_page(p);
           AuditFilter f{p.str_or("object", ""), p.str_or("actor", ""), p.opt_date("since"), page.after, page.limit};
           auto items = audit_list(ctx, f);
           std::int64_t last = items.empty() ? 0 : items.back()["seq"].get<std::int64_t>();
           return page_response(std::move(items), page, last);
         },
         false, true});
  t.add({"audit.verify", "GET", "/audit/verify", Effect::read, "Verify the audit hash chain",
         [](Context& ctx, const json&) {
           require_role(ctx, {"auditor", "admin", "supervisor"}, "verify the audit log");
           return audit_verify(ctx.store);
         }});
  t.add({"db.check", "GET", "/db/check", Effect::read, "Integrity, foreign keys and the audit chain",
         [](Context& ctx, const json&) {
           require_role(ctx, {"auditor", "admin"}, "check the store");
           return check_store(ctx.store);
         }});
}

}  // namespace vrathaus
