#include "service/audit_seal.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "service/audit.hpp"
#include "store/audit_rows.hpp"
#include "store/audit_seal_rows.hpp"

#include <fmt/format.h>

#include <map>
#include <sstream>

namespace vrathaus {
namespace {

using nlohmann::json;

constexpr std::size_t kKeyBytes = 32;
constexpr const char* kFileHeader = "vrathaus audit verification key v1";

std::string key_id_of(const std::string& seed) { return sha256_hex("vrathaus audit key id:" + seed).substr(0, 16); }

// The one-way step from one epoch's key to the next.
std::string evolve(const std::string& key) { return sha256_hex("vrathaus audit key evolve:" + key); }

std::string seal_tag(const std::string& epoch_key, const std::string& key_id, const AuditSeal& s) {
  return hmac_sha256_hex(epoch_key, fmt::format("{}|{}|{}|{}|{}", key_id, s.epoch, s.seq, s.hash, s.at));
}

json seal_json(const std::string& key_id, const AuditSeal& s) {
  return {{"key_id", key_id}, {"epoch", s.epoch}, {"seq", s.seq}, {"hash", s.hash}, {"at", s.at}};
}

AuditSeal seal_head(Context& ctx, SealingState& state) {
  auto head = audit_chain_head(ctx.db());
  AuditSeal seal{state.epoch, head.seq, head.hash, ctx.now(), ""};
  seal.tag = seal_tag(state.sealing_key, state.key_id, seal);
  insert_audit_seal(ctx.db(), seal);
  state.epoch += 1;
  state.sealing_key = evolve(state.sealing_key);
  save_sealing_state(ctx.db(), state);
  return seal;
}

bool is_hex(const std::string& text, std::size_t length) {
  return text.size() == length && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// Each entry's stored chain hash by sequence number, for the entries seals name.
std::map<std::int64_t, std::string> sealed_entry_hashes(Store& store, const std::vector<AuditSeal>& seals) {
  std::map<std::int64_t, std::string> out;
  for (const auto& s : seals) {
    if (s.seq == 0 || out.contains(s.seq)) continue;
    if (auto hash = audit_entry_hash(store.db(), s.seq)) out[s.seq] = *hash;
  }
  return out;
}

}  // namespace

std::string verification_key_text(const VerificationKey& key, const std::string& created_at) {
  return fmt::format("{}\nkey_id {}\ncreated {}\nseed {}\n", kFileHeader, key.key_id, created_at, key.seed);
}

VerificationKey parse_verification_key(const std::string& text, const std::string& source) {
  std::istringstream in(text);
  std::string line;
  VerificationKey key;
  bool header = false;
  while (std::getline(in, line)) {
    auto t = trim(line);
    if (t == kFileHeader) header = true;
    else if (t.rfind("key_id ", 0) == 0) key.key_id = t.substr(7);
    else if (t.rfind("seed ", 0) == 0) key.seed = t.substr(5);
  }
  if (!header || !is_hex(key.seed, kKeyBytes * 2) || key.key_id != key_id_of(key.seed))
    fail(ErrorKind::config, "{} is not a vrathaus audit verification key", source);
  return key;
}

json setup_audit_sealing(Context& ctx) {
  if (auto existing = sealing_state(ctx.db()))
    fail(ErrorKind::conflict, "audit sealing is already set up (verification key {}); its history would be lost",
         existing->key_id);
  VerificationKey key{"", random_hex(kKeyBytes)};
  key.key_id = key_id_of(key.seed);
  SealingState state{key.key_id, 1, evolve(key.seed), ctx.now()};
  save_sealing_state(ctx.db(), state);
  audit_append(ctx, {"audit.setup-keys", "audit:sealing", nullptr, json{{"key_id", key.key_id}}, ""});
  auto seal = seal_head(ctx, state);
  return {{"key_id", key.key_id}, {"verification_key", verification_key_text(key, state.created_at)},
          {"seal", seal_json(key.key_id, seal)}};
}

json seal_audit(Context& ctx) {
  auto state = sealing_state(ctx.db());
  if (!state) fail(ErrorKind::conflict, "audit sealing is not set up: run `vrathaus audit setup-keys` first");
  return seal_json(state->key_id, seal_head(ctx, *state));
}

json verify_audit_seals(Store& store, const VerificationKey& key) {
  auto report = audit_verify(store);
  auto& problems = report["problems"];
  auto problem = [&](std::int64_t seq, std::string what) {
    if (problems.size() < 100) problems.push_back({{"seq", seq}, {"problem", std::move(what)}});
  };
  auto state = sealing_state(store.db());
  auto seals = audit_seals(store.db());
  if (!state) problem(0, fmt::format("the sealing state for verification key {} is missing: sealing was removed", key.key_id));
  else if (state->key_id != key.key_id)
    problem(0, fmt::format("the store is sealed for verification key {}, not {}", state->key_id, key.key_id));
  if (seals.empty()) problem(0, "the store holds no seal: its sealed history was removed");

  auto entry_hashes = sealed_entry_hashes(store, seals);
  auto head = audit_chain_head(store.db());
  std::string epoch_key = key.seed;
  std::int64_t epoch = 0, last_seq = 0;
  std::string last_at;
  for (const auto& s : seals) {
    if (s.epoch != epoch + 1) {
      problem(s.seq, fmt::format("seal epochs {} to {} are missing", epoch + 1, s.epoch - 1));
      if (s.epoch <= epoch) continue;
    }
    while (epoch < s.epoch) {
      epoch_key = evolve(epoch_key);
      ++epoch;
    }
    if (!equal_in_constant_time(seal_tag(epoch_key, key.key_id, s), s.tag)) {
      problem(s.seq, fmt::format("seal {} does not verify: it was altered or made without the sealing key", s.epoch));
      continue;
    }
    if (s.seq < last_seq || s.at < last_at) problem(s.seq, fmt::format("seal {} goes back in the chain", s.epoch));
    last_seq = s.seq;
    last_at = s.at;
    if (s.seq == 0) continue;
    auto it = entry_hashes.find(s.seq);
    if (it == entry_hashes.end())
      problem(s.seq, fmt::format("entry {} sealed by seal {} is missing: sealed history was cut or wiped", s.seq, s.epoch));
    else if (it->second != s.hash)
      problem(s.seq, fmt::format("entry {} is not the one seal {} covers: sealed history was rewritten", s.seq, s.epoch));
  }
  if (head.seq < last_seq) problem(head.seq, fmt::format("the chain ends at entry {}, before the last seal's entry {}", head.seq, last_seq));
  if (state && !seals.empty() && state->epoch != seals.back().epoch + 1)
    problem(last_seq, fmt::format("the sealing state is at epoch {} but the last seal is {}: seals were removed",
                                  state->epoch, seals.back().epoch));
  report["ok"] = problems.empty();
  report["seals"] = seals.size();
  report["key_id"] = key.key_id;
  report["sealed_through"] = last_seq;
  return report;
}

json sealing_status(Store& store) {
  auto state = sealing_state(store.db());
  if (!state)
    return {{"set_up", false},
            {"problem", "audit sealing is not set up: whoever can write the store could rewrite its audit history "
                        "unnoticed (run `vrathaus audit setup-keys`, then `audit seal` regularly)"}};
  json out{{"set_up", true}, {"key_id", state->key_id}};
  auto last = last_audit_seal(store.db());
  auto head = audit_chain_head(store.db());
  if (last) {
    out["last_seal"] = seal_json(state->key_id, *last);
    out["unsealed_entries"] = std::max<std::int64_t>(0, head.seq - last->seq);
  }
  return out;
}

}  // namespace vrathaus
