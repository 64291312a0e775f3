#include "domain/placement.hpp"

#include <algorithm>

namespace vrathaus {
namespace {

std::vector<const Transfer*> by_day(const Placement& p) {
  std::vector<const Transfer*> out;
  for (const auto& t : p.transfers) out.push_back(&t);
  std::stable_sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->on < b->on; });
  return out;
}

// Office boundaries within [from, to] as (first day, office), before the departure is applied.
std::vector<std::pair<Date, std::string>> office_runs(const Placement& p, const Date& from, const Date& to) {
  auto moves = by_day(p);
  // Where the person is on `from`: the `from` office of the first transfer after it, else the
  // `to` of the last transfer on or before it, else the recorded office.
  std::string office = p.office;
  auto next = std::find_if(moves.begin(), moves.end(), [&](auto* t) { return from < t->on; });
  if (next != moves.end())
    office = (*next)->from;
  else if (!moves.empty())
    office = moves.back()->to;
  std::vector<std::pair<Date, std::string>> runs{{from, office}};
  for (auto it = next; it != moves.end() && !(to < (*it)->on); ++it) {
    if ((*it)->to == runs.back().second) continue;
    if ((*it)->on == runs.back().first)
      runs.back().second = (*it)->to;
    else
      runs.emplace_back((*it)->on, (*it)->to);
  }
  return runs;
}

}  // namespace

std::vector<Stint> stints(const Placement& p, const Date& from, const Date& to) {
  std::vector<Stint> out;
  if (to < from) return out;
  auto runs = office_runs(p, from, to);
  auto gone = leaving_day(p, from);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    Date start = runs[i].first;
    Date end = i + 1 < runs.size() ? runs[i + 1].first.add_days(-1) : to;
    const auto& office = runs[i].second;
    if (gone && *gone <= start) {
      out.push_back({start, end, office, false});
    } else if (gone && *gone <= end) {
      out.push_back({start, gone->add_days(-1), office, true});
      out.push_back({*gone, end, office, false});
    } else {
      out.push_back({start, end, office, true});
    }
  }
  return out;
}

Stint stint_on(const Placement& p, const Date& day) { return stints(p, day, day).front(); }

bool counts_in(const Placement& p, const std::string& office, const Date& day) {
  auto s = stint_on(p, day);
  return s.counts && s.office == office;
}

std::optional<Date> leaving_day(const Placement& p, const Date& day) {
  if (!p.active) return day;
  return p.leaves_on;
}

}  // namespace vrathaus
