#include "store/sql/sqlite_bulk_load.hpp"

#include "store/sql/error.hpp"
#include "store/sql/statement.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace vrathaus::sql {
namespace {

class SqliteBulkLoad final : public BulkLoad {
public:
  SqliteBulkLoad(Connection& db, const std::string& table, const std::vector<std::string>& columns)
      : insert_(db, bulk_insert_sql(table, columns)), table_(table), columns_(columns.size()) {}

  void add_row(std::span<const std::string* const> values) override {
    if (values.size() != columns_)
      throw Error(ErrorKind::other, fmt::format("a row for {} has {} values, not {}", table_, values.size(), columns_));
    insert_.reset();
    for (std::size_t i = 0; i < values.size(); ++i) {
      // Bound without a copy: the statement runs before the caller's strings can change.
      if (values[i])
        insert_.bindNoCopy(int(i + 1), *values[i]);
      else
        insert_.bind(int(i + 1));
    }
    insert_.exec();
  }

  void finish() override { insert_.reset(); }

private:
  Statement insert_;
  std::string table_;
  std::size_t columns_;
};

}  // namespace

std::string bulk_insert_sql(const std::string& table, const std::vector<std::string>& columns) {
  std::string placeholders;
  for (std::size_t i = 0; i < columns.size(); ++i) placeholders += i ? ", ?" : "?";
  return fmt::format("INSERT INTO {}({}) VALUES ({})", table, fmt::join(columns, ", "), placeholders);
}

std::unique_ptr<BulkLoad> sqlite_bulk_load(Connection& db, const std::string& table,
                                           const std::vector<std::string>& columns) {
  return std::make_unique<SqliteBulkLoad>(db, table, columns);
}

}  // namespace vrathaus::sql
