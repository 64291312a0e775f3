#include "domain/csv_reader.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

namespace vrathaus::csv {
namespace {

constexpr std::size_t kMaxProblems = 16;

// Windows-1252's 0x80–0x9F (0 = not a character); 0xA0–0xFF are U+00A0–U+00FF.
constexpr std::array<char16_t, 32> kCp1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Eight bytes at a time: most fields are plain ASCII, and this runs on every one of them.
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL, kLowBits = 0x0101010101010101ULL;

bool all_ascii(std::string_view s) {
  std::uint64_t any = 0;
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    any |= word;
  }
  for (; i < s.size(); ++i) any |= static_cast<unsigned char>(s[i]);
  return (any & kHighBits) == 0;
}

bool has_nul(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    if ((word - kLowBits) & ~word & kHighBits) return true;  // some byte is zero
  }
  for (; i < s.size(); ++i)
    if (s[i] == '\0') return true;
  return false;
}

// Evidence for UTF-8 against Windows-1252: well-formed multi-byte sequences against bytes that
// cannot start one. German text in Windows-1252 ("M\xFCller") has no well-formed sequences; UTF-8
// with the odd corrupt byte has many more good sequences than bad bytes.
bool looks_like_utf8(std::string_view s) {
  std::size_t good = 0, bad = 0, pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    std::size_t before = pos;
    char32_t cp = next_code_point(s, pos);
    if (cp == 0xFFFD && pos - before == 1) ++bad;
    else ++good;
  }
  return good > 0 && good >= bad;
}

// Drops a multi-byte sequence cut off at the end of a chunk: it is not evidence either way.
std::string_view without_cut_sequence(std::string_view s) {
  for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    auto b = static_cast<unsigned char>(s[s.size() - back]);
    if (b < 0x80) break;
    if (b >= 0xC0) {
      std::size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
      if (need > back) s.remove_suffix(back);
      break;
    }
  }
  return s;
}

}  // namespace

Encoding parse_encoding(std::string_view name, std::string_view field) {
  auto n = to_lower_ascii(trim(name));
  if (n == "utf-8" || n == "utf8") return Encoding::utf8;
  if (n == "windows-1252" || n == "cp1252" || n == "windows1252") return Encoding::windows1252;
  fail_field(field, "'{}' is not a supported encoding (utf-8 or windows-1252)", name);
}

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8: return "utf-8";
    case Encoding::windows1252: return "windows-1252";
    case Encoding::detect: break;
  }
  return "ascii";  // nothing but ASCII so far: both readings agree
}

Reader::Reader(Source source, Options options)
    : source_(std::move(source)), options_(options), delimiter_(options.delimiter), encoding_(options.encoding) {
  if (delimiter_ != 0 && delimiter_ != ';' && delimiter_ != ',')
    fail_field("delimiter", "'{}' is not supported (';' or ',')", delimiter_);
  options_.chunk_bytes = std::max<std::size_t>(options_.chunk_bytes, 16);
  options_.max_fields = std::max<std::size_t>(options_.max_fields, 1);
  chunk_.resize(options_.chunk_bytes);
}

bool Reader::fill() {
  if (eof_) return false;
  consumed_base_ += end_;
  pos_ = end_ = 0;
  std::size_t n = source_(chunk_.data(), chunk_.size());
  if (n == 0) {
    eof_ = true;
    return false;
  }
  end_ = n;
  return true;
}

// The first chunk: read it whole (sources may return short reads), then look at the byte order
// mark, the delimiter and, when the chunk has non-ASCII bytes, the encoding.
void Reader::start() {
  started_ = true;
  while (end_ < chunk_.size()) {
    std::size_t n = source_(chunk_.data() + end_, chunk_.size() - end_);
    if (n == 0) {
      eof_ = true;
      break;
    }
    end_ += n;
  }
  std::string_view head(chunk_.data(), end_);
  if (head.starts_with("\xFF\xFE") || head.starts_with("\xFE\xFF"))
    throw Error(ErrorKind::invalid, "the file is UTF-16; save it as UTF-8 or Windows-1252", "encoding");
  if (head.starts_with("\xEF\xBB\xBF")) {
    if (encoding_ == Encoding::windows1252)
      throw Error(ErrorKind::invalid, "encoding: the file starts with a UTF-8 byte order mark, not windows-1252",
                  "encoding");
    encoding_ = Encoding::utf8;
    bom_ = true;
    pos_ = 3;
  }
  if (encoding_ == Encoding::detect) {
    auto sample = head.substr(pos_);
    if (!eof_) sample = without_cut_sequence(sample);
    if (!all_ascii(sample)) encoding_ = looks_like_utf8(sample) ? Encoding::utf8 : Encoding::windows1252;
  }
  if (delimiter_ == 0) detect_delimiter();
  for (unsigned char c : {'"', '\n', '\r'}) stops_unquoted_[c] = stops_quoted_[c] = true;
  stops_unquoted_[static_cast<unsigned char>(delimiter_)] = true;
}

// Counts ';' and ',' outside quotes on the first non-empty line; the more frequent one wins.
void Reader::detect_delimiter() {
  std::size_t semicolons = 0, commas = 0, i = pos_;
  while (i < end_ && (chunk_[i] == '\r' || chunk_[i] == '\n')) ++i;
  bool quoted = false;
  for (; i < end_; ++i) {
    char c = chunk_[i];
    if (c == '"') quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r')) break;
    else if (!quoted && c == ';') ++semicolons;
    else if (!quoted && c == ',') ++commas;
  }
  delimiter_ = commas > semicolons ? ',' : ';';
}

void Reader::problem(int column, std::string message) {
  if (problems_.size() >= kMaxProblems) return;
  for (const auto& p : problems_)
    if (p.column == column && p.message == message) return;
  problems_.push_back({column, std::move(message)});
}

void Reader::begin_field() {
  field_start_ = raw_.size();
  field_truncated_ = false;
}

void Reader::end_field() {
  if (spans_.size() >= options_.max_fields) {
    problem(-1, fmt::format("has more than {} fields", options_.max_fields));
    return;
  }
  spans_.emplace_back(field_start_, raw_.size());
}

void Reader::append(const char* data, std::size_t size) {
  if (spans_.size() >= options_.max_fields) return;  // not stored; reported by end_field()
  std::size_t have = raw_.size() - field_start_;
  if (have + size > options_.max_field_bytes) {
    if (!field_truncated_)
      problem(int(spans_.size()), fmt::format("is longer than {} bytes", options_.max_field_bytes));
    field_truncated_ = true;
    size = have < options_.max_field_bytes ? options_.max_field_bytes - have : 0;
  }
  if (raw_.size() + size > options_.max_record_bytes) {
    problem(-1, fmt::format("is longer than {} bytes", options_.max_record_bytes));
    size = raw_.size() < options_.max_record_bytes ? options_.max_record_bytes - raw_.size() : 0;
  }
  raw_.append(data, size);
}

// Converts one field to UTF-8 when needed and checks it; returns whether it now lives in decoded_.
bool Reader::decode_field(std::size_t index, std::string_view raw) {
  int column = int(index);
  if (raw.empty()) return false;
  if (has_nul(raw)) problem(column, "contains a NUL byte");
  if (all_ascii(raw)) return false;
  if (encoding_ == Encoding::detect) encoding_ = looks_like_utf8(raw) ? Encoding::utf8 : Encoding::windows1252;
  if (encoding_ == Encoding::utf8) {
    if (!is_valid_utf8(raw)) problem(column, "is not valid UTF-8 (give --encoding windows-1252 if the file is not UTF-8)");
    return false;
  }
  for (char ch : raw) {
    auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      decoded_.push_back(ch);
    } else if (b >= 0xA0) {
      append_utf8(decoded_, char32_t(b));
    } else if (char16_t cp = kCp1252High[b - 0x80]; cp != 0) {
      append_utf8(decoded_, char32_t(cp));
    } else {
      problem(column, fmt::format("has the byte 0x{:02X}, which is not a Windows-1252 character", b));
      decoded_.push_back('?');
    }
  }
  return true;
}

// Whether every field of the record can be handed over as it is, without a problem: checked on
// the record's bytes at once, which is faster than field by field for the usual clean record. No
// NUL byte, and plain ASCII or (in a UTF-8 file) valid UTF-8 where no field starts with a
// continuation byte, so no sequence runs across two fields and each field is valid on its own.
bool Reader::record_is_clean() const {
  if (decode_columns_ != ~std::uint64_t(0)) return false;
  std::string_view all(raw_);
  if (has_nul(all)) return false;
  if (all_ascii(all)) return true;
  if (encoding_ != Encoding::utf8 || !is_valid_utf8(all)) return false;
  for (auto [from, to] : spans_)
    if (from < to && (static_cast<unsigned char>(raw_[from]) & 0xC0) == 0x80) return false;
  return true;
}

void Reader::finish(Record& record) {
  record.line = record_line_;
  record.last_line = record_last_line_;
  record.offset = record_offset_;
  record.length = bytes_read() - record_offset_;
  record.fields.clear();
  decoded_.clear();
  if (record_is_clean()) {
    for (auto [from, to] : spans_) record.fields.emplace_back(raw_.data() + from, to - from);
  } else {
    finish_fields(record);
  }
  record.problems.clear();
  record.problems.swap(problems_);
  // raw_ keeps its bytes until the next record starts: the views point into it (even clear()
  // would write a terminating NUL over the first byte).
  in_record_ = false;
  state_ = State::field_start;
}

// Field by field: converts what needs converting and names each field's problems.
void Reader::finish_fields(Record& record) {
  // First convert (decoded_ may grow and move), then point the views at their final bytes.
  where_.clear();
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    auto [from, to] = spans_[i];
    std::string_view raw(raw_.data() + from, to - from);
    std::size_t start = decoded_.size();
    bool wanted = i >= 64 || (decode_columns_ >> i & 1) != 0;
    bool converted = wanted && decode_field(i, raw);
    where_.push_back({converted, converted ? start : from, converted ? decoded_.size() - start : to - from});
  }
  for (const auto& w : where_)
    record.fields.emplace_back((w.decoded ? decoded_.data() : raw_.data()) + w.offset, w.size);
}

// Counts the line break `c`, the byte just consumed: an LF right after a CR ends no extra line.
void Reader::newline(char c) {
  std::uint64_t at = bytes_read() - 1;
  if (!(c == '\n' && at > 0 && cr_at_ == at - 1)) ++line_;
  if (c == '\r') cr_at_ = at;
}

// The line break `c` (at pos_) ends the current record. A CR may be the first half of CRLF: the
// record is finished on the next character (State::after_cr), and this returns false.
bool Reader::end_record(char c, Record& record) {
  end_field();
  record_last_line_ = line_;
  ++pos_;
  newline(c);
  if (c == '\r') {
    state_ = State::after_cr;
    return false;
  }
  finish(record);
  return true;
}

bool Reader::next(Record& record) {
  if (!started_) start();
  const char delimiter = delimiter_;
  for (;;) {
    if (pos_ == end_ && !fill()) {
      if (state_ == State::after_cr) {
        finish(record);
        return true;
      }
      if (!in_record_) return false;
      if (state_ == State::quoted)
        problem(-1, fmt::format("has a quoted field opened on line {} that is never closed", quote_line_));
      record_last_line_ = line_;
      if (state_ == State::field_start) begin_field();  // "a;" at the very end: an empty last field
      end_field();
      finish(record);
      return true;
    }
    char c = chunk_[pos_];
    switch (state_) {
      case State::after_cr:
        if (c == '\n') {
          ++pos_;
          newline(c);
        }
        finish(record);
        return true;

      case State::field_start:
        if (!in_record_) {
          if (c == '\n' || c == '\r') {  // an empty line: no record
            ++pos_;
            newline(c);
            continue;
          }
          in_record_ = true;
          raw_.clear();
          spans_.clear();
          record_line_ = line_;
          record_offset_ = bytes_read();
        }
        begin_field();
        if (c == '"') {
          quote_line_ = line_;
          ++pos_;
          state_ = State::quoted;
          continue;
        }
        state_ = State::unquoted;
        [[fallthrough]];

      case State::unquoted: {
        std::size_t run = pos_;
        while (run < end_ && !stops_unquoted_[static_cast<unsigned char>(chunk_[run])]) ++run;
        if (run > pos_) {
          append(chunk_.data() + pos_, run - pos_);
          pos_ = run;
        }
        if (pos_ == end_) continue;
        c = chunk_[pos_];
        if (c == delimiter) {
          ++pos_;
          end_field();
          state_ = State::field_start;
        } else if (c == '"') {
          problem(int(spans_.size()), "has a quote inside an unquoted field (quote the whole field and double the quote)");
          append(&c, 1);
          ++pos_;
        } else if (end_record(c, record)) {  // a line break
          return true;
        }
        continue;
      }

      case State::quoted: {
        std::size_t run = pos_;
        while (run < end_ && !stops_quoted_[static_cast<unsigned char>(chunk_[run])]) ++run;
        if (run > pos_) {
          append(chunk_.data() + pos_, run - pos_);
          pos_ = run;
        }
        if (pos_ == end_) continue;
        c = chunk_[pos_++];
        if (c == '"') {
          state_ = State::quote_in_quoted;
        } else {  // a line break inside the field belongs to it
          append(&c, 1);
          newline(c);
        }
        continue;
      }

      case State::quote_in_quoted:
        if (c == '"') {  // a doubled quote is one quote
          append(&c, 1);
          ++pos_;
          state_ = State::quoted;
        } else if (c == delimiter) {
          ++pos_;
          end_field();
          state_ = State::field_start;
        } else if (c == '\n' || c == '\r') {
          if (end_record(c, record)) return true;
        } else {
          problem(int(spans_.size()), "has text after its closing quote");
          state_ = State::unquoted;
        }
        continue;
    }
  }
}

Reader::Source file_source(std::FILE* file) {
  return [file](char* buffer, std::size_t size) {
    std::size_t n = std::fread(buffer, 1, size, file);
    if (n == 0 && std::ferror(file)) fail(ErrorKind::invalid, "cannot read the file: {}", std::strerror(errno));
    return n;
  };
}

Reader::Source stream_source(std::istream& stream) {
  return [&stream](char* buffer, std::size_t size) {
    stream.read(buffer, std::streamsize(size));
    if (stream.bad()) fail(ErrorKind::invalid, "cannot read the input");
    return std::size_t(stream.gcount());
  };
}

Reader::Source memory_source(std::string_view bytes) {
  return [bytes, pos = std::size_t(0)](char* buffer, std::size_t size) mutable {
    std::size_t n = std::min(size, bytes.size() - pos);
    std::memcpy(buffer, bytes.data() + pos, n);
    pos += n;
    return n;
  };
}

}  // namespace vrathaus::csv
