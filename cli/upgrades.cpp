// `vrathaus upgrades …`: tier upgrades (Hochstufung) — request, perform, reject, list, downgrade.
#include "common.hpp"
#include "core/error.hpp"

#include <iostream>
#include <memory>

namespace vrathaus::cli {
namespace {

const Columns kUpgradeColumns{{"id", "account_id", "from_tier", "to_tier", "status", "method", "office", "staff",
                               "decided_at"}};

struct UpgradeOptions {
  std::string account, id, tier, status, reason, method;
  std::string office, document_type, document_number, document_expiry, document_country;
  std::string second_staff, register_court, register_no, eid_pseudonym;
  std::optional<std::int64_t> limit;
  std::optional<std::int64_t> appointment;
  bool dry_run = false;
};

// "-" reads the value from the first line of stdin, so it stays out of the shell history and ps.
std::string value_or_stdin(const std::string& value, const char* option) {
  if (value != "-") return value;
  std::string line;
  if (!std::getline(std::cin, line)) fail(ErrorKind::usage, "{} -: nothing to read on stdin", option);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

void add_upgrades_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<UpgradeOptions>();
  auto* group = app.add_subcommand("upgrades", "Tier upgrades (Hochstufung): guest → private, business, authority");
  group->require_subcommand(1);

  auto* request = group->add_subcommand("request", "Request an upgrade; pending until performed or rejected");
  request->add_option("account", o->account, "Account id or login")->required();
  request->add_option("--tier", o->tier, "private, business or authority")->required();
  add_dry_run(request, o->dry_run);
  examples(request, "  vrathaus upgrades request anna.schroeter@example.de --tier private");
  request->callback([&session, o] {
    call_and_print(session, "upgrades.request", {{"id", o->account}, {"tier", o->tier}}, {}, o->dry_run);
  });

  auto* perform = group->add_subcommand(
      "perform", "Perform an upgrade: in person with an ID document, or by online ID (portal only)");
  perform->add_option("account", o->account, "Account id or login")->required();
  perform->add_option("--tier", o->tier, "private, business or authority")->required();
  perform->add_option("--method", o->method, "in-person (default) or online-id");
  perform->add_option("--office", o->office, "Office where the document was checked");
  perform->add_option("--document-type", o->document_type, "id-card, passport or residence-permit");
  perform->add_option("--document-number", o->document_number,
                      "Number of the ID document ('-' reads it from stdin); stored only as a keyed hash");
  perform->add_option("--document-expiry", o->document_expiry, "Expiry date of the document (YYYY-MM-DD)");
  perform->add_option("--document-country", o->document_country, "Issuing country, ISO 3166-1 alpha-2 (default DE)");
  perform->add_option("--appointment", o->appointment,
                      "The appointment it fulfils (default: the account's upgrade appointment today at --office)");
  perform->add_option("--second-staff", o->second_staff, "authority: the second certified staff member, who confirms it the same day (four-eyes)");
  perform->add_option("--register-court", o->register_court, "business: register court, e.g. 'Amtsgericht Dortmund'");
  perform->add_option("--register-no", o->register_no, "business: register number, e.g. 'HRB 12345'");
  perform->add_option("--eid-pseudonym", o->eid_pseudonym, "online-id: the eID's pseudonym ('-' reads it from stdin)");
  add_dry_run(perform, o->dry_run);
  examples(perform,
           "  vrathaus --as m.weber upgrades perform 42 --tier private --office brackel \\\n"
           "      --document-type id-card --document-number - --document-expiry 2031-05-31\n"
           "  vrathaus --as s.kruse upgrades perform 43 --tier authority --second-staff k.schulz --office innenstadt \\\n"
           "      --document-type passport --document-number C01X00T47 --document-expiry 2030-01-15\n"
           "      (awaits: vrathaus --as k.schulz upgrades confirm UPGRADE, the same day)\n"
           "  vrathaus --as portal upgrades perform 44 --tier private --method online-id --eid-pseudonym -");
  perform->callback([&session, o] {
    nlohmann::json p{{"id", o->account}, {"tier", o->tier}};
    put(p, "method", o->method);
    put(p, "office", o->office);
    put(p, "document_type", o->document_type);
    put(p, "document_number", value_or_stdin(o->document_number, "--document-number"));
    put(p, "document_expiry", o->document_expiry);
    put(p, "document_country", o->document_country);
    put(p, "second_staff", o->second_staff);
    put(p, "register_court", o->register_court);
    put(p, "register_no", o->register_no);
    put(p, "appointment", o->appointment);
    put(p, "eid_pseudonym", value_or_stdin(o->eid_pseudonym, "--eid-pseudonym"));
    call_and_print(session, "upgrades.perform", p, {}, o->dry_run);
  });

  auto* confirm = group->add_subcommand(
      "confirm", "Confirm an authority upgrade awaiting you as its second staff member (four-eyes, the same day)");
  confirm->add_option("upgrade", o->id, "Upgrade id")->required();
  add_dry_run(confirm, o->dry_run);
  examples(confirm, "  vrathaus --as k.schulz upgrades confirm 17");
  confirm->callback([&session, o] { call_and_print(session, "upgrades.confirm", {{"id", o->id}}, {}, o->dry_run); });

  auto* reject = group->add_subcommand(
      "reject", "Reject a pending upgrade request, or, as its second staff member, an upgrade awaiting your confirmation");
  reject->add_option("upgrade", o->id, "Upgrade id")->required();
  reject->add_option("--reason", o->reason, "Why")->required();
  add_dry_run(reject, o->dry_run);
  reject->callback([&session, o] {
    call_and_print(session, "upgrades.reject", {{"id", o->id}, {"reason", o->reason}}, {}, o->dry_run);
  });

  auto* list = group->add_subcommand("list", "List upgrades");
  list->add_option("--status", o->status,
                   "pending, awaiting-confirmation, performed, rejected, revoked or expired");
  list->add_option("--account", o->account, "Only this account (id or login)");
  add_limit(list, o->limit);
  examples(list, "  vrathaus upgrades list --status pending\n  vrathaus upgrades list --account 42 -o json");
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "status", o->status);
    put(p, "account", o->account);
    put(p, "limit", o->limit);
    call_and_print(session, "upgrades.list", p, kUpgradeColumns);
  });

  auto* show = group->add_subcommand("show", "Show one upgrade");
  show->add_option("upgrade", o->id, "Upgrade id")->required();
  show->callback([&session, o] { call_and_print(session, "upgrades.show", {{"id", o->id}}); });

  auto* downgrade = group->add_subcommand("downgrade", "Downgrade an account (e.g. fraud); revokes the upgrades above");
  downgrade->add_option("account", o->account, "Account id or login")->required();
  downgrade->add_option("--tier", o->tier, "The lower tier: guest, private or business")->required();
  downgrade->add_option("--reason", o->reason, "Why")->required();
  add_dry_run(downgrade, o->dry_run);
  examples(downgrade, "  vrathaus --as s.kruse upgrades downgrade 42 --tier guest --reason 'Ausweis als gestohlen gemeldet'");
  downgrade->callback([&session, o] {
    call_and_print(session, "upgrades.downgrade", {{"id", o->account}, {"tier", o->tier}, {"reason", o->reason}}, {},
                   o->dry_run);
  });
}

}  // namespace vrathaus::cli
