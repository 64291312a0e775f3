#pragma once
// Failed logins, counted per minute for each (client address, presented token id) and for each
// address as a whole. A key over its limit is answered 429 with Retry-After without looking the
// token up, so nobody can guess at one token's secret; an address over its (higher) limit still
// gets its tokens checked — a valid token from a shared address (a city's NAT) is let through —
// but its failures are answered 429 and no longer written to the audit log one by one. Windows
// are forgotten when they end, and the table is bounded: under a flood of fresh keys the oldest
// window gives way. The clock is a parameter, so tests control time.
#include <algorithm>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace vrathaus {

class FailedLoginLimiter {
public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::chrono::seconds kWindow{60};

  struct Limits {
    int per_token = 20;         // failures per minute for one (address, token id)
    int per_address = 100;      // failures per minute for one address, any token
    std::size_t max_keys = 10000;  // remembered windows, keys and addresses together
  };

  explicit FailedLoginLimiter(Limits limits) : limits_(limits) {}

  // Seconds until (address, token id) may try again; 0: go ahead.
  int retry_after(const std::string& address, const std::string& token_id, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    return wait_for(token_key(address, token_id), limits_.per_token, now);
  }

  // Seconds until failures from the address are audited and answered 401 again; 0: not flooded.
  int address_retry_after(const std::string& address, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    return wait_for(address_key(address), limits_.per_address, now);
  }

  void record_failure(const std::string& address, const std::string& token_id, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    count(token_key(address, token_id), now);
    count(address_key(address), now);
  }

  std::size_t remembered() {
    std::lock_guard lock(mutex_);
    return windows_.size();
  }

private:
  struct Window {
    Clock::time_point start;
    int failures = 0;
  };

  static std::string token_key(const std::string& address, const std::string& token_id) {
    return "t " + address + " " + token_id;
  }
  static std::string address_key(const std::string& address) { return "a " + address; }

  int wait_for(const std::string& key, int limit, Clock::time_point now) {
    auto it = windows_.find(key);
    if (it == windows_.end()) return 0;
    auto ends = it->second.start + kWindow;
    if (now >= ends) {
      windows_.erase(it);
      return 0;
    }
    if (it->second.failures < limit) return 0;
    auto left = std::chrono::ceil<std::chrono::seconds>(ends - now).count();
    return int(std::max<std::int64_t>(1, left));
  }

  void count(const std::string& key, Clock::time_point now) {
    auto it = windows_.find(key);
    if (it != windows_.end() && now >= it->second.start + kWindow) windows_.erase(it), it = windows_.end();
    if (it == windows_.end()) {
      make_room(now);
      it = windows_.emplace(key, Window{now, 0}).first;
    }
    ++it->second.failures;
  }

  void make_room(Clock::time_point now) {
    if (windows_.size() < limits_.max_keys) return;
    std::erase_if(windows_, [&](const auto& entry) { return now >= entry.second.start + kWindow; });
    if (windows_.size() < limits_.max_keys) return;
    auto oldest = std::min_element(windows_.begin(), windows_.end(),
                                   [](const auto& a, const auto& b) { return a.second.start < b.second.start; });
    windows_.erase(oldest);
  }

  Limits limits_;
  std::mutex mutex_;
  std::map<std::string, Window> windows_;
};

}  // namespace vrathaus
