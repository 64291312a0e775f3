#include "core/error.hpp"
#include "domain/plate.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

bool refused(std::string_view plate) {
  try {
    normalise_plate(plate);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    CHECK(e.field() == "plate");
    return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Plates are normalised to DO-AB 1234") {
  CHECK(normalise_plate("DO-AB 1234") == "DO-AB 1234");
  CHECK(normalise_plate("DO AB 1234") == "DO-AB 1234");
  CHECK(normalise_plate("do-ab1234") == "DO-AB 1234");
  CHECK(normalise_plate("  do - ab  1234 ") == "DO-AB 1234");
  CHECK(normalise_plate("DO-AB-1234") == "DO-AB 1234");
  CHECK(normalise_plate("B-A 1") == "B-A 1");
  CHECK(normalise_plate("DO-AB 123E") == "DO-AB 123E");
  CHECK(normalise_plate("do-ab 123 e") == "DO-AB 123E");
  CHECK(normalise_plate("DO-X 99H") == "DO-X 99H");
  CHECK(normalise_plate("lö-ab 12") == "LÖ-AB 12");
  CHECK(normalise_plate("MÜ-Z 7") == "MÜ-Z 7");
  CHECK(normalise_plate("DO-AB 1234") != normalise_plate("DOA-B 1234"));
}

TEST_CASE("The separator after the district code is part of the identity") {
  CHECK(normalise_plate("B-AB 123") == "B-AB 123");
  CHECK(normalise_plate("BA-B 123") == "BA-B 123");
  CHECK(normalise_plate("B-AB 123") != normalise_plate("BA-B 123"));
  CHECK(refused("DOAB1234"));  // DO-AB or D-OAB: ambiguous
  CHECK(refused("BAB123"));
}

TEST_CASE("Invalid plates are refused naming the field") {
  CHECK(refused(""));
  CHECK(refused("DOAB"));
  CHECK(refused("DORT-AB 12"));      // district code of 4 letters
  CHECK(refused("DO-ABC 12"));       // 3 letters
  CHECK(refused("DO-ÄB 12"));        // umlaut outside the district code
  CHECK(refused("DO-AB 12345"));     // 5 digits
  CHECK(refused("DO-AB 0123"));      // leading zero
  CHECK(refused("DO-AB"));           // no number
  CHECK(refused("DO-AB 12X"));       // unknown suffix
  CHECK(refused("DO-AB 12EE"));
  CHECK(refused("DUI-AB 1234E"));    // 9 characters
  CHECK(refused("DO-AB 1234!"));
  CHECK(refused("1O-AB 12"));
  CHECK(refused("DO-AB 12\xff"));    // invalid UTF-8
  CHECK(normalise_plate("DUI-AB 123") == "DUI-AB 123");  // 8 characters
  CHECK(normalise_plate("DUI-A 123E") == "DUI-A 123E");
  CHECK(refused("DUI-AB 123E"));
}
