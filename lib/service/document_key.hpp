#pragma once
// The key of the keyed hashes that stand in for ID document numbers and eID pseudonyms
// (document numbers are never stored in clear). Equal numbers give equal hashes under one key,
// so reuse is detected, while a stolen store alone does not reveal them: without the key the
// hash cannot be checked against guessed numbers.
//
// The key is `city.document_key_file` when configured, else `<store>.key` beside the store. The
// store records a check value of its key: a missing or different key file is refused (exit 9),
// never replaced silently — a new key would let the same document or eID verify a second account.
// `db init` creates the key; `db rotate-document-key` adds a generation.
//
// A key has generations, oldest first, one per line of the file. A hash is made with the first
// and then re-keyed by each later one, so a rotation can rewrite every stored hash without
// knowing the numbers behind them.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vrathaus {

struct DocumentKey {
  std::vector<std::string> generations;  // hex, 32 bytes each

  bool operator==(const DocumentKey&) const = default;
  // Re-keys a hash made under the generations before `generation` with that generation.
  static std::string rekey(const std::string& generation, const std::string& hash);
  // What the store records to recognise its key; reveals nothing about it.
  std::string check_value() const;
};

// Where this context's key lives.
std::string document_key_path(const Context& ctx);

// The key for this context's store, checked against the store's check value. A store that has
// none yet (made before check values existed) records it here, unless the file is missing while
// the store holds keyed hashes. Config errors exit 9.
DocumentKey document_key(const Context& ctx);

// For `db init`: creates the key file when the store has neither key nor hashes, checks it
// otherwise, and records its check value. {"file", "created", "check_value"}.
nlohmann::json prepare_document_key(const Context& ctx);

// For `db check`: {"file", "ok", "problem"?}; never creates or records anything.
nlohmann::json inspect_document_key(const Context& ctx);

// Adds a new generation: every stored hash is re-keyed and the check value replaced in one
// transaction of the store; the key file is replaced right after it commits. Audited.
nlohmann::json rotate_document_key(Context& ctx);

// Reads the key file at `path`; with `create`, makes a new random key there (0600) when there
// is none. Two processes creating it at once agree on one key.
DocumentKey load_key_file(const std::string& path, bool create);

// Keyed hashes, each with its own prefix so a document number and a pseudonym never collide.
std::string document_number_hash(const DocumentKey& key, const std::string& country, const std::string& number);
std::string eid_pseudonym_hash(const DocumentKey& key, const std::string& pseudonym);

}  // namespace vrathaus
