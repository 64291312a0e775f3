#include "api/operation.hpp"

#include "core/error.hpp"

namespace vrathaus {

void OperationTable::add(Operation op) {
  check_declaration(op);
  ops_.push_back(std::move(op));
}

const Operation& OperationTable::find(const std::string& name) const {
  for (const auto& op : ops_)
    if (op.name == name) return op;
  fail(ErrorKind::internal, "no operation named {}", name);
}

const OperationTable& operations() {
  static const OperationTable table = [] {
    OperationTable t;
    add_account_operations(t);
    add_office_operations(t);
    add_staff_operations(t);
    add_token_operations(t);
    add_audit_operations(t);
    add_coverage_operations(t);
    add_upgrade_operations(t);
    add_mandate_operations(t);
    add_permit_operations(t);
    add_payment_operations(t);
    add_import_operations(t);
    add_training_operations(t);
    add_appointment_operations(t);
    return t;
  }();
  return table;
}

}  // namespace vrathaus
