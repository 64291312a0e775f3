#pragma once
// Reading and writing office rows; no rules here, only SQL with bound parameters.
#include "store/sql/sql.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct Office {
  std::string code;
  std::string name;
  int min_certified = 2;
  std::string created_at, updated_at;
};

std::optional<Office> load_office(sql::Connection& db, const std::string& code);
std::vector<Office> load_offices(sql::Connection& db);  // by code
void insert_office_row(sql::Connection& db, const Office& o);
// Writes name, min_certified and updated_at.
void update_office_row(sql::Connection& db, const Office& o);

}  // namespace vrathaus
