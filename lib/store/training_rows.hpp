#pragma once
// Reading and writing training sessions and their enrolments; no rules here, only SQL with bound
// parameters.
#include "core/date.hpp"

#include "store/sql/sql.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vrathaus {

struct Enrolment {
  std::string staff;
  std::string outcome;  // "", "passed", "failed"
};

struct SessionRow {
  std::int64_t id = 0;
  std::string cert;
  Date date;
  std::string trainer;
  int capacity = 0;
  std::string office;  // "": open to every office
  std::string status = "planned";
  std::string created_by, created_at, completed_by, completed_at;
  std::vector<Enrolment> enrolments;  // by staff id
};

std::int64_t insert_session(sql::Connection& db, const SessionRow& row);
std::optional<SessionRow> load_session(sql::Connection& db, std::int64_t id);
// Sessions of `cert` (every kind when empty) on or after `from` (all when not given), by date and id.
std::vector<SessionRow> load_sessions(sql::Connection& db, const std::string& cert = {}, std::optional<Date> from = {});
void insert_enrolment(sql::Connection& db, std::int64_t session, const std::string& staff, const std::string& by,
                      const std::string& at);
void store_outcome(sql::Connection& db, std::int64_t session, const std::string& staff, const std::string& outcome);
void mark_session_completed(sql::Connection& db, const SessionRow& row);

}  // namespace vrathaus
