#include "service/appointment_keeping.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "service/appointments.hpp"
#include "service/audit.hpp"
#include "service/office_day.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace vrathaus {
namespace {

// The clerks of the appointment's office free for it, not counting the appointment itself.
std::vector<std::string> free_clerks_for(Context& ctx, const AppointmentRow& row) {
  const auto& kind = appointment_kind(ctx.city, row.kind);
  auto days = load_office_days(ctx, kind, row.office, row.local_date, row.id);
  if (days.empty()) return {};
  return appointments::free_for(local_range(ctx, row.starts_at, row.ends_at), days.front().clerks);
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// The one rule for every cause: a booked appointment whose clerk can no longer keep it moves to
// the first certified clerk of the office free then, else needs rebooking; one that needs
// rebooking gets such a clerk as soon as there is one. Audited; nullopt when nothing changed.
std::optional<AppointmentMoved> keep_or_flag(Context& ctx, const AppointmentRow& row) {
  auto free = free_clerks_for(ctx, row);
  if (row.status == "booked" && contains(free, row.staff)) return std::nullopt;
  if (row.status == "needs-rebooking" && free.empty()) return std::nullopt;
  auto before = appointment_json(ctx, row);
  AppointmentMoved m{row, row.staff};
  m.appointment.staff = free.empty() ? std::string() : free.front();
  m.appointment.status = free.empty() ? "needs-rebooking" : "booked";
  m.appointment.updated_at = ctx.now();
  update_appointment(ctx.db(), m.appointment);
  audit_append(ctx, {free.empty() ? "appointments.needs_rebooking" : "appointments.reassign",
                     "appointment:" + std::to_string(row.id), before, appointment_json(ctx, m.appointment), ""});
  return m;
}

}  // namespace

bool clerk_can_keep(Context& ctx, const AppointmentRow& row) {
  auto free = free_clerks_for(ctx, row);
  return contains(free, row.staff);
}

std::vector<AppointmentMoved> reassign_appointments_of(Context& ctx, const std::string& staff, std::chrono::sys_seconds from,
                                                       std::chrono::sys_seconds to) {
  std::vector<AppointmentMoved> moved;
  // Appointments already begun are what they are; only those still ahead can move.
  auto earliest = std::max(from, std::chrono::time_point_cast<std::chrono::seconds>(ctx.clock.now()));
  if (to <= earliest) return moved;
  for (const auto& row : load_booked_of_staff(ctx.db(), staff, format_rfc3339(earliest), format_rfc3339(to)))
    if (auto m = keep_or_flag(ctx, row)) moved.push_back(std::move(*m));
  return moved;
}

std::vector<AppointmentMoved> keep_upcoming_appointments(Context& ctx) {
  AppointmentFilter f;
  f.statuses = {"booked", "needs-rebooking"};
  auto now = ctx.now();
  std::vector<AppointmentMoved> moved;
  for (const auto& row : load_appointments(ctx.db(), f))
    if (now <= row.starts_at)
      if (auto m = keep_or_flag(ctx, row)) moved.push_back(std::move(*m));
  return moved;
}

std::vector<AppointmentMoved> reassign_upcoming_appointments_of(Context& ctx, const std::string& staff) {
  auto now = std::chrono::time_point_cast<std::chrono::seconds>(ctx.clock.now());
  // Bookings reach at most a few years ahead; ten years is "everything still to come".
  return reassign_appointments_of(ctx, staff, now, now + std::chrono::years{10});
}

void report_moved(Context& ctx, nlohmann::json& result, const std::vector<AppointmentMoved>& moved) {
  auto items = nlohmann::json::array();
  auto warnings = result.contains("warnings") ? result["warnings"] : nlohmann::json::array();
  for (const auto& m : moved) {
    auto j = appointment_json(ctx, m.appointment);
    j["previous_staff"] = m.previous_staff;
    items.push_back(j);
    const auto& a = m.appointment;
    auto when = fmt::format("{} {} at {}", a.local_date.str(), j["start"].get<std::string>(), a.office);
    if (a.status == "needs-rebooking")
      warnings.push_back(fmt::format("appointment {} ({}) needs rebooking: nobody certified is free then "
                                     "(see 'vrathaus appointments at-risk')",
                                     a.id, when));
    else if (m.previous_staff.empty())
      warnings.push_back(fmt::format("appointment {} ({}) is booked again, with {}", a.id, when, a.staff));
    else
      warnings.push_back(fmt::format("appointment {} ({}) moved from {} to {}", a.id, when, m.previous_staff, a.staff));
  }
  result["appointments"] = std::move(items);
  if (!warnings.empty()) result["warnings"] = std::move(warnings);
}

std::optional<std::int64_t> fulfil_appointment(Context& ctx, std::int64_t account_id, const std::string& office,
                                               std::int64_t upgrade_id, std::optional<std::int64_t> appointment) {
  std::optional<AppointmentRow> row;
  if (appointment) {
    row = load_appointment(ctx.db(), *appointment);
    if (!row || row->account_id != account_id)
      fail(ErrorKind::not_found, "account {} has no appointment {}", account_id, *appointment);
    if (row->status != "booked" && row->status != "needs-rebooking")
      fail(ErrorKind::conflict, "appointment {} is {}: only an open appointment can be fulfilled", row->id, row->status);
    if (row->office != office)
      fail_field("appointment", "appointment {} is at {}, not at {}", row->id, row->office, office);
  } else {
    row = load_open_appointment(ctx.db(), account_id, "upgrade");
    if (!row || row->office != office || row->local_date != ctx.today()) return std::nullopt;
  }
  auto before = appointment_json(ctx, *row);
  row->status = "fulfilled";
  row->upgrade_id = upgrade_id;
  row->updated_at = ctx.now();
  update_appointment(ctx.db(), *row);
  audit_append(ctx, {"appointments.fulfil", "appointment:" + std::to_string(row->id), before, appointment_json(ctx, *row), ""});
  return row->id;
}

}  // namespace vrathaus
