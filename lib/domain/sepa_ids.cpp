#include "domain/sepa_ids.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace vrathaus {
namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum_upper(char c) { return is_upper(c) || is_digit(c); }

// The SWIFT IBAN registry: country code and total IBAN length.
constexpr std::array<std::pair<std::string_view, int>, 89> kIbanLengths{{
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22}, {"BH", 22},
    {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27},
    {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27},
    {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22},
    {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32},
    {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19},
    {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31},
    {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23},
    {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20}, {"YE", 30},
}};

// Upper-cases and drops spaces (the print format groups by four); anything else is kept so the
// character check below can name it.
std::string compact_upper(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value)
    if (c != ' ' && c != '\t') out += (c >= 'a' && c <= 'z') ? char(c - 'a' + 'A') : c;
  return out;
}

std::string shown(std::string_view value) { return trim(value); }

// The structure of the national part (BBAN) of the SEPA countries' IBANs, as the IBAN registry
// (ISO 13616) gives it: runs of a count and a kind, n digits, a upper-case letters, c either.
constexpr std::array<std::pair<std::string_view, std::string_view>, 41> kBbanFormats{{
    {"AD", "8n12c"},         {"AL", "8n16c"},    {"AT", "16n"},          {"BE", "12n"},      {"BG", "4a6n8c"},
    {"CH", "5n12c"},         {"CY", "8n16c"},    {"CZ", "20n"},          {"DE", "18n"},      {"DK", "14n"},
    {"EE", "16n"},           {"ES", "20n"},      {"FI", "14n"},          {"FR", "10n11c2n"}, {"GB", "4a14n"},
    {"GI", "4a15c"},         {"GR", "7n16c"},    {"HR", "17n"},          {"HU", "24n"},      {"IE", "4a14n"},
    {"IS", "22n"},           {"IT", "1a10n12c"}, {"LI", "5n12c"},        {"LT", "16n"},      {"LU", "3n13c"},
    {"LV", "4a13c"},         {"MC", "10n11c2n"}, {"MD", "20c"},          {"ME", "18n"},      {"MK", "3n10c2n"},
    {"MT", "4a5n18c"},       {"NL", "4a10n"},    {"NO", "11n"},          {"PL", "24n"},      {"PT", "21n"},
    {"RO", "4a16c"},         {"RS", "18n"},      {"SE", "20n"},          {"SI", "15n"},      {"SK", "20n"},
    {"SM", "1a10n12c"},
}};

std::string_view bban_format(std::string_view country) {
  for (const auto& [code, format] : kBbanFormats)
    if (code == country) return format;
  return {};
}

template <typename Each>
void for_each_run(std::string_view format, Each each) {
  std::size_t count = 0;
  for (char f : format) {
    if (is_digit(f)) {
      count = count * 10 + std::size_t(f - '0');
    } else {
      each(count, f);
      count = 0;
    }
  }
}

bool matches_bban(std::string_view bban, std::string_view format) {
  std::size_t at = 0;
  bool ok = true;
  for_each_run(format, [&](std::size_t count, char kind) {
    for (std::size_t i = 0; i < count && ok; ++i, ++at) {
      char c = at < bban.size() ? bban[at] : '\0';
      ok = kind == 'n' ? is_digit(c) : kind == 'a' ? is_upper(c) : is_alnum_upper(c);
    }
  });
  return ok && at == bban.size();
}

// "18n" → "18 digits"; "4a14n" → "4 letters, 14 digits".
std::string describe_bban(std::string_view format) {
  std::string out;
  for_each_run(format, [&](std::size_t count, char kind) {
    if (!out.empty()) out += ", ";
    out += std::to_string(count) + (kind == 'n' ? " digits" : kind == 'a' ? " letters" : " letters or digits");
  });
  return out;
}

// SEPA countries outside the EEA, where the EPC rulebook still requires the debtor's BIC.
constexpr std::array<std::string_view, 12> kBicRequired{"AD", "AL", "CH", "GB", "GI", "MC", "MD", "ME", "MK", "RS", "SM", "VA"};

}  // namespace

int iban_length(std::string_view country) {
  for (const auto& [code, length] : kIbanLengths)
    if (code == country) return length;
  return 0;
}

int mod97(std::string_view alnum) {
  int remainder = 0;
  for (char c : alnum) {
    int value = is_digit(c) ? c - '0' : c - 'A' + 10;
    remainder = (value >= 10 ? remainder * 100 : remainder * 10) + value;
    remainder %= 97;
  }
  return remainder;
}

std::string validate_iban(std::string_view value, std::string_view field) {
  auto iban = compact_upper(value);
  if (iban.empty()) fail_field(field, "must not be empty");
  if (!std::all_of(iban.begin(), iban.end(), is_alnum_upper))
    fail_field(field, "'{}' is not an IBAN (letters and digits only)", shown(value));
  if (iban.size() < 4 || !is_upper(iban[0]) || !is_upper(iban[1]) || !is_digit(iban[2]) || !is_digit(iban[3]))
    fail_field(field, "'{}' is not an IBAN (country code and two check digits first)", shown(value));
  auto country = std::string_view(iban).substr(0, 2);
  int length = iban_length(country);
  if (length == 0) fail_field(field, "'{}': {} is not a country with IBANs", shown(value), country);
  if (int(iban.size()) != length)
    fail_field(field, "'{}' has {} characters; IBANs from {} have {}", shown(value), iban.size(), country, length);
  // ISO 13616: move the first four characters to the end; the number mod 97 must be 1.
  if (mod97(iban.substr(4) + iban.substr(0, 4)) != 1) fail_field(field, "'{}' has wrong check digits", shown(value));
  // The check digits cannot tell a letter where the country's account number has only digits.
  if (auto format = bban_format(country); !format.empty() && !matches_bban(std::string_view(iban).substr(4), format))
    fail_field(field, "'{}' is not an IBAN from {}: its account part must be {}", shown(value), country,
               describe_bban(format));
  return iban;
}

std::string validate_debtor_bic(std::string_view iban, std::string_view bic, std::string_view field) {
  if (!trim(bic).empty()) return validate_bic(bic, field);
  auto country = iban.substr(0, 2);
  if (std::find(kBicRequired.begin(), kBicRequired.end(), country) != kBicRequired.end())
    fail_field(field, "is required for an IBAN from {}: outside the EEA, SEPA direct debits need the debtor's BIC",
               country);
  return {};
}

std::string validate_bic(std::string_view value, std::string_view field) {
  auto bic = compact_upper(value);
  if (bic.empty()) fail_field(field, "must not be empty");
  bool ok = (bic.size() == 8 || bic.size() == 11) && std::all_of(bic.begin(), bic.begin() + 6, is_upper) &&
            std::all_of(bic.begin() + 6, bic.end(), is_alnum_upper);
  if (!ok)
    fail_field(field, "'{}' is not a BIC (4 letters bank, 2 letters country, 2 characters location, optional 3 branch)",
               shown(value));
  return bic;
}

std::string validate_creditor_id(std::string_view value, std::string_view field) {
  auto id = compact_upper(value);
  if (id.empty()) fail_field(field, "must not be empty");
  if (!std::all_of(id.begin(), id.end(), is_alnum_upper))
    fail_field(field, "'{}' is not a creditor identifier (letters and digits only)", shown(value));
  if (id.size() < 8 || id.size() > 35 || !is_upper(id[0]) || !is_upper(id[1]) || !is_digit(id[2]) || !is_digit(id[3]))
    fail_field(field, "'{}' is not a creditor identifier (e.g. DE98ZZZ09999999999)", shown(value));
  auto country = id.substr(0, 2), national = id.substr(7);
  if (country == "DE" && (id.size() != 18 || !std::all_of(national.begin(), national.end(), is_digit)))
    fail_field(field, "'{}': German creditor identifiers are DE, 2 check digits, 3 characters and 11 digits",
               shown(value));
  // Check digits: MOD 97-10 over national identifier + country code + "00"; the business code
  // (positions 5-7, usually ZZZ) is not part of it.
  int expected = 98 - mod97(national + country + "00");
  if (expected != (id[2] - '0') * 10 + (id[3] - '0')) fail_field(field, "'{}' has wrong check digits", shown(value));
  return id;
}

std::string validate_mandate_reference(std::string_view value, std::string_view field) {
  auto reference = trim(value);
  if (reference.empty()) fail_field(field, "must not be empty");
  if (reference.size() > 35) fail_field(field, "'{}' is longer than 35 characters", reference);
  for (char c : reference) {
    bool ok = is_upper(c) || (c >= 'a' && c <= 'z') || is_digit(c) || std::string_view("/-?:().,'+").find(c) != std::string_view::npos;
    if (!ok) {
      if (c == ' ') fail_field(field, "'{}' contains a space; mandate references allow none", reference);
      fail_field(field, "'{}' contains a character outside the SEPA set (A-Z a-z 0-9 / - ? : ( ) . , ' +)", reference);
    }
  }
  if (reference.front() == '/' || reference.back() == '/' || reference.find("//") != std::string::npos)
    fail_field(field, "'{}' must not start or end with '/' or contain '//'", reference);
  return reference;
}

}  // namespace vrathaus
