#include "core/error.hpp"

#include <array>
#include <utility>

namespace vrathaus {
namespace {

struct KindInfo {
  ErrorKind kind;
  std::string_view name;
  int exit;
  int http;
};

constexpr std::array kKinds{
    KindInfo{ErrorKind::problems, "problems", 1, 200},
    KindInfo{ErrorKind::usage, "usage", 2, 400},
    KindInfo{ErrorKind::not_found, "not-found", 3, 404},
    KindInfo{ErrorKind::conflict, "conflict", 4, 409},
    KindInfo{ErrorKind::stale, "stale-version", 4, 412},
    KindInfo{ErrorKind::invalid, "invalid", 5, 422},
    KindInfo{ErrorKind::too_large, "too-large", 5, 413},
    KindInfo{ErrorKind::unauthenticated, "unauthenticated", 6, 401},
    KindInfo{ErrorKind::forbidden, "forbidden", 6, 403},
    KindInfo{ErrorKind::unreachable, "unreachable", 7, 504},
    KindInfo{ErrorKind::rate_limited, "rate-limited", 7, 429},
    KindInfo{ErrorKind::busy, "busy", 8, 503},
    KindInfo{ErrorKind::config, "config", 9, 500},
    KindInfo{ErrorKind::internal, "internal", 70, 500},
};

const KindInfo& info(ErrorKind kind) {
  for (const auto& k : kKinds)
    if (k.kind == kind) return k;
  return kKinds.back();
}

}  // namespace

int exit_code(ErrorKind kind) { return info(kind).exit; }
int http_status(ErrorKind kind) { return info(kind).http; }
std::string_view kind_name(ErrorKind kind) { return info(kind).name; }

ErrorKind kind_from_name(std::string_view name) {
  for (const auto& k : kKinds)
    if (k.name == name) return k.kind;
  return ErrorKind::internal;
}

ErrorKind kind_from_http(int status, int code_hint) {
  for (const auto& k : kKinds)
    if (k.http == status && (code_hint == 0 || k.exit == code_hint)) return k.kind;
  if (status >= 500) return ErrorKind::unreachable;
  return ErrorKind::internal;
}

}  // namespace vrathaus
