#include "service/absences.hpp"

#include "core/clock.hpp"
#include "core/error.hpp"
#include "domain/duties.hpp"
#include "domain/validate.hpp"
#include "service/audit.hpp"
#include "service/staff.hpp"

#include <fmt/ranges.h>

#include <algorithm>

namespace vrathaus {
namespace {

using nlohmann::json;

// A typo like 2062 for 2026 must not silently mark someone absent for decades.
constexpr long kMaxAbsenceDays = 3 * 366;

std::string check_reason(const std::string& reason) {
  const auto& known = absence_reasons();
  if (std::find(known.begin(), known.end(), reason) == known.end())
    fail_field("reason", "'{}' is not an absence reason ({})", reason, fmt::join(known, ", "));
  return reason;
}

// The instants an absence covers at the city's offices: whole days from local midnight to the
// midnight after the last day, or the hours of a half-day.
std::pair<std::chrono::sys_seconds, std::chrono::sys_seconds> absence_instants(const Context& ctx, const AbsenceRow& row) {
  if (row.part)
    return {local_time_to_utc(ctx.city.timezone, row.period.from, row.part->from),
            local_time_to_utc(ctx.city.timezone, row.period.from, row.part->to)};
  return {local_time_to_utc(ctx.city.timezone, row.period.from, 0),
          local_time_to_utc(ctx.city.timezone, row.period.to.add_days(1), 0)};
}

AbsenceAdded add_part_day_absence(Context& ctx, const std::string& staff, const NewAbsence& in) {
  if (in.to != in.from) fail_field("to", "a half-day absence ends on the day it starts ({}); record longer ones as whole days", in.from.str());
  if (in.part->to <= in.part->from) fail_field("to", "{} is not after {}", time_of_day_str(in.part->to), time_of_day_str(in.part->from));
  AbsenceAdded out;
  for (const auto& r : load_absences(ctx.db(), staff, in.from, in.from)) {
    // Already away all day, or exactly so: nothing changes, nothing to audit.
    if (!r.part || (r.part->contains(*in.part) && r.period.reason == in.reason)) {
      out.absence = r;
      return out;
    }
  }
  AbsenceRow row;
  row.staff = staff;
  row.period = {0, in.from, in.to, check_reason(in.reason)};
  row.part = in.part;
  row.created_by = ctx.actor.id;
  row.created_at = row.updated_at = ctx.now();
  row.period.id = insert_absence(ctx.db(), row);
  audit_append(ctx, {"staff.absence", "staff:" + staff, nullptr, absence_json(row), ""});
  out.absence = row;
  out.changed = true;
  return out;
}

AbsenceAdded add_whole_day_absence(Context& ctx, const std::string& staff_id, const NewAbsence& in) {
  if (in.from.days_until(in.to) >= kMaxAbsenceDays)
    fail_field("to", "an absence spans at most {} days; record a longer one in parts", kMaxAbsenceDays);

  AbsencePeriod added{0, in.from, in.to, check_reason(in.reason)};
  auto rows = load_absences(ctx.db(), staff_id);
  std::erase_if(rows, [](const AbsenceRow& r) { return r.part.has_value(); });  // half-days stay apart
  std::vector<AbsencePeriod> periods;
  for (const auto& r : rows) periods.push_back(r.period);
  auto merge = merge_absence(periods, added);

  AbsenceAdded out;
  out.merged = merge.absorbed;
  json before = json::array();
  for (const auto& r : rows)
    if (std::binary_search(merge.absorbed.begin(), merge.absorbed.end(), r.period.id)) before.push_back(absence_json(r));

  if (merge.absorbed.size() == 1) {
    // Already recorded exactly so: nothing changes, nothing to audit.
    const auto& kept = *std::find_if(rows.begin(), rows.end(), [&](auto& r) { return r.period.id == merge.merged.id; });
    if (kept.period.from == merge.merged.from && kept.period.to == merge.merged.to && kept.period.reason == merge.merged.reason) {
      out.absence = kept;
      out.merged.clear();
      return out;
    }
  }
  AbsenceRow row;
  row.staff = staff_id;
  row.period = merge.merged;
  row.updated_at = ctx.now();
  if (merge.absorbed.empty()) {
    row.created_by = ctx.actor.id;
    row.created_at = row.updated_at;
    row.period.id = insert_absence(ctx.db(), row);
  } else {
    // The oldest absorbed row lives on as the union; the others are folded into it.
    const auto& kept = *std::find_if(rows.begin(), rows.end(), [&](auto& r) { return r.period.id == merge.merged.id; });
    row.created_by = kept.created_by;
    row.created_at = kept.created_at;
    for (auto id : merge.absorbed)
      if (id != row.period.id) delete_absence(ctx.db(), id);
    update_absence(ctx.db(), row);
  }
  out.absence = row;
  out.changed = true;
  audit_append(ctx, {"staff.absence", "staff:" + staff_id, before.empty() ? json(nullptr) : before, absence_json(row), ""});
  return out;
}

}  // namespace

json absence_json(const AbsenceRow& r) {
  json j{{"id", r.period.id},         {"staff", r.staff},           {"from", r.period.from.str()},
         {"to", r.period.to.str()},   {"reason", r.period.reason},  {"created_by", r.created_by},
         {"created_at", r.created_at}, {"updated_at", r.updated_at}};
  j["from_time"] = r.part ? json(time_of_day_str(r.part->from)) : json(nullptr);
  j["to_time"] = r.part ? json(time_of_day_str(r.part->to)) : json(nullptr);
  return j;
}

NewAbsence absence_input(const std::string& staff, const std::string& from, const std::string& to, const std::string& reason) {
  NewAbsence in{staff, {}, {}, reason, std::nullopt};
  auto from_time = parse_local_date_time(from), to_time = parse_local_date_time(to);
  if (from_time || to_time) {
    if (!from_time) fail_field("from", "'{}' is not a local time like 2027-03-01T12:00 (as --to is)", from);
    if (!to_time) fail_field("to", "'{}' is not a local time like 2027-03-01T16:00 (as --from is)", to);
    in.from = from_time->day;
    in.to = to_time->day;
    in.part = TimeRange{from_time->minute, to_time->minute};
    return in;
  }
  in.from = Date::parse_field(from, "from");
  in.to = Date::parse_field(to, "to");
  return in;
}

AbsenceAdded add_absence(Context& ctx, const NewAbsence& in) {
  auto staff = find_staff(ctx, in.staff);
  if (staff.office.empty()) fail(ErrorKind::conflict, "{} is a service identity: it has no absences", staff.id);
  if (!staff.active) fail(ErrorKind::conflict, "staff member {} is inactive", staff.id);
  if (in.to < in.from) fail_field("to", "{} is before the absence starts ({})", in.to.str(), in.from.str());
  auto result = in.part ? add_part_day_absence(ctx, staff.id, in) : add_whole_day_absence(ctx, staff.id, in);
  if (result.changed) {
    auto [from, to] = absence_instants(ctx, result.absence);
    result.moved = reassign_appointments_of(ctx, staff.id, from, to);
  }
  return result;
}

std::vector<AbsenceRow> list_absences(Context& ctx, const std::string& staff, std::optional<Date> from,
                                      std::optional<Date> to) {
  auto s = find_staff(ctx, staff);
  if (from && to && *to < *from) fail_field("to", "{} is before {}", to->str(), from->str());
  return load_absences(ctx.db(), s.id, from, to);
}

AbsenceRow remove_absence(Context& ctx, const std::string& staff_id, std::int64_t absence_id, const std::string& reason) {
  auto staff = find_staff(ctx, staff_id);
  auto row = load_absence(ctx.db(), absence_id);
  if (!row || row->staff != staff.id) fail(ErrorKind::not_found, "{} has no absence {}", staff.id, absence_id);
  // An absence that has begun is a record of fact (coverage and every refused upgrade rely on
  // it): removing it, even partly, is a supervisor's correction, never the absent person's own.
  if (absence_has_begun(row->period.from, ctx.today())) {
    if (ctx.actor.is_staff && ctx.actor.id == staff.id)
      fail(ErrorKind::forbidden, "absence {} of {} covers {} or earlier: only a supervisor or admin other than {} may remove it",
           absence_id, staff.id, ctx.today().str(), staff.id);
    if (!ctx.actor.has_role(Role::admin) && !ctx.actor.has_role(Role::supervisor))
      fail(ErrorKind::forbidden, "{} may not remove an absence that has begun: only a supervisor or admin may", ctx.actor.id);
  }
  auto why = reason.empty() ? reason : validate_text(reason, "reason", 500);
  delete_absence(ctx.db(), absence_id);
  audit_append(ctx, {"staff.absence_remove", "staff:" + staff.id, absence_json(*row), nullptr, why});
  return *row;
}

}  // namespace vrathaus
