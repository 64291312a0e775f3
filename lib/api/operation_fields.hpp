#pragma once
// The parameters each operation accepts, by name: the server answers 422 naming a field it does
// not know instead of dropping it silently (a misspelt "famly_name" would otherwise be ignored
// and the change reported as done).
#include "api/operation.hpp"

#include <set>
#include <string>

namespace vrathaus {

// The operation's own fields (body or query), as declared in operation_fields.cpp; nullptr when
// the operation has no entry (a unit test requires one for every operation in the table).
const std::set<std::string>* declared_fields(const std::string& operation);

// Everything a request for the operation may carry: its declared fields, its path placeholders,
// "dry_run" for changes, "limit" and "cursor" for paged lists.
std::set<std::string> accepted_fields(const Operation& op);

}  // namespace vrathaus
