#include "service/offices.hpp"

#include "core/error.hpp"
#include "domain/validate.hpp"
#include "service/audit.hpp"

#include "store/sql/sql.hpp"

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

Office read(sql::Statement& q) {
  return {q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getInt(), q.getColumn(3).getString(),
          q.getColumn(4).getString()};
}

void write(Context& ctx, const Office& o, bool insert) {
  sql::Statement q(ctx.db(), insert ? "INSERT INTO offices(code, name, min_certified, created_at, updated_at) VALUES (?,?,?,?,?)"
                                       : "UPDATE offices SET name = ?2, min_certified = ?3, updated_at = ?5 WHERE code = ?1");
  q.bind(1, o.code);
  q.bind(2, o.name);
  q.bind(3, o.min_certified);
  if (insert) q.bind(4, o.created_at);
  q.bind(5, o.updated_at);
  q.exec();
}

}  // namespace

void to_json(nlohmann::json& j, const Office& o) {
  j = {{"code", o.code}, {"name", o.name}, {"min_certified", o.min_certified}, {"created_at", o.created_at},
       {"updated_at", o.updated_at}};
}

Office find_office(Context& ctx, const std::string& code) {
  sql::Statement q(ctx.db(), "SELECT code, name, min_certified, created_at, updated_at FROM offices WHERE code = ?");
  q.bind(1, code);
  if (!q.executeStep()) fail(ErrorKind::not_found, "no office {}", code);
  return read(q);
}

std::vector<Office> list_offices(Context& ctx) {
  sql::Statement q(ctx.db(), "SELECT code, name, min_certified, created_at, updated_at FROM offices ORDER BY code");
  std::vector<Office> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

Office add_office(Context& ctx, const std::string& code, const std::string& name, int min_certified) {
  Office o{validate_office_code(code), validate_text(name, "name", 120), validate_min_certified(min_certified), ctx.now(),
           ctx.now()};
  sql::Statement exists(ctx.db(), "SELECT 1 FROM offices WHERE code = ?");
  exists.bind(1, o.code);
  if (exists.executeStep()) fail(ErrorKind::conflict, "office {} exists already", o.code);
  write(ctx, o, true);
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
  write(ctx, office, false);
  audit_append(ctx, {"offices.update", "office:" + office.code, before, office, ""});
  return office;
}

}  // namespace vrathaus
