#include "store/appointment_rows.hpp"

#include "core/error.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

constexpr const char* kColumns =
    "SELECT id, account_id, office, kind, local_date, starts_at, ends_at, staff, status, booked_by, booked_at, "
    "updated_at, cancel_reason, upgrade_id FROM appointments ";

std::string text(sql::Statement& q, int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); }

AppointmentRow read(sql::Statement& q) {
  AppointmentRow r;
  r.id = q.getColumn(0).getInt64();
  r.account_id = q.getColumn(1).getInt64();
  r.office = text(q, 2);
  r.kind = text(q, 3);
  auto day = Date::parse(text(q, 4));
  if (!day) fail(ErrorKind::internal, "appointments: stored date '{}' of appointment {} is not a date", text(q, 4), r.id);
  r.local_date = *day;
  r.starts_at = text(q, 5);
  r.ends_at = text(q, 6);
  r.staff = text(q, 7);
  r.status = text(q, 8);
  r.booked_by = text(q, 9);
  r.booked_at = text(q, 10);
  r.updated_at = text(q, 11);
  r.cancel_reason = text(q, 12);
  if (!q.getColumn(13).isNull()) r.upgrade_id = q.getColumn(13).getInt64();
  return r;
}

// "" is stored as NULL: no clerk while it needs rebooking, no reason unless cancelled.
void bind_text_or_null(sql::Statement& q, int index, const std::string& value) {
  if (value.empty())
    q.bind(index);
  else
    q.bind(index, value);
}

std::vector<AppointmentRow> read_all(sql::Statement& q) {
  std::vector<AppointmentRow> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

std::optional<TimeRange> stored_range(sql::Statement& q, int from, int to) {
  if (q.getColumn(from).isNull()) return std::nullopt;
  auto a = parse_time_of_day(q.getColumn(from).getString()), b = parse_time_of_day(q.getColumn(to).getString());
  if (!a || !b) fail(ErrorKind::internal, "duty_hours: stored time '{}' is not HH:MM", q.getColumn(from).getString());
  return TimeRange{*a, *b};
}

}  // namespace

std::optional<AppointmentRow> load_appointment(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db, std::string(kColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::vector<AppointmentRow> load_appointments(sql::Connection& db, const AppointmentFilter& f) {
  // Only the conditions asked for, so every placeholder has a type PostgreSQL can tell (a bare
  // `? IS NULL` has none); one placeholder per wanted status.
  std::string statuses;
  for (std::size_t i = 0; i < f.statuses.size(); ++i) statuses += (i ? ", :s" : ":s") + std::to_string(i);
  sql::Statement q(db, std::string(kColumns) +
                           "WHERE (:office = '' OR office = :office) AND (:staff = '' OR staff = :staff)"
                           " AND (:date = '' OR local_date = :date)" +
                           (f.account_id ? " AND account_id = :account" : "") +
                           (statuses.empty() ? "" : " AND status IN (" + statuses + ")") + " ORDER BY starts_at, id");
  q.bind(":office", f.office);
  q.bind(":staff", f.staff);
  q.bind(":date", f.date ? f.date->str() : std::string());
  if (f.account_id) q.bind(":account", *f.account_id);
  for (std::size_t i = 0; i < f.statuses.size(); ++i) q.bind(":s" + std::to_string(i), f.statuses[i]);
  return read_all(q);
}

std::vector<AppointmentRow> load_booked_on(sql::Connection& db, const Date& day, const std::string& office) {
  sql::Statement q(db, std::string(kColumns) +
                              "WHERE local_date = ?1 AND (?2 = '' OR office = ?2) AND status = 'booked' ORDER BY starts_at, id");
  q.bind(1, day.str());
  q.bind(2, office);
  return read_all(q);
}

std::vector<AppointmentRow> load_booked_of_staff(sql::Connection& db, const std::string& staff, const std::string& from,
                                                 const std::string& to) {
  sql::Statement q(db, std::string(kColumns) +
                              "WHERE staff = ?1 AND status = 'booked' AND starts_at >= ?2 AND starts_at < ?3 ORDER BY starts_at, id");
  q.bind(1, staff);
  q.bind(2, from);
  q.bind(3, to);
  return read_all(q);
}

std::optional<AppointmentRow> load_open_appointment(sql::Connection& db, std::int64_t account_id, const std::string& kind) {
  sql::Statement q(db, std::string(kColumns) +
                              "WHERE account_id = ? AND kind = ? AND status IN ('booked','needs-rebooking') ORDER BY id LIMIT 1");
  q.bind(1, account_id);
  q.bind(2, kind);
  if (!q.executeStep()) return std::nullopt;
  return read(q);
}

std::int64_t insert_appointment(sql::Connection& db, const AppointmentRow& r) {
  sql::Statement q(db, "INSERT INTO appointments(account_id, office, kind, local_date, starts_at, ends_at, staff, status,"
                          " booked_by, booked_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
  q.bind(1, r.account_id);
  q.bind(2, r.office);
  q.bind(3, r.kind);
  q.bind(4, r.local_date.str());
  q.bind(5, r.starts_at);
  q.bind(6, r.ends_at);
  bind_text_or_null(q, 7, r.staff);
  q.bind(8, r.status);
  q.bind(9, r.booked_by);
  q.bind(10, r.booked_at);
  q.bind(11, r.updated_at);
  return q.execReturningId();
}

void update_appointment(sql::Connection& db, const AppointmentRow& r) {
  sql::Statement q(db, "UPDATE appointments SET staff = ?, status = ?, updated_at = ?, cancel_reason = ?, upgrade_id = ?"
                          " WHERE id = ?");
  bind_text_or_null(q, 1, r.staff);
  q.bind(2, r.status);
  q.bind(3, r.updated_at);
  bind_text_or_null(q, 4, r.cancel_reason);
  if (r.upgrade_id)
    q.bind(5, *r.upgrade_id);
  else
    q.bind(5);
  q.bind(6, r.id);
  q.exec();
}

std::map<std::string, std::optional<TimeRange>> load_duty_on(sql::Connection& db, unsigned iso_weekday) {
  sql::Statement q(db, "SELECT staff, from_time, to_time FROM duty_hours WHERE weekday = ?");
  q.bind(1, int(iso_weekday));
  std::map<std::string, std::optional<TimeRange>> out;
  while (q.executeStep()) out[q.getColumn(0).getString()] = stored_range(q, 1, 2);
  return out;
}

std::map<unsigned, std::optional<TimeRange>> load_duty_of(sql::Connection& db, const std::string& staff) {
  sql::Statement q(db, "SELECT weekday, from_time, to_time FROM duty_hours WHERE staff = ? ORDER BY weekday");
  q.bind(1, staff);
  std::map<unsigned, std::optional<TimeRange>> out;
  while (q.executeStep()) out[unsigned(q.getColumn(0).getInt())] = stored_range(q, 1, 2);
  return out;
}

void set_duty(sql::Connection& db, const std::string& staff, unsigned iso_weekday, const std::optional<TimeRange>& hours) {
  sql::Statement q(db, "INSERT INTO duty_hours(staff, weekday, from_time, to_time) VALUES (?1, ?2, ?3, ?4)"
                          " ON CONFLICT(staff, weekday) DO UPDATE SET from_time = ?3, to_time = ?4");
  q.bind(1, staff);
  q.bind(2, int(iso_weekday));
  if (hours) {
    q.bind(3, time_of_day_str(hours->from));
    q.bind(4, time_of_day_str(hours->to));
  } else {
    q.bind(3);
    q.bind(4);
  }
  q.exec();
}

void clear_duty(sql::Connection& db, const std::string& staff, unsigned iso_weekday) {
  sql::Statement q(db, "DELETE FROM duty_hours WHERE staff = ? AND weekday = ?");
  q.bind(1, staff);
  q.bind(2, int(iso_weekday));
  q.exec();
}

}  // namespace vrathaus
