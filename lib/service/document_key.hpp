#pragma once
// The key of the keyed hashes that stand in for ID document numbers and eID pseudonyms
// (quality.md: "document numbers as keyed hashes"). Equal numbers give equal hashes under one
// key, so reuse is detected, while a stolen store alone does not reveal them: without the key
// the hash cannot be checked against guessed numbers.
//
// The key is `city.document_key_file` when configured (it must exist), else `<store>.key` beside
// the store, created with mode 0600 on first use. It lives with the store because the services
// run where the store is: locally, or behind `vrathaus serve`.
#include "service/context.hpp"

#include <string>

namespace vrathaus {

// The key for this context's store (reads, or creates, the key file). Config errors exit 9.
std::string document_key(const Context& ctx);

// Reads the key file at `path`; with `create`, makes a new random key there (0600) when there
// is none. Two processes creating it at once agree on one key.
std::string load_key_file(const std::string& path, bool create);

// Keyed hashes, each with its own prefix so a document number and a pseudonym never collide.
std::string document_number_hash(const std::string& key, const std::string& country, const std::string& number);
std::string eid_pseudonym_hash(const std::string& key, const std::string& pseudonym);

}  // namespace vrathaus
