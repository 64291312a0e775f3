#include "domain/plate.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <vector>

namespace vrathaus {
namespace {

bool is_separator(char32_t c) { return c == ' ' || c == '-' || c == '\t'; }
bool is_ascii_letter(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_umlaut(char32_t c) { return c == U'Ä' || c == U'Ö' || c == U'Ü' || c == U'ä' || c == U'ö' || c == U'ü'; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

char32_t upper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 'a' + 'A';
  if (c == U'ä') return U'Ä';
  if (c == U'ö') return U'Ö';
  if (c == U'ü') return U'Ü';
  return c;
}

// Reads a run of code points matching `accept` from `cps` at `i`.
template <typename Pred>
std::u32string take(const std::u32string& cps, std::size_t& i, Pred accept) {
  std::u32string out;
  while (i < cps.size() && accept(cps[i])) out += upper(cps[i++]);
  return out;
}

void skip_separators(const std::u32string& cps, std::size_t& i) {
  while (i < cps.size() && is_separator(cps[i])) ++i;
}

std::string utf8(const std::u32string& cps) {
  std::string out;
  for (char32_t c : cps) append_utf8(out, c);
  return out;
}

}  // namespace

std::string normalise_plate(std::string_view value, std::string_view field) {
  if (!is_valid_utf8(value)) fail_field(field, "is not valid UTF-8");
  auto text = trim(value);
  if (text.empty()) fail_field(field, "must not be empty");
  std::u32string cps;
  for (std::size_t pos = 0; pos < text.size();) cps += next_code_point(text, pos);

  auto bad = [&](std::string_view why) -> void {
    fail_field(field, "'{}' is not a German plate: {} (e.g. DO-AB 1234)", text, why);
  };
  std::size_t i = 0;
  auto district = take(cps, i, [](char32_t c) { return is_ascii_letter(c) || is_umlaut(c); });
  if (district.empty()) bad("it must start with the district code");
  if (i < cps.size() && is_digit(cps[i]))
    bad("the district code and the letters must be separated by a hyphen or space (DOAB1234 is ambiguous)");
  if (i == cps.size() || !is_separator(cps[i])) bad("expected a hyphen or space after the district code");
  if (district.size() > 3) bad("the district code has 1 to 3 letters");
  skip_separators(cps, i);

  auto letters = take(cps, i, [](char32_t c) { return is_ascii_letter(c) || is_umlaut(c); });
  if (letters.empty()) bad("expected 1 or 2 letters after the district code");
  for (char32_t c : letters)
    if (is_umlaut(c)) bad("umlauts are allowed in the district code only");
  if (letters.size() > 2) bad("1 or 2 letters follow the district code");
  skip_separators(cps, i);

  auto digits = take(cps, i, is_digit);
  if (digits.empty()) bad("expected 1 to 4 digits");
  if (digits.size() > 4) bad("at most 4 digits");
  if (digits[0] == '0') bad("the number must not start with 0");

  std::u32string suffix;
  std::size_t before_suffix = i;
  skip_separators(cps, i);
  if (i < cps.size() && (upper(cps[i]) == 'E' || upper(cps[i]) == 'H')) {
    suffix = upper(cps[i++]);
  } else {
    i = before_suffix;
  }
  if (i != cps.size()) bad("unexpected characters after the number (only an E or H suffix may follow)");
  if (district.size() + letters.size() + digits.size() + suffix.size() > 8)
    bad("at most 8 characters, separators not counted");
  return utf8(district) + "-" + utf8(letters) + " " + utf8(digits) + utf8(suffix);
}

}  // namespace vrathaus
