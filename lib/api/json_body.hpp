#pragma once
// Request bodies from untrusted clients: parsed with a nesting limit, so a body of a few hundred
// kilobytes of "[[[[…" cannot exhaust the stack of whatever later walks, copies or prints the tree.
#include <nlohmann/json.hpp>

#include <string_view>

namespace vrathaus {

inline constexpr int kMaxJsonDepth = 64;

// The body as a JSON object; throws Error(usage) naming the problem (not JSON, not an object,
// nested deeper than max_depth). The depth is checked while parsing, before any tree is built.
nlohmann::json parse_json_object(std::string_view body, int max_depth = kMaxJsonDepth);

}  // namespace vrathaus
