#include "server/access_log.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <random>

namespace vrathaus {

std::string access_log_line(const AccessRecord& r) {
  auto micros = std::chrono::duration_cast<std::chrono::microseconds>(r.time.time_since_epoch()).count();
  auto seconds = std::chrono::system_clock::to_time_t(r.time);
  nlohmann::json line{
      {"time", fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:06}Z", fmt::gmtime(seconds), micros % 1000000)},
      {"request_id", r.request_id},
      {"client", r.client},
      {"token_id", r.token_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.token_id)},
      {"method", r.method},
      {"path", r.target},
      {"status", r.status},
      {"bytes", r.bytes},
      {"duration_ms", std::chrono::duration<double, std::milli>(r.duration).count()},
  };
  // Invalid UTF-8 from a client becomes U+FFFD instead of an exception.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string new_request_id() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return fmt::format("{:016x}", random());
}

}  // namespace vrathaus
