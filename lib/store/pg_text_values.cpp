#include "store/pg_text_values.hpp"

#include "core/error.hpp"

#include <charconv>

namespace vrathaus {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string pg_bytea_text(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  text.reserve(2 + 2 * bytes.size());
  text += "\\x";
  for (unsigned char b : bytes) {
    text += kDigits[b >> 4];
    text += kDigits[b & 0x0f];
  }
  return text;
}

std::string pg_bytea_bytes(std::string_view text) {
  if (!text.starts_with("\\x") || text.size() % 2 != 0)
    fail(ErrorKind::internal, "PostgreSQL sent a bytea value that is not in hex format");
  std::string bytes;
  bytes.reserve(text.size() / 2 - 1);
  for (std::size_t i = 2; i < text.size(); i += 2) {
    int high = hex_digit(text[i]), low = hex_digit(text[i + 1]);
    if (high < 0 || low < 0) fail(ErrorKind::internal, "PostgreSQL sent a bytea value that is not in hex format");
    bytes += static_cast<char>(high << 4 | low);
  }
  return bytes;
}

long long pg_integer(std::string_view text, std::string_view column) {
  if (text == "t") return 1;
  if (text == "f") return 0;
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size())
    fail(ErrorKind::internal, "the column {} holds '{}', not an integer", column, text);
  return value;
}

}  // namespace vrathaus
