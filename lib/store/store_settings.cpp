#include "store/store_settings.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {

std::optional<std::string> store_setting(sql::Connection& db, const std::string& name) {
  sql::Statement q(db, "SELECT value FROM store_settings WHERE name = ?");
  q.bind(1, name);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

void set_store_setting(sql::Connection& db, const std::string& name, const std::string& value) {
  sql::Statement q(db, "INSERT INTO store_settings(name, value) VALUES (?, ?) "
                          "ON CONFLICT(name) DO UPDATE SET value = excluded.value");
  q.bind(1, name);
  q.bind(2, value);
  q.exec();
}

}  // namespace vrathaus
