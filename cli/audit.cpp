// `vrathaus audit …`: the hash-chained audit log.
#include "common.hpp"

#include <memory>

namespace vrathaus::cli {
namespace {

struct AuditOptions {
  std::string object, actor, since;
  std::optional<std::int64_t> limit;
};

}  // namespace

void add_audit_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<AuditOptions>();
  auto* group = app.add_subcommand("audit", "The audit log: every change and every refused attempt");
  group->require_subcommand(1);

  auto* list = group->add_subcommand("list", "List audit entries, oldest first");
  list->add_option("--object", o->object, "Only this object, e.g. account:42");
  list->add_option("--actor", o->actor, "Only this actor");
  list->add_option("--since", o->since, "From this day (UTC)");
  add_limit(list, o->limit);
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "object", o->object);
    put(p, "actor", o->actor);
    put(p, "since", o->since);
    put(p, "limit", o->limit);
    call_and_print(session, "audit.list", p, {{"seq", "at", "actor", "action", "object", "reason"}});
  });

  auto* verify = group->add_subcommand("verify", "Check the hash chain; exit 1 on any edited, removed or reordered entry");
  verify->callback([&session] {
    auto result = call_and_print(session, "audit.verify", nlohmann::json::object());
    if (!result.value("ok", false)) session.warn("the audit chain is broken");
  });
}

}  // namespace vrathaus::cli
