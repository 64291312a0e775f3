#pragma once
// The audit chain's entries and its head record: rows only. The hashing and the checks of the
// chain are the service's (service/audit.hpp).
#include "store/sql/sql.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>

namespace vrathaus {

// One entry as stored; absent texts (no client, no before/after) are "".
struct AuditRow {
  std::int64_t seq = 0;
  std::string at, actor, client, action, object, before, after, reason, prev_hash, hash;
};

// Appends `row` and moves the head record (the newest seq and hash) to it.
void insert_audit_row(sql::Connection& db, const AuditRow& row);
// Appends `rows` (in chain order) in one bulk load and moves the head record to the last one.
void insert_audit_rows(sql::Connection& db, std::span<const AuditRow> rows);

struct AuditQuery {
  std::string object, actor;  // "" matches any
  std::optional<std::string> since;
  std::optional<std::int64_t> after_seq, limit;
};
// The entries matching `q` (all of them for an empty query), by seq.
void for_each_audit_row(sql::Connection& db, const AuditQuery& q, const std::function<void(const AuditRow&)>& visit);

// The head record, if one was ever written (seq 0 and an empty hash mean no record).
struct AuditHeadRecord {
  std::int64_t seq = 0;
  std::string hash;
};
std::optional<AuditHeadRecord> audit_head_record(sql::Connection& db);
// The stored chain hash of entry `seq`, if there is one.
std::optional<std::string> audit_entry_hash(sql::Connection& db, std::int64_t seq);

}  // namespace vrathaus
