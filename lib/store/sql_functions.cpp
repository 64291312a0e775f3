#include "store/sql_functions.hpp"

#include "domain/pain008.hpp"

#include "store/sql/sqlite_connection.hpp"

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <string_view>

namespace vrathaus {
namespace {

std::string_view text_arg(sqlite3_value* v) {
  auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
  return p ? std::string_view(p, std::size_t(sqlite3_value_bytes(v))) : std::string_view();
}

void sepa_text(sqlite3_context* ctx, int, sqlite3_value** argv) {
  auto max = sqlite3_value_int(argv[1]);
  auto out = sepa_field(text_arg(argv[0]), std::size_t(max > 0 ? max : 140));
  sqlite3_result_text(ctx, out.data(), int(out.size()), SQLITE_TRANSIENT);
}

}  // namespace

void register_domain_functions(sql::Connection& connection) {
  auto& db = sql::sqlite_of(connection, "the domain's SQL functions");
  db.createFunction("vr_sepa_text", 2, true, nullptr, sepa_text);
}

}  // namespace vrathaus
