#include "core/atomic_file.hpp"

#include "core/error.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace vrathaus {

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  auto path = std::filesystem::path(target_);
  if (path.filename().empty()) fail_field("out", "'{}' is not a file name", target_);
  auto dir = path.parent_path();
  temp_ = (dir.empty() ? std::filesystem::path(".") : dir).string() + "/." + path.filename().string() + ".XXXXXX";
  fd_ = ::mkstemp(temp_.data());
  if (fd_ < 0) fail(ErrorKind::invalid, "out: cannot write {}: {}", target_, std::strerror(errno));
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    ::unlink(temp_.c_str());
  }
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
  if (::fsync(fd_) != 0 || ::close(fd_) != 0) {
    fd_ = -1;
    ::unlink(temp_.c_str());
    fail(ErrorKind::internal, "cannot write {}: {}", target_, std::strerror(errno));
  }
  fd_ = -1;
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    auto why = std::strerror(errno);
    ::unlink(temp_.c_str());
    fail(ErrorKind::internal, "cannot write {}: {}", target_, why);
  }
}

}  // namespace vrathaus
