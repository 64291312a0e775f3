#include "api/params.hpp"

#include "core/error.hpp"

#include <charconv>

namespace vrathaus {

bool Params::has(const std::string& key) const { return j_.is_object() && j_.contains(key) && !j_[key].is_null(); }

std::optional<std::string> Params::opt_str(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  const auto& v = j_[key];
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
  fail_field(key, "expected a string");
}

std::string Params::str(const std::string& key) const {
  auto v = opt_str(key);
  if (!v) fail_field(key, "is required");
  return *v;
}

std::string Params::str_or(const std::string& key, const std::string& fallback) const {
  return opt_str(key).value_or(fallback);
}

std::optional<std::int64_t> Params::opt_int(const std::string& key) const {
  if (!has(key)) return std::nullopt;
  const auto& v = j_[key];
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_string()) {  // query strings carry numbers as text
    const auto& s = v.get_ref<const std::string&>();
    std::int64_t out = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec == std::errc{} && end == s.data() + s.size()) return out;
  }
  fail_field(key, "expected a whole number");
}

std::int64_t Params::integer(const std::string& key) const {
  auto v = opt_int(key);
  if (!v) fail_field(key, "is required");
  return *v;
}

bool Params::flag(const std::string& key) const {
  if (!has(key)) return false;
  const auto& v = j_[key];
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_string()) {
    auto s = v.get<std::string>();
    if (s == "true" || s == "1") return true;
    if (s == "false" || s == "0") return false;
  }
  fail_field(key, "expected true or false");
}

std::optional<Date> Params::opt_date(const std::string& key) const {
  auto s = opt_str(key);
  if (!s) return std::nullopt;
  return Date::parse_field(*s, key);
}

Date Params::date(const std::string& key) const {
  auto d = opt_date(key);
  if (!d) fail_field(key, "is required");
  return *d;
}

std::vector<std::string> Params::strings(const std::string& key) const {
  std::vector<std::string> out;
  if (!has(key)) return out;
  const auto& v = j_[key];
  if (v.is_string()) {  // "a,b" from a query string
    std::string s = v.get<std::string>();
    std::size_t start = 0;
    while (start <= s.size()) {
      auto comma = s.find(',', start);
      auto part = s.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      if (!part.empty()) out.push_back(part);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return out;
  }
  if (!v.is_array()) fail_field(key, "expected a list");
  for (const auto& item : v) {
    if (!item.is_string()) fail_field(key, "expected a list of strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace vrathaus
