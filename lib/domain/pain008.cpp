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

void Pain008Writer::flush() {
  if (buffer_.empty()) return;
  sink_(buffer_);
  buffer_.clear();
}

void Pain008Writer::begin(const Pain008Group& g) {
  creditor_ = g.creditor;
  buffer_ +=
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\" "
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
  buffer_ += "      <Cdtr>\n        <Nm>" + xml_escape(sepa_field(c.name, 70)) + "</Nm>\n      </Cdtr>\n";
  buffer_ += "      <CdtrAcct>\n        <Id>\n          <IBAN>" + xml_escape(c.iban) + "</IBAN>\n        </Id>\n      </CdtrAcct>\n";
  buffer_ += "      <CdtrAgt>\n        <FinInstnId>\n          <BIC>" + xml_escape(c.bic) +
             "</BIC>\n        </FinInstnId>\n      </CdtrAgt>\n";
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
             "</MndtId>\n            <DtOfSgntr>" + xml_escape(t.mandate_signed_on) +
             "</DtOfSgntr>\n          </MndtRltdInf>\n        </DrctDbtTx>\n";
  if (t.debtor_bic.empty())
    buffer_ += "        <DbtrAgt>\n          <FinInstnId>\n            <Othr>\n              <Id>NOTPROVIDED</Id>\n"
               "            </Othr>\n          </FinInstnId>\n        </DbtrAgt>\n";
  else
    buffer_ += "        <DbtrAgt>\n          <FinInstnId>\n            <BIC>" + xml_escape(t.debtor_bic) +
               "</BIC>\n          </FinInstnId>\n        </DbtrAgt>\n";
  buffer_ += "        <Dbtr>\n          <Nm>" + xml_escape(t.debtor_name) + "</Nm>\n        </Dbtr>\n";
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
