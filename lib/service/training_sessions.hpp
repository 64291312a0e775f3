#pragma once
// Training sessions: a certification kind, a day, a trainer who holds that certification on the
// day, a capacity and optionally an office whose people it is for. People are enrolled; once held,
// the session is completed and those who passed are certified on its day, with the trainer
// recorded. Only an admin or supervisor does any of this (declared in api/training_ops.cpp).
#include "core/error.hpp"
#include "service/context.hpp"
#include "store/training_rows.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

inline constexpr int kMaxSessionCapacity = 200;

struct NewSession {
  std::string cert;
  Date date;
  std::string trainer;
  std::int64_t capacity = 0;
  std::string office;  // "": open to every office
};

// {id, cert, date, trainer, capacity, office, status, enrolled (ids), free, passed, failed}
nlohmann::json session_json(const SessionRow& row);

nlohmann::json add_session(Context& ctx, const NewSession& input);
// Sessions of one kind (every kind when empty), from a day on (every one when not given).
nlohmann::json list_sessions(Context& ctx, const std::string& cert, std::optional<Date> from);
SessionRow find_session(Context& ctx, std::int64_t id);  // not found → exit 3

// Why `staff` cannot join the session, or nullopt when they can: planned, a free place, active,
// not absent and in the session's office that day, not enrolled already, not the trainer.
struct EnrolmentRefusal {
  ErrorKind kind;  // conflict: the session's state (closed, full, enrolled already); invalid: the person
  std::string why;
};
std::optional<EnrolmentRefusal> enrolment_refusal(Context& ctx, const SessionRow& session, const std::string& staff);
// Enrols each person (all or none: the first refusal is the error), audited per person.
nlohmann::json enroll(Context& ctx, std::int64_t session, const std::vector<std::string>& staff);
// Records who passed and who failed (each must be enrolled; those not named stay without an
// outcome: they did not attend), certifies those who passed on the session's day with its
// trainer, and closes the session. The day must have come.
nlohmann::json complete_session(Context& ctx, std::int64_t session, const std::vector<std::string>& passed,
                                const std::vector<std::string>& failed);

}  // namespace vrathaus
