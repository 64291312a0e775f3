#include "store/staff_client_cert.hpp"

namespace vrathaus {

std::optional<std::string> client_cert_from_column(const sql::Column& column) {
  if (column.isNull()) return std::nullopt;
  auto text = column.getString();
  if (text.empty()) return std::nullopt;
  return text;
}

}  // namespace vrathaus
