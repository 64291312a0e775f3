// `vrathaus audit …`: the hash-chained audit log.
#include "common.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <syslog.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

namespace vrathaus::cli {
namespace {

struct AuditOptions {
  std::string object, actor, since, verification_key;
  std::optional<std::int64_t> limit, after_seq;
  bool syslog = false;
};

// The seal's head, for an outside anchor: syslog forwards it off the machine, where whoever can
// write the store cannot reach it.
void log_seal(const nlohmann::json& seal) {
  ::openlog("vrathaus", LOG_PID, LOG_AUTHPRIV);
  ::syslog(LOG_NOTICE, "audit seal key=%s epoch=%lld seq=%lld hash=%s at=%s",
           seal.value("key_id", "").c_str(), static_cast<long long>(seal.value("epoch", 0LL)),
           static_cast<long long>(seal.value("seq", 0LL)), seal.value("hash", "").c_str(), seal.value("at", "").c_str());
  ::closelog();
}

// Creates the verification key file before the key exists (mode 0600, never over another file),
// so that a key is never handed out with nowhere to keep it.
int create_key_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) fail(ErrorKind::config, "cannot create the verification key file {}: {}", path, std::strerror(errno));
  return fd;
}

void write_key_file(int fd, const std::string& path, const std::string& text) {
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) fail(ErrorKind::config, "sealing is set up but the verification key could not be written to {}", path);
}

std::string read_key_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) fail(ErrorKind::config, "cannot read the verification key file {}", path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

void add_audit_commands(CLI::App& app, Session& session) {
  auto o = std::make_shared<AuditOptions>();
  auto* group = app.add_subcommand("audit", "The audit log: every change and every refused attempt");
  group->require_subcommand(1);

  auto* list = group->add_subcommand("list", "List audit entries, oldest first");
  list->add_option("--object", o->object, "Only this object, e.g. account:42");
  list->add_option("--actor", o->actor, "Only this actor");
  list->add_option("--since", o->since, "From this day (UTC) or RFC 3339 time, e.g. 2026-11-25T10:00:00+01:00");
  list->add_option("--after-seq", o->after_seq, "Only entries after this seq (resume a feed where it stopped)");
  add_limit(list, o->limit);
  examples(list, "  vrathaus audit list --since 2026-11-25T08:00:00Z --actor m.weber\n"
                 "  vrathaus audit list --after-seq 4711 -o jsonl >> siem-feed.jsonl");
  list->callback([&session, o] {
    nlohmann::json p = nlohmann::json::object();
    put(p, "object", o->object);
    put(p, "actor", o->actor);
    put(p, "since", o->since);
    put(p, "limit", o->limit);
    put(p, "after_seq", o->after_seq);
    call_and_print(session, "audit.list", p, {{"seq", "at", "actor", "action", "object", "reason"}});
  });

  add_audit_follow_command(group, session);

  auto* verify = group->add_subcommand("verify", "Check the hash chain; exit 1 on any edited, removed or reordered entry");
  verify->add_option("--verification-key", o->verification_key,
                     "Also check every seal with this key (local store only): detects rewritten, cut or wiped history");
  verify->callback([&session, o] {
    auto result = o->verification_key.empty()
                      ? call_and_print(session, "audit.verify", nlohmann::json::object())
                      : call_and_print(session, "audit.verify-sealed",
                                       {{"verification_key", read_key_file(o->verification_key)}});
    if (!result.value("ok", false)) session.warn("the audit chain is broken");
  });

  auto* setup = group->add_subcommand("setup-keys", "Start sealing the audit chain; writes the verification key once");
  setup->add_option("--verification-key", o->verification_key, "New file for the verification key (keep it offline)")
      ->required();
  examples(setup, "  vrathaus audit setup-keys --verification-key /media/usb/vrathaus-audit.key");
  setup->callback([&session, o] {
    session.local("audit setup-keys");
    int fd = create_key_file(o->verification_key);
    nlohmann::json result;
    try {
      result = session.call("audit.setup-keys", nlohmann::json::object());
    } catch (...) {
      ::close(fd);
      ::unlink(o->verification_key.c_str());
      throw;
    }
    write_key_file(fd, o->verification_key, result["verification_key"].get<std::string>());
    result.erase("verification_key");
    result["verification_key_file"] = o->verification_key;
    print_result(session, result);
    session.info("keep " + o->verification_key + " away from this machine: whoever holds it can check, not forge, seals");
  });

  auto* seal = group->add_subcommand("seal", "Seal the chain's head with the current epoch's key (cron: hourly)");
  seal->add_flag("--syslog", o->syslog, "Also send the sealed head to syslog, as an outside anchor");
  examples(seal, "  vrathaus audit seal --syslog");
  seal->callback([&session, o] {
    auto result = call_and_print(session, "audit.seal", nlohmann::json::object());
    if (o->syslog) log_seal(result);
  });
}

}  // namespace vrathaus::cli
