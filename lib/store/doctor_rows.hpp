#pragma once
// What `vrathaus doctor` reads from the store: rows only, no judgement.
#include "store/sql/sql.hpp"

#include <optional>
#include <string>

namespace vrathaus {

// When the newest audit entry of `action` was appended (RFC 3339), if there is one.
std::optional<std::string> last_audit_at(sql::Connection& db, const std::string& action);

}  // namespace vrathaus
