#include "store/training_rows.hpp"

#include "core/error.hpp"

#include "store/sql/sql.hpp"

#include <unordered_map>

namespace vrathaus {
namespace {

constexpr const char* kSessionColumns =
    "SELECT id, cert, on_date, trainer, capacity, office, status, created_by, created_at, completed_by, completed_at "
    "FROM training_sessions ";

std::string text(sql::Statement& q, int i) { return q.getColumn(i).isNull() ? std::string() : q.getColumn(i).getString(); }

std::vector<Enrolment> load_enrolments(sql::Connection& db, std::int64_t session) {
  sql::Statement q(db, "SELECT staff, outcome FROM training_enrolments WHERE session_id = ? ORDER BY staff");
  q.bind(1, session);
  std::vector<Enrolment> out;
  while (q.executeStep()) out.push_back({text(q, 0), text(q, 1)});
  return out;
}

// The session's own columns (kSessionColumns), without its enrolments.
SessionRow read_session_columns(sql::Statement& q) {
  SessionRow r;
  r.id = q.getColumn(0).getInt64();
  r.cert = text(q, 1);
  auto date = Date::parse(text(q, 2));
  if (!date) fail(ErrorKind::internal, "training session {}: stored date '{}' is not a date", r.id, text(q, 2));
  r.date = *date;
  r.trainer = text(q, 3);
  r.capacity = q.getColumn(4).getInt();
  r.office = text(q, 5);
  r.status = text(q, 6);
  r.created_by = text(q, 7);
  r.created_at = text(q, 8);
  r.completed_by = text(q, 9);
  r.completed_at = text(q, 10);
  return r;
}

}  // namespace

std::int64_t insert_session(sql::Connection& db, const SessionRow& r) {
  sql::Statement q(db, "INSERT INTO training_sessions(cert, on_date, trainer, capacity, office, created_by, created_at)"
                          " VALUES (?,?,?,?,?,?,?) RETURNING id");
  q.bind(1, r.cert);
  q.bind(2, r.date.str());
  q.bind(3, r.trainer);
  q.bind(4, r.capacity);
  if (r.office.empty())
    q.bind(5);
  else
    q.bind(5, r.office);
  q.bind(6, r.created_by);
  q.bind(7, r.created_at);
  return q.execReturningId();
}

std::optional<SessionRow> load_session(sql::Connection& db, std::int64_t id) {
  sql::Statement q(db, std::string(kSessionColumns) + "WHERE id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  auto r = read_session_columns(q);
  r.enrolments = load_enrolments(db, r.id);
  return r;
}

std::vector<SessionRow> load_sessions(sql::Connection& db, const std::string& cert, std::optional<Date> from) {
  constexpr const char* kChosen = "(?1 = '' OR cert = ?1) AND (?2 = '' OR on_date >= ?2)";
  auto bind_choice = [&](sql::Statement& q) {
    q.bind(1, cert);
    q.bind(2, from ? from->str() : std::string());
  };
  sql::Statement q(db, std::string(kSessionColumns) + "WHERE " + kChosen + " ORDER BY on_date, id");
  bind_choice(q);
  std::vector<SessionRow> out;
  std::unordered_map<std::int64_t, std::size_t> index;
  while (q.executeStep()) {
    index.emplace(q.getColumn(0).getInt64(), out.size());
    out.push_back(read_session_columns(q));
  }
  if (out.empty()) return out;
  // Every chosen session's enrolments in one pass, not one query per session.
  sql::Statement e(db, std::string("SELECT session_id, staff, outcome FROM training_enrolments WHERE session_id IN "
                                      "(SELECT id FROM training_sessions WHERE ") + kChosen + ") ORDER BY session_id, staff");
  bind_choice(e);
  while (e.executeStep())  // a session added between the two reads (outside a transaction) is in neither
    if (auto it = index.find(e.getColumn(0).getInt64()); it != index.end())
      out[it->second].enrolments.push_back({text(e, 1), text(e, 2)});
  return out;
}

void insert_enrolment(sql::Connection& db, std::int64_t session, const std::string& staff, const std::string& by,
                      const std::string& at) {
  sql::Statement q(db, "INSERT INTO training_enrolments(session_id, staff, enrolled_by, enrolled_at) VALUES (?,?,?,?)");
  q.bind(1, session);
  q.bind(2, staff);
  q.bind(3, by);
  q.bind(4, at);
  q.exec();
}

void store_outcome(sql::Connection& db, std::int64_t session, const std::string& staff, const std::string& outcome) {
  sql::Statement q(db, "UPDATE training_enrolments SET outcome = ? WHERE session_id = ? AND staff = ?");
  q.bind(1, outcome);
  q.bind(2, session);
  q.bind(3, staff);
  q.exec();
}

void mark_session_completed(sql::Connection& db, const SessionRow& r) {
  sql::Statement q(db, "UPDATE training_sessions SET status = 'completed', completed_by = ?, completed_at = ? WHERE id = ?");
  q.bind(1, r.completed_by);
  q.bind(2, r.completed_at);
  q.bind(3, r.id);
  q.exec();
}

}  // namespace vrathaus
