#pragma once
// German vehicle registration plates: a district code of 1–3 letters (umlauts allowed), 1–2 letters
// A–Z, 1–4 digits without a leading zero and an optional E (electric) or H (historic) suffix; at
// most 8 characters, separators not counted.
#include <string>
#include <string_view>

namespace vrathaus {

// Normalises to the shown form "DO-AB 1234" ("DO-AB 123E" with a suffix). Accepts lower case
// and a space or hyphen after the district code ("DO AB 1234", "do-ab1234"). The separator after
// the district code is required: "DOAB1234" is ambiguous (DO-AB or D-OAB?) and refused, and
// "B-AB 123" (Berlin) and "BA-B 123" (Bamberg) stay different plates. Throws Error(invalid)
// naming `field`.
std::string normalise_plate(std::string_view value, std::string_view field = "plate");

}  // namespace vrathaus
