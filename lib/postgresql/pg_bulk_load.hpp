#pragma once
// Bulk loading on PostgreSQL: COPY … FROM STDIN through pqxx::stream_to, inside the transaction
// the caller began on the session. One round trip for the whole load instead of one per row.
#include "postgresql/pg_session.hpp"
#include "store/sql/connection.hpp"

#include <memory>
#include <string>
#include <vector>

namespace vrathaus::postgresql {

// The most columns a loaded table may have (the widest table of the schema has 33).
inline constexpr std::size_t kMaxBulkColumns = 48;

std::unique_ptr<sql::BulkLoad> pg_bulk_load(Session& session, const std::string& table,
                                            const std::vector<std::string>& columns);

}  // namespace vrathaus::postgresql
