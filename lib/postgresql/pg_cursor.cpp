#include "postgresql/pg_cursor.hpp"

#include "store/pg_text_values.hpp"
#include "store/sql/error.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstring>

namespace vrathaus::postgresql {
namespace {

// Type OIDs from PostgreSQL's pg_type.dat; they are fixed for built-in types.
constexpr pqxx::oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kOid = 26;
constexpr pqxx::oid kFloat4 = 700, kFloat8 = 701, kNumeric = 1700;

bool is_whole(const pqxx::field& f) {
  return std::string_view(f.c_str(), f.size()).find_first_of(".eEIN") == std::string_view::npos;  // NaN, Infinity
}

[[noreturn]] void misuse(const std::string& message) { throw sql::Error(sql::ErrorKind::other, message); }

}  // namespace

PgCursor::PgCursor(Session& session, const PreparedQuery& query)
    : session_(session), query_(query), parameters_(static_cast<std::size_t>(query.text.parameters)) {}

int PgCursor::parameter_index(std::string_view name) const {
  int index = query_.text.index_of(name);
  if (index == 0) misuse(fmt::format("the statement has no parameter {}: {}", name, query_.text.sql));
  return index;
}

std::optional<std::string>& PgCursor::parameter(int index) {
  if (index < 1 || index > static_cast<int>(parameters_.size()))
    misuse(fmt::format("the statement has no parameter {}: {}", index, query_.text.sql));
  return parameters_[static_cast<std::size_t>(index - 1)];
}

void PgCursor::bind_null(int index) { parameter(index).reset(); }

void PgCursor::bind_int64(int index, std::int64_t value) { parameter(index) = std::to_string(value); }

// The shortest text that reads back as the same double.
void PgCursor::bind_double(int index, double value) { parameter(index) = fmt::format("{}", value); }

// Parameters are always copied: libpq needs them NUL-terminated, which a view need not be.
void PgCursor::bind_text(int index, std::string_view value, sql::Lifetime) {
  if (value.find('\0') != std::string_view::npos)
    misuse(fmt::format("PostgreSQL text cannot hold a NUL byte (parameter {})", index));
  parameter(index) = std::string(value);
}

void PgCursor::bind_blob(int index, sql::Bytes value, sql::Lifetime) {
  parameter(index) = pg_bytea_text(std::string_view(static_cast<const char*>(value.data), value.size));
}

void PgCursor::clear_bindings() {
  for (auto& p : parameters_) p.reset();
}

pqxx::result PgCursor::run() {
  std::vector<const char*> values;
  values.reserve(query_.text.slots.size());
  for (int index : query_.text.slots) {
    const auto& p = parameters_[static_cast<std::size_t>(index - 1)];
    values.push_back(p ? p->c_str() : nullptr);
  }
  return session_.run(query_, values);
}

bool PgCursor::step() {
  if (!result_) {
    result_ = run();
    row_ = -1;
  }
  blobs_.clear();
  if (row_ + 1 >= static_cast<int>(result_->size())) {
    row_ = static_cast<int>(result_->size());
    return false;
  }
  ++row_;
  return true;
}

int PgCursor::exec() {
  result_.reset();
  auto result = run();
  return static_cast<int>(result.affected_rows());
}

void PgCursor::reset() {
  result_.reset();
  row_ = -1;
  blobs_.clear();
}

int PgCursor::column_count() const { return result_ ? static_cast<int>(result_->columns()) : 0; }

const char* PgCursor::column_name(int column) const {
  if (!result_) misuse("a column name was asked for before the statement ran");
  return result_->column_name(static_cast<pqxx::row::size_type>(column));
}

int PgCursor::column_index(std::string_view name) const {
  if (result_)
    for (int i = 0; i < column_count(); ++i)
      if (name == result_->column_name(static_cast<pqxx::row::size_type>(i))) return i;
  misuse(fmt::format("the result has no column {}: {}", name, query_.text.sql));
}

pqxx::field PgCursor::field(int column) const {
  if (!result_ || row_ < 0 || row_ >= static_cast<int>(result_->size())) misuse("no row to read: step first");
  if (column < 0 || column >= column_count()) misuse(fmt::format("the result has no column {}", column));
  return (*result_)[static_cast<pqxx::result::size_type>(row_)][static_cast<pqxx::row::size_type>(column)];
}

sql::ColumnType PgCursor::column_type(int column) const {
  auto f = field(column);
  if (f.is_null()) return sql::ColumnType::null;
  switch (f.type()) {
    case kBool:
    case kInt2:
    case kInt4:
    case kInt8:
    case kOid: return sql::ColumnType::integer;
    case kFloat4:
    case kFloat8: return sql::ColumnType::real;
    // sum() and friends of bigints are numerics: whole ones are integers, as on SQLite.
    case kNumeric: return is_whole(f) ? sql::ColumnType::integer : sql::ColumnType::real;
    case kBytea: return sql::ColumnType::blob;
    default: return sql::ColumnType::text;
  }
}

// NULL reads as 0, as on SQLite.
std::int64_t PgCursor::column_int64(int column) const {
  auto f = field(column);
  if (f.is_null()) return 0;
  // Fractions (avg(), real columns) truncate, as on SQLite.
  if ((f.type() == kFloat4 || f.type() == kFloat8 || f.type() == kNumeric) && !is_whole(f))
    return static_cast<std::int64_t>(column_double(column));
  return pg_integer(std::string_view(f.c_str(), f.size()), column_name(column));
}

double PgCursor::column_double(int column) const {
  auto f = field(column);
  if (f.is_null()) return 0;
  double value = 0;
  auto [end, error] = std::from_chars(f.c_str(), f.c_str() + f.size(), value);
  if (error != std::errc{} || end != f.c_str() + f.size())
    misuse(fmt::format("the column {} holds '{}', not a number", column_name(column), f.c_str()));
  return value;
}

std::string_view PgCursor::column_text(int column) const {
  auto f = field(column);
  if (f.is_null()) return {};
  if (f.type() == kBytea) {
    auto bytes = column_blob(column);
    return {static_cast<const char*>(bytes.data), bytes.size};
  }
  return {f.c_str(), f.size()};
}

sql::Bytes PgCursor::column_blob(int column) const {
  auto f = field(column);
  if (f.is_null()) return {};
  if (f.type() != kBytea) return {f.c_str(), f.size()};
  if (blobs_.size() < static_cast<std::size_t>(column_count())) blobs_.resize(static_cast<std::size_t>(column_count()));
  auto& decoded = blobs_[static_cast<std::size_t>(column)];
  if (!decoded) decoded = pg_bytea_bytes(std::string_view(f.c_str(), f.size()));
  return {decoded->c_str(), decoded->size()};
}

}  // namespace vrathaus::postgresql
