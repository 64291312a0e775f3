#include "core/duplicate_finder.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace vrathaus;

TEST_CASE("duplicate finder: every occurrence, sorted by line, with another line of the same key") {
  for (std::size_t run : {2, 3, 5, 1000}) {  // tiny runs force spilling and merging
    DuplicateFinder f(run);
    f.add(0, "K1", 2);
    f.add(0, "K2", 3);
    f.add(1, "K1", 4);  // another kind: no clash with customer number K1
    f.add(0, "K3", 5);
    f.add(0, "K1", 6);
    f.add(0, "", 7);  // empty keys are not keys
    f.add(0, "", 8);
    f.add(0, "K1", 9);
    f.add(1, "a@b.de", 10);
    f.add(1, "a@b.de", 11);
    auto d = f.finish();
    REQUIRE(d.size() == 5);
    CHECK(d[0].line == 2);
    CHECK(d[0].other_line == 6);
    CHECK(d[1].line == 6);
    CHECK(d[1].other_line == 2);
    CHECK(d[2].line == 9);
    CHECK(d[2].other_line == 2);
    CHECK(d[3].line == 10);
    CHECK(d[3].kind == 1);
    CHECK(d[3].other_line == 11);
    CHECK(d[4].line == 11);
  }
}

TEST_CASE("duplicate finder: many keys, few duplicates") {
  DuplicateFinder f(1000);
  for (int i = 0; i < 20000; ++i) f.add(0, "SH-" + std::to_string(i), i + 2);
  f.add(0, "SH-12345", 30000);
  auto d = f.finish();
  REQUIRE(d.size() == 2);
  CHECK(d[0].line == 12347);
  CHECK(d[1].line == 30000);
  CHECK(d[1].other_line == 12347);
}
