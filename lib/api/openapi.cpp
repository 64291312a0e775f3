#include "api/openapi.hpp"

#include "api/operation.hpp"

#include <map>
#include <regex>

namespace vrathaus {
namespace {

using nlohmann::json;

json nullable(const char* type) { return {{"type", json::array({type, "null"})}}; }
json str() { return {{"type", "string"}}; }
json integer() { return {{"type", "integer"}}; }

json object_schema(json properties, json required) {
  return {{"type", "object"}, {"properties", std::move(properties)}, {"required", std::move(required)}};
}

json boolean() { return {{"type", "boolean"}}; }
json date() { return {{"type", "string"}, {"format", "date"}}; }
json strings() { return {{"type", "array"}, {"items", str()}}; }
json enumeration(std::initializer_list<const char*> values) {
  json out{{"type", "string"}, {"enum", json::array()}};
  for (const char* v : values) out["enum"].push_back(v);
  return out;
}
json array_of(json item) { return {{"type", "array"}, {"items", std::move(item)}}; }

// The coverage report: its gap rows and the report object around them.
json coverage_report_schema() {
  json missing = object_schema({{"staff", str()}, {"why", enumeration({"absent", "expired", "revoked", "inactive"})},
                                {"reason", str()}, {"absent_until", date()}, {"valid_until", date()}, {"revoked_on", date()}},
                               {"staff", "why"});
  json gap = object_schema({{"office", str()}, {"date", date()}, {"present", integer()}, {"required", integer()},
                            {"present_staff", strings()}, {"missing", array_of(missing)}},
                           {"office", "date", "present", "required", "missing"});
  json expiry_gap = object_schema({{"date", date()}, {"present", integer()}, {"required", integer()}},
                                  {"date", "present", "required"});
  json expiring = object_schema({{"staff", str()}, {"cert", str()}, {"valid_until", date()}, {"office", str()},
                                 {"gaps", array_of(expiry_gap)}},
                                {"staff", "cert", "valid_until", "office"});
  // With daily=true: each office's count per day from `from` to `to`, null on closed days.
  json office_days = object_schema({{"office", str()}, {"name", str()}, {"required", integer()},
                                    {"present", array_of(nullable("integer"))}},
                                   {"office", "name", "required", "present"});
  return object_schema({{"from", date()}, {"to", date()}, {"cert", str()}, {"office", nullable("string")},
                        {"horizon_days", integer()}, {"horizon_until", date()}, {"office_days", integer()},
                        {"ok", boolean()}, {"gaps", array_of(gap)}, {"expiring", array_of(expiring)},
                        {"city", nullable("string")}, {"holidays", array_of(date())}, {"daily", array_of(office_days)}},
                       {"from", "to", "ok", "gaps", "expiring"});
}

// The import summary, plus what a client needs to copy the rejected rows (byte ranges).
json import_summary_schema() {
  json error = object_schema({{"line", integer()}, {"column", nullable("string")}, {"message", str()}},
                             {"line", "column", "message"});
  json plan_row = object_schema({{"line", integer()}, {"customer_no", str()},
                                 {"action", enumeration({"create", "update", "unchanged", "reject"})},
                                 {"account_id", integer()}, {"changes", strings()}, {"reason", str()}},
                                {"line", "customer_no", "action"});
  json range = {{"type", "array"}, {"items", integer()}, {"minItems", 2}, {"maxItems", 2},
                {"description", "[offset, length] of rejected rows' bytes in the uploaded file"}};
  return object_schema({{"file", str()}, {"sha256", str()}, {"rows", integer()}, {"created", integer()},
                        {"updated", integer()}, {"unchanged", integer()}, {"rejected", integer()},
                        {"errors", array_of(error)}, {"errors_omitted", integer()}, {"ok", boolean()},
                        {"imported", boolean()}, {"dry_run", boolean()}, {"on_error", enumeration({"abort", "skip"})},
                        {"delimiter", str()}, {"encoding", enumeration({"utf-8", "windows-1252", "ascii"})},
                        {"run", nullable("string")}, {"plan", array_of(plan_row)},
                        {"header_length", integer()}, {"reject_ranges", array_of(range)}},
                       {"file", "sha256", "rows", "created", "updated", "unchanged", "rejected", "errors", "ok",
                        "imported", "dry_run", "on_error", "run", "header_length", "reject_ranges"});
}

// Options of operations whose body is a file: they travel as query parameters.
json query_parameters(const Operation& op) {
  json out = json::array();
  if (op.name != "import.business") return out;
  auto param = [](const char* name, json schema, const char* what) {
    return json{{"name", name}, {"in", "query"}, {"schema", std::move(schema)}, {"description", what}};
  };
  out.push_back(param("dry_run", boolean(), "Validate and plan, change nothing"));
  out.push_back(param("on_error", enumeration({"abort", "skip"}), "abort (default): any invalid row imports nothing"));
  out.push_back(param("delimiter", enumeration({";", ","}), "Default: detected from the header"));
  out.push_back(param("encoding", enumeration({"utf-8", "windows-1252"}), "Default: detected"));
  out.push_back(param("name", str(), "The file's name for the summary and the audit log"));
  return out;
}

json list_of(const std::string& schema) {
  return object_schema({{"items", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/" + schema}}}}},
                        {"next", nullable("string")}},
                       {"items", "next"});
}

// An upgrade; document numbers and eID pseudonyms never appear, not even hashed.
json upgrade_schema() {
  json props = json::object();
  for (const char* f : {"method", "office", "staff", "second_staff", "document_type", "document_expiry",
                        "document_country", "register_court", "register_no", "decided_at", "reason", "revoked_at",
                        "revoked_by", "confirmed_at", "awaiting_until"})
    props[f] = nullable("string");
  props["id"] = integer();
  props["account_id"] = integer();
  for (const char* f : {"from_tier", "to_tier", "requested_at", "requested_by"}) props[f] = str();
  props["status"] = {{"type", "string"},
                     {"enum", {"pending", "awaiting-confirmation", "performed", "rejected", "revoked", "expired"}}};
  props["warnings"] = {{"type", "array"}, {"items", str()}};
  return object_schema(props, {"id", "account_id", "from_tier", "to_tier", "status", "method", "office", "staff",
                               "second_staff", "document_type", "document_expiry", "requested_at", "decided_at",
                               "reason"});
}

// A change of an authority account's identity fields awaiting its second staff member.
json identity_change_schema() {
  return object_schema({{"id", integer()}, {"account_id", integer()}, {"fields", {{"type", "object"}}}, {"reason", str()},
                        {"status", enumeration({"awaiting-confirmation", "confirmed", "rejected", "expired"})},
                        {"requested_by", str()}, {"requested_at", str()}, {"second_staff", str()},
                        {"awaiting_until", date()}, {"decided_at", nullable("string")}, {"decided_by", nullable("string")}},
                       {"id", "account_id", "fields", "reason", "status", "requested_by", "requested_at", "second_staff",
                        "awaiting_until"});
}

json components() {
  json account_props = json::object();
  for (const char* f : {"given_name", "family_name", "birth_date", "company_name", "legal_form", "register_court",
                        "register_no", "vat_id", "customer_no", "street", "house_no", "postal_code", "city", "phone",
                        "contact_given_name", "contact_family_name", "verified_at", "verified_by",
                        "verification_method", "verified_office", "erased_at", "identity_changed_at",
                        "identity_changed_by"})
    account_props[f] = nullable("string");
  account_props["identity_change"] = {{"$ref", "#/components/schemas/IdentityChange"}};
  account_props["id"] = integer();
  account_props["version"] = integer();
  for (const char* f : {"login", "tier", "status", "assurance", "created_at", "updated_at"}) account_props[f] = str();
  json schemas{
      {"Account", object_schema(account_props, {"id", "login", "tier", "status", "given_name", "family_name", "birth_date",
                                                "company_name", "customer_no", "street", "house_no", "postal_code", "city",
                                                "assurance", "verified_at", "verified_by", "verification_method",
                                                "created_at", "updated_at"})},
      {"Office", object_schema({{"code", str()}, {"name", str()}, {"min_certified", integer()}}, {"code", "name", "min_certified"})},
      {"IdentityChange", identity_change_schema()},
      {"Staff", object_schema({{"id", str()}, {"name", str()}, {"office", nullable("string")}, {"birth_date", nullable("string")},
                               {"roles", {{"type", "array"}, {"items", str()}}}, {"active", {{"type", "boolean"}}},
                               {"certifications", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Certification"}}}}}},
                              {"id", "name", "office", "roles", "active", "certifications"})},
      {"Certification", object_schema({{"id", integer()}, {"kind", str()}, {"granted_on", date()}, {"valid_until", date()},
                                       {"revoked", boolean()}, {"revoked_on", nullable("string")},
                                       {"revoke_reason", nullable("string")}, {"trainer", nullable("string")},
                                       {"granted_by", str()}, {"status", enumeration({"valid", "expired", "revoked", "pending"})}},
                                      {"kind", "granted_on", "valid_until", "revoked", "status"})},
      {"Absence", object_schema({{"id", integer()}, {"staff", str()}, {"from", date()}, {"to", date()}, {"reason", str()},
                                 {"created_by", str()}, {"created_at", str()}, {"updated_at", str()},
                                 {"merged", {{"type", "array"}, {"items", integer()}}}, {"changed", boolean()}},
                                {"id", "staff", "from", "to", "reason"})},
      {"AvailableOffice", object_schema({{"code", str()}, {"name", str()}, {"min_certified", integer()}, {"date", date()},
                                         {"certified_present", integer()}, {"staff", strings()}},
                                        {"code", "name", "min_certified", "date", "certified_present", "staff"})},
      {"CoverageReport", coverage_report_schema()},
      {"AuditEntry", object_schema({{"seq", integer()}, {"at", str()}, {"actor", str()}, {"action", str()},
                                    {"object", str()}, {"reason", str()}, {"hash", str()}, {"prev_hash", str()}},
                                   {"seq", "at", "actor", "action", "object", "before", "after", "reason", "hash", "prev_hash"})},
      {"Token", object_schema({{"id", str()}, {"staff", str()}, {"expires_on", str()}, {"read_only", boolean()},
                               {"token", str()}},
                              {"id", "staff", "expires_on", "read_only"})},
      {"Upgrade", upgrade_schema()},
      {"ImportSummary", import_summary_schema()},
      {"OwnAccounts", object_schema({{"staff", str()}, {"accounts", {{"type", "array"}, {"items", integer()}}}},
                                    {"staff", "accounts"})},
      {"Report", object_schema({{"ok", {{"type", "boolean"}}}}, {"ok"})},
      {"Object", {{"type", "object"}}},
      {"Problem", object_schema({{"type", str()}, {"title", str()}, {"status", integer()}, {"detail", str()}, {"code", integer()}},
                                {"type", "title", "status", "detail", "code"})},
  };
  json permit_props{{"id", integer()}, {"account_id", integer()}, {"plate", str()}, {"zone", str()},
                    {"valid_from", str()}, {"valid_until", str()}, {"status", str()}, {"auto_renew", {{"type", "boolean"}}},
                    {"fee_cents", integer()}, {"renewed_from", nullable("integer")}, {"revoked_on", nullable("string")},
                    {"revoke_reason", nullable("string")}, {"created_by", str()}, {"created_at", str()}};
  schemas["Permit"] = object_schema(permit_props, {"id", "account_id", "plate", "zone", "valid_from", "valid_until", "status",
                                                   "auto_renew", "fee_cents", "renewed_from"});
  schemas["Mandate"] = object_schema({{"id", integer()}, {"account_id", integer()}, {"iban", str()}, {"bic", nullable("string")},
                                      {"reference", str()}, {"signed_on", str()}, {"status", str()},
                                      {"last_used_on", nullable("string")}, {"revoked_on", nullable("string")}},
                                     {"id", "account_id", "iban", "bic", "reference", "signed_on", "status", "last_used_on"});
  schemas["Charge"] = object_schema({{"id", integer()}, {"account_id", integer()}, {"permit_id", nullable("integer")},
                                     {"mandate_id", nullable("integer")}, {"amount_cents", integer()}, {"due_on", str()},
                                     {"status", str()}, {"batch", nullable("integer")}, {"sequence", nullable("string")}},
                                    {"id", "account_id", "permit_id", "mandate_id", "amount_cents", "due_on", "status", "batch"});
  schemas["RenewalReport"] = object_schema(
      {{"ok", {{"type", "boolean"}}}, {"due_before", str()},
       {"renewed", {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/Permit"}}}}},
       {"not_renewed", {{"type", "array"}, {"items", object_schema({{"permit_id", integer()}, {"reason", str()}}, {"permit_id", "reason"})}}},
       {"charges_created", integer()}, {"prenotifications", {{"type", "array"}}}},
      {"ok", "due_before", "renewed", "not_renewed", "charges_created", "prenotifications"});
  json batch_props{{"batch", nullable("integer")}, {"msg_id", str()},      {"created_at", str()},
                   {"collection_date", str()},     {"transactions", integer()}, {"ctrl_sum_cents", integer()},
                   {"frst", integer()},            {"rcur", integer()},     {"sha256", str()},
                   {"skipped", {{"type", "array"}}}, {"xml", {{"type", "string"}, {"description", "the pain.008.001.02 file"}}}};
  schemas["PaymentBatch"] = object_schema(batch_props, {"batch", "collection_date", "transactions", "ctrl_sum_cents"});
  schemas["PermitList"] = list_of("Permit");
  schemas["MandateList"] = list_of("Mandate");
  schemas["ChargeList"] = list_of("Charge");
  schemas["PaymentBatchList"] = list_of("PaymentBatch");
  schemas["AccountList"] = list_of("Account");
  schemas["OfficeList"] = list_of("Office");
  schemas["StaffList"] = list_of("Staff");
  schemas["AuditList"] = list_of("AuditEntry");
  schemas["UpgradeList"] = list_of("Upgrade");
  schemas["IdentityChangeList"] = list_of("IdentityChange");
  schemas["ObjectList"] = list_of("Object");
  schemas["AbsenceList"] = list_of("Absence");
  schemas["AvailableOfficeList"] = list_of("AvailableOffice");
  return schemas;
}

// Which schema each operation answers with; operations of later capabilities add theirs here.
std::string response_schema(const Operation& op) {
  static const std::map<std::string, std::string> by_name{
      {"accounts.list", "AccountList"}, {"accounts.search", "AccountList"}, {"accounts.export", "Object"},
      {"offices.list", "OfficeList"},   {"staff.list", "StaffList"},         {"audit.list", "AuditList"},
      {"audit.verify", "Report"},       {"db.check", "Report"},              {"tokens.create", "Token"},
      {"tokens.list", "ObjectList"},    {"tokens.revoke", "Object"},
      {"upgrades.list", "UpgradeList"}, {"upgrades.downgrade", "Account"},   {"staff.link-account", "OwnAccounts"},
      {"staff.unlink-account", "OwnAccounts"}, {"staff.accounts", "OwnAccounts"},
      {"offices.available", "AvailableOfficeList"}, {"coverage.report", "CoverageReport"},
      {"import.business", "ImportSummary"},
      {"staff.absence_add", "Absence"}, {"staff.absence_remove", "Absence"}, {"staff.absences", "AbsenceList"},
      {"permits.list", "PermitList"},   {"permits.renew", "RenewalReport"},  {"mandates.list", "MandateList"},
      {"charges.list", "ChargeList"},   {"payments.list", "PaymentBatchList"},
      {"accounts.identity_changes", "IdentityChangeList"}, {"accounts.confirm_identity_change", "IdentityChange"},
      {"accounts.reject_identity_change", "IdentityChange"},
      {"appointments.slots", "ObjectList"}, {"appointments.list", "ObjectList"},
      {"staff.hours", "Object"},          {"staff.set_hours", "Object"},
  };
  if (auto it = by_name.find(op.name); it != by_name.end()) return it->second;
  if (op.name.rfind("accounts.", 0) == 0) return "Account";
  if (op.name.rfind("offices.", 0) == 0) return "Office";
  if (op.name.rfind("staff.", 0) == 0) return "Staff";
  if (op.name.rfind("upgrades.", 0) == 0) return "Upgrade";
  if (op.name.rfind("permits.", 0) == 0) return "Permit";
  if (op.name.rfind("mandates.", 0) == 0) return "Mandate";
  if (op.name.rfind("payments.", 0) == 0) return "PaymentBatch";
  return op.paged ? "ObjectList" : "Object";
}

json schema_ref(const std::string& schema) { return {{"$ref", "#/components/schemas/" + schema}}; }

json problem_response(const char* what) {
  return {{"description", what}, {"content", {{"application/problem+json", {{"schema", schema_ref("Problem")}}}}}};
}

}  // namespace

json openapi_document() {
  json paths = json::object();
  static const std::regex placeholder(R"(\{([a-z_]+)\})");
  for (const auto& op : operations().all()) {
    if (op.local_only) continue;
    json parameters = json::array();
    for (std::sregex_iterator it(op.path.begin(), op.path.end(), placeholder), end; it != end; ++it)
      parameters.push_back({{"name", (*it)[1].str()}, {"in", "path"}, {"required", true}, {"schema", str()}});
    if (op.paged) {
      parameters.push_back({{"name", "limit"}, {"in", "query"}, {"schema", integer()}});
      parameters.push_back({{"name", "cursor"}, {"in", "query"}, {"schema", str()}});
    }
    for (auto& q : query_parameters(op)) parameters.push_back(std::move(q));
    if (op.effect == Effect::write)
      parameters.push_back({{"name", "Idempotency-Key"}, {"in", "header"}, {"schema", str()}});
    json operation{{"operationId", op.name},
                   {"summary", op.summary},
                   {"x-vrathaus-access", access_json(op)},
                   {"parameters", parameters},
                   {"responses",
                    {{op.method == "POST" && (op.name.ends_with(".create") || op.name.ends_with(".add")) ? "201" : "200",
                      {{"description", "OK"}, {"content", {{"application/json", {{"schema", schema_ref(response_schema(op))}}}}}}},
                     {"400", problem_response("Bad request")},
                     {"401", problem_response("No or bad token")},
                     {"403", problem_response("Not allowed")},
                     {"404", problem_response("Not found")},
                     {"409", problem_response("Conflict or refused by a rule")},
                     {"413", problem_response("Request body over the server's limit")},
                     {"422", problem_response("Invalid data, or a field the operation does not take")},
                     {"429", problem_response("Too many failed logins (see Retry-After)")},
                     {"503", problem_response("Store or server busy (see Retry-After)")}}}};
    if (op.effect == Effect::write && !op.streamed_body) {
      operation["requestBody"] = {{"content", {{"application/json", {{"schema", schema_ref("Object")}}}}}};
      operation["responses"]["415"] = problem_response("The body is not application/json");
    }
    if (op.streamed_body)
      operation["requestBody"] = {{"content", {{"text/csv", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
    std::string lower = op.method;
    for (auto& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
    paths[op.path][lower] = operation;
  }
  paths["/healthz"]["get"] = {{"operationId", "healthz"}, {"summary", "Liveness (no authentication), served at /healthz"},
                              {"security", json::array()}, {"responses", {{"200", {{"description", "OK"}}}}}};
  return {{"openapi", "3.1.0"},
          {"info", {{"title", "vrathaus REST API"}, {"version", VRATHAUS_VERSION}}},
          {"servers", json::array({{{"url", "/api/v1"}}})},
          {"components",
           {{"schemas", components()},
            {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
          {"security", json::array({{{"bearer", json::array()}}})},
          {"paths", paths}};
}

}  // namespace vrathaus
