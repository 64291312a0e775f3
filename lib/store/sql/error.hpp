#pragma once
// The one exception every engine throws for a failed SQL call. Callers decide on the portable
// kind (retry a serialisation failure, report a busy store, refuse a constraint) and never on an
// engine's own codes; the engine's code and message are kept for the error text and for logs.
#include <stdexcept>
#include <string>

namespace vrathaus::sql {

enum class ErrorKind {
  busy,           // another connection holds the lock long enough for the wait to give up
  constraint,     // the statement would break a constraint; see Error::constraint()
  serialization,  // the transaction lost a race (PostgreSQL 40001, 40P01): run it again
  read_only,      // the database (or this user's access to it) is read-only
  disk_full,
  other,
};

enum class ConstraintKind { none, unique, foreign_key, check, not_null, other };

class Error : public std::runtime_error {
public:
  // `engine_code` is the engine's own code as text: SQLite's extended result code ("2067"),
  // PostgreSQL's SQLSTATE ("23505").
  Error(ErrorKind kind, ConstraintKind constraint, std::string engine_code, const std::string& message)
      : std::runtime_error(message), kind_(kind), constraint_(constraint), engine_code_(std::move(engine_code)) {}
  Error(ErrorKind kind, const std::string& message) : Error(kind, ConstraintKind::none, {}, message) {}

  ErrorKind kind() const { return kind_; }
  ConstraintKind constraint() const { return constraint_; }
  const std::string& engine_code() const { return engine_code_; }

  bool is_busy() const { return kind_ == ErrorKind::busy; }
  bool is_constraint() const { return kind_ == ErrorKind::constraint; }
  // The transaction may succeed when run again from its start.
  bool is_retryable() const { return kind_ == ErrorKind::serialization || kind_ == ErrorKind::busy; }

private:
  ErrorKind kind_;
  ConstraintKind constraint_;
  std::string engine_code_;
};

}  // namespace vrathaus::sql
