#pragma once
// Reads what the bank sends back about direct debits: camt.054 notifications of returned debits
// (Rücklastschriften, after the collection date) and pain.002 status reports of rejected ones
// (before it). Any version of either: the kind is told by the root's namespace and the elements
// are read by local name, so camt.054.001.02 … .001.08 and pain.002.001.03 … .001.11 all work.
// Streaming: one entry at a time goes to the caller, so memory stays flat for any file size.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace vrathaus {

struct BankFileHeader {
  std::string kind;        // "camt.054" or "pain.002"
  std::string namespace_uri;
  std::string msg_id;      // the bank's message id (GrpHdr/MsgId)
};

// One returned or rejected collection.
struct BankReturnEntry {
  std::string end_to_end_id;   // the EndToEndId our pain.008 gave it
  std::string mandate_id;      // MndtId, when the bank repeats it
  std::optional<std::int64_t> amount_cents;
  std::string reason;          // ISO reason code (AC04, AM04, MD06, …) or the bank's proprietary one
};

// Reads `path`; `on_header` is called once the message id is known (before the first entry),
// `on_entry` for each return (camt.054 TxDtls with RtrInf) or reject (pain.002 TxInfAndSts with
// status RJCT). Throws Error(invalid) naming the line for a file that is not well-formed XML, is
// neither kind, or has an entry without EndToEndId or reason.
void read_bank_file(const std::string& path, const std::function<void(const BankFileHeader&)>& on_header,
                    const std::function<void(const BankReturnEntry&)>& on_entry);

// The same, pulled one step at a time (for a reader on another thread than the one applying the
// entries): the header once, then each entry; header() and entry() hold the latest until the
// next call. Errors as read_bank_file, thrown by next().
class BankFileReader {
public:
  enum class Got { header, entry, end };
  explicit BankFileReader(const std::string& path);
  ~BankFileReader();
  BankFileReader(const BankFileReader&) = delete;
  BankFileReader& operator=(const BankFileReader&) = delete;
  Got next();
  const BankFileHeader& header() const;
  const BankReturnEntry& entry() const;

private:
  struct State;
  std::unique_ptr<State> s_;
};

// "30.70" → 3070; nullopt for anything that is not a non-negative amount with at most 2 decimals.
std::optional<std::int64_t> parse_amount_cents(std::string_view text);

}  // namespace vrathaus
