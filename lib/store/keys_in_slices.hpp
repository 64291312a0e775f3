#pragma once
// One lookup for many keys: `… IN (?, ?, …)` with a fixed number of placeholders, prepared once
// and run once per slice of keys. On PostgreSQL a statement is a round trip, so a batch of 20,000
// keys looked up one by one costs 20,000 of them; in slices it costs a few dozen. The text stays
// in the neutral dialect (no arrays, no engine functions) and runs on both engines.
#include "store/sql/sql.hpp"

#include <functional>
#include <span>
#include <string>
#include <string_view>

namespace vrathaus {

class KeysInSlices {
public:
  // Keys per statement by default: far below SQLite's limit of bound parameters (32,766), large
  // enough that the round trips cost nothing per key.
  static constexpr std::size_t kSlice = 500;

  // The statement is `before` + "(?, …, ?)" + `after` with `slice` placeholders, the slice's keys;
  // the places a short last slice leaves are bound to NULL (which matches nothing). `before` may
  // use parameters ?1 … ?leading of its own, which the keys then follow; bind them through
  // statement().
  KeysInSlices(sql::Connection& db, std::string_view before, std::string_view after = "", int leading = 0,
               std::size_t slice = kSlice);

  // Runs the statement for every slice of `keys` and calls `row` for each result row.
  void run(std::span<const std::string> keys, const std::function<void(sql::Statement&)>& row);
  // For binding the leading parameters, which stay bound from slice to slice.
  sql::Statement& statement() { return q_; }

private:
  std::size_t slice_;
  sql::Statement q_;
  int leading_;
};

}  // namespace vrathaus
