// libFuzzer target: the streaming CSV reader on arbitrary bytes, with the options (delimiter,
// encoding, a tiny chunk size to cross every refill boundary) taken from the first byte.
// Invariants: no crash, no exception but Error for an unreadable file, records in order and
// within the input, and every field of a record without problems valid UTF-8 without NUL.
#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/csv_reader.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace vrathaus;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::uint8_t selector = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  csv::Options o;
  o.delimiter = "\0;,"[selector % 3];
  o.encoding = selector / 3 % 3 == 0 ? csv::Encoding::detect : selector / 3 % 3 == 1 ? csv::Encoding::utf8 : csv::Encoding::windows1252;
  o.chunk_bytes = selector & 0x80 ? 16 : 4096;
  o.max_field_bytes = 256;  // small caps: the truncation paths run too
  o.max_fields = 32;
  o.max_record_bytes = 2048;
  try {
    csv::Reader reader(csv::memory_source(bytes), o);
    csv::Record r;
    std::uint64_t end = 0;
    std::int64_t line = 0;
    while (reader.next(r)) {
      if (r.offset < end || r.offset + r.length > bytes.size() || r.length == 0) std::abort();
      if (r.line <= line || r.last_line < r.line) std::abort();
      if (r.fields.empty() || r.fields.size() > o.max_fields) std::abort();
      end = r.offset + r.length;
      line = r.last_line;
      if (r.ok())
        for (auto f : r.fields)
          if (!is_valid_utf8(f) || f.find('\0') != std::string_view::npos) std::abort();
    }
    if (reader.bytes_read() != bytes.size()) std::abort();
  } catch (const Error&) {
    // A file it cannot read at all (UTF-16, a BOM against the given encoding): a clean refusal.
  }
  return 0;
}
