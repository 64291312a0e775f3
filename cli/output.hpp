#pragma once
// Printing results: table for people; json, jsonl (one object per line), yaml and csv as a
// stable contract. Only data goes to stdout.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vrathaus::cli {

class Session;

struct Columns {
  std::vector<std::string> names;  // fields shown by `table` (csv prints every scalar field)
};

// Prints an object, or a list ({"items": [...]} or an array) with the given table columns.
void print_result(Session& session, const nlohmann::json& result, const Columns& table = {});
// `max_width`: the table's width limit (a terminal's columns), 0 for none — a pipe or a file
// gets every character.
std::string render(const nlohmann::json& result, const std::string& format, const Columns& table,
                   std::size_t max_width = 0);

}  // namespace vrathaus::cli
