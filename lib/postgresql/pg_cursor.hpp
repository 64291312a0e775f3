#pragma once
// A Statement's engine cursor on PostgreSQL. Parameters are kept in PostgreSQL's text format and
// sent when the statement runs; the result comes back whole (libpq reads it in one go) and is
// stepped through row by row.
#include "postgresql/pg_session.hpp"
#include "store/sql/cursor.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus::postgresql {

class PgCursor final : public sql::Cursor {
public:
  PgCursor(Session& session, const PreparedQuery& query);

  int parameter_index(std::string_view name) const override;
  void bind_null(int index) override;
  void bind_int64(int index, std::int64_t value) override;
  void bind_double(int index, double value) override;
  void bind_text(int index, std::string_view value, sql::Lifetime lifetime) override;
  void bind_blob(int index, sql::Bytes value, sql::Lifetime lifetime) override;
  void clear_bindings() override;

  bool step() override;
  int exec() override;
  void reset() override;

  int column_count() const override;
  const char* column_name(int column) const override;
  int column_index(std::string_view name) const override;
  sql::ColumnType column_type(int column) const override;
  std::int64_t column_int64(int column) const override;
  double column_double(int column) const override;
  std::string_view column_text(int column) const override;
  sql::Bytes column_blob(int column) const override;

private:
  std::optional<std::string>& parameter(int index);
  pqxx::result run();
  pqxx::field field(int column) const;

  Session& session_;
  const PreparedQuery& query_;
  std::vector<std::optional<std::string>> parameters_;  // text format; nullopt: NULL
  std::optional<pqxx::result> result_;                  // set while a run is open
  int row_ = -1;
  mutable std::vector<std::optional<std::string>> blobs_;  // bytea columns of this row, decoded
};

}  // namespace vrathaus::postgresql
