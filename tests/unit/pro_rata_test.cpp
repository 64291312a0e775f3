#include "domain/pain001.hpp"
#include "domain/pro_rata.hpp"

#include <doctest/doctest.h>

using namespace vrathaus;

TEST_CASE("A permit revoked early gives back the full months not begun") {
  const PermitPeriod year{Date(2025, 12, 11), Date(2026, 12, 10)};
  CHECK(period_months(year) == 12);
  // Revoked before or on its first day: nothing was used.
  CHECK(unused_months(year, Date(2025, 12, 1)) == 12);
  CHECK(unused_months(year, Date(2025, 12, 11)) == 12);
  CHECK(pro_rata_refund_cents(3070, year, Date(2025, 12, 11)) == 3070);
  // The day after: the first month is in use.
  CHECK(unused_months(year, Date(2025, 12, 12)) == 11);
  // 2026-03-20 falls in month 4 (2026-03-11 … 2026-04-10): 8 months left.
  CHECK(unused_months(year, Date(2026, 3, 20)) == 8);
  CHECK(pro_rata_refund_cents(3070, year, Date(2026, 3, 20)) == 3070 * 8 / 12);  // 2046, rounded down
  // The last month's first day and later: nothing left.
  CHECK(unused_months(year, Date(2026, 11, 11)) == 0);
  CHECK(unused_months(year, Date(2026, 12, 10)) == 0);
  CHECK(pro_rata_refund_cents(3070, year, Date(2027, 1, 5)) == 0);
}

TEST_CASE("Month ends and short periods count by anniversaries") {
  const PermitPeriod from_jan31{Date(2027, 1, 31), Date(2028, 1, 30)};
  CHECK(period_months(from_jan31) == 12);
  CHECK(unused_months(from_jan31, Date(2027, 2, 28)) == 11);  // 2027-02-28 is still month 1 (month 2 starts 1 March)
  const PermitPeriod quarter{Date(2026, 1, 1), Date(2026, 3, 31)};
  CHECK(period_months(quarter) == 3);
  CHECK(pro_rata_refund_cents(900, quarter, Date(2026, 1, 15)) == 600);
  CHECK(pro_rata_refund_cents(0, quarter, Date(2026, 1, 15)) == 0);
}

TEST_CASE("The pain.001 writer: totals, IBAN-only transfers, escaped text") {
  std::string xml;
  Pain001Writer w([&](std::string_view chunk) { xml.append(chunk); });
  Creditor city{"Stadt Dortmund", "DE89370400440532013000", "DORTDE33XXX", "DE98ZZZ09999999999", std::nullopt};
  w.begin({"VRATHAUS-RF-2026-12-01-000001", "2026-11-30T09:00:00Z", "2026-12-01", 1, 2046, city});
  w.transfer({"VR-R1", 2046, "Anna <Schroeter>", "DE02370400440532013100", "Erstattung permit 1"});
  w.end();
  CHECK(xml.find("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09") != std::string::npos);
  CHECK(xml.find("<NbOfTxs>1</NbOfTxs>") != std::string::npos);
  CHECK(xml.find("<CtrlSum>20.46</CtrlSum>") != std::string::npos);
  CHECK(xml.find("<InstdAmt Ccy=\"EUR\">20.46</InstdAmt>") != std::string::npos);
  CHECK(xml.find("<Nm>Anna &lt;Schroeter&gt;</Nm>") != std::string::npos);
  CHECK(xml.find("<Dt>2026-12-01</Dt>") != std::string::npos);
  CHECK(xml.find("CdtrAgt") == std::string::npos);
}
