#pragma once
// One table of operations drives everything: the CLI calls them by name through a Backend, the
// local backend runs them in-process, the server exposes each at its HTTP method and path, and
// the remote client finds the same method and path in the same table. A new capability adds
// its operations here once and is reachable both ways by construction.
#include "api/access.hpp"
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace vrathaus {

enum class Effect { read, write };

struct Operation {
  std::string name;    // "accounts.create"
  std::string method;  // "GET", "POST", "PATCH", "DELETE"
  std::string path;    // below /api/v1, with {placeholders}: "/accounts/{id}"
  Effect effect = Effect::read;
  std::string summary;  // one line for the OpenAPI document
  Access access;        // who may run it (api/access.hpp)
  std::function<nlohmann::json(Context&, const nlohmann::json& params)> run;
  bool local_only = false;  // store administration (db backup …): never over HTTP
  bool paged = false;       // returns {"items":[…], "next": cursor|null} and takes limit/cursor
  bool streamed_body = false;  // the HTTP body is a raw file, not JSON (bulk import)
  // Refusals for invalid evidence (exit 5, e.g. an expired ID document) are audited like those
  // for missing rights (4, 6): for protected actions every refused attempt is on record.
  bool audit_invalid = false;
  // The operation commits in batches of its own (bulk import: a million rows are not one
  // transaction holding the write lock for minutes); execute() then wraps it in none.
  bool own_transactions = false;
  // The response carries a secret shown once (a new API token): it is never stored for replay
  // under an Idempotency-Key; a retry of the same request is told to start anew.
  bool response_holds_secret = false;
};

class OperationTable {
public:
  void add(Operation op);
  const Operation& find(const std::string& name) const;  // throws internal on an unknown name
  const std::vector<Operation>& all() const { return ops_; }

private:
  std::vector<Operation> ops_;
};

// The table of every operation vrathaus has; built once, immutable afterwards.
const OperationTable& operations();

// Each command group contributes its operations (one file each in lib/api/).
void add_account_operations(OperationTable& table);
void add_office_operations(OperationTable& table);
void add_staff_operations(OperationTable& table);
void add_staff_presence_operations(OperationTable& table);  // certifications, absences
void add_coverage_operations(OperationTable& table);
void add_token_operations(OperationTable& table);
void add_audit_operations(OperationTable& table);
void add_upgrade_operations(OperationTable& table);
void add_mandate_operations(OperationTable& table);
void add_permit_operations(OperationTable& table);
void add_payment_operations(OperationTable& table);
void add_import_operations(OperationTable& table);
void add_training_operations(OperationTable& table);
void add_appointment_operations(OperationTable& table);  // appointments, duty times

}  // namespace vrathaus
