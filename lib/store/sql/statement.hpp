#pragma once
// A prepared statement of any engine, with the method names SQLiteCpp taught this code base
// (bind, bindNoCopy, executeStep, exec, getColumn …), so store code reads the same on every engine.
// A Column is a (cursor, number) pair: reading one neither allocates nor counts references; only
// getString() makes a std::string, getStringView() and getText() do not.
#include "store/sql/cursor.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace vrathaus::sql {

class Connection;

class Column {
public:
  Column(const Cursor& cursor, int index) : cursor_(&cursor), index_(index) {}

  int getIndex() const { return index_; }
  const char* getName() const { return cursor_->column_name(index_); }
  ColumnType getType() const { return cursor_->column_type(index_); }
  bool isNull() const { return getType() == ColumnType::null; }
  bool isInteger() const { return getType() == ColumnType::integer; }
  bool isFloat() const { return getType() == ColumnType::real; }
  bool isText() const { return getType() == ColumnType::text; }
  bool isBlob() const { return getType() == ColumnType::blob; }

  std::int64_t getInt64() const { return cursor_->column_int64(index_); }
  int getInt() const { return static_cast<int>(getInt64()); }
  std::uint32_t getUInt() const { return static_cast<std::uint32_t>(getInt64()); }
  double getDouble() const { return cursor_->column_double(index_); }
  // Valid until the statement steps or resets; NUL-terminated on every engine.
  std::string_view getStringView() const { return cursor_->column_text(index_); }
  std::string getString() const { return std::string(getStringView()); }
  const char* getText(const char* if_null = "") const { return isNull() ? if_null : getStringView().data(); }
  const void* getBlob() const { return cursor_->column_blob(index_).data; }
  int getBytes() const { return static_cast<int>(isBlob() ? cursor_->column_blob(index_).size : getStringView().size()); }

private:
  const Cursor* cursor_;
  int index_;
};

class Statement {
public:
  // Prepares `sql` (neutral dialect, see connection.hpp) on `db`.
  Statement(Connection& db, std::string_view sql);
  explicit Statement(std::unique_ptr<Cursor> cursor) : cursor_(std::move(cursor)) {}
  Statement(Statement&&) noexcept = default;
  Statement& operator=(Statement&&) noexcept = default;
  ~Statement() = default;

  // Binding by number (from 1). Text and blobs are copied; bindNoCopy keeps a reference instead.
  void bind(int index) { cursor_->bind_null(index); }
  void bind(int index, std::int32_t value) { cursor_->bind_int64(index, value); }
  void bind(int index, std::uint32_t value) { cursor_->bind_int64(index, value); }
  void bind(int index, std::int64_t value) { cursor_->bind_int64(index, value); }
  void bind(int index, double value) { cursor_->bind_double(index, value); }
  void bind(int index, const std::string& value) { cursor_->bind_text(index, value, Lifetime::copy); }
  void bind(int index, std::string_view value) { cursor_->bind_text(index, value, Lifetime::copy); }
  void bind(int index, const char* value) { cursor_->bind_text(index, value, Lifetime::copy); }
  void bind(int index, const void* blob, int size) { cursor_->bind_blob(index, {blob, std::size_t(size)}, Lifetime::copy); }
  void bindNoCopy(int index, const std::string& value) { cursor_->bind_text(index, value, Lifetime::caller_keeps); }
  void bindNoCopy(int index, std::string_view value) { cursor_->bind_text(index, value, Lifetime::caller_keeps); }
  void bindNoCopy(int index, const char* value) { cursor_->bind_text(index, value, Lifetime::caller_keeps); }
  void bindNoCopy(int index, const void* blob, int size) {
    cursor_->bind_blob(index, {blob, std::size_t(size)}, Lifetime::caller_keeps);
  }
  void bindNoCopy(int index, std::string&&) = delete;  // would dangle

  // Binding by name (":name", with its colon).
  template <typename... Value>
  void bind(const char* name, Value&&... value) {
    bind(cursor_->parameter_index(name), std::forward<Value>(value)...);
  }
  template <typename... Value>
  void bind(const std::string& name, Value&&... value) {
    bind(cursor_->parameter_index(name), std::forward<Value>(value)...);
  }
  template <typename Value>
  void bindNoCopy(const char* name, Value&& value) {
    bindNoCopy(cursor_->parameter_index(name), std::forward<Value>(value));
  }
  template <typename Value>
  void bindNoCopy(const std::string& name, Value&& value) {
    bindNoCopy(cursor_->parameter_index(name), std::forward<Value>(value));
  }
  void clearBindings() { cursor_->clear_bindings(); }

  // The next row; false when there is none.
  bool executeStep() { return cursor_->step(); }
  // Runs a statement that returns no rows; the number of rows changed.
  int exec() { return cursor_->exec(); }
  void reset() { cursor_->reset(); }
  // Runs an `INSERT … RETURNING id`: the new row's id, or 0 when nothing was inserted (ON
  // CONFLICT DO NOTHING). The statement is reset, so no write stays pending.
  std::int64_t execReturningId() {
    std::int64_t id = executeStep() ? getColumn(0).getInt64() : 0;
    reset();
    return id;
  }

  Column getColumn(int index) const { return Column(*cursor_, index); }
  Column getColumn(const char* name) const { return Column(*cursor_, cursor_->column_index(name)); }
  Column getColumn(const std::string& name) const { return getColumn(name.c_str()); }
  int getColumnIndex(const char* name) const { return cursor_->column_index(name); }
  int getColumnCount() const { return cursor_->column_count(); }
  const char* getColumnName(int index) const { return cursor_->column_name(index); }
  bool isColumnNull(int index) const { return getColumn(index).isNull(); }

  // The engine's cursor, for an engine's own code (lib/store/sql/sqlite_*).
  Cursor& cursor() { return *cursor_; }

private:
  std::unique_ptr<Cursor> cursor_;
};

}  // namespace vrathaus::sql
