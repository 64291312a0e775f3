#pragma once
// Statements prepared once per connection and reused. The small queries every request of the
// server runs (the token, the staff member, the account by id) take SQLite longer to prepare than
// to run. Only connections of a Store keep statements (sql::Connection::keep_statements); on any
// other connection a Prepared is an ordinary one-off statement.
//
// A Prepared resets its statement and clears the bindings when it goes, so no read stays open
// across a commit and no value leaks into the next use.
#include "store/sql/connection.hpp"

#include <memory>
#include <string>

namespace vrathaus {

class Prepared {
public:
  Prepared(sql::Connection& db, const std::string& sql);
  ~Prepared();
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  sql::Statement& operator*() { return *statement_; }
  sql::Statement* operator->() { return statement_; }

private:
  sql::Statement* statement_ = nullptr;
  std::unique_ptr<sql::Statement> own_;  // a one-off: no cache, or the kept one is in use (nested)
  sql::Connection::Kept* kept_ = nullptr;
};

}  // namespace vrathaus
