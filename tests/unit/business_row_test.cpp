#include "core/error.hpp"
#include "domain/business_row.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace vrathaus;

namespace {

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> out;
  for (;;) {
    auto semi = line.find(';');
    out.push_back(line.substr(0, semi));
    if (semi == std::string_view::npos) return out;
    line.remove_prefix(semi + 1);
  }
}

const char* kHeader =
    "customer_no;company_name;legal_form;register_court;register_no;vat_id;street;house_no;postal_code;city;email;"
    "phone;contact_given_name;contact_family_name;iban;bic;mandate_reference;mandate_signed_on";

const Date kToday(2026, 11, 25);

struct Result {
  bool ok;
  BusinessRow row;
  std::vector<RowError> errors;
  bool has_error(std::string_view column) const {
    for (const auto& e : errors)
      if (e.column == column) return true;
    return false;
  }
};

Result validate(std::string_view header, std::string_view line) {
  auto names = split(header);
  auto h = parse_business_header(names);
  Result r;
  auto fields = split(line);
  r.ok = validate_business_row(h, fields, kToday, r.row, r.errors);
  return r;
}

std::string header_error_field(std::string_view header) {
  try {
    parse_business_header(split(header));
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    return e.field();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("business header: any order and case, required columns, unknown and repeated columns") {
  auto h = parse_business_header(split("EMAIL;City;postal_code;house_no;street;company_name; Customer_No "));
  CHECK(h.position[std::size_t(BusinessColumn::customer_no)] == 6);
  CHECK(h.position[std::size_t(BusinessColumn::email)] == 0);
  CHECK(!h.has_mandate);
  CHECK(h.name_at(1) == "city");

  CHECK(header_error_field("customer_no;company_name;street;house_no;postal_code;city;email;fax") == "fax");
  CHECK(header_error_field("customer_no;company_name;street;house_no;postal_code;city") == "email");
  CHECK(header_error_field("customer_no;company_name;street;house_no;postal_code;city;email;city") == "city");
  CHECK(header_error_field("customer_no;company_name;street;house_no;postal_code;city;email;iban;mandate_reference") ==
        "mandate_signed_on");
  CHECK(header_error_field("customer_no;company_name;street;house_no;postal_code;city;email;bic") == "iban");
  CHECK(header_error_field(kHeader) == "(no error)");
}

TEST_CASE("business row: a full valid row is normalised") {
  auto r = validate(kHeader,
                    " SH-0001 ;Müller Bau GmbH;GmbH;Amtsgericht Dortmund;HRB  4711;de 136695976;Kaiserstraße;12a;44135;"
                    "Dortmund;Info@Mueller-Bau.EXAMPLE;+49 231 123456;Anna;Schröter;;;;");
  std::string first = r.errors.empty() ? "" : r.errors[0].column + ": " + r.errors[0].message;
  INFO(first);
  REQUIRE(r.ok);
  CHECK(r.row.customer_no == "SH-0001");
  CHECK(r.row.company_name == "Müller Bau GmbH");
  CHECK(r.row.register_no == "HRB 4711");
  CHECK(r.row.vat_id == "DE136695976");
  CHECK(r.row.email == "Info@mueller-bau.example");
  CHECK(r.row.contact_family_name == "Schröter");
  CHECK(!r.row.mandate);
}

TEST_CASE("business row: optional columns may be empty or absent") {
  auto r = validate("customer_no;company_name;street;house_no;postal_code;city;email",
                    "K1;Kruse KG;Hohe Straße;3;44139;Dortmund;k@kruse.example");
  REQUIRE(r.ok);
  CHECK(!r.row.vat_id);
  CHECK(!r.row.legal_form);
}

TEST_CASE("business row: every invalid column is reported, named") {
  auto r = validate(kHeader,
                    "bad no!;;GmbH;;HRX 1;DE136695977;Kaiserstraße;x;4413;Dortmund;kein-at.example;12;Anna;Schröter;;;;");
  CHECK(!r.ok);
  for (auto column : {"customer_no", "company_name", "register_no", "register_court", "vat_id", "house_no", "postal_code",
                      "email", "phone"})
    CHECK_MESSAGE(r.has_error(column), column);
  CHECK(!r.has_error("city"));
  for (const auto& e : r.errors) CHECK(e.message.find(e.column + ":") == std::string::npos);
}

TEST_CASE("business row: wrong number of fields") {
  auto r = validate("customer_no;company_name;street;house_no;postal_code;city;email", "K1;Kruse KG;Hohe Straße;3;44139");
  CHECK(!r.ok);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].column.empty());
  CHECK(r.errors[0].message.find("5 fields") != std::string::npos);
}

TEST_CASE("business row: mandate columns come all together or not at all") {
  const char* base = "K1;Kruse KG;;;;;Hohe Straße;3;44139;Dortmund;k@kruse.example;;;;";
  auto half = validate(kHeader, std::string(base) + "DE89370400440532013000;;;2024-01-02");
  CHECK(!half.ok);
  CHECK(half.has_error("mandate_reference"));
  auto bic_only = validate(kHeader, std::string(base) + ";COBADEFFXXX;;");
  CHECK(!bic_only.ok);
  CHECK(bic_only.has_error("iban"));
  auto future = validate(kHeader, std::string(base) + "DE89370400440532013000;;K1-M;2027-01-01");
  CHECK(future.has_error("mandate_signed_on"));
  auto bad_date = validate(kHeader, std::string(base) + "DE89370400440532013000;;K1-M;2024-02-30");
  CHECK(bad_date.has_error("mandate_signed_on"));
}

TEST_CASE("business row: a mandate is validated and normalised") {
  const char* base = "K1;Kruse KG;;;;;Hohe Straße;3;44139;Dortmund;k@kruse.example;;;;";
  auto ok = validate(kHeader, std::string(base) + "de89 3704 0044 0532 0130 00;cobadeffxxx;K1-M;2024-01-02");
  std::string first = ok.errors.empty() ? "" : ok.errors[0].column + ": " + ok.errors[0].message;
  INFO(first);
  REQUIRE(ok.ok);
  REQUIRE(ok.row.mandate);
  CHECK(ok.row.mandate->iban == "DE89370400440532013000");
  CHECK(ok.row.mandate->bic == "COBADEFFXXX");
  CHECK(ok.row.mandate->reference == "K1-M");
  CHECK(ok.row.mandate->signed_on == "2024-01-02");
  auto no_bic = validate(kHeader, std::string(base) + "DE89370400440532013000;;K1-M;2024-01-02");
  REQUIRE(no_bic.ok);
  CHECK(no_bic.row.mandate->bic.empty());
  auto bad = validate(kHeader, std::string(base) + "DE89370400440532013001;COBADEFF1;K1 M;2024-01-02");
  CHECK(bad.has_error("iban"));
  CHECK(bad.has_error("bic"));
  CHECK(bad.has_error("mandate_reference"));
  auto none = validate(kHeader, std::string(base) + ";;;");
  REQUIRE(none.ok);
  CHECK(!none.row.mandate);
}

TEST_CASE("business row: line breaks in names become one space") {
  auto r = validate("customer_no;company_name;street;house_no;postal_code;city;email",
                    "K1;Kruse \r\n  Bau\tKG;Hohe\nStraße;3;44139;Dortmund;k@kruse.example");
  REQUIRE(r.ok);
  CHECK(r.row.company_name == "Kruse Bau KG");
  CHECK(r.row.street == "Hohe Straße");
  auto bell = validate("customer_no;company_name;street;house_no;postal_code;city;email",
                       "K1;Kruse\aKG;Hohe Straße;3;44139;Dortmund;k@kruse.example");
  CHECK(bell.has_error("company_name"));
}

TEST_CASE("business row: duplicate keys are taken from the raw fields") {
  auto h = parse_business_header(split("email;customer_no;company_name;street;house_no;postal_code;city"));
  auto fields = split(" Info@Example.DE ; K-7 ;x;y;1;44135;z");
  CHECK(customer_no_key(h, fields) == "K-7");
  CHECK(email_key(h, fields) == "info@example.de");
  auto m = parse_business_header(split("customer_no;company_name;street;house_no;postal_code;city;email;iban;mandate_reference;mandate_signed_on"));
  CHECK(mandate_reference_key(m, split("K;x;y;1;44135;z;e@x.de;DE;  ab-1 ;2024-01-01")) == "AB-1");
}

TEST_CASE("customer numbers") {
  CHECK(validate_customer_no(" 4711/A-2 ") == "4711/A-2");
  CHECK_THROWS_AS(validate_customer_no(""), Error);
  CHECK_THROWS_AS(validate_customer_no("-1"), Error);
  CHECK_THROWS_AS(validate_customer_no("K 1"), Error);
  CHECK_THROWS_AS(validate_customer_no(std::string(33, '1')), Error);
}
