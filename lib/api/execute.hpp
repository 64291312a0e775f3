#pragma once
// Runs one operation for one actor: in a transaction (BEGIN IMMEDIATE for changes), rolled back
// for --dry-run, remembered under an Idempotency-Key, and with refused protected actions
// recorded in the audit log. Used by the local backend and by the server alike.
#include "api/operation.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

struct Environment {
  Store& store;
  const Clock& clock;
  const CityConfig& city;
};

struct Invocation {
  const Operation& op;
  nlohmann::json params;        // includes "dry_run": true for a dry run
  Actor actor;
  std::string idempotency_key;  // empty: none
  ProgressFn progress{};        // long operations report their progress here (may be empty)
};

nlohmann::json execute(const Environment& env, const Invocation& call);

// execute()'s access check alone, for a caller that must decide before it accepts a request's
// body (the server, before it spools an upload of gigabytes); a refusal is audited the same way.
void check_access_early(const Environment& env, const Invocation& call);

}  // namespace vrathaus
