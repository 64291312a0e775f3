#include "domain/pain008.hpp"

#include "domain/fees.hpp"
#include "domain/folding.hpp"

namespace vrathaus {
namespace {

constexpr std::size_t kFlushAt = 64 * 1024;

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string sepa_field(std::string_view text, std::size_t max_chars) {
  auto sepa = transliterate_sepa(text);
  std::string out;
  for (char c : sepa) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  if (out.size() > max_chars) out.resize(max_chars);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out.empty() ? "NOTPROVIDED" : out;
}

// Structured address (PostalAddress24): only the parts that are known, in the schema's order.
void append_postal_address(std::string& out, std::string_view indent, const PostalAddress& a) {
  out.append(indent).append("<PstlAdr>\n");
  for (auto [tag, value] : {std::pair{std::string_view("StrtNm"), &a.street}, std::pair{std::string_view("BldgNb"), &a.house_no},
                            std::pair{std::string_view("PstCd"), &a.postal_code}, std::pair{std::string_view("TwnNm"), &a.town},
                            std::pair{std::string_view("Ctry"), &a.country}})
    if (!value->empty())
      out.append(indent).append("  <").append(tag).append(">").append(xml_escape(*value)).append("</").append(tag).append(">\n");
  out.append(indent).append("</PstlAdr>\n");
}

bool same_bank(std::string_view a, std::string_view b) {
  if (a.size() < 12 || b.size() < 12 || a.substr(0, 2) != b.substr(0, 2)) return false;
  if (a.substr(0, 2) == "DE") return a.substr(4, 8) == b.substr(4, 8);
  return a.substr(4) == b.substr(4);
}

void Pain008Writer::flush() {
  if (buffer_.empty()) return;
  sink_(buffer_);
  buffer_.clear();
}

// A financial institution's BIC: <BIC> in .001.02, <BICFI> from the 2019 versions on.
// Plain appends: this runs for every transaction of a 100,000-collection file.
void Pain008Writer::bic(std::string_view indent, std::string_view value) {
  std::string_view tag = v08_ ? "BICFI" : "BIC";
  buffer_.append(indent).append("<FinInstnId>\n").append(indent).append("  <").append(tag).append(">");
  buffer_.append(xml_escape(value)).append("</").append(tag).append(">\n").append(indent).append("</FinInstnId>\n");
}

void Pain008Writer::address(std::string_view indent, const PostalAddress& a) { append_postal_address(buffer_, indent, a); }

void Pain008Writer::begin(const Pain008Group& g) {
  creditor_ = g.creditor;
  v08_ = g.format == kPain008v08;
  buffer_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:";
  buffer_ += v08_ ? kPain008v08 : kPain008v02;
  buffer_ +=
      "\" "
      "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
      "  <CstmrDrctDbtInitn>\n"
      "    <GrpHdr>\n";
  buffer_ += "      <MsgId>" + xml_escape(g.msg_id) + "</MsgId>\n";
  buffer_ += "      <CreDtTm>" + xml_escape(g.created_at) + "</CreDtTm>\n";
  buffer_ += "      <NbOfTxs>" + std::to_string(g.transactions) + "</NbOfTxs>\n";
  buffer_ += "      <CtrlSum>" + format_cents(g.ctrl_sum_cents) + "</CtrlSum>\n";
  buffer_ += "      <InitgPty>\n        <Nm>" + xml_escape(sepa_field(g.creditor.name, 70)) + "</Nm>\n      </InitgPty>\n";
  buffer_ += "    </GrpHdr>\n";
}

void Pain008Writer::begin_payment(const Pain008Payment& p) {
  const auto& c = creditor_;
  buffer_ += "    <PmtInf>\n";
  buffer_ += "      <PmtInfId>" + xml_escape(p.id) + "</PmtInfId>\n";
  buffer_ += "      <PmtMtd>DD</PmtMtd>\n      <BtchBookg>true</BtchBookg>\n";
  buffer_ += "      <NbOfTxs>" + std::to_string(p.transactions) + "</NbOfTxs>\n";
  buffer_ += "      <CtrlSum>" + format_cents(p.ctrl_sum_cents) + "</CtrlSum>\n";
  buffer_ +=
      "      <PmtTpInf>\n"
      "        <SvcLvl>\n          <Cd>SEPA</Cd>\n        </SvcLvl>\n"
      "        <LclInstrm>\n          <Cd>CORE</Cd>\n        </LclInstrm>\n";
  buffer_ += "        <SeqTp>" + xml_escape(p.sequence) + "</SeqTp>\n      </PmtTpInf>\n";
  buffer_ += "      <ReqdColltnDt>" + xml_escape(p.collection_date) + "</ReqdColltnDt>\n";
  buffer_ += "      <Cdtr>\n        <Nm>" + xml_escape(sepa_field(c.name, 70)) + "</Nm>\n";
  if (v08_ && c.address) address("        ", *c.address);
  buffer_ += "      </Cdtr>\n";
  buffer_ += "      <CdtrAcct>\n        <Id>\n          <IBAN>" + xml_escape(c.iban) + "</IBAN>\n        </Id>\n      </CdtrAcct>\n";
  buffer_ += "      <CdtrAgt>\n";
  bic("        ", c.bic);
  buffer_ += "      </CdtrAgt>\n";
  buffer_ += "      <ChrgBr>SLEV</ChrgBr>\n";
  buffer_ +=
      "      <CdtrSchmeId>\n        <Id>\n          <PrvtId>\n            <Othr>\n              <Id>" +
      xml_escape(c.creditor_id) +
      "</Id>\n              <SchmeNm>\n                <Prtry>SEPA</Prtry>\n              </SchmeNm>\n"
      "            </Othr>\n          </PrvtId>\n        </Id>\n      </CdtrSchmeId>\n";
}

void Pain008Writer::transaction(const Pain008Transaction& t) {
  buffer_ += "      <DrctDbtTxInf>\n";
  buffer_ += "        <PmtId>\n          <EndToEndId>" + xml_escape(t.end_to_end_id) + "</EndToEndId>\n        </PmtId>\n";
  buffer_ += "        <InstdAmt Ccy=\"EUR\">" + format_cents(t.amount_cents) + "</InstdAmt>\n";
  buffer_ += "        <DrctDbtTx>\n          <MndtRltdInf>\n            <MndtId>" + xml_escape(t.mandate_reference) +
             "</MndtId>\n            <DtOfSgntr>" + xml_escape(t.mandate_signed_on) + "</DtOfSgntr>\n";
  if (!t.original_debtor_iban.empty()) {
    buffer_ += "            <AmdmntInd>true</AmdmntInd>\n            <AmdmntInfDtls>\n";
    if (same_bank(t.original_debtor_iban, t.debtor_iban))
      buffer_ += "              <OrgnlDbtrAcct>\n                <Id>\n                  <IBAN>" + xml_escape(t.original_debtor_iban) +
                 "</IBAN>\n                </Id>\n              </OrgnlDbtrAcct>\n";
    else
      buffer_ += "              <OrgnlDbtrAgt>\n                <FinInstnId>\n                  <Othr>\n"
                 "                    <Id>SMNDA</Id>\n                  </Othr>\n                </FinInstnId>\n"
                 "              </OrgnlDbtrAgt>\n";
    buffer_ += "            </AmdmntInfDtls>\n";
  }
  buffer_ += "          </MndtRltdInf>\n        </DrctDbtTx>\n";
  if (t.debtor_bic.empty())
    buffer_ += "        <DbtrAgt>\n          <FinInstnId>\n            <Othr>\n              <Id>NOTPROVIDED</Id>\n"
               "            </Othr>\n          </FinInstnId>\n        </DbtrAgt>\n";
  else {
    buffer_ += "        <DbtrAgt>\n";
    bic("          ", t.debtor_bic);
    buffer_ += "        </DbtrAgt>\n";
  }
  buffer_ += "        <Dbtr>\n          <Nm>" + xml_escape(t.debtor_name) + "</Nm>\n";
  if (v08_ && t.debtor_address) address("          ", *t.debtor_address);
  buffer_ += "        </Dbtr>\n";
  buffer_ += "        <DbtrAcct>\n          <Id>\n            <IBAN>" + xml_escape(t.debtor_iban) +
             "</IBAN>\n          </Id>\n        </DbtrAcct>\n";
  buffer_ += "        <RmtInf>\n          <Ustrd>" + xml_escape(t.remittance) + "</Ustrd>\n        </RmtInf>\n";
  buffer_ += "      </DrctDbtTxInf>\n";
  if (buffer_.size() >= kFlushAt) flush();
}

void Pain008Writer::end_payment() { buffer_ += "    </PmtInf>\n"; }

void Pain008Writer::end() {
  buffer_ += "  </CstmrDrctDbtInitn>\n</Document>\n";
  flush();
}

}  // namespace vrathaus
