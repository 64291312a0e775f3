#include "domain/business_row.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "domain/folding.hpp"
#include "domain/validate.hpp"

#include "domain/sepa_ids.hpp"

#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>

namespace vrathaus {
namespace {

using C = BusinessColumn;

constexpr std::array<std::string_view, kBusinessColumns> kNames{
    "customer_no", "company_name", "legal_form", "register_court", "register_no", "vat_id",
    "street",      "house_no",     "postal_code", "city",          "email",       "phone",
    "contact_given_name", "contact_family_name", "iban", "bic", "mandate_reference", "mandate_signed_on"};

constexpr std::array kRequired{C::customer_no, C::company_name, C::street, C::house_no, C::postal_code, C::city, C::email};
// All or none of these; bic may only come with them.
constexpr std::array kMandate{C::iban, C::mandate_reference, C::mandate_signed_on};

std::string_view raw(const BusinessHeader& h, std::span<const std::string_view> fields, C c) {
  int at = h.position[std::size_t(c)];
  return at >= 0 && std::size_t(at) < fields.size() ? fields[std::size_t(at)] : std::string_view();
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Runs of line breaks and tabs, with the spaces around them, become one space.
std::string collapse_breaks(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (std::size_t i = 0; i < v.size();) {
    char c = v[i];
    if (c != '\r' && c != '\n' && c != '\t') {
      out += c;
      ++i;
      continue;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    while (i < v.size() && (v[i] == '\r' || v[i] == '\n' || v[i] == '\t' || v[i] == ' ')) ++i;
    out += ' ';
  }
  return out;
}

// Validators throw "FIELD: why"; a row error keeps the column apart from the why.
RowError row_error(C column, const Error& e) {
  std::string_view name = column_name(column), message = e.what();
  if (message.starts_with(name) && message.substr(name.size()).starts_with(": ")) message.remove_prefix(name.size() + 2);
  return {std::string(name), std::string(message)};
}

// Runs one validator; on failure records the error and leaves `out` alone.
template <typename Validate>
bool check(C column, std::vector<RowError>& errors, Validate&& validate) {
  try {
    validate();
    return true;
  } catch (const Error& e) {
    errors.push_back(row_error(column, e));
    return false;
  }
}

}  // namespace

std::string_view column_name(BusinessColumn column) { return kNames[std::size_t(column)]; }

std::string_view BusinessHeader::name_at(int index) const {
  return index >= 0 && std::size_t(index) < names.size() ? std::string_view(names[std::size_t(index)]) : std::string_view();
}

BusinessHeader parse_business_header(std::span<const std::string_view> names) {
  BusinessHeader h;
  h.position.fill(-1);
  std::vector<std::string> unknown;
  for (std::size_t i = 0; i < names.size(); ++i) {
    auto name = to_lower_ascii(trim(names[i]));
    h.names.push_back(name);
    auto it = std::find(kNames.begin(), kNames.end(), name);
    if (it == kNames.end()) {
      unknown.push_back(name.empty() ? "(empty)" : name);
      continue;
    }
    auto c = std::size_t(it - kNames.begin());
    if (h.position[c] >= 0) throw Error(ErrorKind::invalid, fmt::format("column {} appears twice in the header", name), name);
    h.position[c] = int(i);
  }
  if (!unknown.empty())
    throw Error(ErrorKind::invalid,
                fmt::format("unknown column {} in the header (known: {})", unknown.front(),
                            fmt::join(kNames.begin(), kNames.end(), ", ")),
                unknown.front());
  for (auto c : kRequired)
    if (!h.has(c))
      throw Error(ErrorKind::invalid, fmt::format("the header lacks the required column {}", column_name(c)),
                  std::string(column_name(c)));
  std::size_t mandate_columns = 0;
  for (auto c : kMandate) mandate_columns += h.has(c) ? 1 : 0;
  if ((mandate_columns > 0 && mandate_columns < kMandate.size()) || (h.has(C::bic) && mandate_columns == 0)) {
    for (auto c : kMandate)
      if (!h.has(c))
        throw Error(ErrorKind::invalid,
                    fmt::format("the header has some mandate columns but not {}: iban, mandate_reference and "
                                "mandate_signed_on come together (bic is optional)",
                                column_name(c)),
                    std::string(column_name(c)));
  }
  h.has_mandate = mandate_columns == kMandate.size();
  return h;
}

std::string validate_customer_no(std::string_view value, std::string_view field) {
  auto text = trimmed(value);
  if (text.empty()) fail_field(field, "is required");
  bool ok = text.size() <= 32 && std::isalnum(static_cast<unsigned char>(text.front()));
  for (char c : text)
    ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '/' || c == '-');
  if (!ok) fail_field(field, "'{}' is not a customer number (1-32 letters, digits and . _ / -)", text);
  return std::string(text);
}

std::string customer_no_key(std::string_view value) { return std::string(trimmed(value)); }
std::string email_key(std::string_view value) { return to_lower_ascii(trimmed(value)); }
std::string mandate_reference_key(std::string_view value) { return to_upper_ascii(trimmed(value)); }

std::string customer_no_key(const BusinessHeader& header, std::span<const std::string_view> fields) {
  return customer_no_key(raw(header, fields, C::customer_no));
}

std::string email_key(const BusinessHeader& header, std::span<const std::string_view> fields) {
  return email_key(raw(header, fields, C::email));
}

std::string mandate_reference_key(const BusinessHeader& header, std::span<const std::string_view> fields) {
  return mandate_reference_key(raw(header, fields, C::mandate_reference));
}

bool validate_business_row(const BusinessHeader& h, std::span<const std::string_view> fields, const Date& today,
                           BusinessRow& row, std::vector<RowError>& errors) {
  std::size_t before = errors.size();
  if (fields.size() != h.names.size()) {
    errors.push_back({"", fmt::format("has {} fields, the header has {}", fields.size(), h.names.size())});
    return false;
  }
  auto value = [&](C c) { return trimmed(raw(h, fields, c)); };
  auto required = [&](C c, std::string& out, auto&& validate) {
    check(c, errors, [&] {
      auto v = value(c);
      if (v.empty()) fail_field(column_name(c), "is required");
      out = validate(v, column_name(c));
    });
  };
  auto optional = [&](C c, std::optional<std::string>& out, auto&& validate) {
    out.reset();
    auto v = value(c);
    if (!v.empty()) check(c, errors, [&] { out = validate(v, column_name(c)); });
  };
  // A line break or tab inside a name or address (a spreadsheet's Alt+Enter) is layout, not
  // content: it becomes one space. Other control characters are still refused.
  auto text = [](std::size_t max) {
    return [max](std::string_view v, std::string_view f) {
      // Copied only when there is a break to collapse: this runs for eight columns of every row
      // (and a plain loop, not find_first_of, which calls memchr once per character).
      if (std::none_of(v.begin(), v.end(), [](char c) { return c == '\r' || c == '\n' || c == '\t'; }))
        return validate_text(v, f, max);
      return validate_text(collapse_breaks(v), f, max);
    };
  };

  required(C::customer_no, row.customer_no, [](auto v, auto f) { return validate_customer_no(v, f); });
  required(C::company_name, row.company_name, text(200));
  row.folded_name = fold_german(row.company_name);
  required(C::street, row.street, text(100));
  required(C::house_no, row.house_no, [](auto v, auto f) { return validate_house_no(v, f); });
  required(C::postal_code, row.postal_code, [](auto v, auto f) { return validate_postal_code(v, f); });
  required(C::city, row.city, text(100));
  required(C::email, row.email, [](auto v, auto f) { return validate_email(v, f); });
  optional(C::legal_form, row.legal_form, text(100));
  optional(C::register_court, row.register_court, text(100));
  optional(C::register_no, row.register_no, [](auto v, auto f) { return validate_register_no(v, f); });
  optional(C::vat_id, row.vat_id, [](auto v, auto f) { return validate_vat_id(v, f); });
  optional(C::phone, row.phone, [](auto v, auto f) { return validate_phone(v, f); });
  optional(C::contact_given_name, row.contact_given_name, text(100));
  optional(C::contact_family_name, row.contact_family_name, text(100));

  // Register court and number are the evidence together: one without the other proves nothing.
  if (value(C::register_no).empty() != value(C::register_court).empty()) {
    auto missing = value(C::register_no).empty() ? C::register_no : C::register_court;
    auto other = missing == C::register_no ? C::register_court : C::register_no;
    errors.push_back({std::string(column_name(missing)), fmt::format("is required with {}", column_name(other))});
  }

  row.mandate.reset();
  if (h.has_mandate) {
    std::size_t given = 0;
    for (auto c : kMandate) given += value(c).empty() ? 0 : 1;
    if (given == kMandate.size()) {
      BusinessMandate m;
      bool ok = true;
      bool iban_ok = check(C::iban, errors, [&] { m.iban = validate_iban(value(C::iban), "iban"); });
      // Whether a BIC is required depends on the IBAN's country; a bad IBAN still gets its BIC checked.
      ok &= iban_ok && check(C::bic, errors, [&] { m.bic = validate_debtor_bic(m.iban, value(C::bic), "bic"); });
      if (!iban_ok && !value(C::bic).empty()) check(C::bic, errors, [&] { validate_bic(value(C::bic), "bic"); });
      ok &= check(C::mandate_reference, errors,
                  [&] { m.reference = validate_mandate_reference(value(C::mandate_reference), "mandate_reference"); });
      ok &= check(C::mandate_signed_on, errors, [&] {
        auto signed_on = Date::parse_field(value(C::mandate_signed_on), "mandate_signed_on");
        if (signed_on > today) fail_field("mandate_signed_on", "{} is in the future", signed_on.str());
        m.signed_on = signed_on.str();
      });
      if (ok) row.mandate = std::move(m);
    } else if (given > 0 || !value(C::bic).empty()) {
      for (auto c : kMandate)
        if (value(c).empty())
          errors.push_back({std::string(column_name(c)),
                            "is required with the other mandate columns (iban, mandate_reference, mandate_signed_on "
                            "come together)"});
    }
  }
  return errors.size() == before;
}

}  // namespace vrathaus
