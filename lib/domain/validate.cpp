#include "domain/validate.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cctype>

namespace vrathaus {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string validate_text(std::string_view value, std::string_view field, std::size_t max_chars) {
  if (!is_valid_utf8(value)) fail_field(field, "is not valid UTF-8");
  auto text = trim(value);
  if (text.empty()) fail_field(field, "must not be empty");
  if (std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
    fail_field(field, "must not contain control characters");
  if (utf8_length(text) > max_chars) fail_field(field, "is longer than {} characters", max_chars);
  return text;
}

std::string validate_email(std::string_view value, std::string_view field) {
  auto text = validate_text(value, field, 254);
  auto at = text.find('@');
  if (at == std::string::npos || at == 0 || text.find('@', at + 1) != std::string::npos)
    fail_field(field, "'{}' is not an e-mail address", text);
  auto local = text.substr(0, at), domain = to_lower_ascii(text.substr(at + 1));
  if (local.size() > 64) fail_field(field, "the part before @ is longer than 64 characters");
  if (text.find(' ') != std::string::npos) fail_field(field, "'{}' contains a space", text);
  auto dot = domain.rfind('.');
  if (domain.empty() || dot == std::string::npos || dot == 0 || dot + 2 > domain.size() || domain.find("..") != std::string::npos ||
      domain.front() == '-' || domain.front() == '.' || domain.back() == '.')
    fail_field(field, "'{}' has no valid domain", text);
  for (char c : domain)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80))
      fail_field(field, "'{}' has an invalid character in its domain", text);
  return local + "@" + domain;
}

std::string validate_postal_code(std::string_view value, std::string_view field) {
  auto text = trim(value);
  if (text.size() != 5 || !std::all_of(text.begin(), text.end(), is_digit))
    fail_field(field, "'{}' is not a German postal code (five digits)", text);
  // Leitregion 00 was never assigned: the lowest postal code in use is 01067.
  if (text.starts_with("00")) fail_field(field, "'{}' is not a German postal code (none starts with 00)", text);
  return text;
}

std::string validate_house_no(std::string_view value, std::string_view field) {
  auto text = validate_text(value, field, 12);
  if (!is_digit(text.front())) fail_field(field, "'{}' must start with a digit", text);
  for (char c : text)
    if (!(is_digit(c) || std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '/' || c == ' '))
      fail_field(field, "'{}' is not a house number", text);
  return text;
}

Date validate_birth_date(std::string_view value, const Date& today, std::string_view field) {
  auto date = Date::parse_field(value, field);
  if (date > today) fail_field(field, "{} is in the future", date.str());
  return date;
}

std::string validate_phone(std::string_view value, std::string_view field) {
  auto text = trim(value);
  if (text.size() < 5 || text.size() > 30) fail_field(field, "'{}' is not a telephone number", text);
  for (char c : text)
    if (!(is_digit(c) || c == ' ' || c == '+' || c == '(' || c == ')' || c == '/' || c == '-'))
      fail_field(field, "'{}' is not a telephone number", text);
  return text;
}

}  // namespace vrathaus

namespace vrathaus {

std::string validate_register_no(std::string_view value, std::string_view field) {
  auto text = trim(value);
  static constexpr std::string_view kinds[] = {"HRA", "HRB", "GnR", "PR", "VR", "GsR"};
  for (auto kind : kinds) {
    if (text.rfind(kind, 0) != 0) continue;
    auto rest = trim(std::string_view(text).substr(kind.size()));
    std::size_t digits = 0;
    while (digits < rest.size() && is_digit(rest[digits])) ++digits;
    bool suffix_ok = digits == rest.size() ||
                     (digits + 1 == rest.size() && std::isalpha(static_cast<unsigned char>(rest.back()))) ||
                     (digits + 2 == rest.size() && rest[digits] == ' ' && std::isalpha(static_cast<unsigned char>(rest.back())));
    if (digits >= 1 && digits <= 6 && rest[0] != '0' && suffix_ok) return std::string(kind) + " " + rest;
  }
  fail_field(field, "'{}' is not a register number (e.g. HRB 12345; HRA, HRB, GnR, PR, VR, GsR)", text);
}

bool vat_id_check_digit_ok(std::string_view d) {
  if (d.size() != 9 || !std::all_of(d.begin(), d.end(), is_digit)) return false;
  int product = 10;
  for (int i = 0; i < 8; ++i) {
    int sum = (d[i] - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = (2 * sum) % 11;
  }
  int check = 11 - product;
  if (check == 10) check = 0;
  return check == d[8] - '0';
}

std::string validate_vat_id(std::string_view value, std::string_view field) {
  std::string text;
  for (char c : value)
    if (c != ' ') text += char(std::toupper(static_cast<unsigned char>(c)));
  if (text.size() != 11 || text.rfind("DE", 0) != 0 || !std::all_of(text.begin() + 2, text.end(), is_digit))
    fail_field(field, "'{}' is not a German VAT id (DE and nine digits)", trim(value));
  if (!vat_id_check_digit_ok(std::string_view(text).substr(2)))
    fail_field(field, "'{}' has a wrong check digit", text);
  return text;
}

}  // namespace vrathaus
