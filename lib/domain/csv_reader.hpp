#pragma once
// A streaming CSV reader for the IT provider's import files: RFC 4180 quoting with delimiters,
// doubled quotes and line breaks inside quoted fields; CRLF, LF or CR line ends; a UTF-8 byte order
// mark; ';' or ',' detected from the header; UTF-8 or Windows-1252 detected or given. It reads its
// input in fixed-size chunks and reuses its buffers, so memory does not grow with the file, and it
// never gives up on a file because of one bad record: each record carries its own problems (invalid
// UTF-8, NUL bytes, an unclosed quote, an oversized field) with the record's first physical line
// and its exact byte range, so a caller can reject that record and copy it unchanged.
//
// Why our own: Debian 12 packages no maintained C++ CSV library that streams with bounded memory,
// reports physical line numbers and byte ranges per record and detects the encoding.
#include <array>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus::csv {

enum class Encoding { detect, utf8, windows1252 };

// "utf-8" / "windows-1252" (also "utf8", "cp1252"); throws invalid naming `field` otherwise.
Encoding parse_encoding(std::string_view name, std::string_view field = "encoding");
std::string_view encoding_name(Encoding encoding);

struct Options {
  char delimiter = 0;                      // ';' or ','; 0: detected from the first record
  Encoding encoding = Encoding::detect;    // detect: BOM, else the first non-ASCII field decides
  std::size_t max_field_bytes = 64 * 1024;  // a longer field is a problem; its excess is not stored
  std::size_t max_fields = 256;            // fields beyond this are a problem and not stored
  std::size_t max_record_bytes = 1024 * 1024;  // all fields together, likewise
  std::size_t chunk_bytes = 64 * 1024;     // how much is read from the source at a time
};

// Something wrong with one record. `column` is the 0-based field index, or -1 for the record.
struct Problem {
  int column = -1;
  std::string message;
};

struct Record {
  std::int64_t line = 0;        // the record's first physical line (1-based)
  std::int64_t last_line = 0;   // its last physical line (> line when a quoted field spans lines)
  std::uint64_t offset = 0;     // the record's first byte in the input (counting a BOM)
  std::uint64_t length = 0;     // its bytes, line terminator included
  std::vector<std::string_view> fields;  // UTF-8; valid until the next call of next()
  std::vector<Problem> problems;
  bool ok() const { return problems.empty(); }
};

class Reader {
public:
  // Fills `buffer` with up to `size` bytes and returns how many; 0 means the end of the input.
  using Source = std::function<std::size_t(char* buffer, std::size_t size)>;

  Reader(Source source, Options options = {});

  // The next record, skipping empty lines; false at the end of the input. Throws Error(invalid)
  // only for a file it cannot read at all (a UTF-16 byte order mark, a BOM that contradicts the
  // given encoding).
  bool next(Record& record);

  // From the next record on, decodes and checks only the fields whose bit is set (bit i: field i,
  // for the first 64; later fields always are). The others are handed over as their raw bytes,
  // unchecked, and encoding detection sees only the wanted fields: for a pass that needs a few
  // columns of a large file, such as the import's keys pass, once it has read the header.
  void decode_only(std::uint64_t columns) { decode_columns_ = columns; }

  char delimiter() const { return delimiter_; }  // 0 until the first record was read
  Encoding encoding() const { return encoding_; }  // detect while every field so far was ASCII
  bool has_bom() const { return bom_; }
  std::uint64_t bytes_read() const { return consumed_base_ + pos_; }
  std::int64_t lines() const { return line_; }

private:
  enum class State { field_start, unquoted, quoted, quote_in_quoted, after_cr };

  bool fill();
  void start();
  void detect_delimiter();
  void begin_field();
  void end_field();
  void append(const char* data, std::size_t size);
  void problem(int column, std::string message);
  void newline(char c);
  void finish(Record& record);
  bool record_is_clean() const;
  void finish_fields(Record& record);
  bool end_record(char c, Record& record);
  bool decode_field(std::size_t index, std::string_view raw);

  Source source_;
  Options options_;
  char delimiter_ = 0;
  Encoding encoding_ = Encoding::detect;
  bool bom_ = false;
  bool started_ = false;
  bool eof_ = false;
  std::uint64_t decode_columns_ = ~std::uint64_t(0);

  std::array<bool, 256> stops_unquoted_{}, stops_quoted_{};  // bytes that end a run of field content
  std::vector<char> chunk_;
  std::size_t pos_ = 0, end_ = 0;
  std::uint64_t consumed_base_ = 0;  // input offset of chunk_[0]
  std::int64_t line_ = 1;            // the physical line at pos_

  // The record being read: raw field bytes back to back, with each field's start and end.
  State state_ = State::field_start;
  std::string raw_;
  std::vector<std::pair<std::size_t, std::size_t>> spans_;
  std::size_t field_start_ = 0;
  bool field_truncated_ = false;
  bool in_record_ = false;
  std::int64_t record_line_ = 0;
  std::int64_t record_last_line_ = 0;
  std::uint64_t cr_at_ = ~std::uint64_t(0);  // input offset of the last CR: an LF right after it ends no extra line
  std::int64_t quote_line_ = 0;
  std::uint64_t record_offset_ = 0;
  std::vector<Problem> problems_;
  std::string decoded_;  // Windows-1252 fields converted to UTF-8
  struct Where {
    bool decoded;
    std::size_t offset, size;
  };
  std::vector<Where> where_;
};

// Sources for the common inputs. The FILE or stream must outlive the reader; read errors throw.
Reader::Source file_source(std::FILE* file);
Reader::Source stream_source(std::istream& stream);
// A source over bytes in memory (tests, fuzzers). The bytes must outlive the reader.
Reader::Source memory_source(std::string_view bytes);

}  // namespace vrathaus::csv
