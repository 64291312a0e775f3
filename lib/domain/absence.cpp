#include "domain/absence.hpp"

#include <algorithm>
#include <set>

namespace vrathaus {
namespace {

void add_reasons(std::set<std::string>& into, const std::string& reasons) {
  std::size_t start = 0;
  while (start <= reasons.size()) {
    auto comma = reasons.find(',', start);
    auto part = reasons.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!part.empty()) into.insert(part);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

std::string joined(const std::set<std::string>& reasons) {
  std::string out;
  for (const auto& r : reasons) out += (out.empty() ? "" : ",") + r;
  return out;
}

bool overlaps(const AbsencePeriod& a, const AbsencePeriod& b) { return a.from <= b.to && b.from <= a.to; }

// Back-to-back absences for the same reason are one absence; a holiday followed by an illness
// stays two, so the list still says which days were which.
bool merges_with(const AbsencePeriod& a, const AbsencePeriod& b) {
  bool touches = a.to.add_days(1) == b.from || b.to.add_days(1) == a.from;
  return overlaps(a, b) || (touches && a.reason == b.reason);
}

}  // namespace

const std::vector<std::string>& absence_reasons() {
  static const std::vector<std::string> reasons{"holiday", "illness", "training"};
  return reasons;
}

AbsenceMerge merge_absence(const std::vector<AbsencePeriod>& existing, const AbsencePeriod& added) {
  AbsenceMerge out{added, {}};
  std::set<std::string> reasons;
  add_reasons(reasons, added.reason);
  std::vector<bool> taken(existing.size(), false);
  // Absorbing one range can widen the union until it reaches another: repeat until stable.
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < existing.size(); ++i) {
      if (taken[i] || !merges_with(out.merged, existing[i])) continue;
      taken[i] = grew = true;
      out.merged.from = std::min(out.merged.from, existing[i].from);
      out.merged.to = std::max(out.merged.to, existing[i].to);
      add_reasons(reasons, existing[i].reason);
      out.merged.reason = joined(reasons);
      out.absorbed.push_back(existing[i].id);
    }
  }
  std::sort(out.absorbed.begin(), out.absorbed.end());
  out.merged.id = out.absorbed.empty() ? 0 : out.absorbed.front();
  out.merged.reason = joined(reasons);
  return out;
}

}  // namespace vrathaus
