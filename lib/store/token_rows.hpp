#pragma once
// Reading and writing API token rows; no rules here, only SQL with bound parameters.
#include "store/sql/sql.hpp"
#include "store/staff_rows.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct TokenRow {
  std::string id, staff;
  std::string secret_sha256;  // only the hash of the secret is ever stored
  std::string created_at, expires_on;
  std::optional<std::string> revoked_at;
  bool read_only = false;
};

// A token with what authenticating a request by it needs of the staff record it belongs to.
struct TokenHolderRow {
  TokenRow token;
  std::optional<StaffMember> staff;               // nullopt when the token's staff record is gone
  std::optional<std::string> client_cert_sha256;  // the certificate the holder must present, if any
};

void insert_token_row(sql::Connection& db, const TokenRow& t);
std::optional<TokenRow> load_token(sql::Connection& db, const std::string& id);
// The token `id` with its holder, in one query (one round trip to a PostgreSQL server).
std::optional<TokenHolderRow> load_token_with_holder(sql::Connection& db, const std::string& id);
std::vector<TokenRow> load_tokens(sql::Connection& db);  // by creation, then id
void set_token_revoked(sql::Connection& db, const std::string& id, const std::string& at);

}  // namespace vrathaus
