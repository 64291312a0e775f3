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
  return {pass.sha256(), pass.size(), pass.reader().delimiter(), pass.reader().encoding(), finder.finish()};
}

}  // namespace vrathaus
