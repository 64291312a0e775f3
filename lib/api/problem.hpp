#pragma once
// RFC 9457 problem details: the server's only error shape, and the client's way back to an Error.
#include "core/error.hpp"

#include <nlohmann/json.hpp>

namespace vrathaus {

nlohmann::json problem_json(ErrorKind kind, const std::string& detail);
// The Error a problem document stands for (unknown shapes become internal errors).
Error error_from_problem(int http_status, const std::string& body);

}  // namespace vrathaus
