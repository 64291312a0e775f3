#pragma once
// The hash-chained audit log: every change and every refused protected action.
#include "service/context.hpp"
#include "store/audit_rows.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct AuditRecord {
  std::string action;   // "accounts.create", "upgrades.perform.refused", …
  std::string object;   // "account:42", "staff:s.kruse"
  nlohmann::json before;  // null when the object did not exist
  nlohmann::json after;   // null when it no longer exists
  std::string reason;
};

// Appends one entry in the caller's transaction, chained to the previous one.
void audit_append(Context& ctx, const AuditRecord& record);

// Many entries of one transaction, appended as audit_append() appends them one by one (same
// entries, same hashes) but written together: the chain's head is read once, and the entries go
// in one bulk load per thousand, the head record moved once per load. On PostgreSQL that is three
// round trips fewer per entry (an import updating thousands of accounts). Nothing else may append
// to the audit between the first append() and flush(), which must run before the transaction ends.
class AuditBatch {
public:
  explicit AuditBatch(Context& ctx) : ctx_(ctx) {}
  void append(const AuditRecord& record);
  void flush();

private:
  Context& ctx_;
  std::vector<AuditRow> rows_;
};

// What audit_list shows: entries of one object or actor, since a time, after a cursor.
using AuditFilter = AuditQuery;

nlohmann::json audit_list(Context& ctx, const AuditFilter& filter);

// Recomputes every hash and link; {"ok", "entries", "problems":[{"seq","problem"}]}.
nlohmann::json audit_verify(Store& store);

}  // namespace vrathaus
