#include "coverage_html.hpp"

#include "domain/pain008.hpp"

#include <fmt/format.h>

#include <array>
#include <chrono>
#include <iterator>
#include <map>
#include <set>
#include <utility>

namespace vrathaus::cli {
namespace {

using nlohmann::json;
namespace L = heatmap_layout;

// Office names, absence reasons and labels are data people typed: never markup. The XML escaping
// of the bank files serves HTML as well (every attribute here is double-quoted).
std::string escaped(std::string_view text) { return xml_escape(text); }

constexpr std::array<const char*, 12> kMonths{"January", "February", "March",     "April",   "May",      "June",
                                              "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kWeekdays{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string day_text(const Date& d) { return fmt::format("{} {}", kWeekdays[d.iso_weekday() - 1], d.str()); }

int days_in_month(int year, unsigned month) {
  using namespace std::chrono;
  return int(unsigned(year_month_day_last{std::chrono::year{year}, month_day_last{std::chrono::month{month}}}.day()));
}

// Colours chosen to stay apart for people with red-green weakness too: the amber and the grey
// differ in lightness from both the green and the red.
constexpr const char* kStyle =
    "body{margin:0;background:#fff;color:#222;font:12px/16px sans-serif}"
    ".page{position:relative}"
    ".page>*{position:absolute;margin:0;white-space:nowrap}"
    "h1{font-size:20px;line-height:24px}"
    "h2{font-size:14px;line-height:20px}"
    ".row,.days{left:0}"
    ".row>span,.days>span{position:absolute;top:0}"
    ".days>span{font-size:9px;text-align:center;color:#666}"
    ".row>.label{overflow:hidden;text-overflow:ellipsis}"
    ".key{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:-1px}"
    ".g{background:#2e7d32}.a{background:#f9a825}.r{background:#c62828}.c{background:#c8c8c8}"
    ".m{box-shadow:inset 0 0 0 3px #1a237e}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}";

// The sizes of the boxes, from the layout the tests measure against.
std::string sizes() {
  return fmt::format(".row,.days,.row>span,.days>span{{height:{}px;line-height:{}px}}.row>span,.days>span{{width:{}px}}"
                     ".row>.label{{left:{}px;width:{}px}}",
                     L::kCell, L::kCell, L::kCell, L::kMargin, L::kLabelWidth - 8);
}

using Key = std::pair<std::string, std::string>;  // office, date

struct Lookups {
  std::map<Key, const json*> gaps;
  std::map<Key, std::vector<std::string>> marks;
  std::set<std::string> holidays;
};

Lookups lookups(const json& report, const std::vector<MarkedDay>& marks) {
  Lookups out;
  for (const auto& g : report.at("gaps")) out.gaps[{g.value("office", ""), g.value("date", "")}] = &g;
  for (const auto& m : marks) out.marks[{m.office, m.date.str()}].push_back(m.label);
  for (const auto& h : report.value("holidays", json::array())) out.holidays.insert(h.get<std::string>());
  return out;
}

// One cell: its colour class, and what hovering it says.
std::string cell(const json& office, const Date& day, const json& present, const Lookups& look, int left) {
  std::string name = office.value("name", "");
  if (name.empty()) name = office.value("office", "");
  Key key{office.value("office", ""), day.str()};
  std::string css, title = fmt::format("{}, {}: ", name, day_text(day));
  if (present.is_null()) {
    css = "c";
    title += look.holidays.contains(day.str()) ? "closed (public holiday)" : "closed (weekend)";
  } else {
    int count = present.get<int>(), required = office.value("required", 0);
    css = count < required ? "r" : count == required ? "a" : "g";
    title += fmt::format("{} of {} certified present", count, required);
    if (auto gap = look.gaps.find(key); gap != look.gaps.end()) {
      auto missing = gap->second->value("missing", json::array());
      // Nobody missing: the office simply has too few people holding the certification.
      title += missing.empty() ? ". Too few staff hold the certification" : ". Missing: " + missing_text(missing);
    }
  }
  if (auto m = look.marks.find(key); m != look.marks.end()) {
    css += " m";
    for (const auto& label : m->second) title += ". Planned: " + label;
  }
  return fmt::format("<span class=\"{}\" style=\"left:{}px\" title=\"{}\"></span>", css, left, escaped(title));
}

void legend(std::string& out, bool with_marks) {
  out += fmt::format("<p style=\"left:{}px;top:76px\">", L::kMargin - 12);
  out += "<span class=\"key g\"></span>above the minimum";
  out += "<span class=\"key a\"></span>at the minimum";
  out += "<span class=\"key r\"></span>below (hover: who is missing, why)";
  out += "<span class=\"key c\"></span>closed";
  if (with_marks) out += "<span class=\"key m\"></span>planned training";
  out += "</p>\n";
}

// One month: its title, the day numbers, a row per office with the days in [from, to].
void month_block(std::string& out, int block, int year, unsigned month, const json& daily, const Date& from,
                 const Date& to, const Lookups& look) {
  int offices = int(daily.size());
  int top = L::kTop + block * L::month_block_height(offices);
  out += fmt::format("<h2 style=\"left:{}px;top:{}px\">{} {}</h2>\n", L::kMargin, top, kMonths[month - 1], year);
  out += fmt::format("<div class=\"days\" style=\"top:{}px\">", top + L::kMonthTitle);
  int last = days_in_month(year, month);
  for (int d = 1; d <= last; ++d) out += fmt::format("<span style=\"left:{}px\">{}</span>", L::cell_left(d), d);
  out += "</div>\n";
  for (int o = 0; o < offices; ++o) {
    const auto& office = daily[std::size_t(o)];
    const auto& present = office.at("present");
    out += fmt::format("<div class=\"row\" style=\"top:{}px\"><span class=\"label\" title=\"{}\">{}</span>",
                       L::cell_top(block, offices, o), escaped(office.value("office", "")),
                       escaped(office.value("name", office.value("office", ""))));
    for (int d = 1; d <= last; ++d) {
      Date day(year, month, unsigned(d));
      if (day < from || to < day) continue;
      auto index = std::size_t(from.days_until(day));
      if (index < present.size()) out += cell(office, day, present[index], look, L::cell_left(d));
    }
    out += "</div>\n";
  }
}

}  // namespace

std::string missing_text(const json& missing) {
  std::string out;
  for (const auto& m : missing) {
    std::string why = m.value("why", "");
    if (m.contains("reason")) why += " " + m["reason"].get<std::string>();
    if (m.contains("absent_until")) why += " until " + m["absent_until"].get<std::string>();
    if (m.contains("valid_until") && why == "expired") why += " " + m["valid_until"].get<std::string>();
    if (m.contains("revoked_on")) why += " " + m["revoked_on"].get<std::string>();
    out += (out.empty() ? "" : ", ") + m.value("staff", "") + " (" + why + ")";
  }
  return out;
}

std::string coverage_html(const json& report, const std::vector<MarkedDay>& marks) {
  Date from = Date::parse_field(report.value("from", ""), "from");
  Date to = Date::parse_field(report.value("to", ""), "to");
  static const json kNoOffices = json::array();
  const json& daily = report.contains("daily") ? report["daily"] : kNoOffices;
  auto look = lookups(report, marks);
  std::string city = report.value("city", json(nullptr)).is_string() ? report["city"].get<std::string>() : "";
  std::string heading = fmt::format("{}{} coverage", city.empty() ? "" : city + ": ", report.value("cert", ""));
  std::string period = fmt::format("{} to {}", day_text(from), day_text(to));

  int months = (to.year() - from.year()) * 12 + int(to.month()) - int(from.month()) + 1;
  int width = L::cell_left(32) + L::kMargin;
  int height = L::kTop + months * L::month_block_height(int(daily.size()));

  std::string out;
  out.reserve(std::size_t(2000 + 120 * daily.size() * std::size_t(from.days_until(to) + 1)));
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>{}, {}</title>\n<style>{}{}</style>\n</head>\n<body>\n", escaped(heading), escaped(period),
                     kStyle, sizes());
  out += fmt::format("<div class=\"page\" style=\"width:{}px;height:{}px\">\n", width, height);
  out += fmt::format("<h1 style=\"left:{}px;top:12px\">{}</h1>\n", L::kMargin, escaped(heading));
  out += fmt::format("<p style=\"left:{}px;top:44px\">{}: {} gap(s) in {} office opening day(s), {} office(s)</p>\n",
                     L::kMargin, escaped(period), report.at("gaps").size(), report.value("office_days", 0), daily.size());
  legend(out, !marks.empty());
  for (int b = 0; b < months; ++b) {
    Date first = Date(from.year(), from.month(), 1).add_months_clamped(b);
    month_block(out, b, first.year(), first.month(), daily, from, to, look);
  }
  out += "</div>\n</body>\n</html>\n";
  return out;
}

}  // namespace vrathaus::cli
