#pragma once
// Forward-secure seals over the audit chain. The hash chain alone shows an edit only to someone
// who did not rewrite it: whoever can write the store can recompute every hash, or wipe the log
// and its head. Seals close that gap for the history before the last seal.
//
// `audit setup-keys` draws a random verification key, hands it out once (the city keeps it
// offline, away from the store) and stores only the key of the first epoch, derived from it by a
// one-way function. Each `audit seal` signs the chain's current head (its sequence number and
// hash) with the current epoch's key (HMAC-SHA256) and replaces that key by its one-way successor.
// Reading the store therefore yields only the key of the next epoch: an attacker cannot make a
// seal for an earlier epoch, and rewriting, cutting or wiping sealed history leaves seals that no
// longer match, or gaps in the epochs. `audit verify --verification-key` re-derives every epoch's
// key from the verification key and checks every seal against the chain. Each seal's head is
// also the line to send elsewhere (syslog, another host) as an outside anchor.
#include "service/context.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace vrathaus {

struct VerificationKey {
  std::string key_id;
  std::string seed;  // the key of epoch 0, hex
};

// The verification key file's text, and back (config error, exit 9, when it is not one).
std::string verification_key_text(const VerificationKey& key, const std::string& created_at);
VerificationKey parse_verification_key(const std::string& text, const std::string& source);

// Starts sealing this store and seals its current head as epoch 1. Refused (4) when sealing is
// already set up. {"key_id", "verification_key" (the file's text), "seal"}.
nlohmann::json setup_audit_sealing(Context& ctx);

// Seals the chain's current head with the current epoch's key. {"key_id","epoch","seq","hash","at"}.
nlohmann::json seal_audit(Context& ctx);

// The chain check of audit_verify() plus every seal checked with the verification key.
nlohmann::json verify_audit_seals(Store& store, const VerificationKey& key);

// For `db check`: whether sealing is set up, the last seal, and how many entries follow it.
nlohmann::json sealing_status(Store& store);

}  // namespace vrathaus
