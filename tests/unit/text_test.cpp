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

TEST_CASE("utf8_length counts code points, eight bytes at a time and in the rest") {
  CHECK(utf8_length("") == 0);
  CHECK(utf8_length("Dortmund") == 8);
  CHECK(utf8_length("Groß") == 4);
  CHECK(utf8_length("Müller-Lüdenscheidt Straßenbau GmbH & Co. KG") == 44);
  CHECK(utf8_length("ÄÖÜäöüß€€") == 9);      // two- and three-byte sequences across word boundaries
  CHECK(utf8_length("\xF0\x9F\x9A\x97 Auto") == 6);  // a four-byte sequence
}

TEST_CASE("is_valid_utf8 finds a bad byte wherever it is, also after eight ASCII bytes") {
  CHECK(is_valid_utf8("Friedensplatz 1, Dortmund"));
  CHECK(is_valid_utf8("Friedensplatz Straße"));
  CHECK_FALSE(is_valid_utf8("Friedensplatz Stra\xDF" "e"));  // Windows-1252 ß
  CHECK_FALSE(is_valid_utf8("12345678\xC3"));                // cut off at the end
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));                    // overlong
}
