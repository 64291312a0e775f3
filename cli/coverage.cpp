// `vrathaus coverage`: certified staff present per office and opening day against the minimum,
// the gaps and who is missing why, and the certifications about to expire. A cron job: exit 1
// when there is a gap.
#include "common.hpp"
#include "coverage_html.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

namespace vrathaus::cli {
namespace {

// The planned training sessions, marked on the days they are held: an office's own session in its
// row, a session open to every office in every row.
std::vector<MarkedDay> session_marks(const nlohmann::json& report) {
  std::vector<MarkedDay> marks;
  for (const auto& s : report.value("sessions", nlohmann::json::array())) {
    auto label = fmt::format("training session {} ({} of {} places taken, trainer {})", s.at("id").get<std::int64_t>(),
                             s.at("enrolled").get<int>(), s.at("capacity").get<int>(), s.at("trainer").get<std::string>());
    auto date = Date::parse_field(s.at("date").get<std::string>(), "sessions.date");
    if (!s.at("office").is_null()) {
      marks.push_back({s.at("office").get<std::string>(), date, label});
      continue;
    }
    for (const auto& row : report.value("daily", nlohmann::json::array()))
      marks.push_back({row.at("office").get<std::string>(), date, label});
  }
  return marks;
}

struct CoverageOptions {
  std::string from, to, office, cert;
  std::optional<std::int64_t> horizon;
};

// For people: a summary line, then one table of gaps and one of expiring certifications. The other
// formats print the report object as it is.
void print_table(const nlohmann::json& r) {
  using nlohmann::json;
  std::cout << fmt::format("coverage {} {} … {}: {} gap(s) in {} office opening day(s)\n", r.value("cert", ""),
                           r.value("from", ""), r.value("to", ""), r["gaps"].size(), r.value("office_days", 0));
  if (!r["gaps"].empty()) {
    json rows = json::array();
    for (const auto& g : r["gaps"])
      rows.push_back({{"date", g["date"]}, {"office", g["office"]},
                      {"present", fmt::format("{}/{}", g["present"].get<int>(), g["required"].get<int>())},
                      {"missing", missing_text(g["missing"])}});
    std::cout << "\n" << render(rows, "table", {{"date", "office", "present", "missing"}});
  }
  std::cout << fmt::format("\ncertifications expiring by {} (horizon {} days): {}\n", r.value("horizon_until", ""),
                           r.value("horizon_days", 0), r["expiring"].size());
  if (!r["expiring"].empty()) {
    json rows = json::array();
    for (const auto& e : r["expiring"]) {
      std::string opens = e["gaps"].empty() ? "-" : fmt::format("{} day(s) from {}", e["gaps"].size(),
                                                                 e["gaps"][0]["date"].get<std::string>());
      rows.push_back({{"valid_until", e["valid_until"]}, {"staff", e["staff"]}, {"office", e["office"]},
                      {"cert", e["cert"]}, {"opens_gaps", opens}});
    }
    std::cout << render(rows, "table", {{"valid_until", "staff", "office", "cert", "opens_gaps"}});
  }
  // Only with bookings at risk: a store without appointments prints what it always printed.
  if (r.contains("demand") && !r["demand"].empty()) {
    json rows = json::array();
    for (const auto& d : r["demand"])
      rows.push_back({{"date", d["date"]}, {"office", d["office"]}, {"reason", d["reason"]},
                      {"booked", fmt::format("{} min ({} appointment(s))", d["booked_minutes"].get<int>(), d["booked"].get<int>())},
                      {"can_serve", fmt::format("{} min", d["capacity_minutes"].get<int>())},
                      {"present", fmt::format("{}/{}", d["present"].get<int>(), d["required"].get<int>())}});
    std::cout << fmt::format("\ndays at risk from booked appointments: {}\n", rows.size())
              << render(rows, "table", {{"date", "office", "reason", "booked", "can_serve", "present"}});
  }
  std::cout << std::flush;
}

// csv is for spreadsheets: one row per gap with the coverage row's fields, who is missing why
// flattened into one cell ("m.weber (absent holiday until 2026-12-04), …"), never a JSON array.
void print_gaps_csv(const nlohmann::json& r) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& g : r["gaps"])
    rows.push_back({{"office", g["office"]}, {"date", g["date"]}, {"present", g["present"]},
                    {"required", g["required"]}, {"missing", missing_text(g["missing"])}});
  if (rows.empty())
    std::cout << "date,missing,office,present,required\r\n";  // the columns render() gives, sorted
  else
    std::cout << render(rows, "csv", {});
  std::cout << std::flush;
}

}  // namespace

void add_coverage_command(CLI::App& app, Session& session) {
  auto o = std::make_shared<CoverageOptions>();
  auto* cmd = app.add_subcommand("coverage", "Certified staff per office and opening day; exit 1 on a gap (a cron job)");
  cmd->add_option("--from", o->from, "First day checked (default today)");
  cmd->add_option("--to", o->to, "Last day checked (default: two weeks from --from)");
  cmd->add_option("--office", o->office, "Only this office");
  cmd->add_option("--cert", o->cert, "Certification kind (default identity-check)");
  cmd->add_option("--horizon", o->horizon, "Report certifications expiring within DAYS of --from (default 90)")
      ->check(CLI::NonNegativeNumber);
  examples(cmd,
           "  vrathaus coverage                               today and the next two weeks\n"
           "  vrathaus coverage --from 2026-12-07 --to 2026-12-07 --office brackel -o json\n"
           "  vrathaus coverage --cert authority-accounts --horizon 180\n"
           "  vrathaus coverage --from 2026-12-01 --to 2027-11-30 -o html > coverage.html   the year at a glance\n"
           "Crontab (working days at 06:30; silent when covered, cron mails MAILTO the report on a gap or error):\n"
           "  MAILTO=buergerdienste-leitung@example.de\n"
           "  30 6 * * 1-5  out=$(vrathaus coverage 2>&1) || echo \"$out\"");
  cmd->callback([&session, o] {
    session.accept_output("html");
    bool html = session.output_format() == "html";
    nlohmann::json p = nlohmann::json::object();
    put(p, "from", o->from);
    put(p, "to", o->to);
    put(p, "office", o->office);
    put(p, "cert", o->cert);
    put(p, "horizon", o->horizon);
    if (html) p["daily"] = true;
    auto result = session.call("coverage.report", p);
    if (html)
      std::cout << coverage_html(result, session_marks(result)) << std::flush;
    else if (session.output_format() == "table")
      print_table(result);
    else if (session.output_format() == "csv")
      print_gaps_csv(result);
    else
      print_result(session, result);
    if (!result.value("ok", true)) {
      session.warn(fmt::format("coverage: {} gap(s) between {} and {}", result["gaps"].size(), result.value("from", ""),
                               result.value("to", "")));
      session.problems();
    }
  });
}

}  // namespace vrathaus::cli
