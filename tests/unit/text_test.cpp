#include "core/text.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

TEST_CASE("logins compare like SQLite's lower(): ASCII letters only, nothing else folded") {
  CHECK(equal_ignoring_ascii_case("Info@Firma.Example", "info@firma.example"));
  CHECK_FALSE(equal_ignoring_ascii_case("info@firma.example", "info@firma.example."));
  CHECK_FALSE(equal_ignoring_ascii_case("a@b.de", "a@c.de"));
  // Non-ASCII letters are not folded by SQLite's lower() either.
  CHECK_FALSE(equal_ignoring_ascii_case("MÜLLER@b.de", "müller@b.de"));
  CHECK(equal_ignoring_ascii_case("", ""));
  // '@' (0x40) and '`' (0x60) differ by the case bit but are not letters.
  CHECK_FALSE(equal_ignoring_ascii_case("@", "`"));
}
