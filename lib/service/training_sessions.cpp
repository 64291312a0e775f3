#include "service/training_sessions.hpp"

#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/certifications.hpp"
#include "service/offices.hpp"
#include "service/presence.hpp"
#include "service/staff.hpp"
#include "store/placement_rows.hpp"

#include <fmt/ranges.h>

#include <algorithm>
#include <set>

namespace vrathaus {
namespace {

using nlohmann::json;

bool enrolled(const SessionRow& s, const std::string& staff) {
  return std::any_of(s.enrolments.begin(), s.enrolments.end(), [&](const Enrolment& e) { return e.staff == staff; });
}

// The trainer must be able to teach it: an active staff member certified on the session's day.
void check_trainer(Context& ctx, const std::string& trainer, const std::string& cert, const Date& day) {
  auto t = load_staff(ctx.db(), trainer);
  if (!t) fail_field("trainer", "no staff member {}", trainer);
  auto placement = load_placement(ctx.db(), trainer);
  if (!t->active || (placement->leaves_on && *placement->leaves_on <= day))
    fail_field("trainer", "{} is not active on {}", trainer, day.str());
  if (!holds_certification(ctx, trainer, cert, day))
    fail_field("trainer", "{} holds no {} certification valid on {}: a trainer must", trainer, cert, day.str());
}

std::set<std::string> named_once(const std::vector<std::string>& passed, const std::vector<std::string>& failed) {
  std::set<std::string> seen;
  for (const auto* list : {&passed, &failed})
    for (const auto& id : *list)
      if (!seen.insert(id).second) fail_field(list == &passed ? "passed" : "failed", "{} is named twice", id);
  return seen;
}

}  // namespace

json session_json(const SessionRow& r) {
  json enrolled_ids = json::array(), passed = json::array(), failed = json::array();
  for (const auto& e : r.enrolments) {
    enrolled_ids.push_back(e.staff);
    if (e.outcome == "passed") passed.push_back(e.staff);
    if (e.outcome == "failed") failed.push_back(e.staff);
  }
  return {{"id", r.id},
          {"cert", r.cert},
          {"date", r.date.str()},
          {"trainer", r.trainer},
          {"capacity", r.capacity},
          {"office", r.office.empty() ? json(nullptr) : json(r.office)},
          {"status", r.status},
          {"enrolled", std::move(enrolled_ids)},
          {"free", std::max(0, r.capacity - int(r.enrolments.size()))},
          {"passed", std::move(passed)},
          {"failed", std::move(failed)}};
}

SessionRow find_session(Context& ctx, std::int64_t id) {
  auto s = load_session(ctx.db(), id);
  if (!s) fail(ErrorKind::not_found, "no training session {}", id);
  return *s;
}

json add_session(Context& ctx, const NewSession& in) {
  check_certification_kind(ctx.city, in.cert);
  if (in.date < ctx.today()) fail_field("date", "{} is in the past: sessions are planned ahead", in.date.str());
  if (in.capacity < 1 || in.capacity > kMaxSessionCapacity)
    fail_field("capacity", "must be between 1 and {} people", kMaxSessionCapacity);
  SessionRow row;
  row.cert = in.cert;
  row.date = in.date;
  row.trainer = in.trainer;
  row.capacity = int(in.capacity);
  if (!in.office.empty()) row.office = find_office(ctx, in.office).code;
  check_trainer(ctx, in.trainer, in.cert, in.date);
  row.created_by = ctx.actor.id;
  row.created_at = ctx.now();
  row.id = insert_session(ctx.db(), row);
  auto out = session_json(row);
  audit_append(ctx, {"training.session_add", fmt::format("training_session:{}", row.id), nullptr, out, ""});
  return out;
}

json list_sessions(Context& ctx, const std::string& cert, std::optional<Date> from) {
  if (!cert.empty()) check_certification_kind(ctx.city, cert);
  json items = json::array();
  for (const auto& s : load_sessions(ctx.db(), cert, from)) items.push_back(session_json(s));
  return items;
}

std::optional<EnrolmentRefusal> enrolment_refusal(Context& ctx, const SessionRow& session, const std::string& staff) {
  auto conflict = [](std::string why) { return EnrolmentRefusal{ErrorKind::conflict, std::move(why)}; };
  auto invalid = [](std::string why) { return EnrolmentRefusal{ErrorKind::invalid, std::move(why)}; };
  if (session.status != "planned") return conflict(fmt::format("session {} is {} already", session.id, session.status));
  if (int(session.enrolments.size()) >= session.capacity)
    return conflict(fmt::format("session {} is full ({} places)", session.id, session.capacity));
  if (staff == session.trainer) return invalid(fmt::format("{} is the trainer of session {}", staff, session.id));
  if (enrolled(session, staff)) return conflict(fmt::format("{} is enrolled in session {} already", staff, session.id));
  auto s = load_staff(ctx.db(), staff);
  if (!s) return invalid(fmt::format("no staff member {}", staff));
  if (s->office.empty()) return invalid(fmt::format("{} is a service identity: only staff are trained", staff));
  auto placement = load_placement(ctx.db(), staff);
  auto stint = stint_on(*placement, session.date);
  if (!stint.counts) return invalid(fmt::format("{} is not active on {}", staff, session.date.str()));
  if (is_absent(ctx, staff, session.date)) return invalid(fmt::format("{} is absent on {}", staff, session.date.str()));
  if (!session.office.empty() && stint.office != session.office)
    return invalid(fmt::format("session {} is for {}; {} works in {} on {}", session.id, session.office, staff, stint.office,
                       session.date.str()));
  return std::nullopt;
}

json enroll(Context& ctx, std::int64_t id, const std::vector<std::string>& staff) {
  if (staff.empty()) fail_field("staff", "name at least one staff member to enrol");
  auto session = find_session(ctx, id);
  for (const auto& person : staff) {
    if (auto refusal = enrolment_refusal(ctx, session, person)) {
      if (refusal->kind == ErrorKind::conflict) fail(ErrorKind::conflict, "{}", refusal->why);
      fail_field("staff", "{}", refusal->why);
    }
    insert_enrolment(ctx.db(), session.id, person, ctx.actor.id, ctx.now());
    session.enrolments.push_back({person, ""});
    audit_append(ctx, {"training.enroll", fmt::format("training_session:{}", session.id), nullptr,
                       {{"staff", person}, {"session", session.id}}, ""});
  }
  std::sort(session.enrolments.begin(), session.enrolments.end(),
            [](const Enrolment& a, const Enrolment& b) { return a.staff < b.staff; });
  return session_json(session);
}

json complete_session(Context& ctx, std::int64_t id, const std::vector<std::string>& passed,
                      const std::vector<std::string>& failed) {
  auto session = find_session(ctx, id);
  if (session.status != "planned") fail(ErrorKind::conflict, "session {} is {} already", id, session.status);
  if (ctx.today() < session.date)
    fail(ErrorKind::conflict, "session {} is on {}: it is completed once it has been held", id, session.date.str());
  if (passed.empty() && failed.empty()) fail_field("passed", "name who passed (and who failed)");
  for (const auto& person : named_once(passed, failed))
    if (!enrolled(session, person)) fail_field("passed", "{} is not enrolled in session {}", person, id);
  check_trainer(ctx, session.trainer, session.cert, session.date);
  auto before = session_json(session);
  for (auto& e : session.enrolments) {
    bool pass = std::find(passed.begin(), passed.end(), e.staff) != passed.end();
    bool fail_ = std::find(failed.begin(), failed.end(), e.staff) != failed.end();
    if (!pass && !fail_) continue;
    e.outcome = pass ? "passed" : "failed";
    store_outcome(ctx.db(), session.id, e.staff, e.outcome);
    if (pass) certify_staff(ctx, {e.staff, session.cert, session.date, std::nullopt, session.trainer});
  }
  session.status = "completed";
  session.completed_by = ctx.actor.id;
  session.completed_at = ctx.now();
  mark_session_completed(ctx.db(), session);
  auto after = session_json(session);
  audit_append(ctx, {"training.complete", fmt::format("training_session:{}", session.id), before, after, ""});
  return after;
}

}  // namespace vrathaus
