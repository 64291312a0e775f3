#pragma once
// SQLite evaluates a CHECK constraint written with an IN list (charges: "status IN ('open',
// 'exported', …)", "kind IN (…)", "paid_method IN (…)") by building a temporary b-tree of the list
// for every row it writes: three for each charge inserted, one for each charge updated, over a
// third of the returns import's time. Statements prepared while an UncheckedWrites lives skip the
// CHECK constraints on SQLite (NOT NULL, UNIQUE and foreign keys still hold); on other engines,
// which check such lists cheaply, it does nothing. Only for set statements whose checked values
// are constants of the code or values the domain has decided already.
#include "store/sql/connection.hpp"

namespace SQLite {
class Database;
}

namespace vrathaus::sql {

class UncheckedWrites {
public:
  explicit UncheckedWrites(Connection& db);
  ~UncheckedWrites();
  UncheckedWrites(const UncheckedWrites&) = delete;
  UncheckedWrites& operator=(const UncheckedWrites&) = delete;

private:
  SQLite::Database* sqlite_ = nullptr;
};

}  // namespace vrathaus::sql
