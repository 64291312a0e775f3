#pragma once
// The audit chain's seals and the sealing state (migration 9): rows only, no rules.
#include "store/sql/sql.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct SealingState {
  std::string key_id;       // names the verification key
  std::int64_t epoch = 0;   // the epoch the current key seals next
  std::string sealing_key;  // hex
  std::string created_at;
};

struct AuditSeal {
  std::int64_t epoch = 0;
  std::int64_t seq = 0;     // the last entry covered (0: the empty chain)
  std::string hash;         // that entry's chain hash
  std::string at;
  std::string tag;
};

struct ChainHead {
  std::int64_t seq = 0;
  std::string hash;
};

std::optional<SealingState> sealing_state(sql::Connection& db);
void save_sealing_state(sql::Connection& db, const SealingState& state);
void insert_audit_seal(sql::Connection& db, const AuditSeal& seal);
std::vector<AuditSeal> audit_seals(sql::Connection& db);  // by epoch
std::optional<AuditSeal> last_audit_seal(sql::Connection& db);
// The newest audit entry (seq 0 and an empty hash when there is none).
ChainHead audit_chain_head(sql::Connection& db);

}  // namespace vrathaus
