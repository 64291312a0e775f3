#pragma once
// Domain rules made callable from SQL on SQLite. Only the bank files' text cleaning is left here:
// every other rule is computed in C++ and bound into engine-neutral SQL.
#include "store/sql/connection.hpp"

namespace vrathaus {

// Registers on this connection (SQLite engine only):
//   vr_sepa_text(text, max_chars) → SEPA-safe text for bank files
void register_domain_functions(sql::Connection& db);

}  // namespace vrathaus
