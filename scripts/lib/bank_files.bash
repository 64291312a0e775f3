# What a bank sends back, written for the tests and benchmarks: camt.054.001.08 notifications of
# returned direct debits and pain.002.001.11 status reports of rejected ones. Each reads its
# entries from stdin, one a line: END_TO_END_ID MANDATE_ID AMOUNT_CENTS REASON_CODE.

# camt054_returns MSG_ID > FILE
camt054_returns() {
  awk -v msg="$1" '
    BEGIN {
      print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      print "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.054.001.08\">"
      print "  <BkToCstmrDbtCdtNtfctn>"
      print "    <GrpHdr><MsgId>" msg "</MsgId><CreDtTm>2026-12-18T08:00:00</CreDtTm></GrpHdr>"
      print "    <Ntfctn>"
      print "      <Id>" msg "-1</Id>"
      print "      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>"
    }
    NF == 4 {
      amount = sprintf("%d.%02d", int($3 / 100), $3 % 100)
      print "      <Ntry>"
      print "        <Amt Ccy=\"EUR\">" amount "</Amt><CdtDbtInd>DBIT</CdtDbtInd><RvslInd>true</RvslInd>"
      print "        <Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-12-18</Dt></BookgDt>"
      print "        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RDDT</Cd><SubFmlyCd>UPDD</SubFmlyCd></Fmly></Domn></BkTxCd>"
      print "        <NtryDtls><TxDtls>"
      print "          <Refs><EndToEndId>" $1 "</EndToEndId><MndtId>" $2 "</MndtId></Refs>"
      print "          <Amt Ccy=\"EUR\">" amount "</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
      print "          <RtrInf><Rsn><Cd>" $4 "</Cd></Rsn></RtrInf>"
      print "        </TxDtls></NtryDtls>"
      print "      </Ntry>"
    }
    END {
      print "    </Ntfctn>"
      print "  </BkToCstmrDbtCdtNtfctn>"
      print "</Document>"
    }'
}

# pain002_rejects MSG_ID ORIGINAL_MSG_ID > FILE
pain002_rejects() {
  awk -v msg="$1" -v orig="$2" '
    BEGIN {
      print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      print "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.002.001.11\">"
      print "  <CstmrPmtStsRpt>"
      print "    <GrpHdr><MsgId>" msg "</MsgId><CreDtTm>2026-12-12T08:00:00</CreDtTm></GrpHdr>"
      print "    <OrgnlGrpInfAndSts><OrgnlMsgId>" orig "</OrgnlMsgId><OrgnlMsgNmId>pain.008.001.08</OrgnlMsgNmId>"
      print "      <GrpSts>PART</GrpSts></OrgnlGrpInfAndSts>"
      print "    <OrgnlPmtInfAndSts>"
      print "      <OrgnlPmtInfId>" orig "-RCUR</OrgnlPmtInfId>"
    }
    NF == 4 {
      amount = sprintf("%d.%02d", int($3 / 100), $3 % 100)
      print "      <TxInfAndSts>"
      print "        <OrgnlEndToEndId>" $1 "</OrgnlEndToEndId><TxSts>RJCT</TxSts>"
      print "        <StsRsnInf><Rsn><Cd>" $4 "</Cd></Rsn></StsRsnInf>"
      print "        <OrgnlTxRef><Amt><InstdAmt Ccy=\"EUR\">" amount "</InstdAmt></Amt>"
      print "          <MndtRltdInf><DrctDbtMndt><MndtId>" $2 "</MndtId></DrctDbtMndt></MndtRltdInf></OrgnlTxRef>"
      print "      </TxInfAndSts>"
    }
    END {
      print "    </OrgnlPmtInfAndSts>"
      print "  </CstmrPmtStsRpt>"
      print "</Document>"
    }'
}
