#include "domain/icalendar.hpp"

#include "core/clock.hpp"

#include <fmt/format.h>

namespace vrathaus {
namespace {

// The EU rule since 1996, as every calendar program expects it for Europe/Berlin.
constexpr const char* kBerlinZone =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Europe/Berlin\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "TZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\n"
    "TZNAME:CEST\r\n"
    "DTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
    "END:DAYLIGHT\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\n"
    "TZOFFSETTO:+0100\r\n"
    "TZNAME:CET\r\n"
    "DTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

std::string utc_stamp(std::chrono::sys_seconds at) {
  auto text = format_rfc3339(at);  // 2026-11-25T09:00:00Z
  return text.substr(0, 4) + text.substr(5, 2) + text.substr(8, 5) + text.substr(14, 2) + text.substr(17, 2) + "Z";
}

// DTSTART;TZID=Europe/Berlin:20261210T140000, or DTSTART:20261210T130000Z for UTC.
std::string time_property(const char* name, std::chrono::sys_seconds at, const std::string& zone) {
  if (zone == "UTC" || zone == "Etc/UTC") return fmt::format("{}:{}", name, utc_stamp(at));
  auto local = utc_to_local(zone, at);
  auto d = local.day;
  return fmt::format("{};TZID={}:{:04}{:02}{:02}T{:02}{:02}00", name, zone, d.year(), d.month(), d.day(), local.minute / 60,
                     local.minute % 60);
}

}  // namespace

std::string escape_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

std::string fold_line(const std::string& line) {
  std::string out;
  std::size_t used = 0;  // octets on the current physical line
  for (std::size_t i = 0; i < line.size();) {
    // The whole UTF-8 character moves to the next line if it does not fit.
    std::size_t len = 1;
    auto lead = static_cast<unsigned char>(line[i]);
    if (lead >= 0xF0) len = 4;
    else if (lead >= 0xE0) len = 3;
    else if (lead >= 0xC0) len = 2;
    len = std::min(len, line.size() - i);
    if (used + len > 75) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line, i, len);
    used += len;
    i += len;
  }
  return out + "\r\n";
}

std::string icalendar(const CalendarEvent& e) {
  bool local_zone = !(e.timezone == "UTC" || e.timezone == "Etc/UTC");
  std::string out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//vrathaus//appointments//DE\r\nCALSCALE:GREGORIAN\r\n";
  out += e.cancelled ? "METHOD:CANCEL\r\n" : "METHOD:PUBLISH\r\n";
  if (local_zone) out += kBerlinZone;
  out += "BEGIN:VEVENT\r\n";
  out += fold_line("UID:" + e.uid);
  out += fold_line("DTSTAMP:" + utc_stamp(e.stamp));
  out += fold_line(time_property("DTSTART", e.start, e.timezone));
  out += fold_line(time_property("DTEND", e.end, e.timezone));
  out += fold_line("SEQUENCE:" + std::to_string(e.sequence));
  out += fold_line("SUMMARY:" + escape_text(e.summary));
  if (!e.location.empty()) out += fold_line("LOCATION:" + escape_text(e.location));
  if (!e.description.empty()) out += fold_line("DESCRIPTION:" + escape_text(e.description));
  out += e.cancelled ? "STATUS:CANCELLED\r\n" : "STATUS:CONFIRMED\r\n";
  out += "END:VEVENT\r\nEND:VCALENDAR\r\n";
  return out;
}

}  // namespace vrathaus
