#include "service/import_file.hpp"

#include "core/error.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace vrathaus {
namespace {

[[noreturn]] void cannot_read(const std::string& name, int err) {
  if (err == ENOENT) fail(ErrorKind::not_found, "cannot read {}: no such file", name);
  fail(ErrorKind::invalid, "cannot read {}: {}", name, std::strerror(err));
}

csv::Options reader_options(char delimiter, csv::Encoding encoding) {
  csv::Options o;
  o.delimiter = delimiter;
  o.encoding = encoding;
  return o;
}

}  // namespace

// The reader reads through an unbuffered FILE: it has its own chunk buffer.
ImportFilePass::ImportFilePass(const BusinessImport& in, const std::string& name, char delimiter, csv::Encoding encoding)
    : name_(name),
      file_(std::fopen(in.file.c_str(), "rb"), &std::fclose),
      reader_([this](char* buffer, std::size_t size) { return read(buffer, size); }, reader_options(delimiter, encoding)) {
  if (!file_) cannot_read(name, errno);
  std::setvbuf(file_.get(), nullptr, _IONBF, 0);
  struct stat st {};
  if (::fstat(fileno(file_.get()), &st) == 0) size_ = std::uint64_t(st.st_size);
  if (S_ISDIR(st.st_mode)) fail(ErrorKind::invalid, "cannot read {}: it is a directory", name);
}

std::size_t ImportFilePass::read(char* buffer, std::size_t size) {
  std::size_t n = std::fread(buffer, 1, size, file_.get());
  if (n == 0 && std::ferror(file_.get())) fail(ErrorKind::invalid, "cannot read the import file: {}", std::strerror(errno));
  sha_.update({buffer, n});
  sniffer_.update({buffer, n});
  return n;
}

std::string ImportFilePass::sha256_of_rest() {
  std::vector<char> buffer(1 << 20);
  while (read(buffer.data(), buffer.size()) > 0) {
  }
  return sha_.hex();
}

BusinessHeader ImportFilePass::read_header(csv::Record& record) {
  if (!reader_.next(record))
    fail(ErrorKind::invalid, "{} is empty: expected a header row (customer_no;company_name;…)", name_);
  if (!record.ok())
    fail(ErrorKind::invalid, "{} line {}: the header {}", name_, record.line, record.problems.front().message);
  header_length_ = record.offset + record.length;
  try {
    return parse_business_header(record.fields);
  } catch (const Error& e) {
    throw Error(ErrorKind::invalid, fmt::format("{} line {}: {}", name_, record.line, e.what()), e.field());
  }
}

}  // namespace vrathaus
