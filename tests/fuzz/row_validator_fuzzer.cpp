// libFuzzer target: the whole import parsing path on arbitrary bytes — CSV reader, header, and
// the business-row validator. Invariants: only Error escapes (for the header), and a row the
// validator accepts has its required values non-empty, valid UTF-8 and free of control bytes.
#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/business_row.hpp"
#include "domain/csv_reader.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

using namespace vrathaus;

namespace {

void check_text(const std::string& s) {
  if (s.empty() || !is_valid_utf8(s)) std::abort();
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    csv::Options o;
    o.max_field_bytes = 512;
    csv::Reader reader(csv::memory_source(bytes), o);
    csv::Record r;
    if (!reader.next(r) || !r.ok()) return 0;
    auto header = parse_business_header(r.fields);
    BusinessRow row;
    std::vector<RowError> errors;
    while (reader.next(r)) {
      errors.clear();
      bool ok = validate_business_row(header, r.fields, Date(2026, 11, 25), row, errors);
      if (ok != errors.empty()) std::abort();
      for (const auto& e : errors)
        if (e.message.empty()) std::abort();
      if (!ok) continue;
      for (const auto* s : {&row.customer_no, &row.company_name, &row.street, &row.house_no, &row.postal_code, &row.city,
                            &row.email})
        check_text(*s);
      customer_no_key(header, r.fields);
      email_key(header, r.fields);
    }
  } catch (const Error&) {
    // The header: unknown, repeated or missing columns are refused cleanly.
  }
  return 0;
}
