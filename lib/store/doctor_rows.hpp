#pragma once
// What `vrathaus doctor` reads from the store: rows only, no judgement.
#include <SQLiteCpp/Database.h>

#include <optional>
#include <string>

namespace vrathaus {

// When the newest audit entry of `action` was appended (RFC 3339), if there is one.
std::optional<std::string> last_audit_at(SQLite::Database& db, const std::string& action);

}  // namespace vrathaus
