#pragma once
// Domain rules made callable from SQL, so set-based queries (renewal, export, list filters) use
// the very same functions as the C++ code instead of a second spelling of the rule in SQL.
#include "store/sql/connection.hpp"

namespace vrathaus {

// Registers on this connection (SQLite engine only):
//   vr_permit_status(valid_from, valid_until, revoked_on, today) → active|upcoming|expired|revoked
//   vr_sepa_text(text, max_chars)                                → SEPA-safe text for bank files
void register_domain_functions(sql::Connection& db);

}  // namespace vrathaus
