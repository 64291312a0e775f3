#include "core/crypto.hpp"

#include "core/error.hpp"
#include "core/shared_library.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <vector>

namespace vrathaus {
namespace {

// libcrypto, loaded by the first command that hashes or draws a secret: linked, its relocations
// and initialisers cost every command about 2 ms of start-up, most of what a read takes. The
// functions keep their OpenSSL signatures; only the calls go through this table.
struct Libcrypto {
  decltype(&::EVP_MD_CTX_new) md_ctx_new;
  decltype(&::EVP_MD_CTX_free) md_ctx_free;
  decltype(&::EVP_sha256) sha256;
  decltype(&::EVP_DigestInit_ex) digest_init;
  decltype(&::EVP_DigestUpdate) digest_update;
  decltype(&::EVP_DigestFinal_ex) digest_final;
  decltype(&::HMAC) hmac;
  decltype(&::RAND_bytes) rand_bytes;
  decltype(&::CRYPTO_memcmp) memcmp;
};

// The SONAME of OpenSSL 3's libcrypto (Debian 12: libssl3).
constexpr const char* kLibrary = "libcrypto.so.3";

Libcrypto load() {
  SharedLibrary library(kLibrary, "hashing");  // stays loaded when this goes
  Libcrypto lib{};
  library.resolve("EVP_MD_CTX_new", lib.md_ctx_new);
  library.resolve("EVP_MD_CTX_free", lib.md_ctx_free);
  library.resolve("EVP_sha256", lib.sha256);
  library.resolve("EVP_DigestInit_ex", lib.digest_init);
  library.resolve("EVP_DigestUpdate", lib.digest_update);
  library.resolve("EVP_DigestFinal_ex", lib.digest_final);
  library.resolve("HMAC", lib.hmac);
  library.resolve("RAND_bytes", lib.rand_bytes);
  library.resolve("CRYPTO_memcmp", lib.memcmp);
  return lib;
}

const Libcrypto& libcrypto() {
  static const Libcrypto lib = load();  // C++ guarantees one thread loads, the others wait
  return lib;
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(size * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = digits[data[i] >> 4];
    out[2 * i + 1] = digits[data[i] & 0xf];
  }
  return out;
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  Sha256 h;
  h.update(data);
  return h.hex();
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  const auto& lib = libcrypto();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!lib.hmac(lib.sha256(), key.data(), int(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
                data.size(), out, &len))
    fail(ErrorKind::internal, "HMAC-SHA256 failed");
  return to_hex(out, len);
}

std::string random_hex(std::size_t bytes) {
  std::vector<unsigned char> buf(bytes);
  if (libcrypto().rand_bytes(buf.data(), int(buf.size())) != 1) fail(ErrorKind::internal, "the random generator failed");
  return to_hex(buf.data(), buf.size());
}

bool equal_in_constant_time(std::string_view a, std::string_view b) {
  // The length is not secret (every token hash has the same); the bytes are compared in full.
  return a.size() == b.size() && libcrypto().memcmp(a.data(), b.data(), a.size()) == 0;
}

Sha256::Sha256() {
  const auto& lib = libcrypto();
  ctx_ = lib.md_ctx_new();
  if (!ctx_ || lib.digest_init(static_cast<EVP_MD_CTX*>(ctx_), lib.sha256(), nullptr) != 1)
    fail(ErrorKind::internal, "SHA-256 is not available");
}

Sha256::~Sha256() { libcrypto().md_ctx_free(static_cast<EVP_MD_CTX*>(ctx_)); }

void Sha256::update(std::string_view data) {
  libcrypto().digest_update(static_cast<EVP_MD_CTX*>(ctx_), data.data(), data.size());
}

std::string Sha256::hex() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  libcrypto().digest_final(static_cast<EVP_MD_CTX*>(ctx_), out, &len);
  return to_hex(out, len);
}

}  // namespace vrathaus
