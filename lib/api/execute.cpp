#include "api/execute.hpp"

#include "api/access.hpp"
#include "api/audit_object.hpp"
#include "api/params.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "service/audit.hpp"
#include "service/idempotency.hpp"
#include "store/rerun_on_lost_race.hpp"

#include "store/sql/error.hpp"

namespace vrathaus {
namespace {

using nlohmann::json;

// What binds a key to its request: the operation (its method and path) and every parameter,
// path placeholders, query and body alike, in one canonical JSON text (keys sorted).
std::string request_fingerprint(const Invocation& call) {
  json params = call.params.is_object() ? call.params : json::object();
  params.erase("dry_run");
  return sha256_hex(call.op.method + " " + call.op.path + "\n" + params.dump());
}

// The request as the idempotency rules see it.
IdempotentRequest idempotent(const Invocation& call) {
  return {call.idempotency_key, call.actor.id, call.op.name, request_fingerprint(call), call.op.response_holds_secret};
}

bool is_refusal(const Operation& op, ErrorKind kind) {
  return kind == ErrorKind::forbidden || kind == ErrorKind::conflict || (op.audit_invalid && kind == ErrorKind::invalid);
}

// A refused protected action is recorded in its own transaction: the refused change itself
// was rolled back, the attempt is not.
void audit_refusal(const Environment& env, const Invocation& call, const Error& error) {
  Context ctx{env.store, env.clock, env.city, call.actor};
  try {
    env.store.write_transaction([&] {
      audit_append(ctx, {call.op.name + ".refused", audit_object_of(ctx, call.op, call.params), nullptr,
                         json{{"exit_code", exit_code(error.kind())}}, error.what()});
    });
  } catch (const Error&) {
    // The refusal itself is what the caller must hear about; a busy store here must not mask it.
  }
}

// An operation that commits in batches itself: the remembered response is checked and stored in
// transactions of their own around it. Dry runs write nothing, so they remember nothing.
json run_own_transactions(const Environment& env, Context& ctx, const Invocation& call) {
  bool remember = !call.idempotency_key.empty() && !ctx.dry_run && call.op.effect == Effect::write;
  std::optional<json> earlier;
  if (remember) env.store.read_transaction([&] { earlier = remembered_response(ctx, idempotent(call)); });
  if (earlier) return *earlier;
  json result = call.op.run(ctx, call.params);
  if (remember) env.store.write_transaction([&] { remember_response(ctx, idempotent(call), result); });
  return result;
}

}  // namespace

void check_access_early(const Environment& env, const Invocation& call) {
  Context ctx{env.store, env.clock, env.city, call.actor};
  try {
    check_access(call.op, ctx, call.params);
  } catch (const Error& e) {
    audit_refusal(env, call, e);
    throw;
  }
}

json execute(const Environment& env, const Invocation& call) {
  Context ctx{env.store, env.clock, env.city, call.actor};
  ctx.dry_run = call.params.is_object() && Params(call.params).flag("dry_run");
  ctx.progress = call.progress;
  json result;
  try {
    check_access(call.op, ctx, call.params);
    if (call.op.own_transactions) return run_own_transactions(env, ctx, call);
    if (call.op.effect == Effect::read) {
      env.store.read_transaction([&] { result = call.op.run(ctx, call.params); });
      return result;
    }
    // The operation is run whole in this one transaction, from its parameters and the store:
    // it may run again if PostgreSQL aborts it in a race with another instance.
    RerunOnLostRace rerunnable;
    env.store.write_transaction(
        [&] {
          if (!call.idempotency_key.empty() && !ctx.dry_run) {
            if (auto earlier = remembered_response(ctx, idempotent(call))) {
              result = *earlier;
              return;
            }
          }
          result = call.op.run(ctx, call.params);
          if (!call.idempotency_key.empty() && !ctx.dry_run) remember_response(ctx, idempotent(call), result);
        },
        ctx.dry_run);
  } catch (const Error& e) {
    // Refused writes are recorded, and refused reads too: trying to read what one may not is on record.
    bool refused_read = call.op.effect == Effect::read && e.kind() == ErrorKind::forbidden;
    if ((call.op.effect == Effect::write && !ctx.dry_run && is_refusal(call.op, e.kind())) || refused_read)
      audit_refusal(env, call, e);
    throw;
  } catch (const sql::Error& e) {
    rethrow_sql_error(e);
  }
  return result;
}

}  // namespace vrathaus
