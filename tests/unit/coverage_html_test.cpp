// The year-at-a-glance page (cli/coverage_html): colours by the minimum, closed days, who is
// missing on hover, marked days, escaping, and cells where the layout says they are.
#include "coverage_html.hpp"

#include <doctest/doctest.h>

#include <fmt/format.h>


using namespace vrathaus;
using namespace vrathaus::cli;
using nlohmann::json;
namespace L = heatmap_layout;

namespace {

// Thursday 2026-12-24 … Tuesday 2027-01-05 with the holidays of the end of the year. Brackel (minimum
// 2) has one person on holiday from Monday the 28th; the other office's name is hostile markup.
json report() {
  json null;
  return {{"from", "2026-12-24"},
          {"to", "2027-01-05"},
          {"cert", "identity-check"},
          {"city", "Dortmund"},
          {"office_days", 12},
          {"holidays", {"2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"}},
          {"gaps",
           {{{"office", "brackel"}, {"date", "2026-12-28"}, {"present", 1}, {"required", 2},
             {"missing", {{{"staff", "b.krause"}, {"why", "absent"}, {"reason", "holiday"}, {"absent_until", "2027-01-08"}}}}},
            {{"office", "brackel"}, {"date", "2026-12-29"}, {"present", 1}, {"required", 2}, {"missing", json::array()}}}},
          {"daily",
           {{{"office", "brackel"}, {"name", "Bezirksverwaltungsstelle Brackel"}, {"required", 2},
             // 24 25 26 27 28 29 30 31 | 1 2 3 4 5
             {"present", {null, null, null, null, 1, 1, 2, null, null, null, null, 2, 3}}},
            {{"office", "x"}, {"name", "<b>Rathaus & \"Co\"</b>"}, {"required", 1},
             {"present", {null, null, null, null, 2, 2, 1, null, null, null, null, 2, 2}}}}}};
}

// The cell of `office_row` on day `day` of month block `block`, as the page writes it.
std::string cell_of(const std::string& page, int block, int office_row, int day) {
  auto row_top = fmt::format("<div class=\"row\" style=\"top:{}px\">", L::cell_top(block, 2, office_row));
  auto row = page.find(row_top);
  REQUIRE(row != std::string::npos);
  auto end = page.find("</div>", row);
  auto at = page.find(fmt::format("style=\"left:{}px\" title=", L::cell_left(day)), row);
  if (at == std::string::npos || at > end) return "";
  auto open = page.rfind("<span", at);
  return page.substr(open, page.find("</span>", at) - open);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("cells are red below the minimum, amber at it, green above, grey when closed") {
  auto page = coverage_html(report());
  CHECK(count(page, "<span class=\"r\"") == 2);
  CHECK(count(page, "<span class=\"a\"") == 3);  // Brackel on the 30th and the 4th, x on the 30th
  CHECK(count(page, "<span class=\"g\"") == 5);
  CHECK(count(page, "<span class=\"c\"") == 16);  // 8 closed days of 13, for both offices

  auto red = cell_of(page, 0, 0, 28);
  CHECK(red.find("class=\"r\"") != std::string::npos);
  CHECK(red.find("Bezirksverwaltungsstelle Brackel, Mon 2026-12-28: 1 of 2 certified present. "
                 "Missing: b.krause (absent holiday until 2027-01-08)") != std::string::npos);
  CHECK(cell_of(page, 0, 0, 29).find("class=\"r\"") != std::string::npos);
  // Nobody certified is away: nobody to name, the office has too few certified people.
  CHECK(cell_of(page, 0, 0, 29).find("1 of 2 certified present. Too few staff hold the certification") != std::string::npos);
  CHECK(cell_of(page, 0, 0, 29).find("Missing") == std::string::npos);
  CHECK(cell_of(page, 0, 0, 30).find("class=\"a\"") != std::string::npos);
  CHECK(cell_of(page, 1, 0, 5).find("class=\"g\"") != std::string::npos);  // January: the second block
  CHECK(cell_of(page, 0, 0, 25).find("closed (public holiday)") != std::string::npos);
  CHECK(cell_of(page, 0, 0, 26).find("closed (weekend)") != std::string::npos);
  // Days outside the range have no cell.
  CHECK(cell_of(page, 0, 0, 23).empty());
  CHECK(cell_of(page, 1, 0, 6).empty());
}

TEST_CASE("the page names the city, the certification and the period, and shows one block per month") {
  auto page = coverage_html(report());
  CHECK(page.find("<title>Dortmund: identity-check coverage, Thu 2026-12-24 to Tue 2027-01-05</title>") != std::string::npos);
  CHECK(page.find("2 gap(s) in 12 office opening day(s), 2 office(s)") != std::string::npos);
  CHECK(page.find(fmt::format("<h2 style=\"left:{}px;top:{}px\">December 2026</h2>", L::kMargin, L::kTop)) != std::string::npos);
  CHECK(page.find(fmt::format("<h2 style=\"left:{}px;top:{}px\">January 2027</h2>", L::kMargin,
                              L::kTop + L::month_block_height(2))) != std::string::npos);
  CHECK(page.find("planned training") == std::string::npos);  // no marks, no legend entry
}

TEST_CASE("the page is self-contained and office names are text, not markup") {
  auto page = coverage_html(report());
  CHECK(page.find("&lt;b&gt;Rathaus &amp; &quot;Co&quot;&lt;/b&gt;") != std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  for (const char* outside : {"<script", "src=", "href=", "url(", "@import", "http:", "https:"})
    CHECK_MESSAGE(page.find(outside) == std::string::npos, outside);
}

TEST_CASE("marked days get a ring and say what is planned; marks outside the page are left out") {
  std::vector<MarkedDay> marks{{"brackel", Date(2026, 12, 29), "identity-check training, trainer s.kruse"},
                               {"x", Date(2027, 1, 4), "session <2>"},
                               {"brackel", Date(2027, 2, 1), "after the range"},
                               {"hoerde", Date(2026, 12, 28), "an office not on the page"}};
  auto page = coverage_html(report(), marks);
  auto marked = cell_of(page, 0, 0, 29);
  CHECK(marked.find("class=\"r m\"") != std::string::npos);
  CHECK(marked.find(". Planned: identity-check training, trainer s.kruse") != std::string::npos);
  CHECK(cell_of(page, 1, 1, 4).find("class=\"g m\"") != std::string::npos);
  CHECK(cell_of(page, 1, 1, 4).find("Planned: session &lt;2&gt;") != std::string::npos);
  CHECK(count(page, " m\" style=") == 2);
  CHECK(page.find("after the range") == std::string::npos);
  CHECK(page.find("an office not on the page") == std::string::npos);
  CHECK(page.find("planned training") != std::string::npos);
}

TEST_CASE("a report without offices is a page with its heading") {
  auto r = report();
  r.erase("daily");
  r["gaps"] = json::array();
  r["city"] = nullptr;
  auto page = coverage_html(r);
  CHECK(page.find("<h1 style=\"left:16px;top:12px\">identity-check coverage</h1>") != std::string::npos);
  CHECK(page.find("class=\"row\"") == std::string::npos);
}
