#pragma once
// Store administration: init with a seed, migrate, check, backup (local only).
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

// Applies a seed YAML file (offices, staff, …) through the ordinary services, so every seeded
// record is validated and audited like any other change. Existing records are left alone.
nlohmann::json apply_seed(Context& ctx, const std::string& seed_file);

// integrity_check, foreign_key_check, the audit chain and the document key, which make "ok";
// whether the audit is sealed is reported, and warned about when it is not:
// {"ok", "integrity", "foreign_keys", "audit", "document_key", "audit_sealing", "warnings"}.
nlohmann::json check_store(Context& ctx);

}  // namespace vrathaus
