#include "api/paging.hpp"

#include "core/error.hpp"

#include <charconv>

namespace vrathaus {

Page read_page(const Params& p) {
  Page page;
  page.limit = p.opt_int("limit");
  if (page.limit && (*page.limit < 1 || *page.limit > 100000)) fail_field("limit", "must be between 1 and 100000");
  if (auto cursor = p.opt_str("cursor")) {
    const auto& c = *cursor;
    auto [end, ec] = std::from_chars(c.data() + (c.rfind("k", 0) == 0 ? 1 : 0), c.data() + c.size(), page.after);
    if (c.rfind("k", 0) != 0 || ec != std::errc{} || end != c.data() + c.size()) fail_field("cursor", "is not a cursor");
  }
  return page;
}

nlohmann::json page_response(nlohmann::json items, const Page& page, std::int64_t last_key) {
  bool full = page.limit && static_cast<std::int64_t>(items.size()) == *page.limit;
  return {{"items", std::move(items)}, {"next", full ? nlohmann::json("k" + std::to_string(last_key)) : nlohmann::json(nullptr)}};
}

nlohmann::json whole_list(nlohmann::json items) { return {{"items", std::move(items)}, {"next", nullptr}}; }

}  // namespace vrathaus
