#pragma once
// The bulk import of business customers from the IT provider's CSV files: every row validated;
// idempotent on customer_no; streaming in bounded memory; committed in batches so that a killed run
// leaves a consistent store that the same command completes.
//
// The file is read in passes, never held:
//   1. keys: the SHA-256 and every row's customer_no and e-mail, to find repeated keys (both
//      occurrences are errors: which one is right is for the IT provider to say). A completed run
//      keeps them by the file's SHA-256 (import_file_keys), so the same file again is only hashed;
//   2. with --on-error abort (the default) and for --dry-run: every row validated and classified
//      against the store (create, update with the changed fields, unchanged, reject), writing
//      nothing; with any reject, an abort run stops here and changes nothing;
//   3. unless a dry run: the rows applied in batches, each batch one transaction that decides
//      each row afresh against the store, so concurrent or repeated runs create every account once.
// One audit entry per file (its SHA-256 and counts, object "import:<run>"); each changed account
// gets an entry with the fields before and after; every account created or changed points at the
// run (accounts.import_run).
#include "core/progress.hpp"
#include "domain/csv_reader.hpp"
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

struct BusinessImport {
  std::string file;          // the path to read
  std::string name;          // how the summary names it (the caller's file name); default: file
  bool skip_invalid = false;  // --on-error skip: import the valid rows, report the rest
  char delimiter = 0;        // 0: detected
  csv::Encoding encoding = csv::Encoding::detect;
};

// Runs the import (a dry run when ctx.dry_run) and returns the summary: file, sha256, rows,
// created, updated, unchanged, rejected, errors [{line, column, message}], imported, dry_run,
// on_error, delimiter, encoding, run; a dry run adds plan [{line, customer_no, action, changes,
// account_id, reason}]. reject_ranges [[offset, length]] and header_length locate the rejected
// rows' bytes in the file, so a client can copy them unchanged into a rejects file.
// Throws Error(invalid) for a file that cannot be imported at all (empty, bad header, UTF-16).
nlohmann::json import_business(Context& ctx, const BusinessImport& input);

}  // namespace vrathaus
