#pragma once
// What the bank sends back about direct debits: `payments returns import FILE` applies a camt.054
// (returned debits) or pain.002 (rejected ones) file to the charges it names by EndToEndId,
// following the city's reason-code policy (city.sepa.returns, city.sepa.return_fee_cents).
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

// Imports the file at `file` (shown as `name`). Idempotent per file: a file whose SHA-256 was
// imported before changes nothing and answers "already_imported": true with the first import's
// counts (and "ok": true: its unmatched entries were reported then). Each entry changes its charge at most once, ever: a charge that is no longer exported
// (returned, disputed, paid, cancelled) is left as it is and counted under "already". Entries
// whose EndToEndId names no charge are listed under "unmatched" (never guessed); "ok" is false
// when there are any. Returns {"ok", "file", "sha256", "kind", "namespace", "msg_id", "file_id",
// "entries", "applied", "returned", "re_presented", "disputed", "revoked_mandates",
// "permits_stopped", "fees", "already", "unmatched_count", "unmatched": […]}.
nlohmann::json import_bank_returns(Context& ctx, const std::string& file, const std::string& name);

}  // namespace vrathaus
