#pragma once
// The client certificate a staff record (a service identity, typically) must present with its
// token: the SHA-256 of the certificate's DER encoding, lower-case hex.
#include "store/sql/sql.hpp"

#include <optional>
#include <string>

namespace vrathaus {

// nullopt when the staff member needs no certificate (or does not exist).
std::optional<std::string> required_client_cert(sql::Connection& db, const std::string& staff_id);

}  // namespace vrathaus
