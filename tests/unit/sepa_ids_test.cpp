#include "core/error.hpp"
#include "domain/sepa_ids.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

// The field an invalid value is reported under (exit 5), or "" when it was accepted.
template <typename F>
std::string refused_field(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    return e.field();
  }
  return "";
}

}  // namespace

TEST_CASE("IBAN: published examples are accepted and normalised") {
  CHECK(validate_iban("DE89 3704 0044 0532 0130 00") == "DE89370400440532013000");
  CHECK(validate_iban("de89370400440532013000") == "DE89370400440532013000");
  CHECK(validate_iban("GB82 WEST 1234 5698 7654 32") == "GB82WEST12345698765432");
  CHECK(validate_iban("FR14 2004 1010 0505 0001 3M02 606") == "FR1420041010050500013M02606");
  CHECK(validate_iban("NL91ABNA0417164300") == "NL91ABNA0417164300");
  CHECK(validate_iban("BE68 5390 0754 7034") == "BE68539007547034");
  CHECK(validate_iban("CH93 0076 2011 6238 5295 7") == "CH9300762011623852957");
  CHECK(validate_iban("NO93 8601 1117 947") == "NO9386011117947");
  CHECK(validate_iban("AT61 1904 3002 3457 3201") == "AT611904300234573201");
}

TEST_CASE("IBAN: wrong check digits, length, country or characters are refused naming the field") {
  CHECK(refused_field([] { validate_iban("DE89 3704 0044 0532 0130 01"); }) == "iban");
  CHECK(refused_field([] { validate_iban("DE88 3704 0044 0532 0130 00"); }) == "iban");
  CHECK(refused_field([] { validate_iban("DE89 3704 0044 0532 0130 0"); }) == "iban");      // 21 characters
  CHECK(refused_field([] { validate_iban("DE89 3704 0044 0532 0130 000"); }) == "iban");    // 23 characters
  CHECK(refused_field([] { validate_iban("XX89 3704 0044 0532 0130 00"); }) == "iban");     // no such country
  CHECK(refused_field([] { validate_iban("DE89-3704-0044-0532-0130-00"); }) == "iban");
  CHECK(refused_field([] { validate_iban("D E"); }) == "iban");
  CHECK(refused_field([] { validate_iban(""); }) == "iban");
  CHECK(refused_field([] { validate_iban("DEAB370400440532013000"); }) == "iban");
  CHECK(refused_field([] { validate_iban("GB82 WEST 1234 5698 7654 33", "debtor_iban"); }) == "debtor_iban");
  CHECK(iban_length("DE") == 22);
  CHECK(iban_length("NO") == 15);
  CHECK(iban_length("US") == 0);
}

TEST_CASE("BIC: 8 or 11 characters, bank and country letters") {
  CHECK(validate_bic("DEUTDEFF") == "DEUTDEFF");
  CHECK(validate_bic("deutdeff500") == "DEUTDEFF500");
  CHECK(validate_bic("COBA DE FF XXX") == "COBADEFFXXX");
  CHECK(validate_bic("DORTDE33XXX") == "DORTDE33XXX");
  CHECK(refused_field([] { validate_bic("DEUTDEF"); }) == "bic");
  CHECK(refused_field([] { validate_bic("DEUTDEFF50"); }) == "bic");
  CHECK(refused_field([] { validate_bic("D3UTDEFF"); }) == "bic");
  CHECK(refused_field([] { validate_bic("DEUT1EFF"); }) == "bic");
  CHECK(refused_field([] { validate_bic("DEUTDEFF-500"); }) == "bic");
  CHECK(refused_field([] { validate_bic(""); }) == "bic");
}

TEST_CASE("Creditor identifier: the Bundesbank example and its check digits") {
  CHECK(validate_creditor_id("DE98ZZZ09999999999") == "DE98ZZZ09999999999");
  CHECK(validate_creditor_id("de98 zzz0 9999 9999 99") == "DE98ZZZ09999999999");
  // The business code is not part of the check digits.
  CHECK(validate_creditor_id("DE98ABC09999999999") == "DE98ABC09999999999");
  CHECK(refused_field([] { validate_creditor_id("DE97ZZZ09999999999"); }) == "creditor_id");
  CHECK(refused_field([] { validate_creditor_id("DE98ZZZ09999999998"); }) == "creditor_id");
  CHECK(refused_field([] { validate_creditor_id("DE98ZZZ0999999999"); }) == "creditor_id");  // 17 characters
  CHECK(refused_field([] { validate_creditor_id("DE98ZZZ0999999999A"); }) == "creditor_id");
  CHECK(refused_field([] { validate_creditor_id("DEXXZZZ09999999999"); }) == "creditor_id");
  CHECK(refused_field([] { validate_creditor_id("DE98"); }) == "creditor_id");
  CHECK(refused_field([] { validate_creditor_id("DE98ZZZ0999999999!"); }) == "creditor_id");
}

TEST_CASE("Mandate reference: SEPA identifier characters, at most 35, no spaces") {
  CHECK(validate_mandate_reference("  BWP-2026-000042 ") == "BWP-2026-000042");
  CHECK(validate_mandate_reference("abc/DEF?:().,'+-1") == "abc/DEF?:().,'+-1");
  CHECK(validate_mandate_reference(std::string(35, 'A')) == std::string(35, 'A'));
  CHECK(refused_field([] { validate_mandate_reference(std::string(36, 'A')); }) == "mandate_reference");
  CHECK(refused_field([] { validate_mandate_reference("BWP 2026"); }) == "mandate_reference");
  CHECK(refused_field([] { validate_mandate_reference("Größe"); }) == "mandate_reference");
  CHECK(refused_field([] { validate_mandate_reference("A&B"); }) == "mandate_reference");
  CHECK(refused_field([] { validate_mandate_reference("/ABC"); }) == "mandate_reference");
  CHECK(refused_field([] { validate_mandate_reference("ABC/"); }) == "mandate_reference");
  CHECK(refused_field([] { validate_mandate_reference("A//B"); }) == "mandate_reference");
  CHECK(refused_field([] { validate_mandate_reference(""); }) == "mandate_reference");
  CHECK(refused_field([] { validate_mandate_reference("x", "reference"); }) == "");
}
