#pragma once
// The SEPA mandates of imported rows: one per row that has the mandate columns, identified by its
// reference (unique case-insensitively).
#include "domain/business_row.hpp"
#include "service/context.hpp"
#include "store/import_mandate_rows.hpp"
#include "store/import_rows.hpp"

#include <span>
#include <string>

namespace vrathaus {

enum class MandatePlan {
  none,       // the row has no mandate
  unchanged,  // the account has this mandate already
  add,        // a new mandate for the account
  conflict,   // the reference belongs to another account, or to a mandate with other data
};

class ImportMandates {
public:
  explicit ImportMandates(Context& ctx);

  // What importing `m` for account `account_id` (0: an account about to be created) means.
  MandatePlan check(const BusinessMandate& m, std::int64_t account_id);
  // check() of a batch's mandates answered from one lookup of all their references.
  void prefetch(std::span<const std::string> reference_keys) { rows_.prefetch(reference_keys); }
  // Why the last check() was a conflict.
  const std::string& conflict_message() const { return conflict_; }
  // Creates the mandate for `account_id`, stamped with the batch's time and run. Returns false, and
  // changes nothing, when the reference is already taken: a new account's first mandate can be
  // added without check(), the rare refusal then sends the row down the path that explains it.
  bool add(const BusinessMandate& m, std::int64_t account_id, const ImportStamp& stamp);

private:
  ImportMandateRows rows_;
  std::string conflict_;
  std::string reference_key_;  // the looked-up reference, upper-cased
};

}  // namespace vrathaus
