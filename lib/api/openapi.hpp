#pragma once
#include <nlohmann/json.hpp>

namespace vrathaus {

// The OpenAPI 3 document of /api/v1, generated from the operation table so it cannot drift;
// docs/openapi.json in the repository is this document, checked by a test.
nlohmann::json openapi_document();

}  // namespace vrathaus
