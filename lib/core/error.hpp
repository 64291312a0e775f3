#pragma once
// The one place where failure kinds, exit codes and HTTP statuses meet. The library throws
// vrathaus::Error; the CLI turns it into an exit code, the server into application/problem+json,
// the remote client back into the same Error.
#include <fmt/format.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace vrathaus {

enum class ErrorKind {
  problems,         // 1: done, but a check found problems
  usage,            // 2: bad option value or request shape
  not_found,        // 3
  conflict,         // 4: already exists, not eligible, not allowed in this state
  stale,            // 4: If-Match version no longer current (HTTP 412)
  invalid,          // 5: a field, a file row, a document
  too_large,        // 5: request body over the limit (HTTP 413)
  unauthenticated,  // 6: no or bad token (HTTP 401)
  forbidden,        // 6: missing role or certification (HTTP 403)
  unreachable,      // 7: remote unreachable or timed out
  rate_limited,     // 7: too many failed logins (HTTP 429)
  busy,             // 8: store busy or locked
  config,           // 9
  internal,         // 70
};

int exit_code(ErrorKind kind);
int http_status(ErrorKind kind);
ErrorKind kind_from_http(int status, int code_hint);
std::string_view kind_name(ErrorKind kind);
ErrorKind kind_from_name(std::string_view name);

class Error : public std::runtime_error {
public:
  Error(ErrorKind kind, std::string message, std::string field = {})
      : std::runtime_error(std::move(message)), kind_(kind), field_(std::move(field)) {}
  ErrorKind kind() const noexcept { return kind_; }
  // The input field the message is about, when there is one (e.g. "birth_date").
  const std::string& field() const noexcept { return field_; }

private:
  ErrorKind kind_;
  std::string field_;
};

template <typename... Args>
[[noreturn]] void fail(ErrorKind kind, fmt::format_string<Args...> format, Args&&... args) {
  throw Error(kind, fmt::format(format, std::forward<Args>(args)...));
}

// A field failed validation: exit 5, message "FIELD: why".
template <typename... Args>
[[noreturn]] void fail_field(std::string_view field, fmt::format_string<Args...> format, Args&&... args) {
  throw Error(ErrorKind::invalid,
              fmt::format("{}: {}", field, fmt::format(format, std::forward<Args>(args)...)),
              std::string(field));
}

}  // namespace vrathaus
