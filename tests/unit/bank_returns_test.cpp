#include "config/settings.hpp"
#include "core/error.hpp"
#include "domain/bank_file.hpp"
#include "domain/return_policy.hpp"

#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <vector>

using namespace vrathaus;

namespace {

// A bank file written to a temporary path for the reader, removed afterwards.
struct TempXml {
  std::string path;
  explicit TempXml(const std::string& text) {
    char name[] = "/tmp/vrathaus-bank-XXXXXX";
    int fd = ::mkstemp(name);
    REQUIRE(fd >= 0);
    ::close(fd);
    path = name;
    std::ofstream(path) << text;
  }
  ~TempXml() { std::remove(path.c_str()); }
};

std::pair<BankFileHeader, std::vector<BankReturnEntry>> read(const std::string& text) {
  TempXml file(text);
  BankFileHeader header;
  std::vector<BankReturnEntry> entries;
  read_bank_file(file.path, [&](const BankFileHeader& h) { header = h; },
                 [&](const BankReturnEntry& e) { entries.push_back(e); });
  return {header, entries};
}

std::string read_error(const std::string& text) {
  try {
    read(text);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("Amounts in bank files become cents exactly") {
  CHECK(parse_amount_cents("30.70") == 3070);
  CHECK(parse_amount_cents("30.7") == 3070);
  CHECK(parse_amount_cents(" 12 ") == 1200);
  CHECK(parse_amount_cents("0.05") == 5);
  CHECK_FALSE(parse_amount_cents("1.234"));
  CHECK_FALSE(parse_amount_cents("-1.00"));
  CHECK_FALSE(parse_amount_cents("1,00"));
  CHECK_FALSE(parse_amount_cents(""));
}

TEST_CASE("camt.054 returns are read by local name, whatever the version and prefix") {
  auto [header, entries] = read(R"(<?xml version="1.0"?>
<c:Document xmlns:c="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"><c:BkToCstmrDbtCdtNtfctn>
 <c:GrpHdr><c:MsgId>M-1</c:MsgId></c:GrpHdr>
 <c:Ntfctn><c:Ntry><c:NtryDtls>
  <c:TxDtls><c:Refs><c:EndToEndId> VR-C7 </c:EndToEndId><c:MndtId>BWP-7</c:MndtId></c:Refs>
   <c:Amt Ccy="EUR">30.70</c:Amt><c:RtrInf><c:Rsn><c:Cd>AM04</c:Cd></c:Rsn></c:RtrInf></c:TxDtls>
  <c:TxDtls><c:Refs><c:EndToEndId>VR-C8</c:EndToEndId></c:Refs><c:Amt Ccy="EUR">5</c:Amt></c:TxDtls>
 </c:NtryDtls></c:Ntry></c:Ntfctn></c:BkToCstmrDbtCdtNtfctn></c:Document>)");
  CHECK(header.kind == "camt.054");
  CHECK(header.msg_id == "M-1");
  CHECK(header.namespace_uri == "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02");
  REQUIRE(entries.size() == 1);  // VR-C8 was credited, not returned
  CHECK(entries[0].end_to_end_id == "VR-C7");
  CHECK(entries[0].mandate_id == "BWP-7");
  CHECK(entries[0].amount_cents == 3070);
  CHECK(entries[0].reason == "AM04");
}

TEST_CASE("pain.002 reports only rejected transactions") {
  auto [header, entries] = read(R"(<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"><CstmrPmtStsRpt>
 <GrpHdr><MsgId>P-1</MsgId></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>VRATHAUS-1</OrgnlMsgId></OrgnlGrpInfAndSts>
 <OrgnlPmtInfAndSts>
  <TxInfAndSts><OrgnlEndToEndId>VR-C1</OrgnlEndToEndId><TxSts>RJCT</TxSts>
   <StsRsnInf><Rsn><Cd>MD01</Cd></Rsn></StsRsnInf>
   <OrgnlTxRef><Amt><InstdAmt Ccy="EUR">120.00</InstdAmt></Amt></OrgnlTxRef></TxInfAndSts>
  <TxInfAndSts><OrgnlEndToEndId>VR-C2</OrgnlEndToEndId><TxSts>ACCP</TxSts></TxInfAndSts>
 </OrgnlPmtInfAndSts></CstmrPmtStsRpt></Document>)");
  CHECK(header.kind == "pain.002");
  REQUIRE(entries.size() == 1);
  CHECK(entries[0].end_to_end_id == "VR-C1");
  CHECK(entries[0].reason == "MD01");
  CHECK(entries[0].amount_cents == 12000);
}

TEST_CASE("A pain.002 rejecting a whole file or block without its transactions is refused, not ignored") {
  CHECK(read_error(R"(<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11"><CstmrPmtStsRpt>
 <GrpHdr><MsgId>P-2</MsgId></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>VRATHAUS-1</OrgnlMsgId><GrpSts>RJCT</GrpSts>
 </OrgnlGrpInfAndSts></CstmrPmtStsRpt></Document>)")
            .find("rejected the whole file") != std::string::npos);
  CHECK(read_error(R"(<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.002.001.11"><CstmrPmtStsRpt>
 <GrpHdr><MsgId>P-3</MsgId></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>VRATHAUS-1</OrgnlMsgId></OrgnlGrpInfAndSts>
 <OrgnlPmtInfAndSts><OrgnlPmtInfId>VRATHAUS-1-FRST</OrgnlPmtInfId><PmtInfSts>RJCT</PmtInfSts></OrgnlPmtInfAndSts>
 </CstmrPmtStsRpt></Document>)")
            .find("payment block VRATHAUS-1-FRST") != std::string::npos);
}

TEST_CASE("Files that are not bank return files are refused with the reason") {
  CHECK(read_error("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.08\"/>").find("neither") != std::string::npos);
  CHECK(read_error("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\"><BkToCstmrDbtCdtNtfctn>")
            .find("not well-formed") != std::string::npos);
  CHECK(read_error(R"(<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><X><GrpHdr><MsgId>M</MsgId></GrpHdr>
<TxDtls><RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf></TxDtls></X></Document>)")
            .find(":2: the entry has no EndToEndId") != std::string::npos);
  // An external entity in the file is never expanded: the reader does not read other files.
  auto [header, entries] = read(R"(<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><GrpHdr><MsgId>M&x;</MsgId></GrpHdr></Document>)");
  CHECK(header.msg_id == "M");
  CHECK(entries.empty());
}

TEST_CASE("The reason-code policy: Dortmund's defaults and the city's own lists") {
  ReturnPolicy dortmund;
  CHECK(return_action(dortmund, "AC04") == ReturnAction::revoke_mandate);
  CHECK(return_action(dortmund, "MD01") == ReturnAction::revoke_mandate);
  CHECK(return_action(dortmund, "AM04") == ReturnAction::re_present);
  CHECK(return_action(dortmund, "MD06") == ReturnAction::dispute);
  CHECK(return_action(dortmund, "MS03") == ReturnAction::returned);

  auto city = parse_city_config(R"(city:
  sepa:
    format: pain.008.001.02
    return_fee_cents: 300
    returns: { re_present: [AM04, MS03], dispute: [] }
)", "t.yaml");
  CHECK(city.sepa.format == "pain.008.001.02");
  CHECK(city.sepa.return_fee_cents == 300);
  CHECK(return_action(city.sepa.returns, "MS03") == ReturnAction::re_present);
  CHECK(return_action(city.sepa.returns, "MD06") == ReturnAction::returned);
  CHECK(return_action(city.sepa.returns, "AC04") == ReturnAction::revoke_mandate);  // default list kept
  CHECK(parse_city_config("city: {}", "t.yaml").sepa.format == "pain.008.001.08");

  auto error = [](const std::string& yaml) {
    try {
      parse_city_config(yaml, "t.yaml");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(error("city: { sepa: { format: pain.008.001.05 } }").find("city.sepa.format") != std::string::npos);
  CHECK(error("city: { sepa: { returns: { dispute: [ac04] } } }").find("city.sepa.returns.dispute") != std::string::npos);
  CHECK(error("city: { sepa: { returns: { dispute: [AC04] } } }").find("more than one list") != std::string::npos);
  CHECK(error("city: { sepa: { creditor: { name: X, iban: DE89370400440532013000, bic: DORTDE33XXX,"
              " creditor_id: DE98ZZZ09999999999, address: { street: Friedensplatz } } } }")
            .find("town") != std::string::npos);
}
