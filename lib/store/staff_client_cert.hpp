#pragma once
// The client certificate a staff record (a service identity, typically) must present with its
// token: the SHA-256 of the certificate's DER encoding, lower-case hex.
#include "store/sql/sql.hpp"

#include <optional>
#include <string>

namespace vrathaus {

// The certificate in a staff row's client_cert_sha256 column: nullopt when NULL or empty (the
// staff member needs none).
std::optional<std::string> client_cert_from_column(const sql::Column& column);

}  // namespace vrathaus
