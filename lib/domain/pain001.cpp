#include "domain/pain001.hpp"

#include "domain/fees.hpp"
#include "domain/pain008.hpp"

namespace vrathaus {
namespace {

constexpr std::size_t kFlushAt = 64 * 1024;

}  // namespace

void Pain001Writer::begin(const Pain001Batch& b) {
  const auto& c = b.city;
  const auto name = xml_escape(sepa_field(c.name, 70));
  buffer_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:";
  buffer_ += kPain001v09;
  buffer_ += "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n  <CstmrCdtTrfInitn>\n    <GrpHdr>\n";
  buffer_ += "      <MsgId>" + xml_escape(b.msg_id) + "</MsgId>\n";
  buffer_ += "      <CreDtTm>" + xml_escape(b.created_at) + "</CreDtTm>\n";
  buffer_ += "      <NbOfTxs>" + std::to_string(b.transactions) + "</NbOfTxs>\n";
  buffer_ += "      <CtrlSum>" + format_cents(b.ctrl_sum_cents) + "</CtrlSum>\n";
  buffer_ += "      <InitgPty>\n        <Nm>" + name + "</Nm>\n      </InitgPty>\n    </GrpHdr>\n";
  buffer_ += "    <PmtInf>\n      <PmtInfId>" + xml_escape(b.msg_id) + "-TRF</PmtInfId>\n";
  buffer_ += "      <PmtMtd>TRF</PmtMtd>\n      <BtchBookg>true</BtchBookg>\n";
  buffer_ += "      <NbOfTxs>" + std::to_string(b.transactions) + "</NbOfTxs>\n";
  buffer_ += "      <CtrlSum>" + format_cents(b.ctrl_sum_cents) + "</CtrlSum>\n";
  buffer_ += "      <PmtTpInf>\n        <SvcLvl>\n          <Cd>SEPA</Cd>\n        </SvcLvl>\n      </PmtTpInf>\n";
  buffer_ += "      <ReqdExctnDt>\n        <Dt>" + xml_escape(b.execution_date) + "</Dt>\n      </ReqdExctnDt>\n";
  buffer_ += "      <Dbtr>\n        <Nm>" + name + "</Nm>\n";
  if (c.address) append_postal_address(buffer_, "        ", *c.address);
  buffer_ += "      </Dbtr>\n";
  buffer_ += "      <DbtrAcct>\n        <Id>\n          <IBAN>" + xml_escape(c.iban) + "</IBAN>\n        </Id>\n      </DbtrAcct>\n";
  buffer_ += "      <DbtrAgt>\n        <FinInstnId>\n          <BICFI>" + xml_escape(c.bic) +
             "</BICFI>\n        </FinInstnId>\n      </DbtrAgt>\n";
  buffer_ += "      <ChrgBr>SLEV</ChrgBr>\n";
}

// IBAN only: within SEPA the payee's bank is found from the IBAN (no CdtrAgt needed).
void Pain001Writer::transfer(const Pain001Transfer& t) {
  buffer_ += "      <CdtTrfTxInf>\n        <PmtId>\n          <EndToEndId>" + xml_escape(t.end_to_end_id) +
             "</EndToEndId>\n        </PmtId>\n";
  buffer_ += "        <Amt>\n          <InstdAmt Ccy=\"EUR\">" + format_cents(t.amount_cents) + "</InstdAmt>\n        </Amt>\n";
  buffer_ += "        <Cdtr>\n          <Nm>" + xml_escape(t.payee_name) + "</Nm>\n        </Cdtr>\n";
  buffer_ += "        <CdtrAcct>\n          <Id>\n            <IBAN>" + xml_escape(t.payee_iban) +
             "</IBAN>\n          </Id>\n        </CdtrAcct>\n";
  buffer_ += "        <RmtInf>\n          <Ustrd>" + xml_escape(t.remittance) + "</Ustrd>\n        </RmtInf>\n";
  buffer_ += "      </CdtTrfTxInf>\n";
  if (buffer_.size() >= kFlushAt) {
    sink_(buffer_);
    buffer_.clear();
  }
}

void Pain001Writer::end() {
  buffer_ += "    </PmtInf>\n  </CstmrCdtTrfInitn>\n</Document>\n";
  sink_(buffer_);
  buffer_.clear();
}

}  // namespace vrathaus
