#include "domain/encoding_sniffer.hpp"

#include <cstring>

namespace vrathaus {

void EncodingSniffer::invalid() {
  ++invalid_sequences_;
  needed_ = 0;
  low_ = 0x80;
  high_ = 0xBF;
}

void EncodingSniffer::expect(int continuation_bytes, unsigned char low, unsigned char high) {
  needed_ = continuation_bytes;
  low_ = low;
  high_ = high;
}

// The well-formed UTF-8 byte sequences of the Unicode standard (table 3-7): no overlong forms,
// no surrogates, nothing above U+10FFFF.
void EncodingSniffer::update(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    if (needed_ == 0) {
      // Runs of ASCII, eight bytes at a time: most of an import file.
      while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        if (word & 0x8080808080808080ULL) break;
        p += 8;
      }
      if (p == end) break;
    }
    unsigned char c = *p++;
    if (needed_ > 0) {
      if (c < low_ || c > high_) {
        invalid();
        --p;  // this byte starts afresh
        continue;
      }
      low_ = 0x80;
      high_ = 0xBF;
      if (--needed_ == 0) ++valid_sequences_;
      continue;
    }
    if (c < 0x80) continue;
    if (c >= 0xC2 && c <= 0xDF) expect(1, 0x80, 0xBF);
    else if (c == 0xE0) expect(2, 0xA0, 0xBF);
    else if (c == 0xED) expect(2, 0x80, 0x9F);
    else if (c >= 0xE1 && c <= 0xEF) expect(2, 0x80, 0xBF);
    else if (c == 0xF0) expect(3, 0x90, 0xBF);
    else if (c >= 0xF1 && c <= 0xF3) expect(3, 0x80, 0xBF);
    else if (c == 0xF4) expect(3, 0x80, 0x8F);
    else invalid();
  }
}

csv::Encoding EncodingSniffer::verdict() const {
  std::uint64_t invalid = invalid_sequences_ + (needed_ > 0 ? 1 : 0);  // a sequence cut off at the end
  if (valid_sequences_ > 0) return csv::Encoding::utf8;
  if (invalid > 0) return csv::Encoding::windows1252;
  return csv::Encoding::detect;
}

}  // namespace vrathaus
