#pragma once
// The figure every benchmark prints: the median wall time of several runs of the same work.
#include <algorithm>
#include <chrono>
#include <functional>
#include <vector>

namespace vrathaus::bench {

inline double median_ms(int runs, const std::function<void()>& work) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto start = std::chrono::steady_clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

}  // namespace vrathaus::bench
