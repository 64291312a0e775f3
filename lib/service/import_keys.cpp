#include "service/import_keys.hpp"

#include "core/pipeline.hpp"
#include "service/import_file.hpp"

#include <array>
#include <cstring>

namespace vrathaus {
namespace {

constexpr std::int64_t kProgressEvery = 8192;
// Rows handed between the two threads at a time: few hand-overs, each a wake-up of the other.
constexpr std::size_t kChunkRows = 2048;

// One row's key columns as the file has them, copied out of the reader's buffers. The strings are
// reused from chunk to chunk (Pipeline keeps its items), so copying allocates nothing per row.
struct RowKeyFields {
  std::int64_t line = 0;
  std::uint64_t bytes_read = 0;
  std::array<std::string, 3> values;  // customer_no, email, mandate_reference
};

}  // namespace

// Two threads share the pass: the pipeline's thread reads, hashes and splits the file, this one
// normalises the keys and sorts their fingerprints. Each half takes about half as long as both.
ImportFileKeys scan_import_keys(const BusinessImport& in, const std::string& name, const ProgressFn& report) {
  ImportFilePass pass(in, name, in.delimiter, in.encoding);
  csv::Record record;
  auto header = pass.read_header(record);
  std::array<int, 3> at{header.position[std::size_t(BusinessColumn::customer_no)],
                        header.position[std::size_t(BusinessColumn::email)],
                        header.has_mandate ? header.position[std::size_t(BusinessColumn::mandate_reference)] : -1};
  // Only the key columns need decoding here; the rows pass checks every field.
  std::uint64_t key_columns = 0;
  for (int column : at)
    if (column >= 0 && column < 64) key_columns |= std::uint64_t(1) << column;
  pass.reader().decode_only(key_columns);

  Pipeline<RowKeyFields> rows([&](RowKeyFields& out) {
    if (!pass.reader().next(record)) return false;
    out.line = record.line;
    out.bytes_read = pass.reader().bytes_read();
    for (std::size_t i = 0; i < at.size(); ++i) {
      bool present = at[i] >= 0 && std::size_t(at[i]) < record.fields.size();
      out.values[i].assign(present ? record.fields[std::size_t(at[i])] : std::string_view());
    }
    return true;
  }, kChunkRows);
  DuplicateFinder finder;
  std::int64_t count = 0;
  auto progress = [&](std::uint64_t bytes_read) {
    if (report) report({"checking", bytes_read, pass.size(), count});
  };
  while (const RowKeyFields* row = rows.next()) {
    finder.add(kCustomerNoKey, customer_no_key(row->values[0]), row->line);
    finder.add(kEmailKey, email_key(row->values[1]), row->line);
    if (header.has_mandate) finder.add(kMandateReferenceKey, mandate_reference_key(row->values[2]), row->line);
    if (++count % kProgressEvery == 0) progress(row->bytes_read);
  }
  // The reading thread has finished: the reader and the hash are this thread's again.
  progress(pass.reader().bytes_read());
  return {pass.sha256(), pass.size(), pass.reader().delimiter(), finder.finish(), pass.file_encoding()};
}

std::string import_key_options(const BusinessImport& in) {
  auto encoding = in.encoding == csv::Encoding::detect ? std::string_view("detect") : csv::encoding_name(in.encoding);
  return std::string(in.delimiter ? 1 : 0, in.delimiter) + "|" + std::string(encoding);
}

// Version 1: a version byte, then per duplicate its line, kind and other line (8 + 1 + 8 bytes,
// in this machine's byte order: the store is not moved between architectures mid-file).
namespace {
constexpr char kDuplicatesVersion = 1;
constexpr std::size_t kDuplicateBytes = 17;
}  // namespace

std::string encode_duplicates(const std::vector<DuplicateFinder::Duplicate>& duplicates) {
  std::string out(1 + duplicates.size() * kDuplicateBytes, '\0');
  out[0] = kDuplicatesVersion;
  char* at = out.data() + 1;
  for (const auto& d : duplicates) {
    std::memcpy(at, &d.line, 8);
    at[8] = char(d.kind);
    std::memcpy(at + 9, &d.other_line, 8);
    at += kDuplicateBytes;
  }
  return out;
}

std::optional<std::vector<DuplicateFinder::Duplicate>> decode_duplicates(std::string_view bytes) {
  if (bytes.empty() || bytes[0] != kDuplicatesVersion || (bytes.size() - 1) % kDuplicateBytes != 0) return std::nullopt;
  std::vector<DuplicateFinder::Duplicate> out((bytes.size() - 1) / kDuplicateBytes);
  const char* at = bytes.data() + 1;
  for (auto& d : out) {
    std::memcpy(&d.line, at, 8);
    d.kind = std::uint8_t(at[8]);
    std::memcpy(&d.other_line, at + 9, 8);
    at += kDuplicateBytes;
  }
  return out;
}

}  // namespace vrathaus
