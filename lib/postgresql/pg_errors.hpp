#pragma once
// libpqxx's exceptions as the store's one SQL error (store/sql/error.hpp), by SQLSTATE, so callers
// retry, wait or refuse the same way on every engine.
#include "store/sql/error.hpp"

#include <string_view>

namespace vrathaus::postgresql {

// The portable kind of a SQLSTATE.
sql::ErrorKind error_kind(std::string_view sqlstate);
sql::ConstraintKind constraint_kind(std::string_view sqlstate);

// Call inside a catch block: throws the exception being handled again as sql::Error (an
// sql::Error is rethrown as it is). A lost connection says so.
[[noreturn]] void rethrow_as_sql_error();

}  // namespace vrathaus::postgresql
