#include "config/appointment_config.hpp"

namespace vrathaus {
namespace {

using yaml::Where;

// hours: { mon: "08:00-16:00", fri: "08:00-12:00", sat: closed } — the weekdays given replace
// those of `into`; the others stay (an office differs from the default on the days it names).
void parse_hours(const YAML::Node& node, const Where& w, OfficeSchedule& into) {
  yaml::expect_map(node, w, {"mon", "tue", "wed", "thu", "fri", "sat", "sun"});
  for (const auto& item : node) {
    auto day = item.first.as<std::string>();
    auto text = yaml::read_string(item.second, w.child(day));
    auto& slot = into.hours.at(*parse_weekday(day) - 1);
    if (text == "closed") {
      slot.reset();
      continue;
    }
    auto range = parse_time_range(text);
    if (!range) yaml::config_error(w.child(day), item.second, "expected opening hours like 08:00-16:00, or closed");
    slot = *range;
  }
}

void parse_office(const YAML::Node& node, const Where& w, OfficeSchedule& into) {
  yaml::expect_map(node, w, {"hours", "postal_code"});
  if (node["hours"]) parse_hours(node["hours"], w.child("hours"), into);
  if (node["postal_code"]) {
    auto plz = yaml::read_string(node["postal_code"], w.child("postal_code"));
    bool ok = plz.size() == 5;
    for (char c : plz) ok = ok && c >= '0' && c <= '9';
    if (!ok) yaml::config_error(w.child("postal_code"), node["postal_code"], "expected a German postal code (5 digits)");
    into.postal_code = plz;
  }
}

}  // namespace

void parse_appointments(const YAML::Node& node, const Where& w, AppointmentRules& rules,
                        const std::map<std::string, int>& known_certs) {
  yaml::expect_map(node, w, {"kinds", "hours", "offices", "busy_at_minimum_percent"});
  if (node["busy_at_minimum_percent"])
    rules.busy_at_minimum_percent =
        int(yaml::read_int(node["busy_at_minimum_percent"], w.child("busy_at_minimum_percent"), 1, 100));
  if (auto kinds = node["kinds"]) {
    auto kw = w.child("kinds");
    if (!kinds.IsMap()) yaml::config_error(kw, kinds, "expected a mapping of appointment kinds");
    for (const auto& item : kinds) {
      auto name = item.first.as<std::string>();
      auto ew = kw.child(name);
      yaml::expect_map(item.second, ew, {"slot_minutes", "cert"});
      auto& kind = rules.kinds[name];
      if (item.second["slot_minutes"])
        kind.slot_minutes = int(yaml::read_int(item.second["slot_minutes"], ew.child("slot_minutes"), 5, 240));
      if (item.second["cert"]) {
        kind.cert = yaml::read_string(item.second["cert"], ew.child("cert"));
        if (!known_certs.contains(kind.cert))
          yaml::config_error(ew.child("cert"), item.second["cert"], "not a certification kind of city.certifications");
      }
    }
  }
  if (node["hours"]) parse_hours(node["hours"], w.child("hours"), rules.default_office);
  if (auto offices = node["offices"]) {
    auto ow = w.child("offices");
    if (!offices.IsMap()) yaml::config_error(ow, offices, "expected a mapping of office codes");
    for (const auto& item : offices) {
      auto code = item.first.as<std::string>();
      auto schedule = rules.default_office;
      schedule.postal_code.clear();
      parse_office(item.second, ow.child(code), schedule);
      rules.offices[code] = schedule;
    }
  }
}

}  // namespace vrathaus
