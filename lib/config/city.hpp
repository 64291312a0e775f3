#pragma once
// The city's rules that come from config (cli.md "The config file", section `city`): used
// wherever the services run, locally or behind `vrathaus serve`.
#include "domain/date.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace vrathaus {

struct Zone {
  std::string code;
  std::string name;
  std::vector<std::string> streets;
};

struct FeePeriod {
  Date from;
  std::int64_t fee_cents = 0;
};

struct PermitRules {
  int validity_months = 12;
  int max_per_account = 1;
  int renew_window_days = 30;
  std::vector<FeePeriod> fees{{Date(2020, 1, 1), 3070}};
};

struct Creditor {
  std::string name;
  std::string iban;
  std::string bic;
  std::string creditor_id;
};

struct SepaRules {
  int prenotification_days = 14;
  std::optional<Creditor> creditor;
};

struct CityConfig {
  std::string timezone = "Europe/Berlin";
  PermitRules permits;
  std::vector<Zone> zones;
  std::map<std::string, int> certification_validity_months{{"identity-check", 24}, {"authority-accounts", 24}};
  std::set<Date> holidays;
  SepaRules sepa;
  int busy_timeout_ms = 5000;
  // Key for the keyed hash of ID document numbers; empty: a key file beside the store.
  std::string document_key_file;
};

}  // namespace vrathaus
