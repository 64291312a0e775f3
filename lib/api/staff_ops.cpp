#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/absences.hpp"
#include "service/certifications.hpp"
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
           auto s = add_staff(ctx, {p.str("id"), p.str("name"), p.str_or("office", ""), p.strings("roles"),
                                   p.str_or("birth_date", "")});
           return staff_view(ctx, s);
         }});
  t.add({"staff.update", "PATCH", "/staff/{id}", Effect::write, "Change a staff member's name, office, birth date or roles (roles: admin only)",
         [](Context& ctx, const json& j) {
           Params p(j);
           StaffChange c{p.opt_str("name"), p.opt_str("office"), std::nullopt, p.opt_str("birth_date")};
           if (p.has("roles")) c.roles = p.strings("roles");
           return staff_view(ctx, update_staff(ctx, p.str("id"), c));
         }});
  t.add({"staff.deactivate", "POST", "/staff/{id}/deactivate", Effect::write, "Deactivate a staff member",
         [](Context& ctx, const json& j) {
           Params p(j);
           return staff_view(ctx, deactivate_staff(ctx, p.str("id"), p.str_or("reason", "")));
         }});
  add_staff_presence_operations(t);
}

void add_staff_presence_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({"staff.certify", "POST", "/staff/{id}/certifications", Effect::write,
         "Grant a certification (admin or supervisor)", [](Context& ctx, const json& j) {
           Params p(j);
           certify_staff(ctx, {p.str("id"), p.str("cert"), p.opt_date("on"), p.opt_date("valid_until"), p.str_or("trainer", "")});
           return staff_view(ctx, find_staff(ctx, p.str("id")));
         }});
  t.add({"staff.revoke_cert", "POST", "/staff/{id}/certifications/{cert}/revoke", Effect::write,
         "Revoke a staff member's current certification of one kind", [](Context& ctx, const json& j) {
           Params p(j);
           revoke_certification(ctx, p.str("id"), p.str("cert"), p.str_or("reason", ""));
           return staff_view(ctx, find_staff(ctx, p.str("id")));
         }});
  t.add({"staff.absence_add", "POST", "/staff/{id}/absences", Effect::write,
         "Record an absence; overlapping or touching absences merge", [](Context& ctx, const json& j) {
           Params p(j);
           auto added = add_absence(ctx, {p.str("id"), p.date("from"), p.date("to"), p.str_or("reason", "holiday")});
           json out = absence_json(added.absence);
           out["merged"] = added.merged;
           out["changed"] = added.changed;
           return out;
         }});
  t.add({"staff.absences", "GET", "/staff/{id}/absences", Effect::read, "List a staff member's absences",
         [](Context& ctx, const json& j) {
           Params p(j);
           json items = json::array();
           for (const auto& row : list_absences(ctx, p.str("id"), p.opt_date("from"), p.opt_date("to")))
             items.push_back(absence_json(row));
           return whole_list(std::move(items));
         }});
  t.add({"staff.absence_remove", "DELETE", "/staff/{id}/absences/{absence}", Effect::write, "Remove an absence",
         [](Context& ctx, const json& j) {
           Params p(j);
           return absence_json(remove_absence(ctx, p.str("id"), p.integer("absence"), p.str_or("reason", "")));
         }});
}

}  // namespace vrathaus
