#include "config/city_rows.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace vrathaus {
namespace {

std::string euros(std::int64_t cents) { return fmt::format("{}.{:02} EUR", cents / 100, cents % 100); }

}  // namespace

std::vector<std::pair<std::string, std::string>> city_rows(const CityConfig& c) {
  std::vector<std::pair<std::string, std::string>> rows;
  auto add = [&](std::string key, std::string value) { rows.emplace_back("city." + std::move(key), std::move(value)); };
  add("name", c.name.empty() ? "none" : c.name);
  add("timezone", c.timezone);
  add("permits.validity_months", std::to_string(c.permits.validity_months));
  add("permits.max_per_account", std::to_string(c.permits.max_per_account));
  add("permits.renew_window_days", std::to_string(c.permits.renew_window_days));
  std::vector<std::string> fees;
  for (const auto& f : c.permits.fees) fees.push_back(fmt::format("from {}: {}", f.from.str(), euros(f.fee_cents)));
  add("permits.fees", fmt::format("{}", fmt::join(fees, "; ")));
  std::vector<std::string> zones;
  for (const auto& z : c.zones) zones.push_back(fmt::format("{} {} ({} streets)", z.code, z.name, z.streets.size()));
  add("zones", zones.empty() ? "none (permits cannot be issued or renewed)" : fmt::format("{}", fmt::join(zones, "; ")));
  std::vector<std::string> validity;
  for (const auto& [kind, months] : c.certification_validity_months) validity.push_back(fmt::format("{} {} months", kind, months));
  add("certification_validity_months", fmt::format("{}", fmt::join(validity, "; ")));
  std::vector<std::string> holidays;
  for (const auto& d : c.holidays) holidays.push_back(d.str());
  add("holidays", holidays.empty() ? "none" : fmt::format("{}: {}", holidays.size(), fmt::join(holidays, ", ")));
  add("sepa.format", c.sepa.format);
  add("sepa.prenotification_days", std::to_string(c.sepa.prenotification_days));
  add("sepa.return_fee_cents", std::to_string(c.sepa.return_fee_cents));
  if (c.sepa.creditor) {
    const auto& cr = *c.sepa.creditor;
    add("sepa.creditor", fmt::format("{}, IBAN {}, BIC {}, creditor id {}", cr.name, cr.iban, cr.bic, cr.creditor_id));
  } else {
    add("sepa.creditor", "none (payments cannot be exported)");
  }
  add("busy_timeout_ms", std::to_string(c.busy_timeout_ms));
  add("document_key_file", c.document_key_file.empty() ? "<store>.key beside the store" : c.document_key_file);
  return rows;
}

}  // namespace vrathaus
