#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/rfc3339.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;
using namespace std::chrono;

namespace {

std::string utc(const std::string& text) { return format_rfc3339(time_point_cast<seconds>(parse_rfc3339(text, "since"))); }

}  // namespace

TEST_CASE("RFC 3339 times as people paste them, any offset, to the same instant") {
  CHECK(utc("2026-11-25T09:00:00Z") == "2026-11-25T09:00:00Z");
  CHECK(utc("2026-11-25T10:00:00+01:00") == "2026-11-25T09:00:00Z");
  CHECK(utc("2026-11-25T03:30:00-05:30") == "2026-11-25T09:00:00Z");
  CHECK(utc("2026-11-25t09:00:00z") == "2026-11-25T09:00:00Z");
  CHECK(utc("2026-11-25 09:00:00Z") == "2026-11-25T09:00:00Z");
  CHECK(utc("2026-11-25T00:30:00+01:00") == "2026-11-24T23:30:00Z");  // the day before in UTC
}

TEST_CASE("fractional seconds are kept, not dropped") {
  auto half = parse_rfc3339("2026-11-25T09:00:00.5Z", "since");
  CHECK(half - parse_rfc3339("2026-11-25T09:00:00Z", "since") == milliseconds(500));
  CHECK(parse_rfc3339("2026-11-25T09:00:00.123456789Z", "since") >
        parse_rfc3339("2026-11-25T09:00:00.123456Z", "since"));
}

TEST_CASE("what is not an RFC 3339 time is refused naming the field") {
  for (const char* bad : {"2026-11-25", "2026-11-25T09:00", "2026-11-25T09:00:00", "2026-11-25T24:00:00Z",
                          "2026-11-25T09:60:00Z", "2026-02-30T09:00:00Z", "2026-11-25T09:00:00.Z",
                          "2026-11-25T09:00:00+1:00", "2026-11-25T09:00:00+01:00x", "yesterday", ""}) {
    CAPTURE(bad);
    try {
      parse_rfc3339(bad, "since");
      FAIL("accepted");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::invalid);
      CHECK(e.field() == "since");
    }
  }
}
