#include "api/operation.hpp"
#include "api/paging.hpp"
#include "api/params.hpp"
#include "service/training_plan.hpp"
#include "service/training_sessions.hpp"

namespace vrathaus {
namespace {

PlanQuery plan_query(const Params& p) {
  PlanQuery q;
  q.cert = p.str_or("cert", q.cert);
  q.horizon_days = p.opt_int("horizon");
  q.office = p.str_or("office", "");
  q.buffer = p.opt_int("buffer");
  return q;
}

}  // namespace

void add_training_operations(OperationTable& t) {
  using nlohmann::json;
  t.add({.name = "training.plan",
         .method = "GET",
         .path = "/training/plan",
         .effect = Effect::read,
         .summary = "Per office, the first day below minimum + buffer within the horizon and whom to train by when "
                    "(ok is false when training alone cannot close a gap)",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) { return training_plan(ctx, plan_query(Params(j))); }});
  t.add({.name = "training.apply",
         .method = "POST",
         .path = "/training/plan/apply",
         .effect = Effect::write,
         .summary = "Compute the training plan and enrol the suggested staff into the next fitting sessions",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) { return apply_training_plan(ctx, plan_query(Params(j))); }});
  t.add({.name = "training.sessions_add",
         .method = "POST",
         .path = "/training/sessions",
         .effect = Effect::write,
         .summary = "Plan a training session (the trainer holds the certification on its day)",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return add_session(ctx, {p.str("cert"), p.date("date"), p.str("trainer"), p.integer("capacity"),
                                    p.str_or("office", "")});
         }});
  t.add({.name = "training.sessions_list",
         .method = "GET",
         .path = "/training/sessions",
         .effect = Effect::read,
         .summary = "List training sessions with their enrolments and outcomes",
         .access = {.grants = {{.roles = kCaseReaders}}, .read_only_token = true},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return whole_list(list_sessions(ctx, p.str_or("cert", ""), p.opt_date("from")));
         }});
  t.add({.name = "training.enroll",
         .method = "POST",
         .path = "/training/sessions/{session}/enrolments",
         .effect = Effect::write,
         .summary = "Enrol staff into a planned training session (capacity enforced)",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           return enroll(ctx, p.integer("session"), p.strings("staff"));
         }});
  t.add({.name = "training.complete",
         .method = "POST",
         .path = "/training/sessions/{session}/complete",
         .effect = Effect::write,
         .summary = "Record who passed and who failed; those who passed are certified on the session's day",
         .access = {.grants = {{.roles = kManagers}}},
         .run = [](Context& ctx, const json& j) {
           Params p(j);
           auto list = [&](const char* key) { return p.has(key) ? p.strings(key) : std::vector<std::string>{}; };
           return complete_session(ctx, p.integer("session"), list("passed"), list("failed"));
         }});
}

}  // namespace vrathaus
