#include "store/token_rows.hpp"

#include "store/prepared.hpp"
#include "store/staff_client_cert.hpp"

namespace vrathaus {
namespace {

const std::string kSelect = "SELECT id, staff, secret_sha256, created_at, expires_on, revoked_at, read_only FROM tokens";

TokenRow read_row(sql::Statement& q) {
  TokenRow t{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
             q.getColumn(3).getString(), q.getColumn(4).getString(), std::nullopt, q.getColumn(6).getInt() != 0};
  if (!q.getColumn(5).isNull()) t.revoked_at = q.getColumn(5).getString();
  return t;
}

}  // namespace

void insert_token_row(sql::Connection& db, const TokenRow& t) {
  sql::Statement q(db, "INSERT INTO tokens(id, staff, secret_sha256, created_at, expires_on, read_only) VALUES (?,?,?,?,?,?)");
  q.bind(1, t.id);
  q.bind(2, t.staff);
  q.bind(3, t.secret_sha256);
  q.bind(4, t.created_at);
  q.bind(5, t.expires_on);
  q.bind(6, t.read_only ? 1 : 0);
  q.exec();
}

std::optional<TokenRow> load_token(sql::Connection& db, const std::string& id) {
  // Kept prepared: every API request authenticates with it.
  static const std::string sql = kSelect + " WHERE id = ?";
  Prepared q(db, sql);
  q->bind(1, id);
  if (!q->executeStep()) return std::nullopt;
  return read_row(*q);
}

std::optional<TokenHolderRow> load_token_with_holder(sql::Connection& db, const std::string& id) {
  // Every API request authenticates with it: the token, its staff member and the client
  // certificate that member must present are one statement (kept prepared), not three.
  // The token's columns first, as read_row reads them, then the staff member's from column 7.
  static const std::string sql =
      "SELECT t.id, t.staff, t.secret_sha256, t.created_at, t.expires_on, t.revoked_at, t.read_only, "
      "s.id, s.name, s.office, s.roles, s.active, s.created_at, s.updated_at, s.birth_date, s.client_cert_sha256 "
      "FROM tokens t LEFT JOIN staff s ON s.id = t.staff WHERE t.id = ?";
  Prepared q(db, sql);
  q->bind(1, id);
  if (!q->executeStep()) return std::nullopt;
  TokenHolderRow row{read_row(*q), std::nullopt, std::nullopt};
  if (!q->getColumn(7).isNull()) {
    row.staff = staff_from_columns(*q, 7);
    row.client_cert_sha256 = client_cert_from_column(q->getColumn(15));
  }
  return row;
}

std::vector<TokenRow> load_tokens(sql::Connection& db) {
  sql::Statement q(db, kSelect + " ORDER BY created_at, id");
  std::vector<TokenRow> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

void set_token_revoked(sql::Connection& db, const std::string& id, const std::string& at) {
  sql::Statement q(db, "UPDATE tokens SET revoked_at = ? WHERE id = ?");
  q.bind(1, at);
  q.bind(2, id);
  q.exec();
}

}  // namespace vrathaus
