#include "service/staff_presence.hpp"

#include "core/error.hpp"
#include "domain/coverage.hpp"
#include "domain/validate.hpp"
#include "service/audit.hpp"
#include "service/coverage.hpp"
#include "service/offices.hpp"
#include "store/placement_rows.hpp"
#include "store/staff_rows.hpp"


#include <set>

namespace vrathaus {
namespace {

using nlohmann::json;

using GapDays = std::set<std::pair<std::string, Date>>;

GapDays gap_days(const coverage::Request& request) {
  GapDays out;
  auto report = coverage::compute(request);
  for (const auto& g : report.gaps) out.emplace(g.office, g.date);
  return out;
}

// Per affected office and certification kind: the opening days below the minimum with the change
// that were not without it.
json coverage_warnings(Context& ctx, const PresenceChange& change) {
  json out = json::array();
  Date from = std::max(change.on, ctx.today());
  Date to = from.add_days(kDefaultHorizonDays - 1);
  for (const auto& office : change.offices) {
    for (const auto& [cert, months] : ctx.city.certification_validity_months) {
      auto with = load_coverage_facts(ctx, cert, office, from, to);
      auto without = with;
      for (auto& s : without.staff)
        if (s.id == change.staff)
          s.office = change.previous.office, s.active = change.previous.active, s.leaves_on = change.previous.leaves_on,
          s.transfers = change.previous.transfers;
      auto before = gap_days(without);
      std::vector<Date> opened;
      for (const auto& [gap_office, day] : gap_days(with))
        if (!before.contains({gap_office, day})) opened.push_back(day);
      if (opened.empty()) continue;
      out.push_back(fmt::format("{}: below its minimum for {} on {} opening day(s) from {} until {} because of this change; "
                                "see 'vrathaus training plan'",
                                office, cert, opened.size(), opened.front().str(), to.str()));
    }
  }
  return out;
}

void refuse_own_move(const Context& ctx, const std::string& id) {
  if (ctx.actor.is_staff && ctx.actor.id == id)
    fail(ErrorKind::forbidden, "nobody moves themselves; another supervisor or admin must");
}

}  // namespace

PresenceEffects on_staff_presence_changed(Context& ctx, const PresenceChange& change) {
  audit_append(ctx, {change.action, "staff:" + change.staff, change.before, change.after, change.reason});
  return {coverage_warnings(ctx, change), reassign_upcoming_appointments_of(ctx, change.staff)};
}

PresenceResult move_staff(Context& ctx, const std::string& id, const std::string& office, const Date& on,
                          const std::string& reason) {
  refuse_own_move(ctx, id);
  auto s = find_staff(ctx, id);
  if (s.office.empty()) fail(ErrorKind::conflict, "{} is a service identity: it belongs to no office", id);
  if (!s.active) fail(ErrorKind::conflict, "staff member {} is inactive", id);
  auto to = find_office(ctx, office).code;
  auto placement = *load_placement(ctx.db(), id);
  if (placement.leaves_on && *placement.leaves_on <= on)
    fail_field("on", "{} leaves on {}: a move on {} comes too late", id, placement.leaves_on->str(), on.str());
  auto from = stint_on(placement, on).office;
  if (from == to) fail(ErrorKind::conflict, "{} is in {} on {} already", id, to, on.str());
  for (const auto& t : placement.transfers)
    if (t.on == on) fail(ErrorKind::conflict, "{} already moves on {} (to {})", id, on.str(), t.to);
  auto today = ctx.today();
  if (on < today.add_days(-366)) fail_field("on", "{} is more than a year ago", on.str());

  auto previous = placement;
  TransferRow row{0, s.id, {on, from, to}, ctx.actor.id, ctx.now()};
  insert_transfer(ctx.db(), row);
  placement.transfers.push_back(row.transfer);
  auto now_in = stint_on(placement, today).office;
  if (now_in != s.office) {  // the move has begun: the record says where the person works now
    set_staff_office(ctx.db(), s.id, now_in, ctx.now());
    s.office = now_in;
  }
  PresenceResult result{s, {}, {}};
  auto effects = on_staff_presence_changed(
      ctx, {s.id, "staff.move", on, {from, to}, {{"office", from}}, {{"office", to}, {"on", on.str()}},
            reason.empty() ? reason : validate_text(reason, "reason", 500), previous});
  result.warnings = std::move(effects.warnings);
  result.moved = std::move(effects.moved);
  return result;
}

json placement_json(Context& ctx, const StaffMember& s) {
  json j = s;
  auto placement = load_placement(ctx.db(), s.id);
  if (!placement) return j;
  auto today = ctx.today();
  if (!s.office.empty()) j["office"] = stint_on(*placement, today).office;
  if (auto gone = leaving_day(*placement, today); gone && *gone <= today) j["active"] = false;
  j["leaves_on"] = placement->leaves_on ? json(placement->leaves_on->str()) : json(nullptr);
  json transfers = json::array();
  for (const auto& t : placement->transfers) transfers.push_back({{"on", t.on.str()}, {"from", t.from}, {"to", t.to}});
  j["transfers"] = std::move(transfers);
  return j;
}

}  // namespace vrathaus
