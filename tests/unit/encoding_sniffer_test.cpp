// The whole-file encoding decision of the import: any well-formed multi-byte UTF-8 sequence makes
// a file UTF-8 (its bad bytes are errors of their rows); bytes that are not UTF-8 and no such
// sequence make it Windows-1252; ASCII alone decides nothing.
#include "domain/encoding_sniffer.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace vrathaus;

namespace {

csv::Encoding sniff(const std::string& text, std::size_t chunk = 4096) {
  EncodingSniffer s;
  for (std::size_t at = 0; at < text.size(); at += chunk) s.update(std::string_view(text).substr(at, chunk));
  return s.verdict();
}

}  // namespace

TEST_CASE("ASCII decides nothing, UTF-8 and Windows-1252 are told apart") {
  CHECK(sniff("customer_no;company_name\nK-1;Firma\n") == csv::Encoding::detect);
  CHECK(sniff("K-1;M\xC3\xBCller\n") == csv::Encoding::utf8);
  CHECK(sniff("K-1;M\xFCller;Stra\xDF" "e\n") == csv::Encoding::windows1252);
}

TEST_CASE("one bad byte does not outweigh real UTF-8, wherever it stands") {
  std::string bad_first = "K-1;Bad \xFC Byte\n" + std::string(100000, 'a') + "\nK-2;M\xC3\xBCller\n";
  std::string bad_last = "K-1;M\xC3\xBCller\n" + std::string(100000, 'a') + "\nK-2;Bad \xFC Byte\n";
  CHECK(sniff(bad_first) == csv::Encoding::utf8);
  CHECK(sniff(bad_last) == csv::Encoding::utf8);
}

TEST_CASE("sequences split across chunks are whole; malformed ones are not UTF-8") {
  std::string text = "x\xE2\x82\xAC" "y\xF0\x9F\x98\x80z";  // € and an emoji
  for (std::size_t chunk = 1; chunk < 6; ++chunk) CHECK(sniff(text, chunk) == csv::Encoding::utf8);
  CHECK(sniff("\xC0\xAF") == csv::Encoding::windows1252);          // overlong
  CHECK(sniff("\xED\xA0\x80") == csv::Encoding::windows1252);      // a surrogate
  CHECK(sniff("\xF4\x90\x80\x80") == csv::Encoding::windows1252);  // above U+10FFFF
  CHECK(sniff("ab\xC3") == csv::Encoding::windows1252);            // cut off at the end
}
