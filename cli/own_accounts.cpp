// `vrathaus staff link-account | unlink-account | accounts`: staff members' own portal accounts,
// which they may not upgrade (registered into the `staff` group by add_staff_commands).
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

struct OwnAccountOptions {
  std::string staff, account, reason;
  bool dry_run = false;
};

}  // namespace

void add_own_account_commands(CLI::App* staff_group, Session& session) {
  auto o = std::make_shared<OwnAccountOptions>();

  auto* link = staff_group->add_subcommand("link-account", "Record a portal account as the staff member's own");
  link->add_option("id", o->staff, "Staff id")->required();
  link->add_option("account", o->account, "Account id or login")->required();
  add_dry_run(link, o->dry_run);
  examples(link, "  vrathaus --as m.weber staff link-account m.weber michael.weber@example.de");
  link->callback([&session, o] {
    call_and_print(session, "staff.link-account", {{"id", o->staff}, {"account", o->account}}, {}, o->dry_run);
  });

  auto* unlink = staff_group->add_subcommand("unlink-account", "Remove an own-account link (supervisor, with a reason)");
  unlink->add_option("id", o->staff, "Staff id")->required();
  unlink->add_option("account", o->account, "Account id")->required();
  unlink->add_option("--reason", o->reason, "Why")->required();
  add_dry_run(unlink, o->dry_run);
  unlink->callback([&session, o] {
    call_and_print(session, "staff.unlink-account", {{"id", o->staff}, {"account", o->account}, {"reason", o->reason}},
                   {}, o->dry_run);
  });

  auto* accounts = staff_group->add_subcommand("accounts", "The staff member's own portal accounts");
  accounts->add_option("id", o->staff, "Staff id")->required();
  accounts->callback([&session, o] { call_and_print(session, "staff.accounts", {{"id", o->staff}}); });
}

}  // namespace vrathaus::cli
