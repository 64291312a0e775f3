#include "core/atomic_file.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>
#include <utility>

namespace vrathaus {
namespace {

std::string directory_of(const std::filesystem::path& path) {
  auto dir = path.parent_path();
  return dir.empty() ? std::string(".") : dir.string();
}

// A name beside the target that nobody else uses: the hidden target name with a random suffix.
std::string temporary_name(const std::filesystem::path& path) {
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return directory_of(path) + "/." + path.filename().string() + "." + std::to_string(random() % 1000000000000ULL);
}

void sync_directory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // durability of the rename is best effort where the directory cannot be opened
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

AtomicFile::AtomicFile(std::string target, std::string_view field) : target_(std::move(target)) {
  auto path = std::filesystem::path(target_);
  if (path.filename().empty()) fail_field(field, "'{}' is not a file name", target_);
  // An unnamed file in the target's directory: a process killed with SIGKILL while writing
  // leaves nothing behind, because the file only gets a name in commit().
  fd_ = ::open(directory_of(path).c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd_ >= 0) return;
  if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
    fail(ErrorKind::invalid, "{}: cannot write {}: {}", field, target_, std::strerror(errno));
  // File systems without O_TMPFILE: a named temporary file, removed on every path but SIGKILL.
  temp_ = directory_of(path) + "/." + path.filename().string() + ".XXXXXX";
  fd_ = ::mkstemp(temp_.data());
  if (fd_ < 0) fail(ErrorKind::invalid, "{}: cannot write {}: {}", field, target_, std::strerror(errno));
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view data) {
  while (!data.empty()) {
    auto n = ::write(fd_, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(ErrorKind::internal, "cannot write {}: {}", target_, std::strerror(errno));
    data.remove_prefix(std::size_t(n));
  }
}

void AtomicFile::commit() {
  auto failed = [&](const char* why) { fail(ErrorKind::internal, "cannot write {}: {}", target_, why); };
  if (::fsync(fd_) != 0) failed(std::strerror(errno));
  if (temp_.empty()) {
    // Give the unnamed file a name for the moment it takes to rename it over the target
    // (linkat cannot replace an existing file).
    auto path = std::filesystem::path(target_);
    auto self = "/proc/self/fd/" + std::to_string(fd_);
    for (int attempt = 0; temp_.empty(); ++attempt) {
      auto name = temporary_name(path);
      if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) temp_ = name;
      else if (errno != EEXIST || attempt > 8) failed(std::strerror(errno));
    }
  }
  int fd = std::exchange(fd_, -1);
  if (::close(fd) != 0) failed(std::strerror(errno));
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) failed(std::strerror(errno));
  temp_.clear();
  sync_directory(directory_of(std::filesystem::path(target_)));
}

}  // namespace vrathaus
