#include "core/shared_library.hpp"

#include "core/error.hpp"

#include <dlfcn.h>

namespace vrathaus {

SharedLibrary::SharedLibrary(std::string file, std::string_view purpose)
    : file_(std::move(file)), handle_(::dlopen(file_.c_str(), RTLD_NOW | RTLD_LOCAL)) {
  if (!handle_) fail(ErrorKind::internal, "{} needs {}, which cannot be loaded: {}", purpose, file_, ::dlerror());
}

void* SharedLibrary::symbol(const char* name) const {
  void* found = ::dlsym(handle_, name);
  if (!found) fail(ErrorKind::internal, "{} lacks {}: {}", file_, name, ::dlerror());
  return found;
}

}  // namespace vrathaus
