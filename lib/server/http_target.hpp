#pragma once
// A request target ("/api/v1/accounts/42?limit=10") split strictly: malformed percent-encoding
// is the client's error (400), never a decoded guess or a server failure.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vrathaus {

struct RequestTarget {
  std::vector<std::string> segments;  // the path's segments, each decoded ("/a/b%2Fc" → a, b/c)
  std::vector<std::pair<std::string, std::string>> query;  // decoded, '+' is a space
};

// Throws Error(usage) for a target that is not an absolute path, has a bad %-escape or decodes
// to something that is not UTF-8.
RequestTarget parse_target(std::string_view target);

// The path part of a target, undecoded (for routing /healthz and for the access log).
std::string_view target_path(std::string_view target);

}  // namespace vrathaus
