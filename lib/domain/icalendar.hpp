#pragma once
// One appointment as an RFC 5545 iCalendar object, for the citizen's confirmation mail: CRLF
// line ends, lines folded at 75 octets (never inside a UTF-8 character), text escaped, times in
// the city's zone with its VTIMEZONE (Europe/Berlin) or in UTC.
#include <chrono>
#include <string>

namespace vrathaus {

struct CalendarEvent {
  std::string uid;          // globally unique and stable: a changed event replaces the old one
  std::string summary;
  std::string location;
  std::string description;
  bool cancelled = false;   // STATUS:CANCELLED (and METHOD:CANCEL) instead of CONFIRMED
  int sequence = 0;         // raised by every change the citizen should see
  std::chrono::sys_seconds start, end, stamp;
  std::string timezone = "Europe/Berlin";  // or UTC
};

std::string icalendar(const CalendarEvent& event);

// Folds one content line (without its line end) at 75 octets: CRLF and a space before each
// continuation, as RFC 5545 section 3.1 requires.
std::string fold_line(const std::string& line);
// Escapes TEXT values: backslash, semicolon, comma and newlines.
std::string escape_text(const std::string& text);

}  // namespace vrathaus
