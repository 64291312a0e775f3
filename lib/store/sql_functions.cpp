#include "store/sql_functions.hpp"

#include "domain/pain008.hpp"
#include "domain/permit_period.hpp"

#include "store/sql/sqlite_connection.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <optional>
#include <string_view>

namespace vrathaus {
namespace {

std::string_view text_arg(sqlite3_value* v) {
  auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return p ? std::string_view(p, std::size_t(sqlite3_value_bytes(v))) : std::string_view();
}

std::optional<Date> date_arg(sqlite3_value* v) {
  if (sqlite3_value_type(v) == SQLITE_NULL) return std::nullopt;
  return Date::parse(text_arg(v));
}

void permit_status(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto from = date_arg(argv[0]), until = date_arg(argv[1]), revoked = date_arg(argv[2]), today = date_arg(argv[3]);
  if (!from || !until || !today) return sqlite3_result_null(ctx);
  sqlite3_result_text(ctx, permit_status_on({*from, *until}, revoked, *today), -1, SQLITE_STATIC);
}

void sepa_text(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto max = sqlite3_value_int(argv[1]);
  auto out = sepa_field(text_arg(argv[0]), std::size_t(max > 0 ? max : 140));
  sqlite3_result_text(ctx, out.data(), int(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

void register_domain_functions(sql::Connection& connection) {
  auto& db = sql::sqlite_of(connection, "the domain's SQL functions");
  db.createFunction("vr_permit_status", 4, true, nullptr, permit_status);
  db.createFunction("vr_sepa_text", 2, true, nullptr, sepa_text);
}

}  // namespace vrathaus
