// `vrathaus permits …`: resident parking permits and the renewal cron job.
#include "common.hpp"

#include <fmt/format.h>

#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kPermitColumns{{"id", "account_id", "plate", "zone", "valid_from", "valid_until", "status", "auto_renew", "fee_cents"}};

struct PermitOptions {
  std::string account, plate, zone, from, status, expiring_before, due_before, reason;
  std::int64_t id = 0;
  std::optional<std::int64_t> limit;
  bool no_auto_renew = false, paid = false, dry_run = false;
};

// Cron mails what a job prints on stderr: the permits that were not renewed are named there, even
// with -q, not only in the report.
void warn_not_renewed(Session& session, const nlohmann::json& not_renewed) {
  if (not_renewed.empty()) return;
  constexpr std::size_t kNamed = 20;
  std::string list;
  for (std::size_t i = 0; i < not_renewed.size() && i < kNamed; ++i) {
    const auto& n = not_renewed[i];
    list += fmt::format("{}permit {} (account {}): {}", i == 0 ? "" : "; ", n.value("permit_id", 0LL),
                        n.value("account_id", 0LL), n.value("reason", ""));
  }
  if (not_renewed.size() > kNamed) list += fmt::format("; and {} more", not_renewed.size() - kNamed);
  session.warn(fmt::format("{} permit{} not renewed: {}", not_renewed.size(), not_renewed.size() == 1 ? "" : "s", list));
}

}  // namespace

void add_permits_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<PermitOptions>();
  auto* group = app.add_subcommand("permits", "Resident parking permits (Bewohnerparkausweise)");
  group->require_subcommand(1);

  auto* issue = group->add_subcommand("issue", "Issue a permit to an active private account, with its charge");
  issue->add_option("account", o->account, "Account id or login")->required();
  issue->add_option("--plate", o->plate, "Vehicle plate, e.g. 'DO-AB 1234'")->required();
  issue->add_option("--zone", o->zone, "Residents' parking zone code (city.zones)")->required();
  issue->add_option("--from", o->from, "First valid day (default today)");
  issue->add_flag("--no-auto-renew", o->no_auto_renew, "Do not renew it in the annual run");
  issue->add_flag("--paid", o->paid, "Paid at the counter: no SEPA mandate needed");
  add_dry_run(issue, o->dry_run);
  examples(issue, "  vrathaus permits issue 42 --plate 'DO-AB 1234' --zone I-01\n"
                  "  vrathaus permits issue anna@example.de --plate do-ab1234 --zone I-01 --from 2027-01-01 --paid");
  issue->callback([&session, o] {
    nlohmann::json p{{"account", o->account}, {"plate", o->plate}, {"zone", o->zone}, {"auto_renew", !o->no_auto_renew},
                     {"paid", o->paid}};
    put(p, "from", o->from);
    call_and_print(session, "permits.issue", p, {}, o->dry_run);
  });

  auto* show = group->add_subcommand("show", "Show one permit with its charge");
  show->add_option("id", o->id, "Permit id")->required();
  show->callback([&session, o] { call_and_print(session, "permits.show", {{"id", o->id}}); });

  auto* list = group->add_subcommand("list", "List permits");
  list->add_option("--account", o->account, "Of this account (id or login)");
  list->add_option("--status", o->status, "active, upcoming, expired or revoked (as of today)");
  list->add_option("--expiring-before", o->expiring_before, "Not revoked, last valid day before DATE");
  add_limit(list, o->limit);
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "account", o->account);
    put(p, "status", o->status);
    put(p, "expiring_before", o->expiring_before);
    put(p, "limit", o->limit);
    call_and_print(session, "permits.list", p, kPermitColumns);
  });

  auto* renew = group->add_subcommand("renew", "Renew every due auto-renew permit once (the cron job)");
  renew->add_option("--due-before", o->due_before,
                    "Renew permits ending before DATE (default today + city.permits.renew_window_days)");
  add_dry_run(renew, o->dry_run);
  examples(renew, "  vrathaus permits renew --dry-run\n  vrathaus permits renew -o json > renewal-$(date +%F).json\n"
                  "Exit status 1 when some permits could not be renewed (listed under not_renewed).");
  renew->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "due_before", o->due_before);
    auto result = call_and_print(session, "permits.renew", p, {}, o->dry_run);
    warn_not_renewed(session, result.value("not_renewed", nlohmann::json::array()));
  });

  auto* revoke = group->add_subcommand("revoke", "End a permit early, from today");
  revoke->add_option("id", o->id, "Permit id")->required();
  revoke->add_option("--reason", o->reason, "Why")->required();
  add_dry_run(revoke, o->dry_run);
  revoke->callback([&session, o] {
    call_and_print(session, "permits.revoke", {{"id", o->id}, {"reason", o->reason}}, {}, o->dry_run);
  });
}

}  // namespace vrathaus::cli
