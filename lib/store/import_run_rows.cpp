#include "store/import_run_rows.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {

nlohmann::json query_import_runs(sql::Connection& db, const ImportRunQuery& iq) {
  std::string sql =
      "SELECT id, kind, file, sha256, actor, on_error, status, rows, created, updated, unchanged, rejected, started_at, "
      "updated_at, finished_at FROM import_runs WHERE id > :after";
  if (!iq.actor.empty()) sql += " AND actor = :actor";
  if (!iq.status.empty()) sql += " AND status = :status";
  sql += " ORDER BY id";
  if (iq.limit) sql += " LIMIT :limit";
  sql::Statement q(db, sql);
  q.bind(":after", iq.after_id);
  if (!iq.actor.empty()) q.bind(":actor", iq.actor);
  if (!iq.status.empty()) q.bind(":status", iq.status);
  if (iq.limit) q.bind(":limit", *iq.limit);
  nlohmann::json out = nlohmann::json::array();
  while (q.executeStep()) {
    nlohmann::json run{{"id", q.getColumn(0).getInt64()},       {"kind", q.getColumn(1).getString()},
                       {"file", q.getColumn(2).getString()},     {"sha256", q.getColumn(3).getString()},
                       {"actor", q.getColumn(4).getString()},    {"on_error", q.getColumn(5).getString()},
                       {"status", q.getColumn(6).getString()},   {"rows", q.getColumn(7).getInt64()},
                       {"created", q.getColumn(8).getInt64()},   {"updated", q.getColumn(9).getInt64()},
                       {"unchanged", q.getColumn(10).getInt64()}, {"rejected", q.getColumn(11).getInt64()},
                       {"started_at", q.getColumn(12).getString()}, {"updated_at", q.getColumn(13).getString()}};
    run["finished_at"] = q.getColumn(14).isNull() ? nlohmann::json(nullptr) : nlohmann::json(q.getColumn(14).getString());
    out.push_back(std::move(run));
  }
  return out;
}

}  // namespace vrathaus
