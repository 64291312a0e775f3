#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "core/text.hpp"
#include "service/absences.hpp"
#include "service/appointment_keeping.hpp"
#include "service/certifications.hpp"
#include "service/staff.hpp"
#include "service/staff_presence.hpp"
#include "service/staff_view.hpp"

namespace vrathaus {

namespace {

// The staff view, with the coverage gaps a change of presence leaves as warnings.
nlohmann::json presence_result_json(Context& ctx, const PresenceResult& r) {
  auto out = staff_view(ctx, r.staff);
  if (!r.warnings.empty()) out["warnings"] = r.warnings;
  report_moved(ctx, out, r.moved);
  return out;
}

}  // namespace

void add_staff_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "staff.list",
         .method = "GET",
         .path = "/staff",
         .effect = Effect::read,
         .summary = "List staff",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return whole_list(list_staff_view(
               ctx, {.office = p.str_or("office", ""), .cert = p.str_or("cert", ""), .valid_on = p.opt_date("valid_on")}));
         }});
  t.add({.name = "staff.show",
         .method = "GET",
         .path = "/staff/{id}",
         .effect = Effect::read,
         .summary = "Show one staff member",
         .access = {.grants = {{.roles = kCaseReaders}, own_staff_record()}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return staff_view(ctx, find_staff(ctx, Params(j).str("id"))); }});
  t.add({.name = "staff.add",
         .method = "POST",
         .path = "/staff",
         .effect = Effect::write,
         .summary = "Add a staff member or service identity",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto s = add_staff(ctx, {p.str("id"), p.str("name"), p.str_or("office", ""), p.strings("roles"),
                                   p.str_or("birth_date", "")});
           return staff_view(ctx, s);
         }});
  t.add({.name = "staff.update",
         .method = "PATCH",
         .path = "/staff/{id}",
         .effect = Effect::write,
         .summary = "Change a staff member's name, office, birth date or roles (roles: admin only)",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           StaffChange c{p.opt_str("name"), p.opt_str("office"), std::nullopt, p.opt_str("birth_date")};
           if (p.has("roles")) c.roles = p.strings("roles");
           return staff_view(ctx, update_staff(ctx, p.str("id"), c));
         }});
  t.add({.name = "staff.deactivate",
         .method = "POST",
         .path = "/staff/{id}/deactivate",
         .effect = Effect::write,
         .summary = "Deactivate a staff member now, or plan the departure: 'on' is the first day not counted",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return presence_result_json(ctx, deactivate_staff(ctx, p.str("id"), p.str_or("reason", ""), p.opt_date("on")));
         }});
  t.add({.name = "staff.move",
         .method = "POST",
         .path = "/staff/{id}/move",
         .effect = Effect::write,
         .summary = "Move a staff member to another office from a day on (planned when in the future)",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return presence_result_json(ctx, move_staff(ctx, p.str("id"), p.str("office"), p.date("on"), p.str_or("reason", "")));
         }});
  t.add({.name = "staff.reactivate",
         .method = "POST",
         .path = "/staff/{id}/reactivate",
         .effect = Effect::write,
         .summary = "Reactivate a deactivated staff member",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return staff_view(ctx, reactivate_staff(ctx, p.str("id"), p.str_or("reason", "")));
         }});
  // A search is for finding someone: the first `limit` matches and how many there are in all.
  t.add({.name = "staff.search",
         .method = "GET",
         .path = "/staff/search",
         .effect = Effect::read,
         .summary = "Search staff by name (German-aware) or id",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto found = search_staff(ctx, trim(p.str("q")));
           auto limit = p.opt_int("limit");
           json items = json::array();
           for (const auto& s : found) {
             if (limit && std::int64_t(items.size()) >= *limit) break;
             items.push_back(staff_view(ctx, s));
           }
           auto out = whole_list(std::move(items));
           out["total"] = found.size();
           return out;
         }});
  add_staff_presence_operations(t);
}

void add_staff_presence_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "staff.certify",
         .method = "POST",
         .path = "/staff/{id}/certifications",
         .effect = Effect::write,
         .summary = "Grant a certification (admin or supervisor)",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           certify_staff(ctx, {p.str("id"), p.str("cert"), p.opt_date("on"), p.opt_date("valid_until"), p.str_or("trainer", "")});
           return staff_view(ctx, find_staff(ctx, p.str("id")));
         }});
  t.add({.name = "staff.revoke_cert",
         .method = "POST",
         .path = "/staff/{id}/certifications/{cert}/revoke",
         .effect = Effect::write,
         .summary = "Revoke a staff member's current certification of one kind",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto done = revoke_certification(ctx, p.str("id"), p.str("cert"), p.str_or("reason", ""));
           json out = staff_view(ctx, find_staff(ctx, p.str("id")));
           report_moved(ctx, out, done.moved);
           return out;
         }});
  // People record their own absences; anyone else's need a supervisor or admin.
  t.add({.name = "staff.absence_add",
         .method = "POST",
         .path = "/staff/{id}/absences",
         .effect = Effect::write,
         .summary = "Record an absence; overlapping or touching absences merge",
         .access = {.grants = {{.roles = kManagers}, own_staff_record()}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto added = add_absence(ctx, absence_input(p.str("id"), p.str("from"), p.str("to"), p.str_or("reason", "holiday")));
           json out = absence_json(added.absence);
           out["merged"] = added.merged;
           out["changed"] = added.changed;
           report_moved(ctx, out, added.moved);
           return out;
         }});
  t.add({.name = "staff.absences",
         .method = "GET",
         .path = "/staff/{id}/absences",
         .effect = Effect::read,
         .summary = "List a staff member's absences",
         .access = {.grants = {{.roles = kCaseReaders}, own_staff_record()}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           json items = json::array();
           for (const auto& row : list_absences(ctx, p.str("id"), p.opt_date("from"), p.opt_date("to")))
             items.push_back(absence_json(row));
           return whole_list(std::move(items));
         }});
  t.add({.name = "staff.absence_remove",
         .method = "DELETE",
         .path = "/staff/{id}/absences/{absence}",
         .effect = Effect::write,
         .summary = "Remove an absence",
         .access = {.grants = {{.roles = kManagers}, own_staff_record()}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return absence_json(remove_absence(ctx, p.str("id"), p.integer("absence"), p.str_or("reason", "")));
         }});
}

}  // namespace vrathaus
