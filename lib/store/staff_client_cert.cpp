#include "store/staff_client_cert.hpp"

#include "store/prepared.hpp"

namespace vrathaus {

std::optional<std::string> required_client_cert(sql::Connection& db, const std::string& staff_id) {
  Prepared q(db, "SELECT client_cert_sha256 FROM staff WHERE id = ?");
  q->bind(1, staff_id);
  if (!q->executeStep() || q->getColumn(0).isNull()) return std::nullopt;
  auto text = q->getColumn(0).getString();
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace vrathaus
