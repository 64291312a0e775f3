#pragma once
// One row of the IT provider's business-customer file: the header's columns and the validation of a
// data row into normalised values. No I/O: the reader hands over fields, the import service decides
// what to do with a valid row.
#include "core/date.hpp"

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vrathaus {

// The file's columns, in the order docs/import-format.md lists them.
enum class BusinessColumn : std::size_t {
  customer_no, company_name, legal_form, register_court, register_no, vat_id, street, house_no,
  postal_code, city, email, phone, contact_given_name, contact_family_name, iban, bic,
  mandate_reference, mandate_signed_on,
};
inline constexpr std::size_t kBusinessColumns = 18;

std::string_view column_name(BusinessColumn column);

struct BusinessHeader {
  std::array<int, kBusinessColumns> position;  // index in the record, -1 when the file lacks it
  std::vector<std::string> names;              // by position, lower-case: for error messages
  bool has_mandate = false;

  bool has(BusinessColumn c) const { return position[std::size_t(c)] >= 0; }
  // The column name at a record position ("" past the header's end).
  std::string_view name_at(int index) const;
};

// Reads the header record: names are case-insensitive and in any order. Throws Error(invalid)
// naming the column for an unknown or repeated column, missing required ones, or mandate columns
// that are not all there (bic is optional).
BusinessHeader parse_business_header(std::span<const std::string_view> names);

struct BusinessMandate {
  std::string iban, bic, reference, signed_on;  // bic may be empty; signed_on YYYY-MM-DD
};

// A valid row, normalised as the store keeps it. Absent optional values are nullopt.
struct BusinessRow {
  std::string customer_no, company_name, street, house_no, postal_code, city, email;
  std::optional<std::string> legal_form, register_court, register_no, vat_id, phone;
  std::optional<std::string> contact_given_name, contact_family_name;
  std::optional<BusinessMandate> mandate;
  // company_name folded as the store keeps it for search (domain/folding.hpp): computed with the
  // validation, on the import's reading thread rather than its writing one.
  std::string folded_name;
};

struct RowError {
  std::string column;  // a column name, or "" for the row as a whole
  std::string message;
};

// Validates one data record against the header. Returns true and fills `row` when every value is
// valid; otherwise appends one error per invalid column (all of them, not only the first).
bool validate_business_row(const BusinessHeader& header, std::span<const std::string_view> fields, const Date& today,
                           BusinessRow& row, std::vector<RowError>& errors);

// customer_no: 1–32 letters, digits and . _ / - (the IT provider's key), starting with a letter
// or digit. Returns it trimmed; throws Error(invalid) naming `field`.
std::string validate_customer_no(std::string_view value, std::string_view field = "customer_no");

// The keys that must be unique within a file, from the raw fields and without validating the
// rest: customer_no as validated would keep it (trimmed), and the e-mail lower-cased and trimmed
// (the login is unique case-insensitively). Empty when the column is empty.
std::string customer_no_key(const BusinessHeader& header, std::span<const std::string_view> fields);
std::string email_key(const BusinessHeader& header, std::span<const std::string_view> fields);
// The mandate reference upper-cased (unique case-insensitively); empty without one.
std::string mandate_reference_key(const BusinessHeader& header, std::span<const std::string_view> fields);
// The same keys from the column's raw value alone.
std::string customer_no_key(std::string_view value);
std::string email_key(std::string_view value);
std::string mandate_reference_key(std::string_view value);

}  // namespace vrathaus
