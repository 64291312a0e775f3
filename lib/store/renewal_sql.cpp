#include "store/renewal_sql.hpp"

#include "core/error.hpp"
#include "store/mandate_rows.hpp"
#include "store/usable_mandate_sql.hpp"

#include <algorithm>
#include <functional>
#include <span>
#include <unordered_map>

namespace vrathaus {
namespace {

// Rows per INSERT: few enough statements that preparing them costs nothing against the writes,
// and the bound values (12 a permit) far below either engine's limit on parameters.
constexpr std::size_t kChunk = 500;

Date stored_date(sql::Statement& q, int i) {
  auto day = Date::parse(q.getColumn(i).getStringView());
  if (!day) fail(ErrorKind::internal, "permit {} has a malformed date '{}'", q.getColumn(0).getInt64(), q.getColumn(i).getString());
  return *day;
}

// "INSERT … VALUES (?, …), … (rows times) tail".
std::string multi_row_insert(const std::string& head, int columns, std::size_t rows, const std::string& tail) {
  std::string tuple = "(";
  for (int c = 0; c < columns; ++c) tuple += c ? ",?" : "?";
  tuple += ")";
  std::string sql = head + " VALUES ";
  for (std::size_t r = 0; r < rows; ++r) (sql += r ? "," : "") += tuple;
  return sql + tail;
}

// Runs `write` over the rows in chunks, one prepared statement per chunk size (so a run prepares
// at most two): `sql_for(n)` is the statement for n rows; `bind(statement, row, first index)`
// binds one row; `returned(statement)` reads each row the statement returns.
template <typename Row, typename Bind, typename Returned>
void write_in_chunks(sql::Connection& db, std::span<Row> rows, const std::function<std::string(std::size_t)>& sql_for,
                     int columns, Bind bind, Returned returned) {
  std::optional<sql::Statement> full, last;
  for (std::size_t start = 0; start < rows.size(); start += kChunk) {
    auto chunk = rows.subspan(start, std::min(kChunk, rows.size() - start));
    auto& statement = chunk.size() == kChunk ? full : last;
    if (!statement) statement.emplace(db, sql_for(chunk.size()));
    int index = 1;
    for (auto& row : chunk) {
      bind(*statement, row, index);
      index += columns;
    }
    while (statement->executeStep()) returned(*statement);
    statement->reset();
  }
}

void bind_optional(sql::Statement& q, int index, const std::optional<std::int64_t>& value) {
  if (value) q.bind(index, *value);
  else q.bind(index);
}

}  // namespace

std::vector<RenewalCandidate> renewal_candidates(sql::Connection& db, const Date& today, const Date& cutoff) {
  sql::Statement q(
      db,
      "SELECT p.id, p.account_id, p.plate, p.zone, p.valid_from, p.valid_until, a.status, a.tier, a.street,"
      "       m.id, m.reference, m.iban"
      "  FROM permits p JOIN accounts a ON a.id = p.account_id"
      "  LEFT JOIN mandates m ON m.id = " + charging_mandate_sql("p.account_id") +
      " WHERE p.status = 'active' AND p.auto_renew = 1 AND p.valid_until < :cutoff AND p.valid_from <= :today"
      "   AND NOT EXISTS (SELECT 1 FROM permits r WHERE r.renewed_from = p.id)"
      " ORDER BY p.valid_until, p.id");
  q.bind(":today", today.str());
  q.bind(":cutoff", cutoff.str());
  bind_usable_mandate(q, today);
  std::vector<RenewalCandidate> out;
  while (q.executeStep()) {
    auto& c = out.emplace_back();
    c.permit_id = q.getColumn(0).getInt64();
    c.account_id = q.getColumn(1).getInt64();
    c.plate = q.getColumn(2).getString();
    c.zone = q.getColumn(3).getString();
    c.period = {stored_date(q, 4), stored_date(q, 5)};
    c.account_status = q.getColumn(6).getString();
    c.account_tier = q.getColumn(7).getString();
    if (!q.getColumn(8).isNull()) c.account_street = q.getColumn(8).getString();
    if (!q.getColumn(9).isNull()) {
      c.mandate_id = q.getColumn(9).getInt64();
      c.mandate_reference = q.getColumn(10).getString();
      c.mandate_iban = q.getColumn(11).getString();
    }
  }
  return out;
}

void insert_renewals(sql::Connection& db, std::vector<Renewal>& renewals) {
  // The new permits; RETURNING names the old permit, so the order the engine returns them in
  // does not matter. A conflict on renewed_from (renewed meanwhile) returns nothing.
  std::unordered_map<std::int64_t, Renewal*> by_old;
  by_old.reserve(renewals.size());
  for (auto& r : renewals) by_old.emplace(*r.permit.renewed_from, &r);
  write_in_chunks(
      db, std::span(renewals),
      [](std::size_t rows) {
        return multi_row_insert("INSERT INTO permits(account_id, plate, zone, valid_from, valid_until, status, auto_renew,"
                                " fee_cents, renewed_from, created_by, created_at, updated_at)",
                                12, rows,
                                " ON CONFLICT (renewed_from) WHERE renewed_from IS NOT NULL DO NOTHING RETURNING id, renewed_from");
      },
      12,
      [](sql::Statement& q, const Renewal& r, int i) {
        const auto& p = r.permit;
        q.bind(i, p.account_id);
        q.bind(i + 1, p.plate);
        q.bind(i + 2, p.zone);
        q.bind(i + 3, p.period.from.str());
        q.bind(i + 4, p.period.until.str());
        q.bind(i + 5, p.status);
        q.bind(i + 6, p.auto_renew ? 1 : 0);
        q.bind(i + 7, p.fee_cents);
        bind_optional(q, i + 8, p.renewed_from);
        q.bind(i + 9, p.created_by);
        q.bind(i + 10, p.created_at);
        q.bind(i + 11, p.created_at);
      },
      [&](sql::Statement& q) { by_old.at(q.getColumn(1).getInt64())->permit.id = q.getColumn(0).getInt64(); });

  // One charge for each permit written.
  std::vector<Renewal*> written;
  written.reserve(renewals.size());
  for (auto& r : renewals)
    if (r.permit.id) {
      r.charge.permit_id = r.permit.id;
      written.push_back(&r);
    }
  std::unordered_map<std::int64_t, Renewal*> by_permit;
  by_permit.reserve(written.size());
  for (auto* r : written) by_permit.emplace(r->permit.id, r);
  write_in_chunks(
      db, std::span(written),
      [](std::size_t rows) {
        return multi_row_insert("INSERT INTO charges(account_id, permit_id, mandate_id, amount_cents, due_on, status, created_at,"
                                " kind)",
                                8, rows, " RETURNING id, permit_id");
      },
      8,
      [](sql::Statement& q, const Renewal* r, int i) {
        const auto& c = r->charge;
        q.bind(i, c.account_id);
        bind_optional(q, i + 1, c.permit_id);
        bind_optional(q, i + 2, c.mandate_id);
        q.bind(i + 3, c.amount_cents);
        q.bind(i + 4, c.due_on.str());
        q.bind(i + 5, c.status);
        q.bind(i + 6, c.created_at);
        q.bind(i + 7, c.kind);
      },
      [&](sql::Statement& q) { by_permit.at(q.getColumn(1).getInt64())->charge.id = q.getColumn(0).getInt64(); });
}

}  // namespace vrathaus
