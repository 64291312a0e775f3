#include "domain/bank_file.hpp"

#include "core/error.hpp"
#include "core/xml_library.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace vrathaus {
namespace {

std::string_view text(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view(); }

std::string trimmed(std::string_view s) {
  auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

struct ReadError {
  std::string message;
  int line = 0;
};

void on_error(void* arg, const char* msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr locator) {
  auto* error = static_cast<ReadError*>(arg);
  if (!error->message.empty() || severity == XML_PARSER_SEVERITY_WARNING || severity == XML_PARSER_SEVERITY_VALIDITY_WARNING)
    return;
  error->message = msg ? msg : "not well-formed";
  while (!error->message.empty() && (error->message.back() == '\n' || error->message.back() == ' ')) error->message.pop_back();
  error->line = xml_library().locator_line(locator);
}

// Where the reader is: the local names of the open elements, and the text of the innermost.
class Path {
public:
  void open(std::string_view name) { names_.emplace_back(name), text_.clear(); }
  void close() { names_.pop_back(); }
  // True when the open elements end with `suffix` (innermost last).
  bool ends_with(std::initializer_list<std::string_view> suffix) const {
    if (suffix.size() > names_.size()) return false;
    auto it = names_.end() - std::ptrdiff_t(suffix.size());
    for (auto s : suffix)
      if (*it++ != s) return false;
    return true;
  }
  std::size_t depth() const { return names_.size(); }
  std::string text_;

private:
  std::vector<std::string> names_;
};

// The entry being read, and which element encloses one in this kind of file.
struct Collector {
  bool camt = false;
  bool in_entry = false;
  bool header_sent = false;
  BankFileHeader header;
  BankReturnEntry entry;
  std::string status;  // pain.002 TxSts
  bool has_return_info = false;
  int line = 0;  // where the entry starts
  // pain.002 can reject a whole file (GrpSts) or payment block (PmtInfSts) without listing its
  // transactions; such a rejection must not pass as "nothing to do".
  std::string block_id, block_status, group_status;
  std::int64_t block_entries = 0, entries = 0;

  const char* entry_element() const { return camt ? "TxDtls" : "TxInfAndSts"; }
};

}  // namespace

std::optional<std::int64_t> parse_amount_cents(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\n' || t.front() == '\t')) t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\t')) t.remove_suffix(1);
  std::int64_t units = 0, cents = 0;
  std::size_t i = 0, digits = 0;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++digits) {
    if (digits >= 15) return std::nullopt;
    units = units * 10 + (t[i] - '0');
  }
  if (digits == 0) return std::nullopt;
  int decimals = 0;
  if (i < t.size() && t[i] == '.') {
    for (++i; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i, ++decimals) {
      if (decimals >= 2) return std::nullopt;
      cents = cents * 10 + (t[i] - '0');
    }
    if (decimals == 0) return std::nullopt;
  }
  if (i != t.size()) return std::nullopt;
  if (decimals == 1) cents *= 10;
  return units * 100 + cents;
}

struct BankFileReader::State {
  explicit State(const std::string& file)
      : path(file),
        reader(xml_library().reader_for_file(file.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOCDATA),
               xml_library().free_reader) {}
  std::string path;
  std::unique_ptr<xmlTextReader, decltype(XmlLibrary::free_reader)> reader;
  ReadError error;
  Path where;
  Collector c;
  bool done = false;
};

BankFileReader::BankFileReader(const std::string& path) : s_(std::make_unique<State>(path)) {
  // No network, no entity expansion, no DTD loading: a bank file is data, never instructions.
  if (!s_->reader) fail(ErrorKind::not_found, "{}: cannot read the file", path);
  xml_library().set_error_handler(s_->reader.get(), on_error, &s_->error);
}

BankFileReader::~BankFileReader() = default;

const BankFileHeader& BankFileReader::header() const { return s_->c.header; }
const BankReturnEntry& BankFileReader::entry() const { return s_->c.entry; }

BankFileReader::Got BankFileReader::next() {
  if (s_->done) return Got::end;
  const auto& xml = xml_library();
  const auto& path = s_->path;
  auto* reader = s_->reader.get();
  auto& where = s_->where;
  auto& c = s_->c;
  auto invalid = [&](const std::string& why) { fail(ErrorKind::invalid, "{}: {}", path, why); };
  int status;
  while ((status = xml.read(reader)) == 1) {
    int type = xml.node_type(reader);
    if (type == XML_READER_TYPE_ELEMENT) {
      auto name = text(xml.local_name(reader));
      if (where.depth() == 0) {
        auto ns = text(xml.namespace_uri(reader));
        auto version = ns.substr(ns.rfind(':') == std::string_view::npos ? 0 : ns.rfind(':') + 1);
        if (name != "Document" || (!version.starts_with("camt.054.") && !version.starts_with("pain.002.")))
          invalid("neither a camt.054 notification nor a pain.002 status report (root element " + std::string(name) +
                  ", namespace '" + std::string(ns) + "')");
        c.camt = version.starts_with("camt.054.");
        c.header.kind = c.camt ? "camt.054" : "pain.002";
        c.header.namespace_uri = ns;
      }
      where.open(name);
      if (name == c.entry_element()) {
        if (!c.header_sent) invalid("an entry comes before the group header's MsgId");
        c.in_entry = true;
        c.entry = {};
        c.status.clear();
        c.has_return_info = false;
        c.line = xml.line(reader);
      }
      if (c.camt && c.in_entry && name == "RtrInf") c.has_return_info = true;
      if (xml.is_empty_element(reader)) where.close();
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      where.text_ += text(xml.value(reader));
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      // What this element completes is handed out after the element is closed, so the next call
      // resumes where this one stopped.
      std::optional<Got> got;
      auto& t = where.text_;
      t = trimmed(t);
      if (!c.header_sent && where.ends_with({"GrpHdr", "MsgId"})) {
        c.header.msg_id = t;
        c.header_sent = true;
        got = Got::header;
      } else if (c.in_entry && c.camt) {
        if (where.ends_with({"Refs", "EndToEndId"})) c.entry.end_to_end_id = t;
        else if (where.ends_with({"Refs", "MndtId"}) || where.ends_with({"MndtRltdInf", "MndtId"})) c.entry.mandate_id = t;
        else if (where.ends_with({"TxDtls", "Amt"}) || (where.ends_with({"InstdAmt", "Amt"}) && !c.entry.amount_cents))
          c.entry.amount_cents = parse_amount_cents(t);
        else if (where.ends_with({"RtrInf", "Rsn", "Cd"}) || where.ends_with({"RtrInf", "Rsn", "Prtry"})) c.entry.reason = t;
      } else if (!c.camt && !c.in_entry) {
        if (where.ends_with({"OrgnlGrpInfAndSts", "GrpSts"})) c.group_status = t;
        else if (where.ends_with({"OrgnlPmtInfAndSts", "OrgnlPmtInfId"})) c.block_id = t;
        else if (where.ends_with({"OrgnlPmtInfAndSts", "PmtInfSts"})) c.block_status = t;
        else if (where.ends_with({"OrgnlPmtInfAndSts"})) {
          if (c.block_status == "RJCT" && c.block_entries == 0)
            invalid("the bank rejected payment block " + c.block_id + " as a whole without naming its transactions: "
                    "not applied, the charges stay exported; ask the bank for the rejected transactions");
          c.block_id.clear(), c.block_status.clear(), c.block_entries = 0;
        }
      } else if (c.in_entry) {
        if (where.ends_with({"TxInfAndSts", "OrgnlEndToEndId"})) c.entry.end_to_end_id = t;
        else if (where.ends_with({"TxInfAndSts", "TxSts"})) c.status = t;
        else if (where.ends_with({"StsRsnInf", "Rsn", "Cd"}) || where.ends_with({"StsRsnInf", "Rsn", "Prtry"})) {
          if (c.entry.reason.empty()) c.entry.reason = t;
        } else if (where.ends_with({"OrgnlTxRef", "Amt", "InstdAmt"})) c.entry.amount_cents = parse_amount_cents(t);
        else if (where.ends_with({"MndtRltdInf", "MndtId"}) || where.ends_with({"DrctDbtMndt", "MndtId"})) c.entry.mandate_id = t;
      }
      if (c.in_entry && where.ends_with({c.entry_element()})) {
        c.in_entry = false;
        // camt.054 lists credited collections too; only those with return information came back.
        // pain.002 reports accepted transactions too; only rejected ones concern us.
        bool wanted = c.camt ? c.has_return_info : (c.status == "RJCT" || (c.status.empty() && !c.entry.reason.empty()));
        if (wanted) {
          if (c.entry.end_to_end_id.empty()) fail(ErrorKind::invalid, "{}:{}: the entry has no EndToEndId", path, c.line);
          if (c.entry.reason.empty())
            fail(ErrorKind::invalid, "{}:{}: the entry for {} has no reason code", path, c.line, c.entry.end_to_end_id);
          ++c.entries, ++c.block_entries;
          got = Got::entry;
        }
      }
      where.close();
      t.clear();
      if (got) return *got;
    }
  }
  s_->done = true;
  if (status < 0 || !s_->error.message.empty())
    fail(ErrorKind::invalid, "{}:{}: not well-formed XML: {}", path, s_->error.line,
         s_->error.message.empty() ? "read error" : s_->error.message);
  if (!c.header_sent) invalid("no group header with a MsgId: not a bank file");
  if (c.group_status == "RJCT" && c.entries == 0)
    invalid("the bank rejected the whole file without naming its transactions (GrpSts RJCT): not applied, the charges "
            "stay exported; ask the bank for the rejected transactions");
  return Got::end;
}

void read_bank_file(const std::string& path, const std::function<void(const BankFileHeader&)>& on_header,
                    const std::function<void(const BankReturnEntry&)>& on_entry) {
  BankFileReader reader(path);
  for (auto got = reader.next(); got != BankFileReader::Got::end; got = reader.next()) {
    if (got == BankFileReader::Got::header) on_header(reader.header());
    else on_entry(reader.entry());
  }
}

}  // namespace vrathaus
