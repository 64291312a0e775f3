#pragma once
// A file that appears whole or not at all: written to a private temporary file beside the
// target (mode 0600: bank files hold names and IBANs), synced, then renamed over the target.
// Dropped without commit(), the temporary file is removed.
#include <string>
#include <string_view>

namespace vrathaus {

class AtomicFile {
public:
  explicit AtomicFile(std::string target);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view data);
  void commit();

private:
  std::string target_, temp_;
  int fd_ = -1;
};

}  // namespace vrathaus
