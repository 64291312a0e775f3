#pragma once
// RFC 3339 timestamps as people paste them: "2026-11-25T09:00:00Z", "2026-11-25T10:00:00+01:00",
// with or without fractional seconds, 't'/'z' in lower case or a space for the 'T'.
#include <chrono>
#include <string>
#include <string_view>

namespace vrathaus {

// The instant; throws Error(invalid) naming `field` when `text` is not such a timestamp.
std::chrono::system_clock::time_point parse_rfc3339(std::string_view text, std::string_view field);

}  // namespace vrathaus
