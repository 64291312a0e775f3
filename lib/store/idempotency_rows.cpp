#include "store/idempotency_rows.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {

std::optional<RememberedResponse> find_remembered_response(sql::Connection& db, const std::string& key,
                                                           const std::string& not_before) {
  sql::Statement q(db,
                      "SELECT actor, operation, request_sha256, status, body, created_at FROM idempotency"
                      " WHERE key = ? AND created_at >= ?");
  q.bind(1, key);
  q.bind(2, not_before);
  if (!q.executeStep()) return std::nullopt;
  return RememberedResponse{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                            q.getColumn(3).getInt(),    q.getColumn(4).getString(), q.getColumn(5).getString()};
}

void remember_response_row(sql::Connection& db, const std::string& key, const RememberedResponse& r) {
  sql::Statement q(db,
                      "INSERT INTO idempotency(key, actor, operation, request_sha256, status, body, created_at)"
                      " VALUES (?,?,?,?,?,?,?) ON CONFLICT (key) DO UPDATE SET actor = excluded.actor,"
                      " operation = excluded.operation, request_sha256 = excluded.request_sha256,"
                      " status = excluded.status, body = excluded.body, created_at = excluded.created_at");
  q.bind(1, key);
  q.bind(2, r.actor);
  q.bind(3, r.operation);
  q.bind(4, r.request_sha256);
  q.bind(5, r.status);
  q.bind(6, r.body);
  q.bind(7, r.created_at);
  q.exec();
}

int purge_remembered_responses(sql::Connection& db, const std::string& not_before) {
  sql::Statement q(db, "DELETE FROM idempotency WHERE created_at < ?");
  q.bind(1, not_before);
  return q.exec();
}

}  // namespace vrathaus
