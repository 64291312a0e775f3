#include "core/pipeline.hpp"

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

using namespace vrathaus;

TEST_CASE("a pipeline hands over every item in order, across many chunks") {
  int made = 0;
  Pipeline<std::string> pipeline(
      [&](std::string& item) {
        if (made == 1000) return false;
        item = std::to_string(made++);
        return true;
      },
      7, 3);
  int seen = 0;
  while (auto* item = pipeline.next()) CHECK(*item == std::to_string(seen++));
  CHECK(seen == 1000);
  CHECK(pipeline.next() == nullptr);
}

TEST_CASE("an empty input ends at once") {
  Pipeline<int> pipeline([](int&) { return false; });
  CHECK(pipeline.next() == nullptr);
}

TEST_CASE("the producer's error arrives after the items made before it") {
  int made = 0;
  Pipeline<int> pipeline(
      [&](int& item) {
        if (made == 10) throw std::runtime_error("line 11: unreadable");
        item = made++;
        return true;
      },
      4, 2);
  int seen = 0;
  CHECK_THROWS_WITH(
      [&] {
        while (auto* item = pipeline.next()) CHECK(*item == seen++);
      }(),
      "line 11: unreadable");
  CHECK(seen == 10);
}

TEST_CASE("a consumer that stops early stops the producer") {
  int made = 0;
  {
    Pipeline<int> pipeline(
        [&](int& item) {
          item = made++;
          return true;  // endless
        },
        16, 2);
    CHECK(*pipeline.next() == 0);
  }  // the destructor returns (a producer that went on would hang the test) ...
  // ... and the producer made no more than fits into the chunks: the one the consumer held, the
  // one waiting, and one being filled when the stop came.
  CHECK(made >= 1);
  CHECK(made <= 3 * 16);
}
