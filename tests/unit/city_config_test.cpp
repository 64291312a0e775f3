#include "config/settings.hpp"
#include "core/error.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

std::string config_error(const std::string& yaml) {
  try {
    parse_city_config(yaml, "test.yaml");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::config);
    return e.what();
  }
  return "";
}

const char* kCreditor = R"(city:
  sepa:
    creditor: { name: Stadt Dortmund, iban: %IBAN%, bic: %BIC%, creditor_id: %CID% }
)";

std::string creditor(std::string iban, std::string bic, std::string cid) {
  std::string s = kCreditor;
  s.replace(s.find("%IBAN%"), 6, iban);
  s.replace(s.find("%BIC%"), 5, bic);
  s.replace(s.find("%CID%"), 5, cid);
  return s;
}

}  // namespace

TEST_CASE("city.sepa.creditor is validated at load, naming the key") {
  auto city = parse_city_config(creditor("DE89 3704 0044 0532 0130 00", "cobadeffxxx", "DE98ZZZ09999999999"), "t.yaml");
  REQUIRE(city.sepa.creditor);
  CHECK(city.sepa.creditor->iban == "DE89370400440532013000");
  CHECK(city.sepa.creditor->bic == "COBADEFFXXX");
  auto bad_iban = config_error(creditor("DE89370400440532013001", "COBADEFFXXX", "DE98ZZZ09999999999"));
  CHECK(bad_iban.find("city.sepa.creditor.iban") != std::string::npos);
  CHECK(bad_iban.find("test.yaml:3") != std::string::npos);
  CHECK(config_error(creditor("DE89370400440532013000", "COBADE", "DE98ZZZ09999999999")).find("city.sepa.creditor.bic") !=
        std::string::npos);
  CHECK(config_error(creditor("DE89370400440532013000", "COBADEFFXXX", "DE97ZZZ09999999999"))
            .find("city.sepa.creditor.creditor_id") != std::string::npos);
}

TEST_CASE("city.zones and city.permits are validated at load") {
  auto zones = parse_city_config("city:\n  zones:\n    - { code: I-01, name: Kaiserviertel, streets: [Kaiserstraße] }\n", "t");
  REQUIRE(zones.zones.size() == 1);
  CHECK(zones.zones[0].streets[0] == "Kaiserstraße");
  CHECK(config_error("city:\n  zones:\n    - { code: I-01, streets: [A] }\n    - { code: I-01, streets: [B] }\n")
            .find("city.zones[1].code") != std::string::npos);
  CHECK(config_error("city:\n  zones:\n    - { code: I-01, streets: [] }\n").find("city.zones[0].streets") != std::string::npos);
  CHECK(config_error("city:\n  zones:\n    - { code: 'I 01', streets: [A] }\n").find("city.zones[0].code") != std::string::npos);
  CHECK(config_error("city:\n  zones:\n    - { code: I-01, streets: [A], fee: 3 }\n").find("city.zones[0].fee") !=
        std::string::npos);
  CHECK(config_error("city:\n  permits:\n    fees: []\n").find("city.permits.fees") != std::string::npos);
  CHECK(config_error("city:\n  permits:\n    fees: [{from: 2020-01-01, fee_cents: 1}, {from: 2020-01-01, fee_cents: 2}]\n")
            .find("city.permits.fees") != std::string::npos);
  CHECK(config_error("city:\n  permits:\n    fees: [{from: 2020-02-30, fee_cents: 1}]\n").find("city.permits.fees[0].from") !=
        std::string::npos);
  CHECK(config_error("city:\n  permits:\n    validity_months: 0\n").find("city.permits.validity_months") != std::string::npos);
}

TEST_CASE("city.name is the name reports for people carry; at most 100 characters") {
  CHECK(parse_city_config("city:\n  name: Dortmund\n", "t").name == "Dortmund");
  CHECK(parse_city_config("city:\n  timezone: UTC\n", "t").name.empty());
  CHECK(config_error("city:\n  name: " + std::string(101, 'x') + "\n").find("city.name") != std::string::npos);
  CHECK(config_error("city:\n  name: [Dortmund]\n").find("city.name") != std::string::npos);
}
