#include "service/training_plan.hpp"

#include "core/error.hpp"
#include "domain/training_plan.hpp"
#include "service/audit.hpp"
#include "service/certifications.hpp"
#include "service/coverage.hpp"
#include "service/training_sessions.hpp"

#include "store/sql/sql.hpp"

#include <unordered_map>

namespace vrathaus {
namespace {

using nlohmann::json;

json nullable(const std::optional<Date>& d) { return d ? json(d->str()) : json(nullptr); }

json row_json(const training::OfficePlan& o) {
  return {{"office", o.office},
          {"first_gap", nullable(o.first_gap)},
          {"required", o.required},
          {"minimum", o.minimum},
          {"present", o.first_gap ? json(o.present_on_first_gap) : json(nullptr)},
          {"train", o.train},
          {"refresh", o.refresh},
          {"train_by", nullable(o.train_by)},
          {"closable", o.closable},
          {"short_days", o.short_days},
          {"first_short", nullable(o.first_short)},
          {"why", o.why}};
}

training::PlanRequest plan_request(Context& ctx, const PlanQuery& q) {
  check_certification_kind(ctx.city, q.cert);
  auto horizon = q.horizon_days.value_or(kDefaultPlanHorizonDays);
  if (horizon < 1 || horizon > kMaxPlanHorizonDays) fail_field("horizon", "must be between 1 and {} days", kMaxPlanHorizonDays);
  auto buffer = q.buffer.value_or(1);
  if (buffer < 0 || buffer > 20) fail_field("buffer", "must be between 0 and 20 people");
  training::PlanRequest r;
  r.today = ctx.today();
  r.horizon_days = int(horizon);
  r.buffer = int(buffer);
  r.lead_days = ctx.city.training.lead_days;
  r.refresh_days = ctx.city.training.refresh_days;
  r.validity_months = ctx.city.certification_validity_months.at(q.cert);
  r.facts = load_coverage_facts(ctx, q.cert, q.office, r.today, r.today.add_days(horizon));
  // Only counter staff are trained: clerks and supervisors.
  sql::Statement roles(ctx.db(), "SELECT id, roles FROM staff");
  while (roles.executeStep()) {
    auto list = "," + roles.getColumn(1).getString() + ",";
    if (list.find(",clerk,") == std::string::npos && list.find(",supervisor,") == std::string::npos)
      r.not_trainable.insert(roles.getColumn(0).getString());
  }
  // People enrolled in a planned session count as certified from its day: the plan assumes they
  // pass, so planning again after --apply does not suggest them twice.
  std::unordered_map<std::string, coverage::StaffFacts*> by_id;
  for (auto& s : r.facts.staff) by_id[s.id] = &s;
  for (const auto& session : load_sessions(ctx.db(), q.cert, r.today)) {
    if (session.status != "planned") continue;
    for (const auto& e : session.enrolments)
      if (auto it = by_id.find(e.staff); it != by_id.end())
        it->second->certifications.push_back({q.cert, session.date, validity_end(session.date, r.validity_months), {}});
  }
  return r;
}

json plan_json(Context& ctx, const PlanQuery& q, const training::PlanRequest& r, const training::Plan& plan) {
  json rows = json::array();
  for (const auto& o : plan.offices) rows.push_back(row_json(o));
  return {{"from", plan.from.str()},
          {"to", plan.to.str()},
          {"cert", q.cert},
          {"office", q.office.empty() ? json(nullptr) : json(q.office)},
          {"horizon_days", r.horizon_days},
          {"buffer", r.buffer},
          {"lead_days", r.lead_days},
          {"refresh_days", r.refresh_days},
          {"ok", plan.closable()},
          {"today", ctx.today().str()},
          {"offices", std::move(rows)}};
}

}  // namespace

json training_plan(Context& ctx, const PlanQuery& query) {
  auto request = plan_request(ctx, query);
  return plan_json(ctx, query, request, training::plan(request));
}

json apply_training_plan(Context& ctx, const PlanQuery& query) {
  auto request = plan_request(ctx, query);
  auto plan = training::plan(request);
  auto out = plan_json(ctx, query, request, plan);
  auto sessions = load_sessions(ctx.db(), query.cert, ctx.today());
  for (auto& row : out["offices"]) {
    json enrolled = json::array(), unplaced = json::array();
    for (const auto& staff : row["train"]) {
      auto id = staff.get<std::string>();
      auto by = Date::parse(row["train_by"].get<std::string>());  // set whenever someone is to be trained
      SessionRow* fitting = nullptr;
      for (auto& s : sessions)
        if ((s.office.empty() || s.office == row["office"].get<std::string>()) && !enrolment_refusal(ctx, s, id)) {
          fitting = &s;
          break;
        }
      if (!fitting) {
        unplaced.push_back(id);
        continue;
      }
      enroll(ctx, fitting->id, {id});
      fitting->enrolments.push_back({id, ""});
      enrolled.push_back({{"staff", id},
                          {"session", fitting->id},
                          {"date", fitting->date.str()},
                          {"in_time", !(*by < fitting->date)}});
    }
    row["enrolled"] = std::move(enrolled);
    row["unplaced"] = std::move(unplaced);
  }
  return out;
}

}  // namespace vrathaus
