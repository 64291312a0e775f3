#pragma once
// SEPA identifiers: IBAN, BIC, creditor identifier, mandate reference. Each validator throws
// Error(invalid) naming the field (exit 5) and returns the normalised value, so every input path
// (CLI, REST, import rows, config) stores one spelling.
#include <string>
#include <string_view>

namespace vrathaus {

// ISO 13616: country code, two check digits (mod 97 = 1), the country's registered length.
// The print format with spaces ("DE89 3704 0044 0532 0130 00") and lower case are accepted;
// returns upper case without spaces.
std::string validate_iban(std::string_view value, std::string_view field = "iban");

// ISO 9362 BIC: 4 letters (bank), 2 letters (country), 2 letters or digits (location), an
// optional 3-character branch code. Returns upper case without spaces.
std::string validate_bic(std::string_view value, std::string_view field = "bic");
// The debtor's BIC of a mandate on `iban` (already validated): optional, but required where the
// IBAN's country is in SEPA and outside the EEA (CH, GB, …). Empty when not given.
std::string validate_debtor_bic(std::string_view iban, std::string_view bic, std::string_view field = "bic");

// SEPA creditor identifier: country code, two check digits, a 3-character business code and the
// national identifier. The check digits are ISO 7064 MOD 97-10 over the national identifier and
// the country code, the business code not counted (DE98ZZZ09999999999). German identifiers are
// 18 characters. Returns upper case without spaces.
std::string validate_creditor_id(std::string_view value, std::string_view field = "creditor_id");

// Mandate reference: 1..35 characters of the SEPA identifier set (A-Z a-z 0-9 / - ? : ( ) . , ' +),
// no spaces, not starting or ending with '/', no "//". Returns it trimmed, case kept; uniqueness
// is case-insensitive (compare upper-cased).
std::string validate_mandate_reference(std::string_view value, std::string_view field = "mandate_reference");

// The registered IBAN length of a country, 0 when the country has no IBAN.
int iban_length(std::string_view country);

// mod 97 of a string of letters and digits, letters counted as A=10 … Z=35 (ISO 7064 MOD 97-10).
int mod97(std::string_view alnum);

}  // namespace vrathaus
