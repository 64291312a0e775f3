#include "service/offices.hpp"

#include "core/error.hpp"
#include "domain/validate.hpp"
#include "service/audit.hpp"
#include "store/office_rows.hpp"

namespace vrathaus {
namespace {

std::string validate_office_code(const std::string& code) {
  bool ok = code.size() >= 2 && code.size() <= 32;
  for (char c : code) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-');
  if (!ok) fail_field("code", "'{}' is not an office code (2-32 of a-z, 0-9, -)", code);
  return code;
}

int validate_min_certified(int n) {
  if (n < 0 || n > 1000) fail_field("min_certified", "must be between 0 and 1000");
  return n;
}

}  // namespace

void to_json(nlohmann::json& j, const Office& o) {
  j = {{"code", o.code}, {"name", o.name}, {"min_certified", o.min_certified}, {"created_at", o.created_at},
       {"updated_at", o.updated_at}};
}

Office find_office(Context& ctx, const std::string& code) {
  auto office = load_office(ctx.db(), code);
  if (!office) fail(ErrorKind::not_found, "no office {}", code);
  return *office;
}

std::vector<Office> list_offices(Context& ctx) { return load_offices(ctx.db()); }

Office add_office(Context& ctx, const std::string& code, const std::string& name, int min_certified) {
  Office o{validate_office_code(code), validate_text(name, "name", 120), validate_min_certified(min_certified), ctx.now(),
           ctx.now()};
  if (load_office(ctx.db(), o.code)) fail(ErrorKind::conflict, "office {} exists already", o.code);
  insert_office_row(ctx.db(), o);
  audit_append(ctx, {"offices.add", "office:" + o.code, nullptr, o, ""});
  return o;
}

Office update_office(Context& ctx, const std::string& code, const OfficeChange& change) {
  auto office = find_office(ctx, code);
  auto before = office;
  if (change.name) office.name = validate_text(*change.name, "name", 120);
  if (change.min_certified) office.min_certified = validate_min_certified(*change.min_certified);
  if (office.name == before.name && office.min_certified == before.min_certified) return office;
  office.updated_at = ctx.now();
  update_office_row(ctx.db(), office);
  audit_append(ctx, {"offices.update", "office:" + office.code, before, office, ""});
  return office;
}

}  // namespace vrathaus
