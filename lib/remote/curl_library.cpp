#include "remote/curl_library.hpp"

#include "core/error.hpp"

#include <dlfcn.h>

namespace vrathaus {
namespace {

// The SONAME of libcurl's ABI 4, which every Debian libcurl flavour installs.
constexpr const char* kLibrary = "libcurl.so.4";

template <class Function>
void resolve(void* handle, const char* name, Function& target) {
  void* symbol = ::dlsym(handle, name);
  if (!symbol) fail(ErrorKind::internal, "{} lacks {}: {}", kLibrary, name, ::dlerror());
  target = reinterpret_cast<Function>(symbol);
}

CurlLibrary load() {
  void* handle = ::dlopen(kLibrary, RTLD_NOW | RTLD_LOCAL);
  if (!handle) fail(ErrorKind::internal, "remote mode needs libcurl: cannot load {}: {}", kLibrary, ::dlerror());
  CurlLibrary lib{};
  resolve(handle, "curl_global_init", lib.global_init);
  resolve(handle, "curl_easy_init", lib.easy_init);
  resolve(handle, "curl_easy_cleanup", lib.easy_cleanup);
  resolve(handle, "curl_easy_reset", lib.easy_reset);
  resolve(handle, "curl_easy_setopt", lib.easy_setopt);
  resolve(handle, "curl_easy_perform", lib.easy_perform);
  resolve(handle, "curl_easy_getinfo", lib.easy_getinfo);
  resolve(handle, "curl_easy_strerror", lib.easy_strerror);
  resolve(handle, "curl_easy_escape", lib.easy_escape);
  resolve(handle, "curl_free", lib.free);
  resolve(handle, "curl_slist_append", lib.slist_append);
  resolve(handle, "curl_slist_free_all", lib.slist_free_all);
  // The library stays loaded for the life of the process: libcurl cannot be unloaded cleanly.
  if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) fail(ErrorKind::internal, "libcurl could not be initialised");
  return lib;
}

}  // namespace

const CurlLibrary& curl_library() {
  static const CurlLibrary lib = load();  // C++ guarantees one thread loads, the others wait
  return lib;
}

}  // namespace vrathaus
