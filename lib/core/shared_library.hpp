#pragma once
// A system library opened when a command first needs it instead of linked into the binary. Every
// linked library is loaded and relocated at each start, and some run initialisers: OpenSSL's alone
// cost a local `accounts show` about 2 ms, libcurl's with its dependencies about 8 ms. The library
// stays loaded for the rest of the process (neither libcurl nor OpenSSL can be unloaded cleanly).
#include <string>
#include <string_view>

namespace vrathaus {

class SharedLibrary {
public:
  // Opens `file` (a SONAME, found like any shared library, or a path). Throws Error(internal)
  // saying that `purpose` needs it and why the loader refused it.
  SharedLibrary(std::string file, std::string_view purpose);

  // Points `target` at the library's function `name`; throws Error(internal) when it lacks it.
  template <class Function>
  void resolve(const char* name, Function& target) const {
    target = reinterpret_cast<Function>(symbol(name));
  }

private:
  void* symbol(const char* name) const;

  std::string file_;
  void* handle_;
};

}  // namespace vrathaus
