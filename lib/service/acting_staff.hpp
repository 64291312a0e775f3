#pragma once
// Who may act at the counter: a staff member who is active (and has not left on a planned
// departure day), not absent and holds a valid certification today. The upgrade rules and the
// locked verified fields ask the same question.
#include "service/context.hpp"

#include <optional>
#include <string>

namespace vrathaus {

// Why `staff` cannot act with certification `cert` today ("… is absent on 2026-11-25"), or
// nullopt when they can. An unknown staff member cannot act either.
std::optional<std::string> why_not_certified_today(Context& ctx, const std::string& staff, const std::string& cert);

// Throws forbidden (exit 6) unless the acting staff member can act with `cert` today. The local
// administrator without --as is refused: such actions need --as naming a certified staff member.
void require_actor_certified(Context& ctx, const std::string& cert, const std::string& action);

// The same for another staff member (the four-eyes partner); unknown → not found (exit 3).
void require_staff_certified(Context& ctx, const std::string& staff, const std::string& cert, const std::string& role);

}  // namespace vrathaus
