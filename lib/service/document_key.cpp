#include "service/document_key.hpp"

#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "service/audit.hpp"
#include "store/keyed_hashes.hpp"
#include "store/pg_engine.hpp"
#include "store/store_settings.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace vrathaus {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kKeyBytes = 32;
constexpr std::size_t kMaxGenerations = 64;
constexpr std::size_t kMaxFileBytes = kMaxGenerations * (kKeyBytes * 2 + 2);
const std::string kCheckSetting = "document_key_check";

bool is_hex_key(const std::string& text) {
  if (text.size() != kKeyBytes * 2) return false;
  for (char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

// The key at `path`, or nothing when there is no file there. Any other failure to read it
// (permissions, a directory) is an error: creating a second key beside it would be wrong.
std::optional<DocumentKey> read_key(const std::string& path) {
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
    if (text.size() > kMaxFileBytes) break;  // longer than any key file: not one
  }
  ::close(fd);
  DocumentKey key;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    auto line = trim(std::string_view(text).substr(start, end - start));
    if (!line.empty()) key.generations.emplace_back(line);
    start = end + 1;
  }
  if (key.generations.empty() || key.generations.size() > kMaxGenerations ||
      !std::all_of(key.generations.begin(), key.generations.end(), is_hex_key))
    fail(ErrorKind::config, "the document key file {} does not hold a key (lines of {} hex digits expected)", path,
         kKeyBytes * 2);
  return key;
}

std::string file_text(const DocumentKey& key) {
  std::string out;
  for (const auto& g : key.generations) out += g + "\n";
  return out;
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
void create_key(const std::string& path, const std::string& contents) {
  auto dir = fs::path(path).parent_path();
  std::string tmp = ((dir.empty() ? fs::path(".") : dir) / ".vrathaus-key-XXXXXX").string();
  int fd = ::mkstemp(tmp.data());  // mode 0600
  if (fd < 0) fail(ErrorKind::config, "cannot create the document key file {}: {}", path, std::strerror(errno));
  try {
    write_all(fd, contents, path);
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

// Hashed with the first generation, then re-keyed by each later one (see the header).
std::string keyed_hash(const DocumentKey& key, const std::string& data) {
  std::string h = hmac_sha256_hex(key.generations.at(0), data);
  for (std::size_t i = 1; i < key.generations.size(); ++i) h = DocumentKey::rekey(key.generations[i], h);
  return h;
}

[[noreturn]] void refuse_missing_key(const std::string& path, const std::string& expected) {
  fail(ErrorKind::config,
       "the document key file {} is missing, but this store's document numbers and eID pseudonyms were hashed with "
       "a key (check value {}): restore that file from a backup; a new key would let one document verify a second "
       "account",
       path, expected.substr(0, 16));
}

[[noreturn]] void refuse_other_key(const std::string& path, const DocumentKey& key, const std::string& expected) {
  std::error_code ec;
  bool interrupted = fs::exists(path + ".new", ec);
  fail(ErrorKind::config, "the document key file {} is not this store's key (check value {}, the store expects {}){}", path,
       key.check_value().substr(0, 16), expected.substr(0, 16),
       interrupted ? fmt::format("; a rotation was interrupted after the store committed: {}.new holds the new key", path)
                   : std::string());
}

// The key as the store expects it, when the store recorded a check value.
std::optional<DocumentKey> checked_key(const Context& ctx, const std::string& path) {
  auto expected = store_setting(ctx.store.db(), kCheckSetting);
  if (!expected) return std::nullopt;
  auto key = read_key(path);
  if (!key) refuse_missing_key(path, *expected);
  if (key->check_value() != *expected) refuse_other_key(path, *key, *expected);
  return key;
}

}  // namespace

std::string DocumentKey::rekey(const std::string& generation, const std::string& hash) {
  return hmac_sha256_hex(generation, "rekeyed:" + hash);
}

std::string DocumentKey::check_value() const { return keyed_hash(*this, "vrathaus document key check"); }

DocumentKey load_key_file(const std::string& path, bool create) {
  if (auto key = read_key(path)) return *key;
  if (!create) fail(ErrorKind::config, "cannot read the document key file {}: no such file", path);
  // Another process may create the key between the read above and this point; create_key then
  // leaves that one in place, and the read below returns it, so all of them agree on one key.
  create_key(path, random_hex(kKeyBytes) + "\n");
  if (auto key = read_key(path)) return *key;
  fail(ErrorKind::config, "cannot read the document key file {} just created", path);
}

std::string document_key_path(const Context& ctx) {
  if (!ctx.city.document_key_file.empty()) return ctx.city.document_key_file;
  // A database has no "beside the store", and the key must not live in it.
  if (is_postgresql_url(ctx.store.path()))
    fail(ErrorKind::config, "a PostgreSQL store needs document_key_file in the configuration: the file that keeps "
                            "its document key, away from the database");
  return ctx.store.path() + ".key";
}

DocumentKey document_key(const Context& ctx) {
  auto path = document_key_path(ctx);
  if (auto key = checked_key(ctx, path)) return *key;
  // A store from before check values: a key is made only where no hash can depend on one.
  auto& db = ctx.store.db();
  if (!read_key(path) && store_has_keyed_hashes(db)) refuse_missing_key(path, "(not recorded)");
  auto key = load_key_file(path, ctx.city.document_key_file.empty());
  set_store_setting(db, kCheckSetting, key.check_value());
  return key;
}

nlohmann::json prepare_document_key(const Context& ctx) {
  auto path = document_key_path(ctx);
  std::error_code ec;
  bool existed = fs::exists(path, ec);
  auto key = document_key(ctx);
  return {{"file", path}, {"created", !existed}, {"check_value", key.check_value().substr(0, 16)}};
}

nlohmann::json inspect_document_key(const Context& ctx) {
  auto path = document_key_path(ctx);
  nlohmann::json out{{"ok", true}};  // the problem names the file: where it is does not vary by backend otherwise
  try {
    if (!checked_key(ctx, path)) {
      out["ok"] = !store_has_keyed_hashes(ctx.store.db());
      out["problem"] = "the store has not recorded its document key's check value (it is recorded at the next "
                       "upgrade or `db init`)";
    }
  } catch (const Error& e) {
    out["ok"] = false;
    out["problem"] = e.what();
  }
  return out;
}

nlohmann::json rotate_document_key(Context& ctx) {
  auto path = document_key_path(ctx);
  DocumentKey old_key;
  ctx.store.write_transaction([&] { old_key = document_key(ctx); });
  if (old_key.generations.size() >= kMaxGenerations)
    fail(ErrorKind::conflict, "the document key {} already has {} generations", path, kMaxGenerations);
  auto new_key = old_key;
  auto generation = random_hex(kKeyBytes);
  new_key.generations.push_back(generation);

  // The new file is written completely before the store changes, and put in place only after
  // the store committed: a crash in between leaves a store that names the interrupted rotation.
  auto pending = path + ".new";
  if (ctx.dry_run) return {{"file", path}, {"generations", new_key.generations.size()}, {"rehashed", 0}, {"dry_run", true}};
  create_key(pending, file_text(new_key));
  if (read_key(pending) != new_key)
    fail(ErrorKind::conflict, "{} is left from an earlier, interrupted rotation: check which key the store expects "
                              "(`db check`) and remove the file that is not it",
         pending);
  std::int64_t rehashed = 0;
  try {
    ctx.store.write_transaction([&] {
      if (document_key(ctx) != old_key) fail(ErrorKind::conflict, "the document key changed during the rotation");
      rehashed = rehash_keyed_hashes(ctx.store.db(), [&](const std::string& h) { return DocumentKey::rekey(generation, h); });
      set_store_setting(ctx.store.db(), kCheckSetting, new_key.check_value());
      audit_append(ctx, {"db.rotate-document-key", "store:document-key",
                         nlohmann::json{{"check_value", old_key.check_value().substr(0, 16)}},
                         nlohmann::json{{"check_value", new_key.check_value().substr(0, 16)},
                                        {"generations", new_key.generations.size()}, {"rehashed", rehashed}},
                         ""});
    });
  } catch (...) {
    ::unlink(pending.c_str());
    throw;
  }
  if (::rename(pending.c_str(), path.c_str()) != 0)
    fail(ErrorKind::config, "the store now expects the new document key, but {} could not be renamed to {}: {}; "
                            "rename it by hand",
         pending, path, std::strerror(errno));
  return {{"file", path}, {"generations", new_key.generations.size()}, {"rehashed", rehashed},
          {"check_value", new_key.check_value().substr(0, 16)}};
}

std::string document_number_hash(const DocumentKey& key, const std::string& country, const std::string& number) {
  return keyed_hash(key, "document:" + country + ":" + number);
}

std::string eid_pseudonym_hash(const DocumentKey& key, const std::string& pseudonym) {
  return keyed_hash(key, "eid:" + pseudonym);
}

}  // namespace vrathaus
