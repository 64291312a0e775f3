#include "server/rate_limit.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;
using namespace std::chrono_literals;

namespace {
const FailedLoginLimiter::Clock::time_point t0{};
}

TEST_CASE("failed logins: one (address, token id) is blocked with a wait, other tokens are not") {
  FailedLoginLimiter limiter({3, 100, 1000});
  for (int i = 0; i < 3; ++i) {
    CHECK(limiter.retry_after("10.0.0.1", "abc", t0 + 1s) == 0);
    limiter.record_failure("10.0.0.1", "abc", t0 + 1s);
  }
  CHECK(limiter.retry_after("10.0.0.1", "abc", t0 + 1s) == 60);
  CHECK(limiter.retry_after("10.0.0.1", "abc", t0 + 31s) == 30);
  CHECK(limiter.retry_after("10.0.0.1", "def", t0 + 2s) == 0);  // a valid token behind the same address
  CHECK(limiter.retry_after("10.0.0.2", "abc", t0 + 2s) == 0);  // the same token from elsewhere
  CHECK(limiter.retry_after("10.0.0.1", "abc", t0 + 61s) == 0);  // the minute is over
}

TEST_CASE("failed logins: an address flooding with many token ids is flagged as a whole") {
  FailedLoginLimiter limiter({3, 10, 1000});
  for (int i = 0; i < 10; ++i) limiter.record_failure("10.0.0.1", "id" + std::to_string(i), t0);
  CHECK(limiter.address_retry_after("10.0.0.1", t0 + 10s) == 50);
  CHECK(limiter.address_retry_after("10.0.0.2", t0 + 10s) == 0);
  CHECK(limiter.retry_after("10.0.0.1", "fresh", t0 + 10s) == 0);  // tokens are still checked
  CHECK(limiter.address_retry_after("10.0.0.1", t0 + 60s) == 0);
}

TEST_CASE("failed logins: old windows are forgotten and the table stays bounded") {
  FailedLoginLimiter limiter({3, 100, 50});
  for (int i = 0; i < 1000; ++i) limiter.record_failure("10.0.0." + std::to_string(i % 200), std::to_string(i), t0 + std::chrono::milliseconds(i));
  CHECK(limiter.remembered() <= 50);
  limiter.record_failure("10.9.9.9", "x", t0 + 120s);  // every earlier window has ended
  CHECK(limiter.remembered() == 2);
}
