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

// The key at `path`, or nothing when there is no file there. Any other failure to read it
// (permissions, a directory) is an error: creating a second key beside it would be wrong.
std::optional<std::string> read_key(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail(ErrorKind::config, "cannot read the document key file {}: {}", path, std::strerror(errno));
  }
  std::string text;
  char buffer[256];
  for (;;) {
    auto n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      fail(ErrorKind::config, "cannot read the document key file {}: {}", path, std::strerror(err));
    }
    if (n == 0) break;
    text.append(buffer, std::size_t(n));
    if (text.size() > 4096) break;  // a key is 65 bytes; anything this long is not one
  }
  ::close(fd);
  auto key = trim(text);
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
  if (!create) fail(ErrorKind::config, "cannot read the document key file {}: no such file", path);
  // Another process may create the key between the read above and this point; create_key then
  // leaves that one in place, and the read below returns it, so all of them agree on one key.
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
