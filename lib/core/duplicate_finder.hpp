#pragma once
// Finds the lines of a file whose key (a customer number, an e-mail) occurs more than once, in
// memory that does not grow with the file: keys are reduced to 64-bit fingerprints, sorted in
// runs of bounded size that spill to an anonymous temporary file, and merged. Only the duplicates
// themselves are kept. Two different keys share a fingerprint with a probability of about
// n²/2⁶⁵ (5·10⁻⁸ for a million rows); such a pair would be reported as duplicates of each other,
// never missed.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string_view>
#include <vector>

namespace vrathaus {

class DuplicateFinder {
public:
  // `run_entries`: how many fingerprints are sorted in memory at a time (16 bytes each).
  explicit DuplicateFinder(std::size_t run_entries = std::size_t(1) << 18);
  ~DuplicateFinder();
  DuplicateFinder(const DuplicateFinder&) = delete;
  DuplicateFinder& operator=(const DuplicateFinder&) = delete;

  // Records `key` of kind `kind` (0..255: keys of different kinds never match) on `line`.
  // An empty key is not recorded.
  void add(std::uint8_t kind, std::string_view key, std::int64_t line);

  struct Duplicate {
    std::int64_t line;
    std::uint8_t kind;
    std::int64_t other_line;  // another line with the same key (the first one, or the second for the first)
  };
  // Every occurrence of every repeated key, sorted by line (then kind). Call once, after all add()s.
  std::vector<Duplicate> finish();

private:
  struct Entry {
    std::uint64_t hash;
    std::uint64_t line_kind;  // line << 8 | kind
  };
  void spill();
  void sort_run();

  std::size_t run_entries_;
  std::vector<Entry> buffer_, scratch_;  // scratch_: sort_run()'s second buffer
  std::vector<std::size_t> bucket_start_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> spill_file_;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> runs_;  // entry offset and count in the spill file
};

}  // namespace vrathaus
