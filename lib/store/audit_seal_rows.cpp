#include "store/audit_seal_rows.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

AuditSeal seal_from(sql::Statement& q) {
  return {q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getString(), q.getColumn(3).getString(),
          q.getColumn(4).getString()};
}

}  // namespace

std::optional<SealingState> sealing_state(sql::Connection& db) {
  sql::Statement q(db, "SELECT key_id, epoch, sealing_key, created_at FROM audit_sealing WHERE id = 1");
  if (!q.executeStep()) return std::nullopt;
  return SealingState{q.getColumn(0).getString(), q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                      q.getColumn(3).getString()};
}

void save_sealing_state(sql::Connection& db, const SealingState& s) {
  sql::Statement q(db, "INSERT INTO audit_sealing(id, key_id, epoch, sealing_key, created_at) VALUES (1,?,?,?,?) "
                          "ON CONFLICT(id) DO UPDATE SET key_id = excluded.key_id, epoch = excluded.epoch, "
                          "sealing_key = excluded.sealing_key, created_at = excluded.created_at");
  q.bind(1, s.key_id);
  q.bind(2, s.epoch);
  q.bind(3, s.sealing_key);
  q.bind(4, s.created_at);
  q.exec();
}

void insert_audit_seal(sql::Connection& db, const AuditSeal& seal) {
  sql::Statement q(db, "INSERT INTO audit_seals(epoch, seq, hash, at, tag) VALUES (?,?,?,?,?)");
  q.bind(1, seal.epoch);
  q.bind(2, seal.seq);
  q.bind(3, seal.hash);
  q.bind(4, seal.at);
  q.bind(5, seal.tag);
  q.exec();
}

std::vector<AuditSeal> audit_seals(sql::Connection& db) {
  sql::Statement q(db, "SELECT epoch, seq, hash, at, tag FROM audit_seals ORDER BY epoch");
  std::vector<AuditSeal> out;
  while (q.executeStep()) out.push_back(seal_from(q));
  return out;
}

std::optional<AuditSeal> last_audit_seal(sql::Connection& db) {
  sql::Statement q(db, "SELECT epoch, seq, hash, at, tag FROM audit_seals ORDER BY epoch DESC LIMIT 1");
  if (!q.executeStep()) return std::nullopt;
  return seal_from(q);
}

ChainHead audit_chain_head(sql::Connection& db) {
  sql::Statement q(db, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
  if (!q.executeStep()) return {};
  return {q.getColumn(0).getInt64(), q.getColumn(1).getString()};
}

}  // namespace vrathaus
