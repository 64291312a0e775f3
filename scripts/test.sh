#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine: installs dependencies, builds with -Werror,
# runs every test (unit, end-to-end, contract on both backends, man-page lint), then the same
# suite built with AddressSanitizer and UndefinedBehaviorSanitizer, then each fuzzer briefly.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh

echo "== build (RelWithDebInfo, -Werror)"
scripts/build.sh build/release
echo "== tests"
ctest --test-dir build/release -j "${JOBS:-2}" --output-on-failure

echo "== build with ASan + UBSan"
scripts/build.sh build/sanitize -DCMAKE_BUILD_TYPE=Debug -DENABLE_SANITIZERS=ON -DVRATHAUS_BUILD_MAN=OFF
echo "== tests under sanitizers"
# The sanitized binary is several times slower: the import kill test uses a smaller file there.
IMPORT_TEST_ROWS=60000 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build/sanitize -j "${JOBS:-2}" --output-on-failure -LE bench

if command -v clang++ >/dev/null && [ -d tests/fuzz ] && [ -f tests/fuzz/CMakeLists.txt ]; then
  echo "== fuzzers (clang, libFuzzer), briefly"
  CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DVRATHAUS_BUILD_FUZZERS=ON \
    -DVRATHAUS_BUILD_MAN=OFF >/dev/null
  # Only the fuzz targets: the parsers, instrumented; the rest is already tested above.
  cmake --build build/fuzz -j "${JOBS:-2}" --target csv_reader_fuzzer row_validator_fuzzer identifiers_fuzzer
  ctest --test-dir build/fuzz -L fuzz --output-on-failure
fi
echo "== all tests passed"
