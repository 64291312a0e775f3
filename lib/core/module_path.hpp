#pragma once
// Where the binary's loadable modules (vrathaus-server.so, vrathaus-postgresql.so) are.
#include <string>

namespace vrathaus {

// The module's absolute path: beside the binary in a build tree, or in the install prefix's
// LIBDIR/vrathaus, found relative to the binary (VRATHAUS_MODULE_DIR). Absolute, because a bare
// name would be searched for relative to the caller of dlopen, which in a sanitizer build is the
// sanitizer's own library, not this binary.
std::string module_path(const char* file_name);

}  // namespace vrathaus
