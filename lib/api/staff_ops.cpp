#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/staff.hpp"
#include "service/staff_view.hpp"

namespace vrathaus {

void add_staff_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({"staff.list", "GET", "/staff", Effect::read, "List staff",
         [](Context& ctx, const json& j) { return whole_list(list_staff_view(ctx, Params(j))); }});
  t.add({"staff.show", "GET", "/staff/{id}", Effect::read, "Show one staff member",
         [](Context& ctx, const json& j) { return staff_view(ctx, find_staff(ctx, Params(j).str("id"))); }});
  t.add({"staff.add", "POST", "/staff", Effect::write, "Add a staff member or service identity",
         [](Context& ctx, const json& j) {
           Params p(j);
           auto s = add_staff(ctx, {p.str("id"), p.str("name"), p.str_or("office", ""), p.strings("roles")});
           return staff_view(ctx, s);
         }});
  t.add({"staff.update", "PATCH", "/staff/{id}", Effect::write, "Change a staff member's name, office or roles",
         [](Context& ctx, const json& j) {
           Params p(j);
           StaffChange c{p.opt_str("name"), p.opt_str("office"), std::nullopt};
           if (p.has("roles")) c.roles = p.strings("roles");
           return staff_view(ctx, update_staff(ctx, p.str("id"), c));
         }});
  t.add({"staff.deactivate", "POST", "/staff/{id}/deactivate", Effect::write, "Deactivate a staff member",
         [](Context& ctx, const json& j) {
           Params p(j);
           return staff_view(ctx, deactivate_staff(ctx, p.str("id"), p.str_or("reason", "")));
         }});
}

}  // namespace vrathaus
