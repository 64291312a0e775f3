#pragma once
// Lists are {"items": [...], "next": cursor-or-null}; cursors are opaque to clients.
#include "api/params.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace vrathaus {

struct Page {
  std::int64_t after = 0;             // decoded cursor: the last key of the previous page
  std::optional<std::int64_t> limit;  // page size; nullopt = everything (local calls)
};

Page read_page(const Params& p);
// Builds the response; `last_key` is the key of the last item when the page was full.
nlohmann::json page_response(nlohmann::json items, const Page& page, std::int64_t last_key);
// A list that is never paged (offices, staff): still {"items": …, "next": null}.
nlohmann::json whole_list(nlohmann::json items);

}  // namespace vrathaus
