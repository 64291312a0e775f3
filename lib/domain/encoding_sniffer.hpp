#pragma once
// Decides a whole file's encoding from all of its bytes, fed in chunks: UTF-8 unless the file
// shows no valid UTF-8 multi-byte sequence at all while having bytes that are not UTF-8, which
// is what Windows-1252 text (ä = 0xE4 alone) looks like. Deciding from the whole file, not from
// the first non-ASCII field, means one bad byte in a UTF-8 file is that row's error wherever it
// stands, instead of turning every "ü" before it into "Ã¼".
#include "domain/csv_reader.hpp"

#include <cstdint>
#include <string_view>

namespace vrathaus {

class EncodingSniffer {
public:
  void update(std::string_view bytes);
  // detect while every byte was ASCII (either encoding reads it the same), else utf8 or
  // windows1252. Meaningful once every byte of the file was fed.
  csv::Encoding verdict() const;

private:
  void invalid();
  void expect(int continuation_bytes, unsigned char low, unsigned char high);

  std::uint64_t valid_sequences_ = 0;    // multi-byte UTF-8 sequences
  std::uint64_t invalid_sequences_ = 0;  // bytes that cannot be UTF-8 where they stand
  int needed_ = 0;                       // continuation bytes still expected
  unsigned char low_ = 0x80, high_ = 0xBF;  // the range of the next continuation byte
};

}  // namespace vrathaus
