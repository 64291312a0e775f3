#pragma once
// Field validators shared by every input path (CLI options, REST bodies, import rows). Each
// throws Error(invalid) naming the field; each returns the normalised value.
#include "core/date.hpp"

#include <string>
#include <string_view>

namespace vrathaus {

// Trimmed, valid UTF-8, no control characters, 1..max_chars code points.
std::string validate_text(std::string_view value, std::string_view field, std::size_t max_chars = 200);
// A practical e-mail check (RFC 5321 lengths, one @, a dotted domain); lower-cases the domain.
std::string validate_email(std::string_view value, std::string_view field = "login");
// German postal code: five digits.
std::string validate_postal_code(std::string_view value, std::string_view field = "postal_code");
// House number: digits with an optional letter or range ("12", "12a", "12-14").
std::string validate_house_no(std::string_view value, std::string_view field = "house_no");
// A birth date: a real date, not in the future, not before 1900.
Date validate_birth_date(std::string_view value, const Date& today, std::string_view field = "birth_date");
// Telephone: digits, spaces and + ( ) / - only, 5..30 characters.
std::string validate_phone(std::string_view value, std::string_view field = "phone");

}  // namespace vrathaus

namespace vrathaus {

// Commercial register number: "HRB 12345" (HRA, HRB, GnR, PR, VR, GsR), optional letter suffix.
std::string validate_register_no(std::string_view value, std::string_view field = "register_no");
// German VAT id: DE + 9 digits whose last is the ISO 7064 MOD 11,10 check digit of the first 8.
std::string validate_vat_id(std::string_view value, std::string_view field = "vat_id");
bool vat_id_check_digit_ok(std::string_view nine_digits);

}  // namespace vrathaus
