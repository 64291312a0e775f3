#include "service/import_keys.hpp"

#include "service/import_file.hpp"

namespace vrathaus {
namespace {

constexpr std::int64_t kProgressEvery = 8192;

}  // namespace

ImportFileKeys scan_import_keys(const BusinessImport& in, const std::string& name, const ProgressFn& report) {
  ImportFilePass pass(in, name, in.delimiter, in.encoding);
  csv::Record record;
  auto header = pass.read_header(record);
  // Only the key columns need decoding here; the rows pass checks every field.
  std::uint64_t key_columns = 0;
  for (auto c : {BusinessColumn::customer_no, BusinessColumn::email, BusinessColumn::mandate_reference}) {
    int at = header.position[std::size_t(c)];
    if (at >= 0 && at < 64) key_columns |= std::uint64_t(1) << at;
  }
  pass.reader().decode_only(key_columns);
  auto progress = [&](std::int64_t rows) {
    if (report) report({"checking", pass.reader().bytes_read(), pass.size(), rows});
  };
  DuplicateFinder finder;
  std::int64_t rows = 0;
  while (pass.reader().next(record)) {
    finder.add(kCustomerNoKey, customer_no_key(header, record.fields), record.line);
    finder.add(kEmailKey, email_key(header, record.fields), record.line);
    if (header.has_mandate) finder.add(kMandateReferenceKey, mandate_reference_key(header, record.fields), record.line);
    if (++rows % kProgressEvery == 0) progress(rows);
  }
  progress(rows);
  return {pass.sha256(), pass.size(), pass.reader().delimiter(), finder.finish()};
}

}  // namespace vrathaus
