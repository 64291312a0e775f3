#include "output.hpp"

#include "core/json_text.hpp"
#include "core/text.hpp"
#include "session.hpp"

#include <yaml-cpp/yaml.h>

#include <iostream>
#include <sstream>

namespace vrathaus::cli {
namespace {

using nlohmann::json;

const json& list_items(const json& result) {
  if (result.is_object() && result.contains("items") && result["items"].is_array()) return result["items"];
  return result;
}

std::string scalar_text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_string(); })) {
    std::string out;
    for (const auto& e : v) out += (out.empty() ? "" : ",") + e.get<std::string>();
    return out;
  }
  return v.dump();
}

void emit_yaml(YAML::Emitter& out, const json& v) {
  if (v.is_object()) {
    out << YAML::BeginMap;
    for (auto& [k, e] : v.items()) {
      out << YAML::Key << k << YAML::Value;
      emit_yaml(out, e);
    }
    out << YAML::EndMap;
  } else if (v.is_array()) {
    out << YAML::BeginSeq;
    for (const auto& e : v) emit_yaml(out, e);
    out << YAML::EndSeq;
  } else if (v.is_null()) {
    out << YAML::Null;
  } else if (v.is_string()) {
    // Quote strings that YAML would otherwise read as another type (dates stay strings, "no" stays "no").
    out << YAML::DoubleQuoted << v.get<std::string>();
  } else {
    out << v.dump();
  }
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::vector<std::string> keys_of(const json& rows) {
  std::vector<std::string> keys;
  for (const auto& row : rows) {
    if (!row.is_object()) continue;
    for (auto& [k, v] : row.items())
      if (std::find(keys.begin(), keys.end(), k) == keys.end()) keys.push_back(k);
  }
  return keys;
}

std::string render_csv(const json& result) {
  json rows = list_items(result);
  if (!rows.is_array()) rows = json::array({rows});
  auto keys = keys_of(rows);
  std::ostringstream out;
  for (std::size_t i = 0; i < keys.size(); ++i) out << (i ? "," : "") << csv_field(keys[i]);
  out << "\r\n";
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < keys.size(); ++i)
      out << (i ? "," : "") << csv_field(row.contains(keys[i]) ? scalar_text(row[keys[i]]) : "");
    out << "\r\n";
  }
  return out.str();
}

std::string pad(const std::string& s, std::size_t width) {
  auto len = utf8_length(s);
  return len >= width ? s : s + std::string(width - len, ' ');
}

std::string render_table(const json& result, const Columns& columns) {
  const json& rows = list_items(result);
  std::ostringstream out;
  if (!rows.is_array()) {  // one object: "key  value" lines
    std::size_t width = 0;
    for (auto& [k, v] : rows.items()) width = std::max(width, k.size());
    for (auto& [k, v] : rows.items()) {
      if (v.is_array() && !v.empty() && v[0].is_object()) {
        out << pad(k, width) << "  (" << v.size() << ")\n";
        for (const auto& e : v) out << pad("", width) << "  - " << e.dump() << "\n";
      } else {
        out << pad(k, width) << "  " << scalar_text(v) << "\n";
      }
    }
    return out.str();
  }
  auto keys = columns.names.empty() ? keys_of(rows) : columns.names;
  std::vector<std::size_t> widths;
  for (const auto& k : keys) widths.push_back(utf8_length(k));
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    std::vector<std::string> line;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      auto text = row.contains(keys[i]) ? scalar_text(row[keys[i]]) : "";
      if (utf8_length(text) > 60) text = text.substr(0, 57) + "...";
      widths[i] = std::max(widths[i], utf8_length(text));
      line.push_back(text);
    }
    cells.push_back(std::move(line));
  }
  auto print_line = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) text += (i ? "  " : "") + pad(line[i], widths[i]);
    out << trim(text) << "\n";
  };
  std::vector<std::string> header;
  for (const auto& k : keys) header.push_back(to_upper_ascii(k));
  print_line(header);
  for (const auto& line : cells) print_line(line);
  return out.str();
}

}  // namespace

std::string render(const json& result, const std::string& format, const Columns& table) {
  if (format == "json") {
    std::ostringstream out;
    write_json(out, list_items(result));
    return out.str() + "\n";
  }
  if (format == "yaml") {
    YAML::Emitter out;
    emit_yaml(out, list_items(result));
    return std::string(out.c_str()) + "\n";
  }
  if (format == "csv") return render_csv(result);
  return render_table(result, table);
}

void print_result(Session& session, const json& result, const Columns& table) {
  if (session.output_format() == "json") {  // straight to stdout, not through one big string
    write_json(std::cout, list_items(result));
    std::cout << "\n" << std::flush;
    return;
  }
  std::cout << render(result, session.output_format(), table) << std::flush;
}

}  // namespace vrathaus::cli
