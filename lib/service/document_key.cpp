#include "service/document_key.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vrathaus {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeyBytes = 32;

bool is_hex_key(const std::string& text) {
  if (text.size() != kKeyBytes * 2) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

std::optional<std::string> read_key(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  auto key = trim(text.str());
  if (!is_hex_key(key))
    fail(ErrorKind::config, "the document key file {} does not hold a key ({} hex digits expected)", path, kKeyBytes * 2);
  return key;
}

void write_all(int fd, const std::string& data, const std::string& path) {
  for (std::size_t done = 0; done < data.size();) {
    auto n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(ErrorKind::config, "cannot write the document key file {}: {}", path, std::strerror(errno));
    done += std::size_t(n);
  }
}

// Writes a complete key to a private temporary file and links it into place: the key file
// appears whole or not at all, and link() fails if another process got there first.
void create_key(const std::string& path) {
  auto dir = fs::path(path).parent_path();
  std::string tmp = ((dir.empty() ? fs::path(".") : dir) / ".vrathaus-key-XXXXXX").string();
  int fd = ::mkstemp(tmp.data());  // mode 0600
  if (fd < 0) fail(ErrorKind::config, "cannot create the document key file {}: {}", path, std::strerror(errno));
  try {
    write_all(fd, random_hex(kKeyBytes) + "\n", path);
    if (::fsync(fd) != 0) fail(ErrorKind::config, "cannot write the document key file {}: {}", path, std::strerror(errno));
  } catch (...) {
    ::close(fd);
    ::unlink(tmp.c_str());
    throw;
  }
  ::close(fd);
  int rc = ::link(tmp.c_str(), path.c_str());
  int err = errno;
  ::unlink(tmp.c_str());
  if (rc != 0 && err != EEXIST)
    fail(ErrorKind::config, "cannot create the document key file {}: {}", path, std::strerror(err));
}

}  // namespace

std::string load_key_file(const std::string& path, bool create) {
  if (auto key = read_key(path)) return *key;
  std::error_code ec;
  if (!create || fs::exists(path, ec))
    fail(ErrorKind::config, "cannot read the document key file {}: {}", path,
         fs::exists(path, ec) ? "permission denied" : "no such file");
  create_key(path);
  if (auto key = read_key(path)) return *key;
  fail(ErrorKind::config, "cannot read the document key file {} just created", path);
}

std::string document_key(const Context& ctx) {
  if (!ctx.city.document_key_file.empty()) return load_key_file(ctx.city.document_key_file, false);
  return load_key_file(ctx.store.path() + ".key", true);
}

std::string document_number_hash(const std::string& key, const std::string& country, const std::string& number) {
  return hmac_sha256_hex(key, "document:" + country + ":" + number);
}

std::string eid_pseudonym_hash(const std::string& key, const std::string& pseudonym) {
  return hmac_sha256_hex(key, "eid:" + pseudonym);
}

}  // namespace vrathaus
