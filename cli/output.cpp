#include "output.hpp"

#include "core/json_text.hpp"
#include "core/text.hpp"
#include "session.hpp"

#include <yaml-cpp/yaml.h>

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace vrathaus::cli {
namespace {

using nlohmann::json;

const json& list_items(const json& result) {
  if (result.is_object() && result.contains("items") && result["items"].is_array()) return result["items"];
  return result;
}

// A value as people read it in a table cell or a CSV field: lists of names joined by commas,
// objects as "key: value" pairs, lists of objects one after the other — never raw JSON.
std::string scalar_text(const json& v) {
  if (v.is_null()) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array() && std::all_of(v.begin(), v.end(), [](const json& e) { return e.is_string(); })) {
    std::string out;
    for (const auto& e : v) out += (out.empty() ? "" : ",") + e.get<std::string>();
    return out;
  }
  if (v.is_array()) {
    std::string out;
    for (const auto& e : v) out += (out.empty() ? "" : "; ") + scalar_text(e);
    return out;
  }
  if (v.is_object()) {
    std::string out;
    for (auto& [k, e] : v.items())
      if (!e.is_null()) out += (out.empty() ? "" : ", ") + k + ": " + scalar_text(e);
    return out;
  }
  return v.dump();
}

// One line per cell: a line break inside a value would break the table's rows.
std::string one_line(std::string text) {
  for (auto& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return text;
}

// The first `width` characters of `text`, the last one an ellipsis when it was cut; never cut
// inside a UTF-8 sequence.
std::string cut_to(const std::string& text, std::size_t width) {
  if (utf8_length(text) <= width) return text;
  if (width == 0) return "";
  std::size_t chars = 0, at = 0;
  while (at < text.size() && chars < width - 1) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
    ++chars;
  }
  return text.substr(0, at) + "\u2026";
}

// Narrows the widest columns one character at a time until the row fits `max_width` (0: no
// limit), keeping each column at least as wide as a short word.
void fit_widths(std::vector<std::size_t>& widths, std::size_t max_width) {
  if (max_width == 0 || widths.empty()) return;
  constexpr std::size_t kNarrowest = 6;
  auto total = [&] {
    std::size_t sum = 2 * (widths.size() - 1);
    for (auto w : widths) sum += w;
    return sum;
  };
  while (total() > max_width) {
    auto widest = std::max_element(widths.begin(), widths.end());
    if (*widest <= kNarrowest) break;
    --*widest;
  }
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

std::string render_table(const json& result, const Columns& columns, std::size_t max_width) {
  const json& rows = list_items(result);
  std::ostringstream out;
  if (!rows.is_array()) {  // one object: "key  value" lines
    std::size_t width = 0;
    for (auto& [k, v] : rows.items()) width = std::max(width, k.size());
    for (auto& [k, v] : rows.items()) {
      if (v.is_array() && !v.empty() && v[0].is_object()) {
        out << pad(k, width) << "  (" << v.size() << ")\n";
        for (const auto& e : v) out << pad("", width) << "  - " << one_line(scalar_text(e)) << "\n";
      } else {
        out << pad(k, width) << "  " << one_line(scalar_text(v)) << "\n";
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
      auto text = row.contains(keys[i]) ? one_line(scalar_text(row[keys[i]])) : "";
      widths[i] = std::max(widths[i], utf8_length(text));
      line.push_back(text);
    }
    cells.push_back(std::move(line));
  }
  // On a terminal the table fits its width; in a pipe or a cron mail nothing is ever cut.
  fit_widths(widths, max_width);
  for (auto& line : cells)
    for (std::size_t i = 0; i < line.size(); ++i) line[i] = cut_to(line[i], widths[i]);
  auto print_line = [&](const std::vector<std::string>& line) {
    std::string text;
    for (std::size_t i = 0; i < line.size(); ++i) text += (i ? "  " : "") + pad(line[i], widths[i]);
    out << trim(text) << "\n";
  };
  std::vector<std::string> header;
  for (std::size_t i = 0; i < keys.size(); ++i) header.push_back(cut_to(to_upper_ascii(keys[i]), widths[i]));
  print_line(header);
  for (const auto& line : cells) print_line(line);
  return out.str();
}

// The terminal's width when stdout is one, else 0 (no limit).
std::size_t terminal_width() {
  if (!::isatty(STDOUT_FILENO)) return 0;
  struct winsize size {};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) return std::size_t(std::max(0, std::atoi(columns)));
  return 0;
}

std::string render_jsonl(const json& result) {
  const json& rows = list_items(result);
  if (!rows.is_array()) return rows.dump() + "\n";
  std::string out;
  for (const auto& row : rows) out += row.dump() + "\n";
  return out;
}

}  // namespace

std::string render(const json& result, const std::string& format, const Columns& table, std::size_t max_width) {
  if (format == "jsonl") return render_jsonl(result);
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
  return render_table(result, table, max_width);
}

void print_result(Session& session, const json& result, const Columns& table) {
  if (session.output_format() == "json") {  // straight to stdout, not through one big string
    write_json(std::cout, list_items(result));
    std::cout << "\n" << std::flush;
    return;
  }
  std::cout << render(result, session.output_format(), table, terminal_width()) << std::flush;
}

}  // namespace vrathaus::cli
