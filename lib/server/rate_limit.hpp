#pragma once
// Failed logins per client address in a sliding minute; past the limit the address gets 429.
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace vrathaus {

class FailedLoginLimiter {
public:
  explicit FailedLoginLimiter(int per_minute) : per_minute_(per_minute) {}

  bool blocked(const std::string& client) {
    std::lock_guard lock(mutex_);
    prune(client);
    auto it = failures_.find(client);
    return it != failures_.end() && int(it->second.size()) >= per_minute_;
  }

  void record_failure(const std::string& client) {
    std::lock_guard lock(mutex_);
    prune(client);
    failures_[client].push_back(std::chrono::steady_clock::now());
  }

private:
  void prune(const std::string& client) {
    auto it = failures_.find(client);
    if (it == failures_.end()) return;
    auto cutoff = std::chrono::steady_clock::now() - std::chrono::minutes(1);
    while (!it->second.empty() && it->second.front() < cutoff) it->second.pop_front();
    if (it->second.empty()) failures_.erase(it);
  }

  int per_minute_;
  std::mutex mutex_;
  std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> failures_;
};

}  // namespace vrathaus
