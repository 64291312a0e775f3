#pragma once
// Reading and writing API token rows; no rules here, only SQL with bound parameters.
#include "store/sql/sql.hpp"

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

void insert_token_row(sql::Connection& db, const TokenRow& t);
std::optional<TokenRow> load_token(sql::Connection& db, const std::string& id);
std::vector<TokenRow> load_tokens(sql::Connection& db);  // by creation, then id
void set_token_revoked(sql::Connection& db, const std::string& id, const std::string& at);

}  // namespace vrathaus
