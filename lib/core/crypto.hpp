#pragma once
// Hashes and random secrets, from OpenSSL's libcrypto (loaded on first use).
#include <string>
#include <string_view>

namespace vrathaus {

std::string sha256_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
// `bytes` random bytes from the OS's CSPRNG, hex-encoded.
std::string random_hex(std::size_t bytes);
// Compares secrets (or their hashes) without leaking through timing where they first differ.
bool equal_in_constant_time(std::string_view a, std::string_view b);

// Incremental SHA-256 for streams (import files).
class Sha256 {
public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  std::string hex();

private:
  void* ctx_;
};

}  // namespace vrathaus
