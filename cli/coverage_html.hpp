#pragma once
// `coverage -o html`: the year at a glance, one self-contained page (inline CSS, no scripts, no
// fonts or images from elsewhere) that opens in any browser from a mail attachment. Offices ×
// days as a heat map, one block per month: green above the office's minimum, amber at it, red
// below, grey when the offices are closed; hovering a cell says who is missing and why. It renders
// the coverage operation's result, so the page is the same locally and remotely.
//
// The cells are HTML boxes at fixed pixel positions rather than inline SVG: libxml2's HTML parser
// (xmllint --html, the validity check) reports every SVG element as an invalid tag.
#include "core/date.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace vrathaus::cli {

// A day drawn with a ring on an office's row, e.g. a planned training session there.
struct MarkedDay {
  std::string office;
  Date date;
  std::string label;  // shown on hover
};

// Where everything is, in CSS pixels from the page's top-left corner (the body has no margin), so
// that a test can find each cell in a screenshot. Months are stacked; in each block, a title, a
// row of day numbers, then one row per office (in the report's order) with a cell per day.
namespace heatmap_layout {
inline constexpr int kMargin = 16;
inline constexpr int kLabelWidth = 250;  // office names, left of the cells
inline constexpr int kCell = 16;         // a day's square
inline constexpr int kPitch = 18;        // from one cell (or row) to the next
inline constexpr int kTop = 112;         // the first month block, below the title and the legend
inline constexpr int kMonthTitle = 22;
inline constexpr int kDayNumbers = 16;
inline constexpr int kMonthGap = 14;
inline constexpr int kRing = 3;  // a marked day's ring, inside the cell; the centre keeps its colour

inline constexpr int month_block_height(int offices) { return kMonthTitle + kDayNumbers + offices * kPitch + kMonthGap; }
// The top-left corner of the cell of day `day_of_month` of office row `office`, in month block `block`.
inline constexpr int cell_left(int day_of_month) { return kMargin + kLabelWidth + (day_of_month - 1) * kPitch; }
inline constexpr int cell_top(int block, int offices, int office) {
  return kTop + block * month_block_height(offices) + kMonthTitle + kDayNumbers + office * kPitch;
}
}  // namespace heatmap_layout

// `report`: the coverage.report result with daily=true. `marks` outside the range or of offices
// not in the report are left out.
std::string coverage_html(const nlohmann::json& report, const std::vector<MarkedDay>& marks = {});

// Who is missing why, as one line: "b.krause (absent holiday until 2026-12-11), …" (the gap table
// and the page's hover text).
std::string missing_text(const nlohmann::json& missing);

}  // namespace vrathaus::cli
