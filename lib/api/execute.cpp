#include "api/execute.hpp"

#include "api/access.hpp"
#include "api/params.hpp"

#include "core/error.hpp"
#include "service/audit.hpp"

#include <SQLiteCpp/Statement.h>

namespace vrathaus {
namespace {

using nlohmann::json;

std::optional<json> remembered_response(Context& ctx, const Invocation& call) {
  SQLite::Statement q(ctx.db(), "SELECT actor, operation, body FROM idempotency WHERE key = ?");
  q.bind(1, call.idempotency_key);
  if (!q.executeStep()) return std::nullopt;
  if (q.getColumn(0).getString() != call.actor.id || q.getColumn(1).getString() != call.op.name)
    fail(ErrorKind::conflict, "the Idempotency-Key {} was used for another request", call.idempotency_key);
  return json::parse(q.getColumn(2).getString());
}

void remember_response(Context& ctx, const Invocation& call, const json& result) {
  SQLite::Statement q(ctx.db(),
                      "INSERT INTO idempotency(key, actor, operation, status, body, created_at) VALUES (?,?,?,?,?,?)");
  q.bind(1, call.idempotency_key);
  q.bind(2, call.actor.id);
  q.bind(3, call.op.name);
  q.bind(4, 200);
  q.bind(5, result.dump());
  q.bind(6, ctx.now());
  q.exec();
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
      audit_append(ctx, {call.op.name + ".refused", operation_object(call.op, call.params), nullptr,
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
  if (remember) env.store.read_transaction([&] { earlier = remembered_response(ctx, call); });
  if (earlier) return *earlier;
  json result = call.op.run(ctx, call.params);
  if (remember) env.store.write_transaction([&] { remember_response(ctx, call, result); });
  return result;
}

}  // namespace

std::string operation_object(const Operation& op, const json& params) {
  std::string out;
  std::string_view path = op.path;
  std::size_t pos = 1;
  while (pos < path.size()) {
    auto slash = path.find('/', pos);
    auto segment = path.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
    if (!out.empty()) out += '/';
    if (segment.size() > 2 && segment.front() == '{') {
      auto key = std::string(segment.substr(1, segment.size() - 2));
      auto it = params.find(key);
      out += it == params.end() ? "?" : it->is_string() ? it->get<std::string>() : it->dump();
    } else {
      out += segment;
    }
    if (slash == std::string_view::npos) break;
    pos = slash + 1;
  }
  return out;
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
    env.store.write_transaction(
        [&] {
          if (!call.idempotency_key.empty() && !ctx.dry_run) {
            if (auto earlier = remembered_response(ctx, call)) {
              result = *earlier;
              return;
            }
          }
          result = call.op.run(ctx, call.params);
          if (!call.idempotency_key.empty() && !ctx.dry_run) remember_response(ctx, call, result);
        },
        ctx.dry_run);
  } catch (const Error& e) {
    // Refused writes are recorded, and refused reads too: trying to read what one may not is on record.
    bool refused_read = call.op.effect == Effect::read && e.kind() == ErrorKind::forbidden;
    if ((call.op.effect == Effect::write && !ctx.dry_run && is_refusal(call.op, e.kind())) || refused_read)
      audit_refusal(env, call, e);
    throw;
  } catch (const SQLite::Exception& e) {
    rethrow_sqlite(e);
  }
  return result;
}

}  // namespace vrathaus
