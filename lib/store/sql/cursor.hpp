#pragma once
// What an engine implements for one prepared statement. Statement (statement.hpp) is the handle
// the store code uses; it forwards to a Cursor, one virtual call per bind or column read.
//
// Parameters are numbered from 1 as written in the neutral dialect (connection.hpp): `?` takes
// the next number, `?N` is number N, and each distinct `:name` takes the next number at its first
// occurrence. Columns are numbered from 0. Views returned by text() and blob() stay valid until
// the next step() or reset(). Every failure throws sql::Error.
#include <cstdint>
#include <string_view>

namespace vrathaus::sql {

enum class ColumnType { null, integer, real, text, blob };

// Whether a bound text or blob is copied by the engine or must stay valid (and unchanged) until
// the statement is reset or bound again.
enum class Lifetime { copy, caller_keeps };

struct Bytes {
  const void* data = nullptr;
  std::size_t size = 0;
};

class Cursor {
public:
  virtual ~Cursor() = default;

  // 1-based parameter number of `:name` (the name includes its ':'); throws sql::Error when the
  // statement has no such parameter.
  virtual int parameter_index(std::string_view name) const = 0;
  virtual void bind_null(int index) = 0;
  virtual void bind_int64(int index, std::int64_t value) = 0;
  virtual void bind_double(int index, double value) = 0;
  virtual void bind_text(int index, std::string_view value, Lifetime lifetime) = 0;
  virtual void bind_blob(int index, Bytes value, Lifetime lifetime) = 0;
  // Sets every parameter back to NULL.
  virtual void clear_bindings() = 0;

  // Runs the statement on first call and advances to the next row; false when there is none.
  virtual bool step() = 0;
  // Runs a statement that returns no rows; the number of rows it changed.
  virtual int exec() = 0;
  // Ends the current run (no read stays open across a commit); bindings are kept.
  virtual void reset() = 0;

  virtual int column_count() const = 0;
  virtual const char* column_name(int column) const = 0;
  // 0-based column number of a result column called `name`; throws sql::Error when there is none.
  virtual int column_index(std::string_view name) const = 0;
  virtual ColumnType column_type(int column) const = 0;
  virtual std::int64_t column_int64(int column) const = 0;
  virtual double column_double(int column) const = 0;
  // The column as text (a number converted as the engine prints it); empty for NULL.
  virtual std::string_view column_text(int column) const = 0;
  virtual Bytes column_blob(int column) const = 0;
};

}  // namespace vrathaus::sql
