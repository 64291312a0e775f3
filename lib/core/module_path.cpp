#include "core/module_path.hpp"

#include <filesystem>

namespace vrathaus {

namespace fs = std::filesystem;

std::string module_path(const char* file_name) {
  std::error_code ec;
  auto binary_dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  if (ec) return file_name;  // no /proc: leave the search to the loader
  auto beside = binary_dir / file_name;
  if (fs::exists(beside, ec)) return beside.string();
  return (binary_dir / VRATHAUS_MODULE_DIR / file_name).lexically_normal().string();
}

}  // namespace vrathaus
