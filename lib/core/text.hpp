#pragma once
#include <string>
#include <string_view>

namespace vrathaus {

bool is_valid_utf8(std::string_view text);
// Trims ASCII whitespace at both ends.
std::string trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
std::string to_upper_ascii(std::string_view text);
// Equal when only ASCII letters differ in case: SQLite's lower(), which the login index uses.
bool equal_ignoring_ascii_case(std::string_view a, std::string_view b);
// Number of Unicode code points (text must be valid UTF-8).
std::size_t utf8_length(std::string_view text);
// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);
// Decodes one code point at `pos` and advances it; returns U+FFFD on malformed input.
char32_t next_code_point(std::string_view text, std::size_t& pos);

}  // namespace vrathaus
