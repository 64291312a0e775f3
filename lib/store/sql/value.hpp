#pragma once
// One value read out of a result and kept (Connection::execAndGet): it outlives its statement.
#include "store/sql/cursor.hpp"

#include <cstdint>
#include <string>

namespace vrathaus::sql {

class Value {
public:
  Value() = default;
  static Value null() { return {}; }
  static Value integer(std::int64_t v) { return Value(ColumnType::integer, v, double(v), std::to_string(v)); }
  static Value real(double v, std::string text) { return Value(ColumnType::real, std::int64_t(v), v, std::move(text)); }
  static Value text(std::string v, std::int64_t as_integer, double as_real) {
    return Value(ColumnType::text, as_integer, as_real, std::move(v));
  }
  static Value blob(std::string bytes) { return Value(ColumnType::blob, 0, 0, std::move(bytes)); }

  ColumnType getType() const { return type_; }
  bool isNull() const { return type_ == ColumnType::null; }
  bool isInteger() const { return type_ == ColumnType::integer; }
  std::int64_t getInt64() const { return integer_; }
  int getInt() const { return static_cast<int>(integer_); }
  double getDouble() const { return real_; }
  // Empty for NULL, like Column::getString().
  const std::string& getString() const { return text_; }

private:
  Value(ColumnType type, std::int64_t integer, double real, std::string text)
      : type_(type), integer_(integer), real_(real), text_(std::move(text)) {}
  ColumnType type_ = ColumnType::null;
  std::int64_t integer_ = 0;
  double real_ = 0;
  std::string text_;
};

}  // namespace vrathaus::sql
