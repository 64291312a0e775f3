#pragma once
// A file that appears whole or not at all: written to a private unnamed file in the target's
// directory (O_TMPFILE, mode 0600: bank files hold names and IBANs), synced, then named and
// renamed over the target. A process killed while writing leaves nothing behind.
// Dropped without commit(), the temporary file is removed.
#include <string>
#include <string_view>

namespace vrathaus {

class AtomicFile {
public:
  // `field` names the option the target came from, for error messages.
  explicit AtomicFile(std::string target, std::string_view field = "out");
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  void write(std::string_view data);
  void commit();

private:
  std::string target_;
  std::string temp_;  // the temporary name, while the file has one
  int fd_ = -1;
};

}  // namespace vrathaus
