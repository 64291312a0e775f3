#include "postgresql/pg_bulk_load.hpp"

#include "postgresql/pg_errors.hpp"

#include <fmt/format.h>
#include <pqxx/stream_to>

#include <array>
#include <optional>
#include <utility>

namespace vrathaus::postgresql {
namespace {

using Values = std::span<const std::string* const>;
using RowWriter = void (*)(pqxx::stream_to&, Values);

// libpqxx 6 streams a row only from a tuple-like value, whose size is fixed when compiled: a
// std::array of N C strings, where a null pointer is written as NULL. One writer per width, picked
// by the table's column count.
template <std::size_t N>
void write_row(pqxx::stream_to& stream, Values values) {
  std::array<const char*, N> row;
  for (std::size_t i = 0; i < N; ++i) row[i] = values[i] ? values[i]->c_str() : nullptr;
  stream << row;
}

template <std::size_t... I>
constexpr std::array<RowWriter, sizeof...(I)> row_writers(std::index_sequence<I...>) {
  return {&write_row<I + 1>...};
}

constexpr auto kRowWriters = row_writers(std::make_index_sequence<kMaxBulkColumns>());

class PgBulkLoad final : public sql::BulkLoad {
public:
  PgBulkLoad(Session& session, const std::string& table, const std::vector<std::string>& columns)
      : table_(table), columns_(columns.size()) {
    if (columns.empty() || columns.size() > kMaxBulkColumns)
      throw sql::Error(sql::ErrorKind::other,
                       fmt::format("a bulk load into {} needs 1 to {} columns, not {}", table, kMaxBulkColumns, columns.size()));
    writer_ = kRowWriters[columns.size() - 1];
    try {
      stream_.emplace(session.work(), table, columns);
    } catch (...) {
      rethrow_as_sql_error();
    }
  }

  // An unfinished COPY is ended so that the connection can roll the transaction back.
  ~PgBulkLoad() override {
    if (finished_) return;
    try {
      stream_->complete();
    } catch (...) {
      // The error that left the load unfinished is the one to report.
    }
  }

  void add_row(Values values) override {
    if (values.size() != columns_)
      throw sql::Error(sql::ErrorKind::other,
                       fmt::format("a row for {} has {} values, not {}", table_, values.size(), columns_));
    try {
      writer_(*stream_, values);
    } catch (...) {
      rethrow_as_sql_error();
    }
  }

  void finish() override {
    finished_ = true;  // a failing complete() is not tried again by the destructor
    try {
      stream_->complete();
    } catch (...) {
      rethrow_as_sql_error();
    }
  }

private:
  std::string table_;
  std::size_t columns_;
  RowWriter writer_ = nullptr;
  std::optional<pqxx::stream_to> stream_;  // emplaced in the constructor: its errors become sql::Errors
  bool finished_ = false;
};

}  // namespace

std::unique_ptr<sql::BulkLoad> pg_bulk_load(Session& session, const std::string& table,
                                            const std::vector<std::string>& columns) {
  return std::make_unique<PgBulkLoad>(session, table, columns);
}

}  // namespace vrathaus::postgresql
