#include "remote/curl_library.hpp"

#include "core/error.hpp"
#include "core/shared_library.hpp"

namespace vrathaus {
namespace {

// The SONAME of libcurl's ABI 4, which every Debian libcurl flavour installs.
constexpr const char* kLibrary = "libcurl.so.4";

CurlLibrary load() {
  SharedLibrary library(kLibrary, "remote mode");  // stays loaded when this goes
  CurlLibrary lib{};
  library.resolve("curl_global_init", lib.global_init);
  library.resolve("curl_easy_init", lib.easy_init);
  library.resolve("curl_easy_cleanup", lib.easy_cleanup);
  library.resolve("curl_easy_reset", lib.easy_reset);
  library.resolve("curl_easy_setopt", lib.easy_setopt);
  library.resolve("curl_easy_perform", lib.easy_perform);
  library.resolve("curl_easy_getinfo", lib.easy_getinfo);
  library.resolve("curl_easy_strerror", lib.easy_strerror);
  library.resolve("curl_easy_escape", lib.easy_escape);
  library.resolve("curl_free", lib.free);
  library.resolve("curl_slist_append", lib.slist_append);
  library.resolve("curl_slist_free_all", lib.slist_free_all);
  if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) fail(ErrorKind::internal, "libcurl could not be initialised");
  return lib;
}

}  // namespace

const CurlLibrary& curl_library() {
  static const CurlLibrary lib = load();  // C++ guarantees one thread loads, the others wait
  return lib;
}

}  // namespace vrathaus
