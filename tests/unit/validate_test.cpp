#include "core/error.hpp"
#include "domain/account.hpp"
#include "domain/validate.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

namespace {

std::string field_of(auto&& f) {
  try {
    f();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    return e.field();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("e-mail addresses") {
  CHECK(validate_email(" Anna.Schroeter@Example.DE ") == "Anna.Schroeter@example.de");
  CHECK(validate_email("a+tag@sub.example.org") == "a+tag@sub.example.org");
  for (auto bad : {"", "anna", "@example.de", "anna@", "anna@example", "a@b@example.de", "anna @example.de",
                   "anna@.example.de", "anna@example..de", "anna@example.de."})
    CHECK_MESSAGE(field_of([&] { validate_email(bad); }) == "login", bad);
}

TEST_CASE("postal codes, house numbers, phones") {
  CHECK(validate_postal_code("44135") == "44135");
  CHECK(field_of([] { validate_postal_code("4413"); }) == "postal_code");
  CHECK(field_of([] { validate_postal_code("4413a"); }) == "postal_code");
  CHECK(validate_house_no("12a") == "12a");
  CHECK(validate_house_no("12-14") == "12-14");
  CHECK(field_of([] { validate_house_no("a12"); }) == "house_no");
  CHECK(validate_phone("+49 231 50-0") == "+49 231 50-0");
  CHECK(field_of([] { validate_phone("call me"); }) == "phone");
}

TEST_CASE("text fields: UTF-8, no control characters, bounded") {
  CHECK(validate_text("  Jürgen ", "given_name") == "Jürgen");
  CHECK(field_of([] { validate_text("", "given_name"); }) == "given_name");
  CHECK(field_of([] { validate_text("a\x01b", "given_name"); }) == "given_name");
  CHECK(field_of([] { validate_text(std::string("a\0b", 3), "given_name"); }) == "given_name");
  CHECK(field_of([] { validate_text("\xff\xfe", "given_name"); }) == "given_name");
  CHECK(field_of([] { validate_text(std::string(201, 'x'), "given_name"); }) == "given_name");
  CHECK(validate_text(std::string(200, 'x'), "given_name").size() == 200);
}

TEST_CASE("birth dates are real past dates") {
  Date today(2026, 11, 25);
  CHECK(validate_birth_date("1984-02-29", today) == Date(1984, 2, 29));
  CHECK(field_of([&] { validate_birth_date("1985-02-29", today); }) == "birth_date");
  CHECK(field_of([&] { validate_birth_date("2026-11-26", today); }) == "birth_date");
  CHECK(field_of([&] { validate_birth_date("12.03.1984", today); }) == "birth_date");
}

TEST_CASE("German VAT ids carry an ISO 7064 MOD 11,10 check digit") {
  CHECK(validate_vat_id("DE136695976") == "DE136695976");
  CHECK(validate_vat_id("de 136 695 976") == "DE136695976");
  CHECK(vat_id_check_digit_ok("811569869"));
  CHECK_FALSE(vat_id_check_digit_ok("136695975"));
  CHECK(field_of([] { validate_vat_id("DE136695975"); }) == "vat_id");
  CHECK(field_of([] { validate_vat_id("AT136695976"); }) == "vat_id");
  CHECK(field_of([] { validate_vat_id("DE13669597"); }) == "vat_id");
}

TEST_CASE("register numbers") {
  CHECK(validate_register_no("HRB 12345") == "HRB 12345");
  CHECK(validate_register_no("HRB12345") == "HRB 12345");
  CHECK(validate_register_no("GnR 77") == "GnR 77");
  CHECK(validate_register_no("VR 1234 B") == "VR 1234 B");
  for (auto bad : {"HRC 123", "HRB", "HRB 0123", "12345", "HRB 1234567"})
    CHECK_MESSAGE(field_of([&] { validate_register_no(bad); }) == "register_no", bad);
}

TEST_CASE("tiers are ordered and assurance follows the verification method") {
  CHECK(tier_rank("guest") < tier_rank("private"));
  CHECK(tier_rank("business") < tier_rank("authority"));
  CHECK(field_of([] { tier_rank("emperor"); }) == "tier");
  CHECK(assurance_for("online-id") == "high");
  CHECK(assurance_for("in-person") == "substantial");
  CHECK(assurance_for("systemhaus") == "substantial");
  CHECK(assurance_for("") == "low");
}
