#include "service/appointments.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/icalendar.hpp"
#include "domain/validate.hpp"
#include "service/accounts.hpp"
#include "service/appointment_keeping.hpp"
#include "service/audit.hpp"
#include "service/office_day.hpp"
#include "service/offices.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace vrathaus {
namespace {

using nlohmann::json;

// How far ahead the alternatives for an appointment at risk are looked for.
constexpr int kAlternativeDays = 14;

std::string object_of(std::int64_t id) { return "appointment:" + std::to_string(id); }

struct FreeSlot {
  std::string office;
  std::size_t office_rank = 0;  // the order of `offices available`: most staffed first
  Date day;
  TimeRange time;
  std::size_t free = 0;
  std::vector<std::string> clerks;
};

// The free slots of a day (one office or all), none starting before now.
std::vector<FreeSlot> free_slots_on(Context& ctx, const AppointmentKind& kind, const std::string& office, const Date& day) {
  std::vector<FreeSlot> out;
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(ctx.clock.now());
  auto days = load_office_days(ctx, kind, office, day);
  for (std::size_t rank = 0; rank < days.size(); ++rank)
    for (auto& slot : appointments::free_slots(days[rank].opening, kind.slot_minutes, days[rank].clerks)) {
      if (office_instant(ctx, day, slot.time.from) < now) continue;
      out.push_back({days[rank].office, rank, day, slot.time, slot.free.size(), std::move(slot.free)});
    }
  return out;
}

json slot_json(const Context& ctx, const FreeSlot& s, const std::string& kind, const std::map<std::string, std::string>& names) {
  auto name = names.find(s.office);
  return {{"office", s.office},
          {"office_name", name == names.end() ? "" : name->second},
          {"date", s.day.str()},
          {"start", time_of_day_str(s.time.from)},
          {"end", time_of_day_str(s.time.to)},
          {"starts_at", office_rfc3339(ctx, s.day, s.time.from)},
          {"ends_at", office_rfc3339(ctx, s.day, s.time.to)},
          {"kind", kind},
          {"free", s.free}};
}

std::map<std::string, std::string> office_names(Context& ctx) {
  std::map<std::string, std::string> out;
  for (const auto& o : list_offices(ctx)) out[o.code] = o.name;
  return out;
}

std::string check_postal_code(const std::string& plz) {
  bool ok = plz.size() == 5 && std::all_of(plz.begin(), plz.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!ok) fail_field("postal_code", "'{}' is not a German postal code (5 digits)", plz);
  return plz;
}

// --at: a local time at the office ("2026-12-10T14:00") or an RFC 3339 UTC instant.
LocalDateTime appointment_time(const Context& ctx, const std::string& text) {
  if (auto local = parse_local_date_time(text)) return *local;
  if (!text.empty() && text.back() == 'Z') {
    try {
      auto at = utc_to_local(ctx.city.timezone, parse_instant(text));
      return {at.day, at.minute};
    } catch (const Error&) {
      // the field error below says what is expected
    }
  }
  fail_field("at", "'{}' is not a local time like 2026-12-10T14:00 (or RFC 3339 UTC)", text);
}

AppointmentRow load_for(Context& ctx, std::int64_t id, const std::string& account) {
  auto row = load_appointment(ctx.db(), id);
  // Named by the citizen's login (the portal), an appointment of someone else does not exist.
  if (row && !account.empty() && find_account(ctx, account).id != row->account_id) row.reset();
  if (!row) fail(ErrorKind::not_found, "no appointment {}", id);
  return *row;
}

void cancel_row(Context& ctx, AppointmentRow& row, const std::string& reason) {
  auto before = appointment_json(ctx, row);
  row.cancel_reason = reason;
  row.status = "cancelled";
  row.updated_at = ctx.now();
  update_appointment(ctx.db(), row);
  audit_append(ctx, {"appointments.cancel", object_of(row.id), before, appointment_json(ctx, row), row.cancel_reason});
}

// For the alternatives: distance in minutes from the original start, a later day counting whole days.
long minutes_away(const FreeSlot& s, const AppointmentRow& a, const TimeRange& original) {
  return a.local_date.days_until(s.day) * 24 * 60 + std::labs(long(s.time.from) - original.from);
}

}  // namespace

json appointment_json(const Context& ctx, const AppointmentRow& r) {
  auto local = local_range(ctx, r.starts_at, r.ends_at);
  return {{"id", r.id},
          {"account_id", r.account_id},
          {"office", r.office},
          {"kind", r.kind},
          {"date", r.local_date.str()},
          {"start", time_of_day_str(local.from)},
          {"end", time_of_day_str(local.to)},
          {"starts_at", r.starts_at},
          {"ends_at", r.ends_at},
          {"staff", r.staff.empty() ? json(nullptr) : json(r.staff)},
          {"status", r.status},
          {"booked_by", r.booked_by},
          {"booked_at", r.booked_at},
          {"updated_at", r.updated_at},
          {"cancel_reason", r.cancel_reason.empty() ? json(nullptr) : json(r.cancel_reason)},
          {"upgrade_id", r.upgrade_id ? json(*r.upgrade_id) : json(nullptr)}};
}

json appointment_slots(Context& ctx, const SlotQuery& q) {
  const auto& kind = appointment_kind(ctx.city, q.kind);
  if (!q.office.empty()) find_office(ctx, q.office);
  auto plz = q.postal_code.empty() ? q.postal_code : check_postal_code(q.postal_code);
  auto slots = free_slots_on(ctx, kind, q.office, q.date);
  auto distance = [&](const FreeSlot& s) {
    return plz.empty() ? 0L : appointments::postal_distance(ctx.city.appointments.schedule_of(s.office).postal_code, plz);
  };
  // Nearest office first when the citizen says where they live, then the earliest time; among
  // equals, the order of `offices available`.
  std::stable_sort(slots.begin(), slots.end(), [&](const FreeSlot& a, const FreeSlot& b) {
    return std::tuple(distance(a), a.time.from, a.office_rank) < std::tuple(distance(b), b.time.from, b.office_rank);
  });
  auto names = office_names(ctx);
  json items = json::array();
  for (const auto& s : slots) items.push_back(slot_json(ctx, s, q.kind, names));
  json out{{"items", std::move(items)}, {"next", nullptr}};
  if (slots.empty())
    out["warnings"] = json::array({fmt::format("no free {} slot on {}{}", q.kind, q.date.str(),
                                               q.office.empty() ? "" : " at " + q.office)});
  return out;
}

AppointmentRow book_appointment(Context& ctx, const NewAppointment& in) {
  const auto& kind = appointment_kind(ctx.city, in.kind);
  auto account = find_account(ctx, in.account);
  if (account.status != "active")
    fail(ErrorKind::conflict, "account {} is {}: only an active account can book an appointment", account.id, account.status);
  auto office = find_office(ctx, in.office);
  auto at = appointment_time(ctx, in.at);
  TimeRange time{at.minute, at.minute + kind.slot_minutes};
  if (office_instant(ctx, at.day, at.minute) < std::chrono::time_point_cast<std::chrono::seconds>(ctx.clock.now()))
    fail(ErrorKind::conflict, "{} {} has passed: book a time still to come", at.day.str(), time_of_day_str(at.minute));
  if (auto open = load_open_appointment(ctx.db(), account.id, in.kind))
    fail(ErrorKind::conflict, "account {} has an open {} appointment already ({}, {} at {}): cancel it first", account.id,
         in.kind, open->id, open->local_date.str(), open->office);

  const auto& opening = ctx.city.appointments.schedule_of(office.code).on(at.day.iso_weekday());
  if (opening && !appointments::on_slot_grid(*opening, kind.slot_minutes, time))
    fail_field("at", "{} is not a slot at {} ({} slots of {} minutes from {})", time_of_day_str(at.minute), office.code,
               in.kind, kind.slot_minutes, time_range_str(*opening));
  auto days = load_office_days(ctx, kind, office.code, at.day);
  auto free = days.empty() ? std::vector<std::string>{} : appointments::free_for(time, days.front().clerks);
  if (free.empty())
    fail(ErrorKind::conflict, "nobody certified for {} is free at {} on {} at {}: see 'vrathaus appointments slots'",
         kind.cert, office.code, at.day.str(), time_of_day_str(at.minute));

  AppointmentRow row;
  row.account_id = account.id;
  row.office = office.code;
  row.kind = in.kind;
  row.local_date = at.day;
  row.starts_at = office_rfc3339(ctx, at.day, time.from);
  row.ends_at = office_rfc3339(ctx, at.day, time.to);
  row.staff = free.front();
  row.status = "booked";
  row.booked_by = ctx.actor.id;
  row.booked_at = row.updated_at = ctx.now();
  row.id = insert_appointment(ctx.db(), row);
  audit_append(ctx, {"appointments.book", object_of(row.id), nullptr, appointment_json(ctx, row), ""});
  return row;
}

AppointmentRow cancel_appointment(Context& ctx, std::int64_t id, const std::string& reason, const std::string& account) {
  auto row = load_for(ctx, id, account);
  if (row.status != "booked" && row.status != "needs-rebooking")
    fail(ErrorKind::conflict, "appointment {} is {}: only an open appointment can be cancelled", id, row.status);
  auto why = validate_text(reason, "reason", 500);
  if (why.empty()) fail_field("reason", "is required");
  cancel_row(ctx, row, why);
  return row;
}

std::vector<AppointmentRow> cancel_open_appointments_of(Context& ctx, std::int64_t account_id, const std::string& reason) {
  AppointmentFilter f;
  f.account_id = account_id;
  f.statuses = {"booked", "needs-rebooking"};
  auto rows = load_appointments(ctx.db(), f);
  for (auto& row : rows) cancel_row(ctx, row, reason);
  return rows;
}

json keep_appointments(Context& ctx) {
  auto moved = keep_upcoming_appointments(ctx);
  auto risk = appointments_at_risk(ctx);
  // One object, not a list: what changed and what is still at risk both belong in the cron mail.
  json out{{"ok", risk["ok"]}, {"at_risk", std::move(risk["items"])}};
  if (risk.contains("warnings")) out["warnings"] = std::move(risk["warnings"]);
  report_moved(ctx, out, moved);
  return out;
}

AppointmentRow find_appointment(Context& ctx, std::int64_t id, const std::string& account) { return load_for(ctx, id, account); }

std::vector<AppointmentRow> list_appointments(Context& ctx, const std::string& office, std::optional<Date> date,
                                              const std::string& staff, const std::string& account) {
  AppointmentFilter f;
  if (!office.empty()) f.office = find_office(ctx, office).code;
  f.staff = staff;
  f.date = date;
  if (!account.empty()) f.account_id = find_account(ctx, account).id;
  return load_appointments(ctx.db(), f);
}

std::string appointment_icalendar(Context& ctx, const AppointmentRow& row) {
  auto office = find_office(ctx, row.office);
  CalendarEvent e;
  e.uid = fmt::format("appointment-{}@vrathaus", row.id);
  e.summary = fmt::format("Termin {}: {}", row.kind == "upgrade" ? "Kontoaufwertung" : row.kind, office.name);
  e.location = office.name;
  e.description = fmt::format("Termin {} — bitte bringen Sie Ihren Ausweis mit.", row.id);
  e.cancelled = row.status == "cancelled";
  e.sequence = row.status == "cancelled" ? 1 : 0;
  e.start = std::chrono::time_point_cast<std::chrono::seconds>(parse_instant(row.starts_at));
  e.end = std::chrono::time_point_cast<std::chrono::seconds>(parse_instant(row.ends_at));
  e.stamp = std::chrono::time_point_cast<std::chrono::seconds>(parse_instant(row.updated_at));
  e.timezone = ctx.city.timezone;
  return icalendar(e);
}

json appointments_at_risk(Context& ctx) {
  AppointmentFilter f;
  f.statuses = {"booked", "needs-rebooking"};
  auto now = ctx.now();
  auto names = office_names(ctx);
  json items = json::array();
  for (const auto& row : load_appointments(ctx.db(), f)) {
    if (row.starts_at < now) continue;
    if (row.status == "booked" && clerk_can_keep(ctx, row)) continue;
    auto j = appointment_json(ctx, row);
    j["why"] = row.status == "booked" ? "clerk-unavailable" : "nobody-certified-free";
    // The nearest free slot of each office, from the same day on: the citizen picks one.
    const auto& kind = appointment_kind(ctx.city, row.kind);
    auto original = local_range(ctx, row.starts_at, row.ends_at);
    std::map<std::string, FreeSlot> best;
    for (int d = 0; d < kAlternativeDays; ++d) {
      for (auto& s : free_slots_on(ctx, kind, "", row.local_date.add_days(d))) {
        auto it = best.find(s.office);
        if (it == best.end() || minutes_away(s, row, original) < minutes_away(it->second, row, original)) best[s.office] = s;
      }
    }
    std::vector<FreeSlot> nearest;
    for (auto& [office, s] : best) nearest.push_back(s);
    std::stable_sort(nearest.begin(), nearest.end(), [&](const FreeSlot& a, const FreeSlot& b) {
      return std::tuple(minutes_away(a, row, original), a.office_rank) < std::tuple(minutes_away(b, row, original), b.office_rank);
    });
    json alternatives = json::array();
    for (const auto& s : nearest) alternatives.push_back(slot_json(ctx, s, row.kind, names));
    j["alternatives"] = std::move(alternatives);
    items.push_back(std::move(j));
  }
  bool ok = items.empty();
  json out{{"ok", ok}, {"items", std::move(items)}};
  if (!ok) out["warnings"] = json::array({fmt::format("{} appointment(s) at risk", out["items"].size())});
  return out;
}

}  // namespace vrathaus
