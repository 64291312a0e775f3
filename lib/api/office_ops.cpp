#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/coverage.hpp"
#include "service/offices.hpp"

namespace vrathaus {

void add_office_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({"offices.list", "GET", "/offices", Effect::read, "List offices",
         [](Context& ctx, const json&) { return whole_list(list_offices(ctx)); }});
  t.add({"offices.available", "GET", "/offices/available", Effect::read,
         "Offices where a certified person is present on a day, most staffed first", [](Context& ctx, const json& j) {
           Params p(j);
           return available_offices(ctx, p.opt_date("date").value_or(ctx.today()), p.str_or("cert", "identity-check"));
         }});
  t.add({"offices.show", "GET", "/offices/{code}", Effect::read, "Show one office",
         [](Context& ctx, const json& j) { return json(find_office(ctx, Params(j).str("code"))); }});
  t.add({"offices.add", "POST", "/offices", Effect::write, "Add an office",
         [](Context& ctx, const json& j) {
           Params p(j);
           return json(add_office(ctx, p.str("code"), p.str("name"), int(p.opt_int("min_certified").value_or(2))));
         }});
  t.add({"offices.update", "PATCH", "/offices/{code}", Effect::write, "Change an office's name or minimum",
         [](Context& ctx, const json& j) {
           Params p(j);
           OfficeChange c{p.opt_str("name"), std::nullopt};
           if (auto m = p.opt_int("min_certified")) c.min_certified = int(*m);
           return json(update_office(ctx, p.str("code"), c));
         }});
}

}  // namespace vrathaus
