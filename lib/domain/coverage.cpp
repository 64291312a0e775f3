#include "domain/coverage.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

namespace vrathaus::coverage {
namespace {

// What one person is on one day, as far as coverage is concerned. `none`: never certified by
// then (or inactive without a valid certification) — not missing, just not part of the picture.
enum State : std::uint8_t { none, present, absent, expired, revoked, inactive };

// The window [start, start + n) of days a computation looks at, one byte per person and day.
struct Window {
  Date start;
  long n = 0;
  long index(const Date& d) const { return start.days_until(d); }
  Date day(long i) const { return start.add_days(i); }
};

long clamp_index(const Window& w, const Date& d) { return std::clamp(w.index(d), 0L, w.n); }

// The last day a certification counts: its validity end, or the day before its revocation.
Date last_valid_day(const CertificationPeriod& c) {
  return c.revoked_on && *c.revoked_on <= c.valid_until ? c.revoked_on->add_days(-1) : c.valid_until;
}

bool revoked_before_expiry(const CertificationPeriod& c) { return c.revoked_on && *c.revoked_on <= c.valid_until; }

// Per day: valid, or what the most recently granted certification turned into (expired,
// revoked); any certification valid that day wins.
std::vector<std::uint8_t> certification_states(const StaffFacts& s, const Window& w) {
  std::vector<std::uint8_t> out(std::size_t(w.n), none);
  std::vector<const CertificationPeriod*> by_grant;
  for (const auto& c : s.certifications) by_grant.push_back(&c);
  std::sort(by_grant.begin(), by_grant.end(), [](auto* a, auto* b) { return a->granted_on < b->granted_on; });
  for (const auto* c : by_grant) {
    long from = clamp_index(w, c->granted_on);
    long valid_end = clamp_index(w, last_valid_day(*c).add_days(1));  // exclusive
    auto lapsed = revoked_before_expiry(*c) ? revoked : expired;
    for (long i = from; i < w.n; ++i) out[std::size_t(i)] = i < valid_end ? present : lapsed;
  }
  for (const auto* c : by_grant) {
    long from = clamp_index(w, c->granted_on), valid_end = clamp_index(w, last_valid_day(*c).add_days(1));
    for (long i = from; i < valid_end; ++i) out[std::size_t(i)] = present;
  }
  return out;
}

std::vector<std::uint8_t> staff_states(const StaffFacts& s, const Window& w) {
  auto out = certification_states(s, w);
  if (!s.active) {
    for (auto& st : out) st = st == present ? inactive : none;
    return out;
  }
  for (const auto& a : s.absences) {
    long from = clamp_index(w, a.from), end = clamp_index(w, a.to.add_days(1));
    for (long i = from; i < end; ++i)
      if (out[std::size_t(i)] == present) out[std::size_t(i)] = absent;
  }
  return out;
}

const AbsencePeriod* absence_on(const StaffFacts& s, const Date& day) {
  for (const auto& a : s.absences)
    if (covers(a, day)) return &a;
  return nullptr;
}

// The certification that explains a state on `day`: valid that day, else the latest granted.
const CertificationPeriod* deciding_certification(const StaffFacts& s, const Date& day) {
  const CertificationPeriod* latest = nullptr;
  for (const auto& c : s.certifications) {
    if (valid_on(c, day)) return &c;
    if (c.granted_on <= day && (!latest || latest->granted_on < c.granted_on)) latest = &c;
  }
  return latest;
}

Missing explain(const StaffFacts& s, std::uint8_t state, const Date& day) {
  Missing m;
  m.staff = s.id;
  const auto* cert = deciding_certification(s, day);
  switch (state) {
    case absent: {
      m.why = Why::absent;
      if (const auto* a = absence_on(s, day)) m.absence_reason = a->reason, m.absent_until = a->to;
      break;
    }
    case inactive:
      m.why = Why::inactive;
      if (cert) m.valid_until = cert->valid_until;
      break;
    case revoked:
      m.why = Why::revoked;
      if (cert) m.revoked_on = cert->revoked_on;
      break;
    default:
      m.why = Why::expired;
      if (cert) m.valid_until = cert->valid_until;
      break;
  }
  return m;
}

// The people of each office, in id order; offices in code order.
struct Roster {
  std::vector<OfficeRule> offices;
  std::vector<std::vector<const StaffFacts*>> members;
};

Roster roster(const Request& r) {
  Roster out;
  out.offices = r.offices;
  std::sort(out.offices.begin(), out.offices.end(), [](auto& a, auto& b) { return a.code < b.code; });
  std::map<std::string, std::size_t> slot;
  for (std::size_t i = 0; i < out.offices.size(); ++i) slot[out.offices[i].code] = i;
  out.members.resize(out.offices.size());
  for (const auto& s : r.staff)
    if (auto it = slot.find(s.office); it != slot.end()) out.members[it->second].push_back(&s);
  for (auto& m : out.members) std::sort(m.begin(), m.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return out;
}

std::vector<std::string> present_ids(const std::vector<const StaffFacts*>& members,
                                     const std::vector<std::vector<std::uint8_t>>& states, long i) {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < members.size(); ++k)
    if (states[k][std::size_t(i)] == present) out.push_back(members[k]->id);
  return out;
}

}  // namespace

bool is_opening_day(const Date& day, const std::set<Date>& holidays) {
  return day.iso_weekday() <= 5 && !holidays.contains(day);
}

std::string_view why_name(Why why) {
  switch (why) {
    case Why::absent: return "absent";
    case Why::expired: return "expired";
    case Why::revoked: return "revoked";
    case Why::inactive: return "inactive";
  }
  return "absent";
}

Report compute(const Request& r) {
  Report report;
  report.cert = r.cert;
  report.from = r.from;
  report.to = r.to;
  report.horizon_days = std::max(0, r.horizon_days);
  report.horizon_until = r.from.add_days(report.horizon_days);
  if (r.to < r.from) return report;

  // One window covers the range checked for gaps and the horizon the expiries look into.
  auto last_day = std::max(r.to, report.horizon_until);
  Window w{r.from, r.from.days_until(last_day) + 1};
  long last_checked = w.index(r.to);
  std::vector<bool> open(std::size_t(w.n));
  for (long i = 0; i < w.n; ++i) open[std::size_t(i)] = is_opening_day(w.day(i), r.holidays);

  auto people = roster(r);
  for (std::size_t o = 0; o < people.offices.size(); ++o) {
    const auto& office = people.offices[o];
    const auto& members = people.members[o];
    std::vector<std::vector<std::uint8_t>> states;
    states.reserve(members.size());
    for (const auto* s : members) states.push_back(staff_states(*s, w));
    std::vector<int> count(std::size_t(w.n), 0);
    for (const auto& st : states)
      for (long i = 0; i < w.n; ++i) count[std::size_t(i)] += st[std::size_t(i)] == present;
    auto short_on = [&](long i) { return open[std::size_t(i)] && count[std::size_t(i)] < office.required; };

    OfficeDays daily{office.code, office.required, {}};
    for (long i = 0; i <= last_checked; ++i)
      daily.present.push_back(open[std::size_t(i)] ? std::optional<int>(count[std::size_t(i)]) : std::nullopt);
    report.days.push_back(std::move(daily));

    for (long i = 0; i <= last_checked; ++i) {
      if (!open[std::size_t(i)]) continue;
      ++report.office_days;
      if (!short_on(i)) continue;
      Gap gap{office.code, w.day(i), count[std::size_t(i)], office.required, present_ids(members, states, i), {}};
      for (std::size_t k = 0; k < members.size(); ++k)
        if (auto st = states[k][std::size_t(i)]; st != none && st != present)
          gap.missing.push_back(explain(*members[k], st, gap.date));
      report.gaps.push_back(std::move(gap));
    }

    for (std::size_t k = 0; k < members.size(); ++k) {
      const auto& s = *members[k];
      if (!s.active) continue;
      for (const auto& c : s.certifications) {
        if (revoked_before_expiry(c) || c.valid_until < r.from || report.horizon_until < c.valid_until) continue;
        auto next_day = c.valid_until.add_days(1);
        bool renewed = std::any_of(s.certifications.begin(), s.certifications.end(),
                                   [&](const auto& other) { return valid_on(other, next_day); });
        if (renewed) continue;
        Expiring e{s.id, r.cert, c.valid_until, office.code, {}};
        for (long i = w.index(next_day); i < w.n; ++i)
          if (short_on(i) && states[k][std::size_t(i)] == expired && !absence_on(s, w.day(i)))
            e.gaps.push_back({w.day(i), count[std::size_t(i)], office.required});
        report.expiring.push_back(std::move(e));
      }
    }
  }
  std::sort(report.gaps.begin(), report.gaps.end(),
            [](const Gap& a, const Gap& b) { return a.date != b.date ? a.date < b.date : a.office < b.office; });
  std::sort(report.expiring.begin(), report.expiring.end(), [](const Expiring& a, const Expiring& b) {
    return a.valid_until != b.valid_until ? a.valid_until < b.valid_until : a.staff < b.staff;
  });
  return report;
}

std::vector<Availability> available_offices(const Request& r, const Date& day) {
  std::vector<Availability> out;
  if (!is_opening_day(day, r.holidays)) return out;
  Window w{day, 1};
  auto people = roster(r);
  for (std::size_t o = 0; o < people.offices.size(); ++o) {
    Availability a{people.offices[o].code, people.offices[o].required, {}};
    for (const auto* s : people.members[o])
      if (staff_states(*s, w)[0] == present) a.present.push_back(s->id);
    if (!a.present.empty()) out.push_back(std::move(a));
  }
  std::stable_sort(out.begin(), out.end(), [](const Availability& a, const Availability& b) {
    return a.present.size() > b.present.size();
  });
  return out;
}

}  // namespace vrathaus::coverage
