#include "common.hpp"

#include <fmt/format.h>

#include <charconv>

namespace vrathaus::cli {

void add_dry_run(CLI::App* cmd, bool& flag) {
  cmd->add_flag("--dry-run", flag, "Show what would change, change nothing, exit as the real run would");
}

const CLI::Validator& at_least_one() {
  // CLI11's PositiveNumber would answer "Value 0 not in range 0.000000 to 1.79e308".
  static const CLI::Validator validator(
      [](std::string& text) -> std::string {
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc{} || end != text.data() + text.size() || n < 1)
          return "must be a whole number of at least 1, not '" + text + "'";
        return {};
      },
      "N >= 1");
  return validator;
}

void add_limit(CLI::App* cmd, std::optional<std::int64_t>& limit) {
  cmd->add_option("--limit", limit, "Print at most N entries")->check(at_least_one());
}

void put(nlohmann::json& params, const std::string& key, const std::string& value) {
  if (!value.empty()) params[key] = value;
}

void put(nlohmann::json& params, const std::string& key, const std::optional<std::int64_t>& value) {
  if (value) params[key] = *value;
}

nlohmann::json call_and_print(Session& session, const std::string& operation, nlohmann::json params,
                              const Columns& columns, bool dry_run) {
  if (!params.is_object()) params = nlohmann::json::object();
  if (dry_run) params["dry_run"] = true;
  auto result = session.call(operation, params);
  print_result(session, result, columns);
  if (dry_run) session.info("dry run: nothing was changed");
  if (result.is_object() && result.contains("ok") && result["ok"].is_boolean() && !result["ok"].get<bool>())
    session.problems();
  return result;
}

void search_and_print(Session& session, const std::string& operation, const std::string& text,
                      const std::optional<std::int64_t>& limit, const Columns& columns) {
  constexpr std::int64_t kDefaultLimit = 50;
  nlohmann::json p{{"q", text}, {"limit", limit.value_or(kDefaultLimit)}};
  auto result = call_and_print(session, operation, p, columns);
  auto shown = std::int64_t(result.value("items", nlohmann::json::array()).size());
  auto total = result.value("total", shown);
  if (total > shown)
    session.warn(fmt::format("{} more match{} not shown: narrow the search or give --limit", total - shown,
                             total - shown == 1 ? "" : "es"));
}

void examples(CLI::App* cmd, const std::string& text) { cmd->footer("\nExamples:\n" + text); }

}  // namespace vrathaus::cli
