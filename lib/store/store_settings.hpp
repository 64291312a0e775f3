#pragma once
// Settings that belong to one store rather than to the configuration (the check value of its
// document key, for instance): they travel with the store through backups.
#include "store/sql/sql.hpp"

#include <optional>
#include <string>

namespace vrathaus {

std::optional<std::string> store_setting(sql::Connection& db, const std::string& name);
void set_store_setting(sql::Connection& db, const std::string& name, const std::string& value);

}  // namespace vrathaus
