#include "store/presence_rows.hpp"

#include "core/error.hpp"

#include "store/sql/sql.hpp"

namespace vrathaus {
namespace {

constexpr const char* kCertColumns =
    "SELECT id, staff, kind, granted_on, valid_until, revoked_on, trainer, granted_by, created_at, revoked_by, "
    "revoked_at, revoke_reason FROM certifications ";
constexpr const char* kAbsenceColumns =
    "SELECT id, staff, from_date, to_date, reason, created_by, created_at, updated_at, from_time, to_time FROM absences ";

std::string text(sql::Statement& q, int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); }

// The column's text without copying it, valid until the next step (NULL reads as ""). Stored text
// holds no NUL: its end is found without asking SQLite for the length as well.
std::string_view text_view(sql::Statement& q, int i) { return q.getColumn(i).getText(); }

// A stored date that does not parse means the store was edited by hand: say so, don't guess.
Date stored_date(sql::Statement& q, int i, const char* table) {
  auto value = text_view(q, i);
  auto d = Date::parse(value);
  if (!d) fail(ErrorKind::internal, "{}: stored date '{}' in {} is not a date", table, value, q.getColumnName(i));
  return *d;
}

CertificationRow read_certification(sql::Statement& q) {
  CertificationRow r;
  r.id = q.getColumn(0).getInt64();
  r.staff = text(q, 1);
  r.period.kind = text(q, 2);
  r.period.granted_on = stored_date(q, 3, "certifications");
  r.period.valid_until = stored_date(q, 4, "certifications");
  if (!q.getColumn(5).isNull()) r.period.revoked_on = stored_date(q, 5, "certifications");
  r.trainer = text(q, 6);
  r.granted_by = text(q, 7);
  r.created_at = text(q, 8);
  r.revoked_by = text(q, 9);
  r.revoked_at = text(q, 10);
  r.revoke_reason = text(q, 11);
  return r;
}

AbsenceRow read_absence(sql::Statement& q) {
  AbsenceRow r;
  r.period.id = q.getColumn(0).getInt64();
  r.staff = text(q, 1);
  r.period.from = stored_date(q, 2, "absences");
  r.period.to = stored_date(q, 3, "absences");
  r.period.reason = text(q, 4);
  r.created_by = text(q, 5);
  r.created_at = text(q, 6);
  r.updated_at = text(q, 7);
  if (!q.getColumn(8).isNull()) {
    auto from = parse_time_of_day(text(q, 8)), to = parse_time_of_day(text(q, 9));
    if (!from || !to) fail(ErrorKind::internal, "absences: stored time '{}' of absence {} is not HH:MM", text(q, 8), r.period.id);
    r.part = TimeRange{*from, *to};
  }
  return r;
}

template <typename Row, typename Read>
std::vector<Row> read_all(sql::Statement& q, Read read) {
  std::vector<Row> out;
  while (q.executeStep()) out.push_back(read(q));
  return out;
}

void bind_optional(sql::Statement& q, int index, const std::string& value) {
  if (value.empty())
    q.bind(index);
  else
    q.bind(index, value);
}

}  // namespace

std::vector<CertificationRow> load_certifications(sql::Connection& db, const std::string& staff, const std::string& kind) {
  sql::Statement q(db, std::string(kCertColumns) + "WHERE staff = ?1 AND (?2 = '' OR kind = ?2) ORDER BY kind, granted_on, id");
  q.bind(1, staff);
  q.bind(2, kind);
  return read_all<CertificationRow>(q, read_certification);
}

std::vector<CertificationRow> load_certifications_of_kind(sql::Connection& db, const std::string& kind) {
  sql::Statement q(db, std::string(kCertColumns) + "WHERE kind = ? ORDER BY staff, granted_on, id");
  q.bind(1, kind);
  return read_all<CertificationRow>(q, read_certification);
}

std::int64_t insert_certification(sql::Connection& db, const CertificationRow& r) {
  sql::Statement q(db, "INSERT INTO certifications(staff, kind, granted_on, valid_until, trainer, granted_by, created_at)"
                          " VALUES (?,?,?,?,?,?,?) RETURNING id");
  q.bind(1, r.staff);
  q.bind(2, r.period.kind);
  q.bind(3, r.period.granted_on.str());
  q.bind(4, r.period.valid_until.str());
  bind_optional(q, 5, r.trainer);
  q.bind(6, r.granted_by);
  q.bind(7, r.created_at);
  return q.execReturningId();
}

void mark_certification_revoked(sql::Connection& db, const CertificationRow& r) {
  sql::Statement q(db, "UPDATE certifications SET revoked_on = ?, revoked_by = ?, revoked_at = ?, revoke_reason = ?"
                          " WHERE id = ? AND revoked_on IS NULL");
  q.bind(1, r.period.revoked_on ? r.period.revoked_on->str() : std::string());
  q.bind(2, r.revoked_by);
  q.bind(3, r.revoked_at);
  q.bind(4, r.revoke_reason);
  q.bind(5, r.id);
  q.exec();
}

std::vector<AbsenceRow> load_absences(sql::Connection& db, const std::string& staff, std::optional<Date> from,
                                      std::optional<Date> to) {
  sql::Statement q(db, std::string(kAbsenceColumns) +
                              "WHERE staff = ?1 AND (?2 = '' OR to_date >= ?2) AND (?3 = '' OR from_date <= ?3)"
                              " ORDER BY from_date, id");
  q.bind(1, staff);
  q.bind(2, from ? from->str() : std::string());
  q.bind(3, to ? to->str() : std::string());
  return read_all<AbsenceRow>(q, read_absence);
}

void for_each_absence_between(sql::Connection& db, const Date& from, const Date& to,
                              const std::function<void(std::string_view staff, AbsencePeriod&& period)>& take) {
  sql::Statement q(db, "SELECT staff, id, from_date, to_date, reason FROM absences"
                          " WHERE to_date >= ? AND from_date <= ? AND from_time IS NULL ORDER BY to_date, from_date");
  q.bind(1, from.str());
  q.bind(2, to.str());
  while (q.executeStep()) {
    AbsencePeriod period{q.getColumn(1).getInt64(), stored_date(q, 2, "absences"), stored_date(q, 3, "absences"),
                         std::string(text_view(q, 4))};
    take(text_view(q, 0), std::move(period));
  }
}

std::vector<AbsenceRow> load_part_day_absences_on(sql::Connection& db, const Date& day) {
  sql::Statement q(db, std::string(kAbsenceColumns) + "WHERE from_date = ? AND from_time IS NOT NULL ORDER BY staff, from_time");
  q.bind(1, day.str());
  return read_all<AbsenceRow>(q, read_absence);
}

std::optional<AbsenceRow> load_absence(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db, std::string(kAbsenceColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  return read_absence(q);
}

std::int64_t insert_absence(sql::Connection& db, const AbsenceRow& r) {
  sql::Statement q(db, "INSERT INTO absences(staff, from_date, to_date, reason, created_by, created_at, updated_at,"
                          " from_time, to_time) VALUES (?,?,?,?,?,?,?,?,?) RETURNING id");
  q.bind(1, r.staff);
  q.bind(2, r.period.from.str());
  q.bind(3, r.period.to.str());
  q.bind(4, r.period.reason);
  q.bind(5, r.created_by);
  q.bind(6, r.created_at);
  q.bind(7, r.updated_at);
  bind_optional(q, 8, r.part ? time_of_day_str(r.part->from) : std::string());
  bind_optional(q, 9, r.part ? time_of_day_str(r.part->to) : std::string());
  return q.execReturningId();
}

void update_absence(sql::Connection& db, const AbsenceRow& r) {
  sql::Statement q(db, "UPDATE absences SET from_date = ?, to_date = ?, reason = ?, updated_at = ? WHERE id = ?");
  q.bind(1, r.period.from.str());
  q.bind(2, r.period.to.str());
  q.bind(3, r.period.reason);
  q.bind(4, r.updated_at);
  q.bind(5, r.period.id);
  q.exec();
}

void delete_absence(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db, "DELETE FROM absences WHERE id = ?");
  q.bind(1, id);
  q.exec();
}

}  // namespace vrathaus
