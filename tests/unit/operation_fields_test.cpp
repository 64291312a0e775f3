#include "api/operation_fields.hpp"

#include "api/json_body.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

TEST_CASE("every operation in the table declares the fields it accepts") {
  for (const auto& op : operations().all()) {
    CAPTURE(op.name);
    CHECK(declared_fields(op.name) != nullptr);
  }
}

TEST_CASE("accepted fields add path placeholders, dry_run for changes and paging for lists") {
  auto update = accepted_fields(operations().find("accounts.update"));
  CHECK(update.contains("id"));
  CHECK(update.contains("family_name"));
  CHECK(update.contains("dry_run"));
  CHECK_FALSE(update.contains("famly_name"));
  auto list = accepted_fields(operations().find("accounts.list"));
  CHECK(list.contains("limit"));
  CHECK(list.contains("cursor"));
  CHECK_FALSE(list.contains("dry_run"));
}

TEST_CASE("request bodies: objects only, nesting limited before a tree is built") {
  CHECK(parse_json_object(R"({"a":[1,{"b":2}]})")["a"][1]["b"] == 2);
  CHECK_THROWS_AS(parse_json_object("[1]"), Error);
  CHECK_THROWS_AS(parse_json_object("{\"a\": "), Error);
  std::string deep(100000, '[');
  try {
    parse_json_object("{\"a\":" + deep);
    FAIL("a deep body must be refused");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::usage);
    CHECK(std::string(e.what()).find("deeper than 64") != std::string::npos);
  }
  std::string ok = "{\"a\":" + std::string(63, '[') + std::string(63, ']') + "}";
  CHECK_NOTHROW(parse_json_object(ok));
}
