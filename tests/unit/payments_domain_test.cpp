#include "domain/collection_calendar.hpp"
#include "domain/mandate.hpp"
#include "domain/pain008.hpp"
#include "domain/zones.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

TEST_CASE("A mandate unused for 36 months has lapsed") {
  Date signed_on(2023, 11, 25);
  CHECK(mandate_usable_on(signed_on, std::nullopt, Date(2026, 11, 24)));
  CHECK_FALSE(mandate_usable_on(signed_on, std::nullopt, Date(2026, 11, 25)));
  CHECK(mandate_usable_on(signed_on, Date(2025, 1, 10), Date(2027, 12, 31)));
  CHECK_FALSE(mandate_usable_on(signed_on, Date(2025, 1, 10), Date(2028, 1, 10)));
  CHECK_FALSE(mandate_usable_on(Date(2026, 12, 1), std::nullopt, Date(2026, 11, 30)));  // not signed yet
  CHECK(mandate_lapses_on(Date(2024, 2, 29)) == Date(2027, 3, 1));
  CHECK(std::string(sequence_type(std::nullopt)) == "FRST");
  CHECK(std::string(sequence_type(Date(2026, 1, 1))) == "RCUR");
}

TEST_CASE("Collections fall on TARGET2 business days") {
  CHECK(easter_sunday(2026) == Date(2026, 4, 5));
  CHECK(easter_sunday(2027) == Date(2027, 3, 28));
  CHECK(easter_sunday(2028) == Date(2028, 4, 16));
  CHECK_FALSE(is_target_business_day(Date(2026, 4, 3)));   // Good Friday
  CHECK_FALSE(is_target_business_day(Date(2026, 4, 6)));   // Easter Monday
  CHECK_FALSE(is_target_business_day(Date(2026, 12, 25)));
  CHECK_FALSE(is_target_business_day(Date(2026, 12, 26)));  // a Saturday too
  CHECK_FALSE(is_target_business_day(Date(2027, 1, 1)));
  CHECK_FALSE(is_target_business_day(Date(2027, 5, 1)));
  CHECK_FALSE(is_target_business_day(Date(2026, 11, 28)));  // Saturday
  CHECK(is_target_business_day(Date(2026, 11, 25)));
  CHECK(is_target_business_day(Date(2026, 12, 24)));
  CHECK(next_target_business_day(Date(2026, 12, 24)) == Date(2026, 12, 28));
  CHECK(next_target_business_day(Date(2026, 12, 31)) == Date(2027, 1, 4));
}

TEST_CASE("Streets match a zone German-folded, abbreviations spelled out") {
  Zone zone{"I-01", "Kaiserviertel", {"Kaiserstraße", "Lindemannstraße"}};
  CHECK(street_in_zone(zone, "Kaiserstraße"));
  CHECK(street_in_zone(zone, "KAISERSTRASSE"));
  CHECK(street_in_zone(zone, "Kaiserstr."));
  CHECK(street_in_zone(zone, "kaiser str"));
  CHECK_FALSE(street_in_zone(zone, "Kaiserplatz"));
  CHECK_FALSE(street_in_zone(zone, ""));
  CHECK(find_zone({zone}, "I-01") != nullptr);
  CHECK(find_zone({zone}, "I-02") == nullptr);
}

TEST_CASE("SEPA fields are transliterated, collapsed and cut") {
  CHECK(sepa_field("Jürgen  Groß", 70) == "Juergen Gross");
  CHECK(sepa_field("Zoë & Söhne <GmbH>", 70) == "Zoe + Soehne GmbH");
  CHECK(sepa_field(std::string(80, 'A'), 70) == std::string(70, 'A'));
  CHECK(sepa_field("   ", 70) == "NOTPROVIDED");
  CHECK(xml_escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&apos;");
}

TEST_CASE("The pain.008 writer streams a deterministic document with exact sums") {
  auto render = [] {
    std::string out;
    int chunks = 0;
    Pain008Writer w([&](std::string_view s) { out.append(s), ++chunks; });
    Creditor c{"Stadt Dortmund", "DE89370400440532013000", "DORTDE33XXX", "DE98ZZZ09999999999", std::nullopt};
    w.begin({"VRATHAUS-1", "2026-12-10T09:00:00Z", 2, 3070 + 12000, c, kPain008v02});
    w.begin_payment({"VRATHAUS-1-FRST", "FRST", "2026-12-14", 2, 15070});
    w.transaction({"VR-C1", 3070, "BWP-1", "2026-11-20", "", "Anna Schroeter", "DE89370400440532013000", "Parken", {}, ""});
    w.transaction({"VR-C2", 12000, "BWP-2", "2026-11-21", "COBADEFFXXX", "A&B", "DE89370400440532013000", "Parken", {}, ""});
    w.end_payment();
    w.end();
    return std::pair{out, chunks};
  };
  auto [xml, chunks] = render();
  CHECK(xml == render().first);
  CHECK(chunks >= 1);
  CHECK(xml.find("<NbOfTxs>2</NbOfTxs>") != std::string::npos);
  CHECK(xml.find("<CtrlSum>150.70</CtrlSum>") != std::string::npos);
  CHECK(xml.find("<InstdAmt Ccy=\"EUR\">30.70</InstdAmt>") != std::string::npos);
  CHECK(xml.find("<Id>NOTPROVIDED</Id>") != std::string::npos);
  CHECK(xml.find("<BIC>COBADEFFXXX</BIC>") != std::string::npos);
  CHECK(xml.find("<Nm>A&amp;B</Nm>") != std::string::npos);
  CHECK(xml.find("<SeqTp>FRST</SeqTp>") != std::string::npos);
  CHECK(xml.rfind("</Document>\n") == xml.size() - 12);
}

TEST_CASE("pain.008.001.08 carries structured addresses, BICFI and the amendment of a changed IBAN") {
  std::string xml;
  Pain008Writer w([&](std::string_view s) { xml.append(s); });
  PostalAddress city{"Friedensplatz", "1", "44135", "Dortmund", "DE"};
  Creditor c{"Stadt Dortmund", "DE89370400440532013000", "DORTDE33XXX", "DE98ZZZ09999999999", city};
  w.begin({"VRATHAUS-2", "2026-12-10T09:00:00Z", 2, 6140, c, kPain008v08});
  w.begin_payment({"VRATHAUS-2-RCUR", "RCUR", "2026-12-14", 2, 6140});
  PostalAddress home{sepa_field("Kaiserstraße", 70), "12a", "44135", sepa_field("Dortmund", 35), "DE"};
  // Same bank (Bankleitzahl 37040044): the original account; another bank: SMNDA.
  w.transaction({"VR-C3", 3070, "BWP-3", "2026-11-20", "COBADEFFXXX", sepa_field("Jürgen Öztürk", 70),
                 "DE89370400440532013000", "Parken", home, "DE02370400440532013100"});
  w.transaction({"VR-C4", 3070, "BWP-4", "2026-11-20", "", "Anna", "DE89370400440532013000", "Parken", std::nullopt,
                 "DE02120300000000202051"});
  w.end_payment();
  w.end();
  CHECK(xml.find("xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.08\"") != std::string::npos);
  CHECK(xml.find("<BICFI>DORTDE33XXX</BICFI>") != std::string::npos);
  CHECK(xml.find("<BIC>") == std::string::npos);
  CHECK(xml.find("<StrtNm>Friedensplatz</StrtNm>") != std::string::npos);
  CHECK(xml.find("<Nm>Juergen Oeztuerk</Nm>\n          <PstlAdr>\n            <StrtNm>Kaiserstrasse</StrtNm>\n"
                 "            <BldgNb>12a</BldgNb>\n            <PstCd>44135</PstCd>\n            <TwnNm>Dortmund</TwnNm>\n"
                 "            <Ctry>DE</Ctry>\n          </PstlAdr>") != std::string::npos);
  CHECK(xml.find("<AmdmntInd>true</AmdmntInd>") != std::string::npos);
  CHECK(xml.find("<IBAN>DE02370400440532013100</IBAN>") != std::string::npos);
  CHECK(xml.find("<Id>SMNDA</Id>") != std::string::npos);
  CHECK(same_bank("DE89370400440532013000", "DE02370400440532013100"));
  CHECK_FALSE(same_bank("DE89370400440532013000", "DE02120300000000202051"));
}

TEST_CASE("mandate_fresh_since states the usable-mandate rule as two date comparisons") {
  // Every day of four years (two month-end roll-overs and a 29 February), every last use that
  // could matter: the comparison the SQL makes agrees with the rule itself.
  for (auto day = Date(2027, 1, 1); day < Date(2031, 1, 1); day = day.add_days(1)) {
    auto fresh = mandate_fresh_since(day);
    for (auto last = fresh.add_days(-40); last < fresh.add_days(40); last = last.add_days(1)) {
      CHECK(mandate_usable_on(last, std::nullopt, day) == (last <= day && last >= fresh));
    }
  }
}
