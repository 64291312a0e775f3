// `vrathaus training`: the plan of whom to train before coverage falls below the minimum, and the
// sessions that do it (add, list, enrol, complete). `training plan` exits 1 when some gap cannot
// be closed by training alone.
#include "common.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <iostream>
#include <memory>

namespace vrathaus::cli {
namespace {

struct TrainingOptions {
  std::string cert, office, date, trainer, from;
  std::optional<std::int64_t> horizon, buffer, capacity;
  bool apply = false, dry_run = false;
  std::int64_t session = 0;
  std::vector<std::string> staff, passed, failed;
};

const Columns kSessionColumns{{"id", "date", "cert", "trainer", "office", "capacity", "free", "status", "enrolled"}};

std::string ids(const nlohmann::json& list) {
  std::vector<std::string> out;
  for (const auto& id : list) out.push_back(id.get<std::string>());
  return out.empty() ? "-" : fmt::format("{}", fmt::join(out, ", "));
}

// For people: one line on what was checked, then a row per office.
void print_plan_table(const nlohmann::json& r) {
  using nlohmann::json;
  std::size_t with_gap = 0;
  for (const auto& o : r["offices"]) with_gap += o["first_gap"].is_null() ? 0 : 1;
  std::string verdict = !r.value("ok", true) ? "some gaps cannot be closed by training"
                        : with_gap == 0      ? "no gap"
                                             : fmt::format("{} office(s) with a gap, each closed by training", with_gap);
  std::cout << fmt::format("training plan {} {} … {} (buffer {}, lead time {} days): {}\n", r.value("cert", ""),
                           r.value("from", ""), r.value("to", ""), r.value("buffer", 0), r.value("lead_days", 0), verdict);
  json rows = json::array();
  for (const auto& o : r["offices"]) {
    json row{{"office", o["office"]},
             {"first_gap", o["first_gap"].is_null() ? json("-") : o["first_gap"]},
             {"present", o["present"].is_null() ? json("-") : json(fmt::format("{}/{}", o["present"].get<int>(),
                                                                               o["required"].get<int>()))},
             {"train", ids(o["train"])},
             {"train_by", o["train_by"].is_null() ? json("-") : o["train_by"]},
             {"closable", o["closable"].get<bool>() ? "yes" : "NO"},
             {"why", o["why"]}};
    if (o.contains("enrolled")) {
      std::vector<std::string> placed;
      for (const auto& e : o["enrolled"]) placed.push_back(fmt::format("{}→{}", e["staff"].get<std::string>(), e["session"].get<std::int64_t>()));
      row["enrolled"] = placed.empty() ? std::string("-") : fmt::format("{}", fmt::join(placed, ", "));
      row["unplaced"] = ids(o["unplaced"]);
    }
    rows.push_back(std::move(row));
  }
  Columns columns{{"office", "first_gap", "present", "train", "train_by", "closable", "why"}};
  if (r.contains("offices") && !r["offices"].empty() && r["offices"][0].contains("enrolled"))
    columns.names.insert(columns.names.end(), {"enrolled", "unplaced"});
  std::cout << "\n" << render(rows, "table", columns) << std::flush;
}

void add_plan_command(CLI::App* group, Session& session, const std::shared_ptr<TrainingOptions>& o) {
  auto* plan = group->add_subcommand("plan", "Whom to train by when, per office, before coverage falls below minimum + buffer");
  plan->add_option("--cert", o->cert, "Certification kind (default identity-check)");
  plan->add_option("--horizon", o->horizon, "Days ahead to look (default 365)");
  plan->add_option("--office", o->office, "Only this office");
  plan->add_option("--buffer", o->buffer, "People above the minimum to aim for (default 1)");
  plan->add_flag("--apply", o->apply, "Enrol the suggested staff into the next fitting planned sessions");
  add_dry_run(plan, o->dry_run);
  examples(plan,
           "  vrathaus training plan                          every office, the next 365 days\n"
           "  vrathaus training plan --office hoerde --buffer 0 -o json\n"
           "  vrathaus training plan --apply                  enrol them into the planned sessions");
  plan->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "cert", o->cert);
    put(p, "horizon", o->horizon);
    put(p, "office", o->office);
    put(p, "buffer", o->buffer);
    if (o->dry_run) p["dry_run"] = true;
    auto result = session.call(o->apply ? "training.apply" : "training.plan", p);
    auto format = session.output_format();
    if (format == "table")
      print_plan_table(result);
    else if (format == "csv" || format == "jsonl")  // row formats: one row per office
      print_result(session, result["offices"]);
    else
      print_result(session, result);
    if (o->dry_run) session.warn("dry run: nothing was enrolled");
    if (!result.value("ok", true)) {
      session.warn("training plan: some gap cannot be closed by training alone (see 'why')");
      session.problems();
    }
  });
}

void add_session_commands(CLI::App* group, Session& session, const std::shared_ptr<TrainingOptions>& o) {
  auto* sessions = group->add_subcommand("sessions", "Training sessions");
  sessions->require_subcommand(1);
  auto* add = sessions->add_subcommand("add", "Plan a session (the trainer holds the certification on its day)");
  add->add_option("--cert", o->cert, "Certification kind taught")->required();
  add->add_option("--date", o->date, "The day of the session")->required();
  add->add_option("--trainer", o->trainer, "Staff id of the trainer")->required();
  add->add_option("--capacity", o->capacity, "Places")->required();
  add->add_option("--office", o->office, "Only for the staff of this office (default: every office)");
  add_dry_run(add, o->dry_run);
  examples(add, "  vrathaus training sessions add --cert identity-check --date 2026-12-07 --trainer s.kruse --capacity 4");
  add->callback([&session, o] {
    nlohmann::json p{{"cert", o->cert}, {"date", o->date}, {"trainer", o->trainer}};
    put(p, "capacity", o->capacity);
    put(p, "office", o->office);
    call_and_print(session, "training.sessions_add", p, {}, o->dry_run);
  });

  auto* list = sessions->add_subcommand("list", "List sessions with enrolments and outcomes");
  list->add_option("--cert", o->cert, "Only this certification kind");
  list->add_option("--from", o->from, "Only sessions on or after this day");
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "cert", o->cert);
    put(p, "from", o->from);
    call_and_print(session, "training.sessions_list", p, kSessionColumns);
  });
}

}  // namespace

void add_training_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<TrainingOptions>();
  auto* group = app.add_subcommand("training", "Plan training before coverage gaps open; run the sessions");
  group->require_subcommand(1);
  add_plan_command(group, session, o);
  add_session_commands(group, session, o);

  auto* enroll = group->add_subcommand("enroll", "Enrol staff into a planned session (capacity enforced)");
  enroll->add_option("session", o->session, "Session id")->required();
  enroll->add_option("staff", o->staff, "Staff ids")->required();
  add_dry_run(enroll, o->dry_run);
  examples(enroll, "  vrathaus training enroll 1 h.nowak h.schulz");
  enroll->callback([&session, o] {
    call_and_print(session, "training.enroll", {{"session", o->session}, {"staff", o->staff}}, {}, o->dry_run);
  });

  auto* complete = group->add_subcommand("complete", "Record who passed (they are certified on the session's day) and who failed");
  complete->add_option("session", o->session, "Session id")->required();
  complete->add_option("--passed", o->passed, "Staff ids who passed (comma-separated)")->delimiter(',');
  complete->add_option("--failed", o->failed, "Staff ids who failed (comma-separated)")->delimiter(',');
  add_dry_run(complete, o->dry_run);
  examples(complete, "  vrathaus training complete 1 --passed h.nowak,h.schulz --failed h.meier");
  complete->callback([&session, o] {
    nlohmann::json p{{"session", o->session}};
    if (!o->passed.empty()) p["passed"] = o->passed;
    if (!o->failed.empty()) p["failed"] = o->failed;
    call_and_print(session, "training.complete", p, {}, o->dry_run);
  });
}

}  // namespace vrathaus::cli
