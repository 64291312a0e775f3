#pragma once
// The first pass of a business import: the file's SHA-256 and the keys that must be unique within
// it (customer_no, e-mail, mandate reference). Both occurrences of a repeated key are errors: which
// one is right is for the IT provider to say. Memory does not grow with the file (DuplicateFinder).
#include "core/duplicate_finder.hpp"
#include "core/progress.hpp"
#include "domain/csv_reader.hpp"
#include "service/business_import.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

enum ImportKey : std::uint8_t { kCustomerNoKey = 0, kEmailKey = 1, kMandateReferenceKey = 2 };
inline constexpr const char* kImportKeyColumns[] = {"customer_no", "email", "mandate_reference"};

struct ImportFileKeys {
  std::string sha256;
  std::uint64_t size = 0;
  char delimiter = 0;
  std::vector<DuplicateFinder::Duplicate> duplicates;  // every occurrence of a repeated key, by line
  csv::Encoding encoding = csv::Encoding::detect;      // decided from every byte of the file
};

// Reads the whole file, reporting "checking" progress. Throws what reading the file throws (not
// found, an unreadable header).
ImportFileKeys scan_import_keys(const BusinessImport& in, const std::string& name, const ProgressFn& report);

// The options the keys depend on besides the file's bytes (the delimiter and encoding given).
std::string import_key_options(const BusinessImport& in);

// The duplicates as kept with a file's keys in the store, and back. Files with more duplicates than
// kMaxKeptDuplicates are not kept (they get fixed at their source, not imported twice).
inline constexpr std::size_t kMaxKeptDuplicates = 100000;
std::string encode_duplicates(const std::vector<DuplicateFinder::Duplicate>& duplicates);
// nullopt for bytes that are not an encoding of this version.
std::optional<std::vector<DuplicateFinder::Duplicate>> decode_duplicates(std::string_view bytes);

}  // namespace vrathaus
