#include "store/import_staging.hpp"

#include "domain/account.hpp"
#include "store/keys_in_slices.hpp"

#include <array>

namespace vrathaus {
namespace {

// The staging table: the imported fields (kImportedFields order), the keys and the mandate. A
// temporary table, created on the connection's first import (the server reuses its connections)
// and emptied per batch. The set statements read all of it; its key, the line, is for the rows
// update_known() picks.
constexpr const char* kCreateStaging =
    "CREATE TEMP TABLE IF NOT EXISTS import_staging (line BIGINT PRIMARY KEY, login TEXT, company_name TEXT, "
    "legal_form TEXT, register_court TEXT, register_no TEXT, vat_id TEXT, street TEXT, house_no TEXT, "
    "postal_code TEXT, city TEXT, phone TEXT, contact_given_name TEXT, contact_family_name TEXT, customer_no TEXT, "
    "folded_name TEXT, iban TEXT, bic TEXT, reference TEXT, signed_on TEXT)";

const std::vector<std::string> kStagingColumns{
    "line",     "login",       "company_name", "legal_form", "register_court",     "register_no",
    "vat_id",   "street",      "house_no",     "postal_code", "city",              "phone",
    "contact_given_name",      "contact_family_name",        "customer_no",        "folded_name",
    "iban",     "bic",         "reference",    "signed_on"};

// The accounts table is probed once per staged row through its customer_no index, written as a
// scalar subquery (LATERAL … OFFSET 0 below) rather than a join: a join lets the planner hash all
// of accounts, a scan of the whole table per batch that grows with it.
//
// One statement for the whole batch. Accounts are inserted in line order, so their ids follow the
// file as the per-row import numbers them; a known customer number is skipped before the insert
// (ON CONFLICT would still draw an id from the sequence for it); a login taken elsewhere is
// skipped by ON CONFLICT. The new accounts' mandates follow in the same statement; one whose
// reference is taken is skipped, and the result says so (with IN, not a join: the planner cannot
// know how many rows a CTE returns, guesses one, and would loop over `added` for every account).
// ?1 assurance, ?2 now, ?3 actor, ?4 run.
constexpr const char* kCreateNew =
    "WITH created AS ("
    " INSERT INTO accounts(login, company_name, legal_form, register_court, register_no, vat_id, street, house_no,"
    "  postal_code, city, phone, contact_given_name, contact_family_name, customer_no, folded_name, tier, status,"
    "  assurance, verified_at, verified_by, verification_method, created_at, updated_at, version, import_run)"
    " SELECT s.login, s.company_name, s.legal_form, s.register_court, s.register_no, s.vat_id, s.street, s.house_no,"
    "  s.postal_code, s.city, s.phone, s.contact_given_name, s.contact_family_name, s.customer_no, s.folded_name,"
    "  'business', 'active', CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), 'systemhaus', CAST(?2 AS TEXT),"
    "  CAST(?2 AS TEXT), 1, CAST(?4 AS BIGINT)"
    " FROM import_staging s WHERE (SELECT a.id FROM accounts a WHERE a.customer_no = s.customer_no) IS NULL"
    " ORDER BY s.line ON CONFLICT DO NOTHING RETURNING id, customer_no), "
    "added AS ("
    " INSERT INTO mandates(account_id, iban, bic, reference, signed_on, status, created_at, updated_at, import_run)"
    " SELECT c.id, s.iban, nullif(s.bic, ''), s.reference, s.signed_on, 'active', CAST(?2 AS TEXT),"
    "  CAST(?2 AS TEXT), CAST(?4 AS BIGINT)"
    " FROM created c JOIN import_staging s ON s.customer_no = c.customer_no WHERE s.reference IS NOT NULL"
    " ORDER BY s.line ON CONFLICT DO NOTHING RETURNING account_id) "
    "SELECT s.line, c.id, CASE WHEN s.reference IS NULL OR c.id IN (SELECT account_id FROM added) THEN 1 ELSE 0 END"
    " FROM created c JOIN import_staging s ON s.customer_no = c.customer_no ORDER BY s.line";

// What the per-row path (service/business_import.cpp) counts as unchanged, in one statement: a
// re-import of an unchanged file then looks up only the rows that changed.
std::string unchanged_sql() {
  std::string same_values;
  for (auto field : kImportedFields) {  // the staging table's columns are named as the accounts'
    std::string column(field);
    same_values += " AND a." + column + " IS NOT DISTINCT FROM s." + column;
  }
  return "SELECT s.line FROM import_staging s CROSS JOIN LATERAL (SELECT * FROM accounts a"
         " WHERE a.customer_no = s.customer_no OFFSET 0) a WHERE a.tier = 'business' AND a.status <> 'closed'" +
         same_values +
         " AND (s.reference IS NULL OR EXISTS (SELECT 1 FROM mandates m WHERE upper(m.reference) = upper(s.reference)"
         " AND m.account_id = a.id AND m.iban = s.iban AND coalesce(m.bic, '') = s.bic AND m.signed_on = s.signed_on))"
         " ORDER BY s.line";
}

// ImportRows::update() (store/import_rows.cpp) for many rows, the values from the staging table.
// ?1 now, ?2 actor, ?3 run; the lines follow.
std::string update_known_sql() {
  std::string set;
  for (auto field : kImportedFields) {
    std::string column(field);
    set += column + " = s." + column + ", ";
  }
  return "UPDATE accounts SET " + set +
         "folded_name = s.folded_name, verified_at = CAST(?1 AS TEXT), verified_by = CAST(?2 AS TEXT), "
         "updated_at = CAST(?1 AS TEXT), version = accounts.version + 1, import_run = CAST(?3 AS BIGINT) "
         "FROM import_staging s WHERE accounts.customer_no = s.customer_no AND s.line IN ";
}

}  // namespace

std::vector<std::int64_t> ImportStaging::unchanged_lines() {
  static const std::string sql = unchanged_sql();
  sql::Statement q(db_, sql);
  std::vector<std::int64_t> lines;
  while (q.executeStep()) lines.push_back(q.getColumn(0).getInt64());
  return lines;
}

bool ImportStaging::merges_in_sets(sql::Connection& db) { return db.engine() == sql::Engine::postgresql; }

ImportStaging::ImportStaging(sql::Connection& db) : db_(db) {}
ImportStaging::~ImportStaging() = default;

void ImportStaging::load(std::span<const StagedRow> rows) {
  db_.exec(kCreateStaging);
  // TRUNCATE rather than DELETE: nothing vacuums a temporary table, and a million deleted rows
  // would be scanned by every later batch.
  db_.exec("TRUNCATE import_staging");
  auto load = db_.bulk_load("import_staging", kStagingColumns);
  std::array<const std::string*, 20> values{};
  for (const auto& staged : rows) {
    const BusinessRow& row = *staged.row;
    line_ = std::to_string(staged.line);
    values[0] = &line_;
    auto imported = imported_values(row);
    for (std::size_t i = 0; i < imported.size(); ++i) values[i + 1] = imported[i];
    values[14] = &row.customer_no;
    values[15] = &row.folded_name;
    const BusinessMandate* m = row.mandate ? &*row.mandate : nullptr;
    values[16] = m ? &m->iban : nullptr;
    values[17] = m ? &m->bic : nullptr;
    values[18] = m ? &m->reference : nullptr;
    values[19] = m ? &m->signed_on : nullptr;
    load->add_row(values);
  }
  // Not analysed: for a table never analysed the planner counts its pages, which is enough for
  // the hash joins below, and ANALYZE would cost as much as the COPY.
  load->finish();
}

std::vector<CreatedRow> ImportStaging::create_new(const ImportStamp& stamp) {
  sql::Statement q(db_, kCreateNew);
  q.bind(1, assurance_for("systemhaus"));
  q.bindNoCopy(2, stamp.now);
  q.bindNoCopy(3, stamp.actor);
  q.bind(4, stamp.run);
  std::vector<CreatedRow> created;
  while (q.executeStep())
    created.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64() == 1});
  return created;
}

void ImportStaging::update_known(std::span<const std::string> lines, const ImportStamp& stamp) {
  if (lines.empty()) return;
  if (!update_) update_ = std::make_unique<KeysInSlices>(db_, update_known_sql(), "", 3);
  auto& q = update_->statement();
  q.bindNoCopy(1, stamp.now);
  q.bindNoCopy(2, stamp.actor);
  q.bind(3, stamp.run);
  update_->run(lines, [](sql::Statement&) {});
}

}  // namespace vrathaus
