#pragma once
// The coverage report as a pure function: for every office and opening day in a range, the staff
// certified that day and not absent, against the office's minimum; each gap with who is missing and
// why; and the certifications expiring within a horizon with the gaps their expiry will open. No
// store, no clock: the service loads the facts, this decides.
#include "core/date.hpp"
#include "domain/absence.hpp"
#include "domain/certification.hpp"
#include "domain/placement.hpp"

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus::coverage {

struct OfficeRule {
  std::string code;
  int required = 2;  // the office's min_certified
};

struct StaffFacts {
  std::string id;
  std::string office;  // the recorded office; staff of offices not in the request are ignored
  bool active = true;
  std::vector<CertificationPeriod> certifications;  // of the kind being checked
  std::vector<AbsencePeriod> absences;
  std::optional<Date> leaves_on{};   // a planned departure (domain/placement.hpp)
  std::vector<Transfer> transfers{};  // planned or past moves between offices
  std::string roles{};  // as stored, comma-separated: coverage ignores them, the plan trains counter staff only
  Placement placement() const { return {office, active, leaves_on, transfers}; }
};

struct Request {
  std::string cert;  // the certification kind checked, e.g. "identity-check"
  Date from, to;     // the days checked for gaps, inclusive
  int horizon_days = 90;  // certifications whose last valid day is within [from, from + horizon_days]
  std::set<Date> holidays;
  std::vector<OfficeRule> offices;
  std::vector<StaffFacts> staff;
};

// Opening days: Monday to Friday, except the configured public holidays.
bool is_opening_day(const Date& day, const std::set<Date>& holidays);

enum class Why { absent, expired, revoked, inactive };
std::string_view why_name(Why why);

struct Missing {
  std::string staff;
  Why why = Why::absent;
  std::string absence_reason;             // absent: holiday, illness, training
  std::optional<Date> absent_until;        // absent: the absence's last day
  std::optional<Date> valid_until;         // expired, inactive: the certification's last valid day
  std::optional<Date> revoked_on;          // revoked
};

struct Gap {
  std::string office;
  Date date;
  int present = 0;
  int required = 0;
  std::vector<std::string> present_staff;  // sorted
  std::vector<Missing> missing;            // sorted by staff
};

struct ExpiryGap {
  Date date;
  int present = 0;
  int required = 0;
};

struct Expiring {
  std::string staff;
  std::string cert;
  Date valid_until;
  std::string office;
  // Opening days after the expiry, up to the horizon, on which the office is below its minimum
  // and this person would have counted had the certification been renewed.
  std::vector<ExpiryGap> gaps;
};

// One office's certified staff present on each day of [from, to], in order; no value on the days
// the offices are closed. What a day-by-day view (the heat map) draws, green, amber or red.
struct OfficeDays {
  std::string office;
  int required = 0;
  std::vector<std::optional<int>> present;
};

struct Report {
  std::string cert;
  Date from, to;
  int horizon_days = 0;
  Date horizon_until;
  int office_days = 0;  // office opening days checked in [from, to]
  std::vector<Gap> gaps;  // by date, then office
  std::vector<Expiring> expiring;  // by valid_until, then staff
  std::vector<OfficeDays> days;    // by office code
  bool ok() const { return gaps.empty(); }
};

Report compute(const Request& request);

struct Availability {
  std::string office;
  int required = 0;
  std::vector<std::string> present;  // sorted
};

// "Where can I go on `day`?": the offices with at least one certified person present, most
// staffed first (then by code). Empty on a weekend or holiday: every office is closed.
// Uses request.cert, holidays, offices and staff; from, to and the horizon are ignored.
std::vector<Availability> available_offices(const Request& request, const Date& day);

}  // namespace vrathaus::coverage
