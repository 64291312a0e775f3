#include "core/rfc3339.hpp"

#include "core/date.hpp"
#include "core/error.hpp"

#include <charconv>
#include <optional>

namespace vrathaus {
namespace {

std::optional<int> digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return std::nullopt;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data() + at, text.data() + at + count, value);
  if (ec != std::errc{} || end != text.data() + at + count) return std::nullopt;
  return value;
}

bool is(std::string_view text, std::size_t at, std::string_view any_of) {
  return at < text.size() && any_of.find(text[at]) != std::string_view::npos;
}

}  // namespace

std::chrono::system_clock::time_point parse_rfc3339(std::string_view text, std::string_view field) {
  using namespace std::chrono;
  auto refuse = [&]() -> system_clock::time_point {
    fail_field(field, "'{}' is not an RFC 3339 time (e.g. 2026-11-25T09:00:00Z or 2026-11-25T10:00:00+01:00)", text);
  };
  auto date = Date::parse(text.substr(0, 10));
  auto h = digits(text, 11, 2), mi = digits(text, 14, 2), s = digits(text, 17, 2);
  if (!date || !is(text, 10, "Tt ") || !h || !is(text, 13, ":") || !mi || !is(text, 16, ":") || !s || *h > 23 ||
      *mi > 59 || *s > 60)
    return refuse();
  std::size_t at = 19;
  nanoseconds fraction{0};
  if (is(text, at, ".")) {
    ++at;
    std::size_t first = at;
    long long scale = 100'000'000;
    for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, scale /= 10)
      fraction += nanoseconds{(text[at] - '0') * scale};
    if (at == first) return refuse();
  }
  minutes offset{0};
  if (is(text, at, "Zz") && at + 1 == text.size()) {
  } else if (is(text, at, "+-") && at + 6 == text.size() && is(text, at + 3, ":")) {
    auto oh = digits(text, at + 1, 2), om = digits(text, at + 4, 2);
    if (!oh || !om || *oh > 23 || *om > 59) return refuse();
    offset = hours{*oh} + minutes{*om};
    if (text[at] == '-') offset = -offset;
  } else {
    return refuse();
  }
  return date->days() + hours{*h} + minutes{*mi} + seconds{*s} +
         duration_cast<system_clock::duration>(fraction) - offset;
}

}  // namespace vrathaus
