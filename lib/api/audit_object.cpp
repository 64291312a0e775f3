#include "api/audit_object.hpp"

#include "core/error.hpp"
#include "service/accounts.hpp"

#include <string_view>

namespace vrathaus {
namespace {

// "accounts" → "account", "staff" → "staff", "batches" → "batch".
std::string singular(std::string_view collection) {
  if (collection.ends_with("ches")) collection.remove_suffix(2);
  else if (collection.ends_with('s')) collection.remove_suffix(1);
  return std::string(collection);
}

std::string parameter_text(const nlohmann::json& params, const std::string& key) {
  auto it = params.find(key);
  if (it == params.end()) return "?";
  return it->is_string() ? it->get<std::string>() : it->dump();
}

// An account may be named by login or customer number; its audit entries use its number.
std::string account_number(Context& ctx, const std::string& given) {
  try {
    return std::to_string(find_account(ctx, given).id);
  } catch (const Error&) {
    return given;  // no such account: the attempt is still recorded, under what was given
  }
}

}  // namespace

std::string audit_object_of(Context& ctx, const Operation& op, const nlohmann::json& params) {
  std::string_view path = op.path;
  auto open = path.find('{');
  if (open == std::string_view::npos) return std::string(path.substr(path.empty() ? 0 : 1));
  auto close = path.find('}', open);
  auto placeholder = std::string(path.substr(open + 1, close - open - 1));
  auto before = path.substr(0, open - 1);  // "/accounts" of "/accounts/{id}"
  auto collection = before.substr(before.rfind('/') + 1);
  auto kind = placeholder == "id" || placeholder == "code" ? singular(collection) : placeholder;
  auto value = parameter_text(params, placeholder);
  if (kind == "account") value = account_number(ctx, value);
  return kind + ":" + value;
}

}  // namespace vrathaus
