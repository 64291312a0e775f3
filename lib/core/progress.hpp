#pragma once
// How far a long operation (a bulk import, an upload) has got: for a progress bar on a terminal,
// never for results. The library reports; only the CLI draws.
#include <cstdint>
#include <functional>
#include <string_view>

namespace vrathaus {

struct Progress {
  std::string_view phase;   // "checking", "validating", "importing", "uploading", …
  std::uint64_t done = 0;   // bytes of the input done
  std::uint64_t total = 0;  // bytes of the input, 0 when unknown
  std::int64_t rows = 0;    // rows done in this phase
};
using ProgressFn = std::function<void(const Progress&)>;

}  // namespace vrathaus
