#include "api/problem.hpp"

namespace vrathaus {

nlohmann::json problem_json(ErrorKind kind, const std::string& detail) {
  static const std::map<ErrorKind, const char*> titles{
      {ErrorKind::usage, "Bad request"},           {ErrorKind::not_found, "Not found"},
      {ErrorKind::conflict, "Refused"},            {ErrorKind::stale, "Stale version"},
      {ErrorKind::invalid, "Invalid data"},        {ErrorKind::too_large, "Request too large"},
      {ErrorKind::unauthenticated, "Not authenticated"}, {ErrorKind::forbidden, "Not allowed"},
      {ErrorKind::rate_limited, "Too many failed logins"}, {ErrorKind::busy, "Store busy"},
      {ErrorKind::config, "Server configuration error"},   {ErrorKind::internal, "Internal error"},
      {ErrorKind::unreachable, "Upstream unreachable"},    {ErrorKind::problems, "Problems found"}};
  auto title = titles.count(kind) ? titles.at(kind) : "Error";
  return {{"type", "urn:vrathaus:problem:" + std::string(kind_name(kind))},
          {"title", title},
          {"status", http_status(kind)},
          {"detail", detail},
          {"code", exit_code(kind)}};
}

Error error_from_problem(int status, const std::string& body) {
  auto j = nlohmann::json::parse(body, nullptr, false);
  if (j.is_object() && j.contains("type") && j["type"].is_string()) {
    auto type = j["type"].get<std::string>();
    const std::string prefix = "urn:vrathaus:problem:";
    auto kind = type.rfind(prefix, 0) == 0 ? kind_from_name(type.substr(prefix.size()))
                                           : kind_from_http(status, j.value("code", 0));
    return Error(kind, j.value("detail", j.value("title", "HTTP " + std::to_string(status))));
  }
  auto kind = kind_from_http(status, 0);
  return Error(kind, "the server answered HTTP " + std::to_string(status) + (body.empty() ? "" : ": " + body.substr(0, 200)));
}

}  // namespace vrathaus
