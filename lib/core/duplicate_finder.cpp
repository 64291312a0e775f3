#include "core/duplicate_finder.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <queue>

namespace vrathaus {
namespace {

// FNV-1a over the bytes, then MurmurHash3's finaliser to spread FNV's weak high bits.
std::uint64_t fingerprint(std::uint8_t kind, std::string_view key) {
  std::uint64_t h = 0xcbf29ce484222325ULL ^ (std::uint64_t(kind) * 0x9E3779B97F4A7C15ULL);
  for (char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

constexpr std::size_t kReadAhead = 1024;  // entries buffered per run while merging

}  // namespace

DuplicateFinder::DuplicateFinder(std::size_t run_entries)
    : run_entries_(std::max<std::size_t>(run_entries, 2)), spill_file_(nullptr, &std::fclose) {
  buffer_.reserve(run_entries_);
}

DuplicateFinder::~DuplicateFinder() = default;

void DuplicateFinder::add(std::uint8_t kind, std::string_view key, std::int64_t line) {
  if (key.empty()) return;
  buffer_.push_back({fingerprint(kind, key), (std::uint64_t(line) << 8) | kind});
  if (buffer_.size() == run_entries_) spill();
}

// Fingerprints are uniform, so one counting pass on their top bits spreads a run into buckets of
// a few entries each, which are then sorted on their own: about three times faster than sorting
// the run as a whole, and the keys pass of an import sorts three keys of every row.
void DuplicateFinder::sort_run() {
  constexpr unsigned kBits = 12;
  constexpr auto bucket = [](const Entry& e) { return std::size_t(e.hash >> (64 - kBits)); };
  bucket_start_.assign((std::size_t(1) << kBits) + 1, 0);
  for (const auto& e : buffer_) ++bucket_start_[bucket(e) + 1];
  for (std::size_t b = 1; b < bucket_start_.size(); ++b) bucket_start_[b] += bucket_start_[b - 1];
  scratch_.resize(buffer_.size());
  auto next = bucket_start_;
  for (const auto& e : buffer_) scratch_[next[bucket(e)]++] = e;
  auto less = [](const Entry& a, const Entry& b) { return a.hash != b.hash ? a.hash < b.hash : a.line_kind < b.line_kind; };
  for (std::size_t b = 0; b + 1 < bucket_start_.size(); ++b)
    std::sort(scratch_.begin() + std::ptrdiff_t(bucket_start_[b]), scratch_.begin() + std::ptrdiff_t(bucket_start_[b + 1]), less);
  buffer_.swap(scratch_);
}

void DuplicateFinder::spill() {
  if (!spill_file_) {
    spill_file_.reset(std::tmpfile());  // anonymous: gone when closed, or when the process dies
    if (!spill_file_) fail(ErrorKind::internal, "cannot create a temporary file: {}", std::strerror(errno));
  }
  sort_run();
  std::uint64_t offset = runs_.empty() ? 0 : runs_.back().first + runs_.back().second;
  if (std::fseek(spill_file_.get(), long(offset * sizeof(Entry)), SEEK_SET) != 0 ||
      std::fwrite(buffer_.data(), sizeof(Entry), buffer_.size(), spill_file_.get()) != buffer_.size())
    fail(ErrorKind::internal, "cannot write a temporary file: {}", std::strerror(errno));
  runs_.emplace_back(offset, buffer_.size());
  buffer_.clear();
}

std::vector<DuplicateFinder::Duplicate> DuplicateFinder::finish() {
  if (!buffer_.empty()) spill();
  buffer_ = {};
  scratch_ = {};

  // A k-way merge of the sorted runs, each read through a small window.
  struct Run {
    std::uint64_t next, end;  // entry positions in the spill file
    std::vector<Entry> window;
    std::size_t at = 0;
  };
  std::vector<Run> runs;
  for (auto [offset, count] : runs_) runs.push_back({offset, offset + count, {}, 0});
  auto refill = [&](Run& r) {
    std::size_t n = std::size_t(std::min<std::uint64_t>(kReadAhead, r.end - r.next));
    r.window.resize(n);
    r.at = 0;
    if (n == 0) return false;
    if (std::fseek(spill_file_.get(), long(r.next * sizeof(Entry)), SEEK_SET) != 0 ||
        std::fread(r.window.data(), sizeof(Entry), n, spill_file_.get()) != n)
      fail(ErrorKind::internal, "cannot read a temporary file: {}", std::strerror(errno));
    r.next += n;
    return true;
  };
  auto greater = [&](std::size_t a, std::size_t b) {
    const Entry& x = runs[a].window[runs[a].at];
    const Entry& y = runs[b].window[runs[b].at];
    return x.hash != y.hash ? x.hash > y.hash : x.line_kind > y.line_kind;
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(greater)> heap(greater);
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (refill(runs[i])) heap.push(i);

  std::vector<Duplicate> out;
  std::vector<Entry> group;
  auto close_group = [&] {
    if (group.size() > 1) {
      auto line_of = [](const Entry& e) { return std::int64_t(e.line_kind >> 8); };
      for (std::size_t i = 0; i < group.size(); ++i)
        out.push_back({line_of(group[i]), std::uint8_t(group[i].line_kind & 0xFF), line_of(group[i == 0 ? 1 : 0])});
    }
    group.clear();
  };
  while (!heap.empty()) {
    std::size_t i = heap.top();
    heap.pop();
    Entry e = runs[i].window[runs[i].at++];
    if (runs[i].at < runs[i].window.size() || refill(runs[i])) heap.push(i);
    if (!group.empty() && group.front().hash != e.hash) close_group();
    group.push_back(e);
  }
  close_group();
  spill_file_.reset();
  runs_.clear();
  std::sort(out.begin(), out.end(), [](const Duplicate& a, const Duplicate& b) {
    return a.line != b.line ? a.line < b.line : a.kind < b.kind;
  });
  return out;
}

}  // namespace vrathaus
