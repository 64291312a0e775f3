#pragma once
// One pass over an import file: a CSV reader over the file, hashing every byte on the way (the
// SHA-256 names the file in the audit trail and shows whether it changed between two passes).
#include "core/crypto.hpp"
#include "domain/business_row.hpp"
#include "domain/csv_reader.hpp"
#include "domain/encoding_sniffer.hpp"
#include "service/business_import.hpp"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace vrathaus {

class ImportFilePass {
public:
  // Opens `in.file`; `name` is how errors name it. Throws not_found or invalid.
  ImportFilePass(const BusinessImport& in, const std::string& name, char delimiter, csv::Encoding encoding);
  ImportFilePass(const ImportFilePass&) = delete;
  ImportFilePass& operator=(const ImportFilePass&) = delete;

  csv::Reader& reader() { return reader_; }
  std::uint64_t size() const { return size_; }
  // Of the bytes read so far (the whole file once the reader is at its end). Call once.
  std::string sha256() { return sha_.hex(); }
  // Reads the rest of the file without parsing it and returns the SHA-256 of the whole file: to
  // recognise a file seen before.
  std::string sha256_of_rest();
  // The encoding of the bytes read so far, decided from all of them (the whole file's once the
  // pass has read it to its end).
  csv::Encoding file_encoding() const { return sniffer_.verdict(); }

  // Reads the header record into `record` and parses it. Throws invalid naming the line.
  BusinessHeader read_header(csv::Record& record);
  // Where the first data record starts (after read_header).
  std::uint64_t header_length() const { return header_length_; }

private:
  std::size_t read(char* buffer, std::size_t size);

  std::string name_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  Sha256 sha_;
  EncodingSniffer sniffer_;
  std::uint64_t size_ = 0, header_length_ = 0;
  csv::Reader reader_;
};

}  // namespace vrathaus
