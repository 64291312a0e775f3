#include "api/operation_fields.hpp"

#include "core/error.hpp"

#include <map>

namespace vrathaus {
namespace {

using Fields = std::set<std::string>;

// The editable account fields (domain/account.cpp), which accounts.create and accounts.update take.
Fields with_account_fields(Fields extra) {
  for (const char* f : {"given_name", "family_name", "birth_date", "company_name", "legal_form", "register_court",
                        "register_no", "vat_id", "street", "house_no", "postal_code", "city", "phone",
                        "contact_given_name", "contact_family_name"})
    extra.insert(f);
  return extra;
}

// Path placeholders, dry_run, limit and cursor are added by accepted_fields(); listed here are the
// fields of the body or query string. "file" is a local path, only ever set in-process or by the
// server's upload handler; the server refuses it from clients.
const std::map<std::string, Fields>& table() {
  static const std::map<std::string, Fields> fields{
      {"accounts.create", with_account_fields({"login"})},
      {"accounts.show", {}},
      {"accounts.list", {"tier", "status", "office"}},
      {"accounts.search", {"q"}},
      {"accounts.update", with_account_fields({"login", "reason", "if_version", "second_staff"})},
      {"accounts.identity_changes", {"account", "status"}},
      {"accounts.confirm_identity_change", {}},
      {"accounts.reject_identity_change", {"reason"}},
      {"accounts.suspend", {"reason"}},
      {"accounts.reactivate", {"reason"}},
      {"accounts.close", {"reason", "erase"}},
      {"accounts.export", {}},
      {"audit.list", {"object", "actor", "since", "after_seq"}},
      {"audit.verify", {}},
      {"db.check", {}},
      {"doctor", {}},
      {"db.rotate-document-key", {}},
      {"audit.seal", {}},
      {"audit.setup-keys", {}},
      {"audit.verify-sealed", {"verification_key"}},
      {"coverage.report", {"cert", "from", "to", "office", "horizon", "daily"}},
      {"import.business", {"file", "name", "on_error", "delimiter", "encoding"}},
      {"import.runs", {"status"}},
      {"mandates.add", {"account", "iban", "bic", "reference", "signed_on"}},
      {"mandates.list", {"account"}},
      {"mandates.show", {}},
      {"mandates.revoke", {"reason"}},
      {"offices.list", {}},
      {"offices.available", {"date", "cert"}},
      {"offices.show", {}},
      {"offices.add", {"code", "name", "min_certified"}},
      {"offices.update", {"name", "min_certified"}},
      {"charges.list", {"account", "status", "batch", "overdue"}},
      {"charges.refund", {"amount", "reason", "paid_out"}},
      {"refunds.paid-out", {"reference"}},
      {"payments.refunds.export", {}},
      {"payments.refunds.show", {}},
      {"charges.overdue", {}},
      {"accounts.statement", {"from", "to"}},
      {"charges.show", {}},
      {"charges.cancel", {"reason"}},
      {"charges.mark-paid", {"method", "reference"}},
      {"payments.returns.import", {"file", "name"}},
      {"payments.export", {"collection_date", "file"}},
      {"payments.list", {}},
      {"payments.show", {"file"}},
      {"permits.issue", {"account", "plate", "zone", "from", "auto_renew", "paid"}},
      {"permits.list", {"account", "status", "expiring_before"}},
      {"permits.show", {}},
      {"permits.revoke", {"reason"}},
      {"permits.renew", {"due_before"}},
      {"training.plan", {"cert", "horizon", "office", "buffer"}},
      {"training.apply", {"cert", "horizon", "office", "buffer"}},
      {"training.sessions_add", {"cert", "date", "trainer", "capacity", "office"}},
      {"training.sessions_list", {"cert", "from"}},
      {"training.enroll", {"staff"}},
      {"training.complete", {"passed", "failed"}},
      {"staff.list", {"cert", "valid_on", "office"}},
      {"staff.show", {}},
      {"staff.add", {"id", "name", "office", "roles", "birth_date"}},
      {"staff.update", {"name", "office", "roles", "birth_date"}},
      {"staff.deactivate", {"reason", "on"}},
      {"staff.move", {"office", "on", "reason"}},
      {"staff.reactivate", {"reason"}},
      {"staff.search", {"q", "limit"}},
      {"staff.certify", {"cert", "on", "valid_until", "trainer"}},
      {"staff.revoke_cert", {"reason"}},
      {"staff.absence_add", {"from", "to", "reason"}},
      {"staff.absences", {"from", "to"}},
      {"staff.absence_remove", {"reason"}},
      {"tokens.create", {"staff", "expires", "read_only"}},
      {"tokens.list", {}},
      {"tokens.revoke", {}},
      {"upgrades.request", {"tier"}},
      {"upgrades.perform",
       {"tier", "method", "office", "document_type", "document_number", "document_country", "document_expiry",
        "second_staff", "register_court", "register_no", "eid_pseudonym", "appointment"}},
      {"upgrades.list", {"status", "account"}},
      {"upgrades.show", {}},
      {"upgrades.reject", {"reason"}},
      {"upgrades.confirm", {}},
      {"upgrades.downgrade", {"tier", "reason"}},
      {"staff.link-account", {"account"}},
      {"staff.unlink-account", {"reason"}},
      {"staff.accounts", {}},
      {"appointments.slots", {"office", "date", "kind", "postal_code"}},
      {"appointments.book", {"account", "office", "at", "kind"}},
      {"appointments.cancel", {"reason", "account"}},
      {"appointments.show", {"account", "format"}},
      {"appointments.list", {"office", "date", "staff", "account"}},
      {"appointments.at_risk", {}},
      {"appointments.keep", {}},
      {"staff.hours", {}},
      {"staff.set_hours", {"from", "to", "off", "office_hours"}},
  };
  return fields;
}

}  // namespace

const std::set<std::string>* declared_fields(const std::string& operation) {
  auto it = table().find(operation);
  return it == table().end() ? nullptr : &it->second;
}

std::set<std::string> accepted_fields(const Operation& op) {
  const auto* declared = declared_fields(op.name);
  if (!declared) fail(ErrorKind::internal, "operation {} declares no fields (api/operation_fields.cpp)", op.name);
  auto fields = *declared;
  for (auto open = op.path.find('{'); open != std::string::npos; open = op.path.find('{', open + 1))
    fields.insert(op.path.substr(open + 1, op.path.find('}', open) - open - 1));
  if (op.effect == Effect::write) fields.insert("dry_run");
  if (op.paged) fields.insert({"limit", "cursor"});
  return fields;
}

}  // namespace vrathaus
