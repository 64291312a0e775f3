#pragma once
// Indented JSON text, byte for byte what nlohmann's dump(indent) writes, written to a stream in
// pieces: a report of 100,000 renewed permits is tens of megabytes, and dump() first builds it
// as one string, checking every byte of every string on the way. Here strings of plain
// printable ASCII (nearly all: dates, plates, ids) are copied as they are; any other string, and
// every number that is not an integer, is written by nlohmann itself, so escaping, UTF-8 errors
// and float formatting stay exactly its own.
#include <nlohmann/json.hpp>

#include <ostream>

namespace vrathaus {

void write_json(std::ostream& out, const nlohmann::json& value, int indent = 2);

}  // namespace vrathaus
