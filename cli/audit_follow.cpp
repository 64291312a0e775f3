// `vrathaus audit follow`: a feed for a SIEM. Prints every new audit entry as one JSON line as it
// is appended, by polling `audit.list` after the last seq seen — the same call locally and over
// REST. Ends cleanly on SIGTERM or SIGINT, or after --until-seq / --max-entries (scripts, tests).
#include "common.hpp"

#include <csignal>
#include <ctime>
#include <iostream>
#include <memory>

namespace vrathaus::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;

void request_stop(int) { g_stop = 1; }

// Without SA_RESTART, so that a signal cuts the wait between two polls short.
void stop_on_signals() {
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  ::sigaction(SIGTERM, &action, nullptr);
  ::sigaction(SIGINT, &action, nullptr);
}

void wait_interval(double seconds) {
  timespec pause{static_cast<std::time_t>(seconds), static_cast<long>((seconds - std::time_t(seconds)) * 1e9)};
  ::nanosleep(&pause, nullptr);  // EINTR on a stop signal: the loop looks at g_stop next
}

struct FollowOptions {
  std::int64_t after_seq = 0;
  std::optional<std::int64_t> until_seq, max_entries;
  double interval = 2.0;
  std::string object, actor;
};

// One poll: every entry after `last`, a page at a time so a long backlog is not one response.
// Returns false once the feed should end.
bool print_new_entries(Session& session, const FollowOptions& o, std::int64_t& last, std::int64_t& printed) {
  constexpr std::int64_t kPage = 500;
  while (!g_stop) {
    nlohmann::json p{{"after_seq", last}, {"limit", kPage}};
    put(p, "object", o.object);
    put(p, "actor", o.actor);
    auto items = session.call("audit.list", p).value("items", nlohmann::json::array());
    for (const auto& entry : items) {
      last = entry["seq"].get<std::int64_t>();
      std::cout << entry.dump() << "\n" << std::flush;  // a reader waits on each line
      ++printed;
      if ((o.max_entries && printed >= *o.max_entries) || (o.until_seq && last >= *o.until_seq)) return false;
    }
    if (std::int64_t(items.size()) < kPage) return true;
  }
  return false;
}

}  // namespace

void add_audit_follow_command(CLI::App* group, Session& session) {
  auto o = std::make_shared<FollowOptions>();
  auto* follow = group->add_subcommand("follow", "Print new audit entries as JSON lines as they are appended (a SIEM feed)");
  follow->add_option("--after-seq", o->after_seq, "Start after this entry (default 0: the whole log, then new ones)");
  follow->add_option("--interval", o->interval, "Seconds between two looks at the store (default 2)")
      ->check(CLI::Range(0.01, 3600.0));
  follow->add_option("--until-seq", o->until_seq, "Stop once the entry with this seq (or a later one) is printed");
  follow->add_option("--max-entries", o->max_entries, "Stop after printing N entries")->check(at_least_one());
  follow->add_option("--object", o->object, "Only this object, e.g. account:42");
  follow->add_option("--actor", o->actor, "Only this actor");
  examples(follow, "  vrathaus audit follow --after-seq \"$(cat /var/lib/siem/last-seq)\" | siem-forwarder\n"
                   "  vrathaus --remote https://vrathaus.intern:8443 --token-file ~/.config/vrathaus/token audit follow\n"
                   "Ends with exit 0 on SIGTERM or SIGINT. Each line carries its seq: resume with --after-seq.");
  follow->callback([&session, o] {
    stop_on_signals();
    std::int64_t last = o->after_seq, printed = 0;
    while (!g_stop && print_new_entries(session, *o, last, printed)) wait_interval(o->interval);
  });
}

}  // namespace vrathaus::cli
