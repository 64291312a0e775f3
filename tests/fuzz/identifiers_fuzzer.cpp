// libFuzzer target: every parser of single identifiers from outside (CLI options, REST bodies,
// import rows, config) on the same arbitrary bytes — plates, IBAN, BIC, SEPA creditor id,
// mandate reference, dates, VAT id, register number, postal code, house number, phone, e-mail,
// free text, and the folding of names for search and payment files.
// Invariants: only Error escapes a validator; what one accepts is its own normal form (accepted
// again unchanged, so every input path stores one spelling); an accepted IBAN's print form
// (groups of four, lower case) comes back to the same electronic form; check digits hold (IBAN,
// creditor id, VAT id) and the shape is the documented one (plates, mandate references).
#include "core/date.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/folding.hpp"
#include "domain/plate.hpp"
#include "domain/sepa_ids.hpp"
#include "domain/validate.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

using namespace vrathaus;

namespace {

// The value `validate` accepts, nullopt when it refuses with an Error (anything else escapes).
template <typename Validate>
std::optional<std::string> accepted(Validate validate, std::string_view input) {
  try {
    return validate(input);
  } catch (const Error&) {
    return std::nullopt;
  }
}

// An accepted value is its own normal form: validating it again changes nothing.
template <typename Validate>
std::optional<std::string> check_normal_form(Validate validate, std::string_view input) {
  auto once = accepted(validate, input);
  if (once && accepted(validate, *once) != once) std::abort();
  return once;
}

bool is_upper_alnum(std::string_view s) {
  for (char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

void check_iban(std::string_view input) {
  auto iban = check_normal_form([](std::string_view v) { return validate_iban(v); }, input);
  if (!iban) return;
  if (iban->size() < 5 || !is_upper_alnum(*iban)) std::abort();
  if (int(iban->size()) != iban_length(iban->substr(0, 2))) std::abort();
  if (mod97(iban->substr(4) + iban->substr(0, 4)) != 1) std::abort();
  std::string print;  // "DE89 3704 0044 0532 0130 00"
  for (std::size_t i = 0; i < iban->size(); ++i) print += (i && i % 4 == 0 ? " " : "") + std::string(1, (*iban)[i]);
  if (accepted([](std::string_view v) { return validate_iban(v); }, print) != iban) std::abort();
  if (accepted([](std::string_view v) { return validate_iban(v); }, to_lower_ascii(print)) != iban) std::abort();
}

// "DO-AB 1234", "DÜW-X 1E": district, hyphen, letters, space, digits without a leading zero, an
// optional E or H; at most 8 characters besides the separators.
void check_plate(std::string_view input) {
  auto plate = check_normal_form([](std::string_view v) { return normalise_plate(v); }, input);
  if (!plate) return;
  auto hyphen = plate->find('-'), space = plate->find(' ');
  if (hyphen == std::string::npos || space == std::string::npos || space < hyphen) std::abort();
  if (utf8_length(*plate) - 2 > 8) std::abort();
  auto number = std::string_view(*plate).substr(space + 1);
  if (number.empty() || number[0] < '1' || number[0] > '9') std::abort();
}

// The check digits of an accepted creditor id: MOD 97-10 over the national identifier, the
// country code and the check digits, the business code (characters 5–7) left out.
void check_creditor_id(std::string_view input) {
  auto id = check_normal_form([](std::string_view v) { return validate_creditor_id(v); }, input);
  if (!id) return;
  if (id->size() < 8 || !is_upper_alnum(*id)) std::abort();
  if (mod97(id->substr(7) + id->substr(0, 4)) != 1) std::abort();
}

void check_mandate_reference(std::string_view input) {
  auto ref = check_normal_form([](std::string_view v) { return validate_mandate_reference(v); }, input);
  if (!ref) return;
  if (ref->empty() || ref->size() > 35 || ref->front() == '/' || ref->back() == '/' || ref->find("//") != std::string::npos)
    std::abort();
  for (char c : *ref)
    if (!std::isalnum(static_cast<unsigned char>(c)) && std::string_view("/-?:().,'+").find(c) == std::string_view::npos)
      std::abort();
}

void check_date(std::string_view input) {
  auto date = Date::parse(input);
  if (!date) return;
  // Strict YYYY-MM-DD: the accepted text is exactly the printed form.
  if (date->str() != input || Date::parse(date->str()) != date) std::abort();
  try {
    validate_birth_date(input, Date(2026, 11, 25));
  } catch (const Error&) {
  }
}

void check_folding(std::string_view input) {
  if (!is_valid_utf8(input)) return;  // both take text that passed validate_text
  auto folded = fold_german(input);
  if (fold_german(folded) != folded) std::abort();
  for (char c : transliterate_sepa(input)) {
    bool sepa = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view("/-?:().,'+ ").find(c) != std::string_view::npos;
    if (!sepa) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  check_plate(input);
  check_iban(input);
  if (auto bic = check_normal_form([](std::string_view v) { return validate_bic(v); }, input))
    if ((bic->size() != 8 && bic->size() != 11) || !is_upper_alnum(*bic)) std::abort();
  check_creditor_id(input);
  check_mandate_reference(input);
  check_date(input);
  if (auto vat = check_normal_form([](std::string_view v) { return validate_vat_id(v); }, input))
    if (vat->size() != 11 || vat->substr(0, 2) != "DE" || !vat_id_check_digit_ok(vat->substr(2))) std::abort();
  check_normal_form([](std::string_view v) { return validate_register_no(v); }, input);
  if (auto code = check_normal_form([](std::string_view v) { return validate_postal_code(v); }, input))
    if (code->size() != 5) std::abort();
  check_normal_form([](std::string_view v) { return validate_house_no(v); }, input);
  check_normal_form([](std::string_view v) { return validate_phone(v); }, input);
  if (auto email = check_normal_form([](std::string_view v) { return validate_email(v); }, input))
    if (std::count(email->begin(), email->end(), '@') != 1) std::abort();
  if (auto text = check_normal_form([](std::string_view v) { return validate_text(v, "name"); }, input))
    if (!is_valid_utf8(*text)) std::abort();
  check_folding(input);
  return 0;
}
