#pragma once
// Writes the pain.008 file of a stored export batch from what the batch and its charges recorded
// at export time (never from live account or mandate data), so the bytes never change. The texts
// were recorded as the account had them; they are put into the SEPA character set and cut to the
// EPC field lengths here, in the same way every time.
#include "domain/pain008.hpp"

#include "store/sql/sql.hpp"

#include <functional>
#include <string>

namespace vrathaus {

// Streams the file to `sink` and returns its SHA-256 (hex).
std::string write_payment_file(sql::Connection& db, std::int64_t batch, const Pain008Writer::Sink& sink);

}  // namespace vrathaus
