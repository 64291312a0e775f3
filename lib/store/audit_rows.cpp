#include "store/audit_rows.hpp"

#include <array>

namespace vrathaus {
namespace {

std::string text_of(sql::Statement& q, int i) { return q.getColumn(i).isNull() ? "" : q.getColumn(i).getString(); }

void set_head(sql::Connection& db, const AuditRow& newest) {
  sql::Statement q(db, "INSERT INTO audit_head(id, seq, hash) VALUES (1, ?, ?) "
                       "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash");
  q.bind(1, newest.seq);
  q.bind(2, newest.hash);
  q.exec();
}

}  // namespace

void insert_audit_row(sql::Connection& db, const AuditRow& r) {
  sql::Statement insert(db, "INSERT INTO audit(seq, at, actor, client, action, object, before, after, reason, prev_hash, hash)"
                            " VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  insert.bind(1, r.seq);
  insert.bind(2, r.at);
  insert.bind(3, r.actor);
  insert.bind(4, r.client);
  insert.bind(5, r.action);
  insert.bind(6, r.object);
  insert.bind(7, r.before);
  insert.bind(8, r.after);
  insert.bind(9, r.reason);
  insert.bind(10, r.prev_hash);
  insert.bind(11, r.hash);
  insert.exec();
  set_head(db, r);
}

void insert_audit_rows(sql::Connection& db, std::span<const AuditRow> rows) {
  if (rows.empty()) return;
  auto load = db.bulk_load("audit", {"seq", "at", "actor", "client", "action", "object", "before", "after", "reason",
                                     "prev_hash", "hash"});
  std::string seq;
  std::array<const std::string*, 11> values{};
  for (const auto& r : rows) {
    seq = std::to_string(r.seq);
    values = {&seq, &r.at, &r.actor, &r.client, &r.action, &r.object, &r.before, &r.after, &r.reason, &r.prev_hash, &r.hash};
    load->add_row(values);
  }
  load->finish();
  set_head(db, rows.back());
}

void for_each_audit_row(sql::Connection& db, const AuditQuery& f, const std::function<void(const AuditRow&)>& visit) {
  std::string sql =
      "SELECT seq, at, actor, client, action, object, before, after, reason, prev_hash, hash FROM audit WHERE 1=1";
  if (!f.object.empty()) sql += " AND object = :object";
  if (!f.actor.empty()) sql += " AND actor = :actor";
  if (f.since) sql += " AND at >= :since";
  if (f.after_seq) sql += " AND seq > :after";
  sql += " ORDER BY seq";
  if (f.limit) sql += " LIMIT :limit";
  sql::Statement q(db, sql);
  if (!f.object.empty()) q.bind(":object", f.object);
  if (!f.actor.empty()) q.bind(":actor", f.actor);
  if (f.since) q.bind(":since", *f.since);
  if (f.after_seq) q.bind(":after", *f.after_seq);
  if (f.limit) q.bind(":limit", *f.limit);
  AuditRow row;
  while (q.executeStep()) {
    row.seq = q.getColumn(0).getInt64();
    row.at = text_of(q, 1);
    row.actor = text_of(q, 2);
    row.client = text_of(q, 3);
    row.action = text_of(q, 4);
    row.object = text_of(q, 5);
    row.before = text_of(q, 6);
    row.after = text_of(q, 7);
    row.reason = text_of(q, 8);
    row.prev_hash = text_of(q, 9);
    row.hash = text_of(q, 10);
    visit(row);
  }
}

std::optional<AuditHeadRecord> audit_head_record(sql::Connection& db) {
  sql::Statement head(db, "SELECT seq, hash FROM audit_head WHERE id = 1");
  if (!head.executeStep()) return std::nullopt;
  return AuditHeadRecord{head.getColumn(0).getInt64(), head.getColumn(1).getString()};
}

std::optional<std::string> audit_entry_hash(sql::Connection& db, std::int64_t seq) {
  sql::Statement q(db, "SELECT hash FROM audit WHERE seq = ?");
  q.bind(1, seq);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

}  // namespace vrathaus
