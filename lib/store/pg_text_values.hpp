#pragma once
// Values in PostgreSQL's text format, the format the engine sends parameters and reads results
// in: a bytea is "\x" followed by two hex digits per byte, a boolean is "t" or "f".
#include <string>
#include <string_view>

namespace vrathaus {

std::string pg_bytea_text(std::string_view bytes);

// The bytes of a bytea in hex text; throws Error(internal) for anything else (PostgreSQL's
// bytea_output=escape is not supported).
std::string pg_bytea_bytes(std::string_view text);

// An integer column's text, or a boolean's ("t" = 1, "f" = 0): what SQLite code reads as integers.
// Throws Error(internal) naming `column` when the text is not one.
long long pg_integer(std::string_view text, std::string_view column);

}  // namespace vrathaus
