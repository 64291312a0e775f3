#include "core/duplicate_finder.hpp"
#include "service/import_keys.hpp"

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

TEST_CASE("an import's duplicates survive being kept in the store, and foreign bytes are refused") {
  std::vector<DuplicateFinder::Duplicate> d{{2, 0, 4}, {4, 0, 2}, {7, 1, 1000000000000}};
  auto back = decode_duplicates(encode_duplicates(d));
  REQUIRE(back);
  REQUIRE(back->size() == 3);
  CHECK((*back)[2].line == 7);
  CHECK((*back)[2].kind == 1);
  CHECK((*back)[2].other_line == 1000000000000);
  CHECK(decode_duplicates(encode_duplicates({}))->empty());
  CHECK_FALSE(decode_duplicates(""));
  CHECK_FALSE(decode_duplicates(std::string("\x02", 1)));  // another version
  CHECK_FALSE(decode_duplicates(encode_duplicates(d).substr(0, 20)));  // cut short
}
