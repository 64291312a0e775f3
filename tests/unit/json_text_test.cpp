#include "core/json_text.hpp"

#include <doctest/doctest.h>

#include <sstream>

using namespace vrathaus;
using nlohmann::json;

namespace {

std::string written(const json& v, int indent = 2) {
  std::ostringstream out;
  write_json(out, v, indent);
  return out.str();
}

}  // namespace

TEST_CASE("write_json writes what nlohmann's dump(indent) writes") {
  json report = json::parse(R"({
    "ok": false, "due_before": "2026-12-25", "charges_created": 2, "nothing": null, "empty": {}, "none": [],
    "renewed": [{"id": 7, "plate": "DO-AB 1234", "auto_renew": true, "renewed_from": null, "fee_cents": 3070},
                {"id": -9223372036854775807, "zone": "I-01", "nested": [[], [{}], [1, [2, [3]]]]}],
    "strings": ["", "quote \" and \\ backslash", "tab\tline\nreturn\rform\fback\b", "\u0001\u001f\u007f",
                "Jürgen Groß", "€ 𝄞", "/slash"],
    "numbers": [0, 1.5, -0.0, 3.0, 1e300, 2.5e-8, 18446744073709551615, -1]
  })");
  CHECK(written(report) == report.dump(2));
  CHECK(written(report, 4) == report.dump(4));
  CHECK(written(json::array()) == "[]");
  CHECK(written("plain") == "\"plain\"");
  CHECK(written(json::binary({1, 2, 3})) == json::binary({1, 2, 3}).dump(2));
}

TEST_CASE("write_json refuses invalid UTF-8 like dump()") {
  json bad = {{"name", std::string("Gro\xdf")}};  // Latin-1 ß
  std::ostringstream out;
  CHECK_THROWS_AS(write_json(out, bad), json::type_error);
  CHECK_THROWS_AS(bad.dump(2), json::type_error);
}
