#pragma once
// Reading and writing certification and absence rows; no rules here, only SQL with bound
// parameters. Dates are stored as YYYY-MM-DD text, so text order is date order.
#include "domain/absence.hpp"
#include "domain/certification.hpp"
#include "domain/time_of_day.hpp"

#include "store/sql/sql.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus {

struct CertificationRow {
  std::int64_t id = 0;
  std::string staff;
  CertificationPeriod period;
  std::string trainer;  // "" when none was named
  std::string granted_by, created_at;
  std::string revoked_by, revoked_at, revoke_reason;
};

// One person's certifications (of `kind`, or every kind when empty), by kind, grant day and id.
std::vector<CertificationRow> load_certifications(sql::Connection& db, const std::string& staff,
                                                  const std::string& kind = {});
// Everyone's certifications of one kind (the coverage report's input).
std::vector<CertificationRow> load_certifications_of_kind(sql::Connection& db, const std::string& kind);
std::int64_t insert_certification(sql::Connection& db, const CertificationRow& row);
void mark_certification_revoked(sql::Connection& db, const CertificationRow& row);

struct AbsenceRow {
  std::string staff;
  AbsencePeriod period;  // period.id is the row id
  std::string created_by, created_at, updated_at;
  // Part of one day (period.from == period.to), local times: a half-day absence. It never
  // merges with others and does not count for coverage, which counts whole days.
  std::optional<TimeRange> part;
};

// One person's absences overlapping [from, to] (either end open when not given), by start.
std::vector<AbsenceRow> load_absences(sql::Connection& db, const std::string& staff, std::optional<Date> from = {},
                                      std::optional<Date> to = {});
// Everyone's whole-day absences overlapping [from, to] (coverage counts whole days), each handed to
// `take` as it is read, by last day: one person's absences never overlap, so each person's come in
// day order. Only the period: a city of 10,000 staff holds some 50,000 of them, and building full
// rows (with the bookkeeping columns) cost more than the report.
void for_each_absence_between(sql::Connection& db, const Date& from, const Date& to,
                              const std::function<void(std::string_view staff, AbsencePeriod&& period)>& take);
// Everyone's half-day absences on `day`.
std::vector<AbsenceRow> load_part_day_absences_on(sql::Connection& db, const Date& day);
std::optional<AbsenceRow> load_absence(sql::Connection& db, std::int64_t id);
std::int64_t insert_absence(sql::Connection& db, const AbsenceRow& row);
void update_absence(sql::Connection& db, const AbsenceRow& row);
void delete_absence(sql::Connection& db, std::int64_t id);

}  // namespace vrathaus
