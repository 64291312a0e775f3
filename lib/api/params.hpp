#pragma once
// Typed reading of an operation's parameters (the same JSON object whether it came from CLI
// options in-process or from an HTTP path, query and body), with field-named errors.
#include "core/date.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace vrathaus {

class Params {
public:
  explicit Params(const nlohmann::json& j) : j_(j) {}

  bool has(const std::string& key) const;
  std::string str(const std::string& key) const;  // required
  std::optional<std::string> opt_str(const std::string& key) const;
  std::string str_or(const std::string& key, const std::string& fallback) const;
  std::int64_t integer(const std::string& key) const;
  std::optional<std::int64_t> opt_int(const std::string& key) const;
  bool flag(const std::string& key) const;  // absent = false
  std::optional<Date> opt_date(const std::string& key) const;
  Date date(const std::string& key) const;
  std::vector<std::string> strings(const std::string& key) const;
  const nlohmann::json& raw() const { return j_; }

private:
  const nlohmann::json& j_;
};

}  // namespace vrathaus
