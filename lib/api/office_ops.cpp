#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/coverage.hpp"
#include "service/offices.hpp"

namespace vrathaus {

// Offices are public facts; the portal tells citizens where to go. The importer needs none of it.
constexpr RoleSet kOfficeReaders = kCaseReaders | RoleSet{Role::portal};

void add_office_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "offices.list",
         .method = "GET",
         .path = "/offices",
         .effect = Effect::read,
         .summary = "List offices",
         .access = {.grants = {{.roles = kOfficeReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json&) { return whole_list(list_offices(ctx)); }});
  t.add({.name = "offices.available",
         .method = "GET",
         .path = "/offices/available",
         .effect = Effect::read,
         .summary = "Offices where a certified person is present on a day, most staffed first",
         .access = {.grants = {{.roles = kOfficeReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return available_offices(ctx, p.opt_date("date").value_or(ctx.today()), p.str_or("cert", "identity-check"));
         }});
  t.add({.name = "offices.show",
         .method = "GET",
         .path = "/offices/{code}",
         .effect = Effect::read,
         .summary = "Show one office",
         .access = {.grants = {{.roles = kOfficeReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return json(find_office(ctx, Params(j).str("code"))); }});
  t.add({.name = "offices.add",
         .method = "POST",
         .path = "/offices",
         .effect = Effect::write,
         .summary = "Add an office",
         .access = {.grants = {{.roles = kAdmins}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return json(add_office(ctx, p.str("code"), p.str("name"), int(p.opt_int("min_certified").value_or(2))));
         }});
  t.add({.name = "offices.update",
         .method = "PATCH",
         .path = "/offices/{code}",
         .effect = Effect::write,
         .summary = "Change an office's name or minimum",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           OfficeChange c{p.opt_str("name"), std::nullopt};
           if (auto m = p.opt_int("min_certified")) c.min_certified = int(*m);
           return json(update_office(ctx, p.str("code"), c));
         }});
}

}  // namespace vrathaus
