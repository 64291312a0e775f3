#include "domain/training_plan.hpp"

#include "domain/placement.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <span>
#include <tuple>

namespace vrathaus::training {
namespace {

using coverage::StaffFacts;

// One person's days in one office over the plan's window [today, today + horizon].
struct Person {
  const StaffFacts* staff = nullptr;
  std::vector<std::uint8_t> here;       // counts in this office and is not absent
  std::vector<std::uint8_t> certified;  // holds a valid certification (after any training)
  long last_here = -1;                  // the last day index counted here: who stays longest
  int absent_days = 0;                  // within the window: who is absent least
  std::optional<Date> expires;          // last valid day of a certification that lapses soon
};

struct Window {
  Date start;
  long n = 0;
  long index(const Date& d) const { return std::clamp(start.days_until(d), 0L, n); }
  Date day(long i) const { return start.add_days(i); }
};

void mark(std::vector<std::uint8_t>& days, const Window& w, const Date& from, const Date& to, std::uint8_t value) {
  long begin = w.index(from), end = to < w.start ? 0 : w.index(to.add_days(1));
  if (begin < end) std::fill(days.begin() + begin, days.begin() + end, value);
}

// The last valid day of the certification valid on `day`, following renewals that continue it.
std::optional<Date> valid_through(const StaffFacts& s, Date day) {
  std::optional<Date> last;
  for (bool extended = true; extended;) {
    extended = false;
    for (const auto& c : s.certifications)
      if (valid_on(c, day)) {
        Date end = c.revoked_on && *c.revoked_on <= c.valid_until ? c.revoked_on->add_days(-1) : c.valid_until;
        if (!last || *last < end) last = end, day = end.add_days(1), extended = true;
      }
  }
  return last;
}

// The people of each office: everyone with a counted stint there within the window.
std::map<std::string, std::vector<Person>> people_by_office(const PlanRequest& r, const Window& w) {
  std::map<std::string, std::vector<Person>> out;
  for (const auto& o : r.facts.offices) out[o.code];
  Date last = w.day(w.n - 1);
  for (const auto& s : r.facts.staff) {
    std::map<std::string, Person> mine;
    for (const auto& stint : stints(s.placement(), w.start, last)) {
      if (!stint.counts || !out.contains(stint.office)) continue;
      auto [it, fresh] = mine.try_emplace(stint.office);
      auto& p = it->second;
      if (fresh) p.here.assign(std::size_t(w.n), 0);
      mark(p.here, w, stint.from, stint.to, 1);
    }
    for (auto& [office, p] : mine) {
      p.staff = &s;
      for (const auto& a : s.absences) {
        long from = w.index(a.from), end = a.to < w.start ? 0 : w.index(a.to.add_days(1));
        for (long i = from; i < end; ++i) p.absent_days += p.here[std::size_t(i)], p.here[std::size_t(i)] = 0;
      }
      p.certified.assign(std::size_t(w.n), 0);
      for (const auto& c : s.certifications) {
        Date end = c.revoked_on && *c.revoked_on <= c.valid_until ? c.revoked_on->add_days(-1) : c.valid_until;
        mark(p.certified, w, c.granted_on, end, 1);
      }
      for (long i = w.n - 1; i >= 0 && p.last_here < 0; --i)
        if (p.here[std::size_t(i)]) p.last_here = i;
      out[office].push_back(std::move(p));
    }
  }
  for (auto& [office, people] : out)
    std::sort(people.begin(), people.end(), [](const Person& a, const Person& b) { return a.staff->id < b.staff->id; });
  return out;
}

struct Staffing {
  std::vector<int> count;   // certified people present per day
  std::vector<bool> open;   // opening days
  std::vector<int> extra{};  // people wanted above `required` per day (booked demand)
};

// The short days a training on day `from`, valid until `until`, can fill (`days` is in order).
std::span<const long> fillable(const std::vector<long>& days, long from, long until) {
  auto first = std::lower_bound(days.begin(), days.end(), from);
  return {first, std::upper_bound(first, days.end(), until)};
}

int gain_of(const Person& p, std::span<const long> days) {
  int gain = 0;
  for (long i : days) gain += p.here[std::size_t(i)] && !p.certified[std::size_t(i)];
  return gain;
}

void train(Person& p, Staffing& st, long from, long until) {
  for (long i = from; i <= until; ++i)
    if (!p.certified[std::size_t(i)]) {
      p.certified[std::size_t(i)] = 1;
      st.count[std::size_t(i)] += p.here[std::size_t(i)];
    }
}

// The opening days with fewer than `required` certified present; with `wanted`, counting the
// extra person a day of booked demand wants (the minimum itself is never raised).
enum class Target { minimum, wanted };
std::vector<long> days_below(const Staffing& st, int required, Target target = Target::minimum) {
  std::vector<long> out;
  for (std::size_t i = 0; i < st.count.size(); ++i)
    if (st.open[i] && st.count[i] < required + (target == Target::wanted ? st.extra[i] : 0)) out.push_back(long(i));
  return out;
}

std::string explain_staffing(const OfficePlan& o, const Plan& plan, int people, int best_on_short);

// The sentence for people, and how many days booked appointments asked one more person for.
std::string explain(const OfficePlan& o, const Plan& plan, int people, int best_on_short) {
  auto text = explain_staffing(o, plan, people, best_on_short);
  if (o.demand_days > 0)
    text += fmt::format("; {} opening day(s) with many bookings want one more certified person", o.demand_days);
  return text;
}

std::string explain_staffing(const OfficePlan& o, const Plan& plan, int people, int best_on_short) {
  if (!o.first_gap && o.train.empty())
    return fmt::format("at least {} certified present on every opening day until {}", o.required, plan.to.str());
  if (!o.closable)
    return fmt::format("too few staff: even with everyone trained at most {} of the {} people of {} can be present on "
                       "{}, {} needed; training alone cannot close this gap",
                       best_on_short, people, o.office, o.first_short->str(), o.minimum);
  std::string text =
      !o.first_gap ? fmt::format("no gap until {}: refresh {} by {}", plan.to.str(), o.refresh.size(), o.train_by->str())
      : o.train.empty()
          ? fmt::format("{} certified present on {}, {} wanted: nobody else of {} can be trained for it",
                        o.present_on_first_gap, o.first_gap->str(), o.required, o.office)
          : fmt::format("{} certified present on {}, {} wanted: train {} by {}", o.present_on_first_gap,
                        o.first_gap->str(), o.required, o.train.size(), o.train_by->str());
  if (o.first_gap && !o.refresh.empty()) text += fmt::format(" (including {} refresher(s))", o.refresh.size());
  if (o.short_days > 0)
    text += fmt::format("; the buffer is still not reached on {} opening days from {} (the minimum is)", o.short_days,
                        o.first_short->str());
  return text;
}

OfficePlan plan_office(const PlanRequest& r, const coverage::OfficeRule& rule, std::vector<Person>& people,
                       const Window& w, const Plan& plan) {
  OfficePlan o;
  o.office = rule.code;
  o.minimum = rule.required;
  o.required = rule.required + std::max(0, r.buffer);
  Staffing st{std::vector<int>(std::size_t(w.n), 0), std::vector<bool>(std::size_t(w.n))};
  for (long i = 0; i < w.n; ++i) st.open[std::size_t(i)] = coverage::is_opening_day(w.day(i), r.facts.holidays);
  for (const auto& p : people) {
    if (p.staff->certifications.empty()) continue;  // most people: certified on no day, nothing to add
    for (long i = 0; i < w.n; ++i) st.count[std::size_t(i)] += p.here[std::size_t(i)] & p.certified[std::size_t(i)];  // 0 or 1 each
  }
  st.extra.assign(std::size_t(w.n), 0);
  if (auto demand = r.demand_days.find(rule.code); demand != r.demand_days.end())
    for (const auto& [day, wanted] : demand->second)
      if (long i = w.start.days_until(day); 0 <= i && i < w.n && st.open[std::size_t(i)])
        st.extra[std::size_t(i)] = std::max(0, wanted - o.required), ++o.demand_days;

  auto short_days = days_below(st, o.required, Target::wanted);
  std::vector<long> deadlines;
  if (!short_days.empty()) {
    o.first_gap = w.day(short_days.front());
    o.present_on_first_gap = st.count[std::size_t(short_days.front())];
    deadlines.push_back(short_days.front() - r.lead_days);
  }
  // Refreshers: a certification ending within refresh_days of a person who is still here after it.
  std::vector<Person*> refreshers;
  for (auto& p : people) {
    if (r.not_trainable.contains(p.staff->id)) continue;
    auto end = valid_through(*p.staff, r.today);
    if (!end || r.today.add_days(r.refresh_days) < *end || w.index(*end) >= p.last_here) continue;
    p.expires = end;
    refreshers.push_back(&p);
    deadlines.push_back(w.index(end->add_days(1)) - r.lead_days);
  }
  if (deadlines.empty()) {
    o.why = explain(o, plan, int(people.size()), 0);
    return o;
  }
  long by = std::max(0L, *std::min_element(deadlines.begin(), deadlines.end()));
  o.train_by = w.day(by);
  // A certification granted on the training day is valid until validity_end (beyond the window
  // for any usual validity, but a short one ends inside it).
  long until = std::min(w.n - 1, w.start.days_until(validity_end(*o.train_by, r.validity_months)));
  for (auto* p : refreshers) {
    train(*p, st, by, until);
    o.train.push_back(p->staff->id);
    o.refresh.push_back(p->staff->id);
  }

  // Greedy: the person who fills the most short days, then who stays longest, then who is absent
  // least, then by id — until no short day remains or nobody helps any more.
  for (auto remaining = days_below(st, o.required, Target::wanted); !remaining.empty();
       remaining = days_below(st, o.required, Target::wanted)) {
    auto days = fillable(remaining, by, until);
    Person* best = nullptr;
    std::tuple<int, long, int> best_key{0, 0, 0};
    for (auto& p : people) {
      if (r.not_trainable.contains(p.staff->id)) continue;
      int gain = gain_of(p, days);
      if (gain == 0) continue;
      std::tuple<int, long, int> key{gain, p.last_here, -p.absent_days};
      if (!best || best_key < key) best = &p, best_key = key;
    }
    if (!best) break;
    train(*best, st, by, until);
    o.train.push_back(best->staff->id);
  }

  if (o.train.empty()) o.train_by.reset();  // nobody to train: no date to meet
  auto still_short = days_below(st, o.required, Target::wanted);
  o.short_days = int(still_short.size());
  if (!still_short.empty()) o.first_short = w.day(still_short.front());
  auto below_minimum = days_below(st, o.minimum);
  int best_on_short = 0;
  if (!below_minimum.empty()) {
    o.closable = false;
    o.first_short = w.day(below_minimum.front());
    best_on_short = st.count[std::size_t(below_minimum.front())];
  }
  o.why = explain(o, plan, int(people.size()), best_on_short);
  return o;
}

}  // namespace

bool Plan::closable() const {
  return std::all_of(offices.begin(), offices.end(), [](const OfficePlan& o) { return o.closable; });
}

Plan plan(const PlanRequest& r) {
  Plan out;
  out.from = r.today;
  out.to = r.today.add_days(std::max(0, r.horizon_days));
  Window w{out.from, out.from.days_until(out.to) + 1};
  auto people = people_by_office(r, w);
  auto offices = r.facts.offices;
  std::sort(offices.begin(), offices.end(), [](auto& a, auto& b) { return a.code < b.code; });
  for (const auto& rule : offices) out.offices.push_back(plan_office(r, rule, people[rule.code], w, out));
  return out;
}

}  // namespace vrathaus::training
