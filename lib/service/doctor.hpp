#pragma once
// `vrathaus doctor`: the checks a cron job or a monitoring system runs against a store, each
// ok, warning or error with a one-line detail (like FreeIPA's ipa-healthcheck). They run where the
// store is: in-process locally, on the server for --remote.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vrathaus {

enum class CheckStatus { ok, warning, error };

struct DoctorCheck {
  std::string name;  // "store-writable", "schema", "wal", "audit-chain", …
  CheckStatus status = CheckStatus::ok;
  std::string detail;
};
nlohmann::json to_json(const DoctorCheck& check);
std::string_view status_name(CheckStatus status);

// Thresholds, in one place so the tests and the man page agree with the code.
inline constexpr std::uintmax_t kWalWarningBytes = 256ull << 20;   // a checkpoint is overdue
inline constexpr std::uintmax_t kDiskErrorBytes = 100ull << 20;     // writes will soon fail
inline constexpr double kDiskWarningShare = 0.05;                    // under 5 % free

// The store's checks: writable, schema version, WAL size, audit chain, document key (present,
// mode 0600, matching the store), the SEPA creditor, the last renewal run and payment export,
// free disk space beside the store.
std::vector<DoctorCheck> store_checks(Context& ctx);

// The report: {"ok": no error, "checks": [...]}, ok false when any check is an error.
nlohmann::json doctor_report(const std::vector<DoctorCheck>& checks);

}  // namespace vrathaus
