#include "store/account_rows.hpp"

#include "core/text.hpp"

#include "store/prepared.hpp"

#include "store/sql/sql.hpp"

#include <sstream>

namespace vrathaus {
namespace {

constexpr const char* kColumns =
    "id, login, tier, status, given_name, family_name, birth_date, company_name, legal_form, register_court, "
    "register_no, vat_id, customer_no, street, house_no, postal_code, city, phone, contact_given_name, "
    "contact_family_name, assurance, verified_at, verified_by, verification_method, verified_office, erased_at, "
    "created_at, updated_at, version, identity_changed_at, identity_changed_by";

std::optional<std::string> opt(sql::Statement& q, int i) {
  auto c = q.getColumn(i);
  if (c.isNull()) return std::nullopt;
  return c.getString();
}

Account read_row(sql::Statement& q) {
  Account a;
  a.id = q.getColumn(0).getInt64();
  a.login = q.getColumn(1).getString();
  a.tier = q.getColumn(2).getString();
  a.status = q.getColumn(3).getString();
  std::optional<std::string>* fields[] = {&a.given_name, &a.family_name, &a.birth_date, &a.company_name,
                                          &a.legal_form, &a.register_court, &a.register_no, &a.vat_id,
                                          &a.customer_no, &a.street, &a.house_no, &a.postal_code,
                                          &a.city, &a.phone, &a.contact_given_name, &a.contact_family_name};
  int i = 4;
  for (auto* f : fields) *f = opt(q, i++);
  a.assurance = q.getColumn(20).getString();
  a.verified_at = opt(q, 21);
  a.verified_by = opt(q, 22);
  a.verification_method = opt(q, 23);
  a.verified_office = opt(q, 24);
  a.erased_at = opt(q, 25);
  a.created_at = q.getColumn(26).getString();
  a.updated_at = q.getColumn(27).getString();
  a.version = q.getColumn(28).getInt64();
  a.identity_changed_at = opt(q, 29);
  a.identity_changed_by = opt(q, 30);
  return a;
}

void bind_opt(sql::Statement& q, int i, const std::optional<std::string>& v) {
  if (v)
    q.bind(i, *v);
  else
    q.bind(i);
}

// Binds columns 2..31 in kColumns order (1 is the id), plus folded_name as 32; or, with `first`
// 1 (no id bound), the same one place earlier.
void bind_fields(sql::Statement& q, const Account& a, int first = 2) {
  const int shift = 2 - first;
  q.bind(2 - shift, a.login);
  q.bind(3 - shift, a.tier);
  q.bind(4 - shift, a.status);
  const std::optional<std::string>* fields[] = {&a.given_name, &a.family_name, &a.birth_date, &a.company_name,
                                                &a.legal_form, &a.register_court, &a.register_no, &a.vat_id,
                                                &a.customer_no, &a.street, &a.house_no, &a.postal_code,
                                                &a.city, &a.phone, &a.contact_given_name, &a.contact_family_name};
  int i = 5 - shift;
  for (auto* f : fields) bind_opt(q, i++, *f);
  q.bind(21 - shift, a.assurance);
  bind_opt(q, 22 - shift, a.verified_at);
  bind_opt(q, 23 - shift, a.verified_by);
  bind_opt(q, 24 - shift, a.verification_method);
  bind_opt(q, 25 - shift, a.verified_office);
  bind_opt(q, 26 - shift, a.erased_at);
  q.bind(27 - shift, a.created_at);
  q.bind(28 - shift, a.updated_at);
  q.bind(29 - shift, a.version);
  bind_opt(q, 30 - shift, a.identity_changed_at);
  bind_opt(q, 31 - shift, a.identity_changed_by);
  q.bind(32 - shift, a.folded_name());
}

std::optional<Account> load_where(sql::Connection& db, const std::string& where, const std::string& value) {
  sql::Statement q(db, std::string("SELECT ") + kColumns + " FROM accounts WHERE " + where);
  q.bind(1, value);
  if (!q.executeStep()) return std::nullopt;
  return read_row(q);
}

}  // namespace

std::optional<Account> load_account(sql::Connection& db, std::int64_t id) {
  static const std::string sql = std::string("SELECT ") + kColumns + " FROM accounts WHERE id = ?";
  Prepared q(db, sql);
  q->bind(1, id);
  if (!q->executeStep()) return std::nullopt;
  return read_row(*q);
}

// A login is unique and found with ASCII letters folded and every other character as written, on
// both engines: SQLite's lower() folds ASCII alone, and on PostgreSQL the column has the "C"
// collation (migration 15), under which lower() does the same. The value is folded here, since
// lower() of a parameter would fold by the database's locale on PostgreSQL.
std::optional<Account> load_account_by_login(sql::Connection& db, const std::string& login) {
  return load_where(db, "lower(login) = ?", to_lower_ascii(login));
}

std::optional<Account> load_account_by_customer_no(sql::Connection& db, const std::string& customer_no) {
  return load_where(db, "customer_no = ?", customer_no);
}

std::int64_t insert_account(sql::Connection& db, const Account& a) {
  // A new account's id comes from the database: the column is left out, since an explicit NULL
  // is refused by PostgreSQL's identity column (it defaults only when it is not named).
  std::string columns = a.id ? kColumns : std::string(kColumns).substr(std::string_view(kColumns).find(',') + 2);
  int count = a.id ? 32 : 31;
  std::string values = "?1";
  for (int i = 2; i <= count; ++i) values += ",?" + std::to_string(i);
  sql::Statement q(db, "INSERT INTO accounts(" + columns + ", folded_name) VALUES (" + values + ") RETURNING id");
  if (a.id) q.bind(1, a.id);
  bind_fields(q, a, a.id ? 2 : 1);
  return q.execReturningId();
}

void update_account_row(sql::Connection& db, const Account& a) {
  sql::Statement q(db,
                      "UPDATE accounts SET login=?2, tier=?3, status=?4, given_name=?5, family_name=?6, birth_date=?7, "
                      "company_name=?8, legal_form=?9, register_court=?10, register_no=?11, vat_id=?12, customer_no=?13, "
                      "street=?14, house_no=?15, postal_code=?16, city=?17, phone=?18, contact_given_name=?19, "
                      "contact_family_name=?20, assurance=?21, verified_at=?22, verified_by=?23, verification_method=?24, "
                      "verified_office=?25, erased_at=?26, created_at=?27, updated_at=?28, version=?29 + 1, "
                      "identity_changed_at=?30, identity_changed_by=?31, folded_name=?32 "
                      "WHERE id=?1");
  q.bind(1, a.id);
  bind_fields(q, a);
  q.exec();
}

namespace {

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream split(text);
  for (std::string w; split >> w;) words.push_back(w);
  return words;
}

// Substring search the same on both engines. LIKE folds ASCII case on SQLite and not on
// PostgreSQL, so both sides are lower-case ASCII before they meet: folded names are folded
// already, a login is folded by ascii_lower(). lower() would not do: it folds only ASCII on
// SQLite and all of Unicode on PostgreSQL.
std::string contains_pattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

// `column` with A-Z made a-z and every other character kept, in SQL both engines run alike.
std::string ascii_lower(const std::string& column) {
  std::string sql = column;
  for (char c = 'A'; c <= 'Z'; ++c)
    sql = "replace(" + sql + ", '" + c + "', '" + static_cast<char>(c - 'A' + 'a') + "')";
  return sql;
}

// The conditions of a query after "WHERE id > :after", and their values bound by name.
std::string account_conditions(const AccountQuery& aq) {
  std::string sql;
  if (!aq.tier.empty()) sql += " AND tier = :tier";
  // Spelt out for the planner: the tier/status index leaves business accounts out (migration 7),
  // and SQLite uses a partial index only when the query states the index's condition itself.
  if (!aq.tier.empty() && aq.tier != "business") sql += " AND tier <> 'business'";
  if (!aq.status.empty()) sql += " AND status = :status";
  if (!aq.office.empty()) sql += " AND verified_office = :office";
  auto words = words_of(aq.folded_text);
  std::vector<std::string> alternatives;
  if (!words.empty()) {
    std::string all_words;
    for (std::size_t i = 0; i < words.size(); ++i)
      all_words += (i ? " AND " : "") + std::string("folded_name LIKE :w") + std::to_string(i) + " ESCAPE '\\'";
    alternatives.push_back("(" + all_words + ")");
  }
  if (!aq.login_text.empty()) alternatives.push_back(ascii_lower("login") + " LIKE :login ESCAPE '\\'");
  if (!aq.customer_no.empty()) alternatives.push_back("customer_no = :customer_no");
  if (!aq.plate.empty())
    alternatives.push_back("id IN (SELECT account_id FROM permits WHERE plate = :plate)");
  if (!alternatives.empty()) {
    sql += " AND (";
    for (std::size_t i = 0; i < alternatives.size(); ++i) sql += (i ? " OR " : "") + alternatives[i];
    sql += ")";
  }
  return sql;
}

void bind_conditions(sql::Statement& q, const AccountQuery& aq) {
  q.bind(":after", aq.after_id);
  if (!aq.tier.empty()) q.bind(":tier", aq.tier);
  if (!aq.status.empty()) q.bind(":status", aq.status);
  if (!aq.office.empty()) q.bind(":office", aq.office);
  auto words = words_of(aq.folded_text);
  for (std::size_t i = 0; i < words.size(); ++i) q.bind(":w" + std::to_string(i), contains_pattern(words[i]));
  if (!aq.login_text.empty()) q.bind(":login", contains_pattern(aq.login_text));
  if (!aq.customer_no.empty()) q.bind(":customer_no", aq.customer_no);
  if (!aq.plate.empty()) q.bind(":plate", aq.plate);
}

}  // namespace

std::vector<Account> query_accounts(sql::Connection& db, const AccountQuery& aq) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM accounts WHERE id > :after" + account_conditions(aq);
  sql += " ORDER BY id";
  if (aq.limit) sql += " LIMIT :limit";
  sql::Statement q(db, sql);
  bind_conditions(q, aq);
  if (aq.limit) q.bind(":limit", *aq.limit);
  std::vector<Account> out;
  while (q.executeStep()) out.push_back(read_row(q));
  return out;
}

std::int64_t count_accounts(sql::Connection& db, const AccountQuery& aq) {
  auto counted = aq;
  counted.after_id = 0;
  sql::Statement q(db, "SELECT count(*) FROM accounts WHERE id > :after" + account_conditions(counted));
  bind_conditions(q, counted);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::vector<std::int64_t> find_same_person(sql::Connection& db, const std::string& folded_name,
                                        const std::string& birth_date, std::int64_t except_id) {
  sql::Statement q(db, "SELECT id FROM accounts WHERE folded_name = ? AND birth_date = ? AND id != ? AND erased_at IS NULL");
  q.bind(1, folded_name);
  q.bind(2, birth_date);
  q.bind(3, except_id);
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

std::int64_t count_active_permits(sql::Connection& db, std::int64_t account_id, const std::string& today) {
  sql::Statement q(db, "SELECT count(*) FROM permits WHERE account_id = ? AND status = 'active' AND valid_until >= ?");
  q.bind(1, account_id);
  q.bind(2, today);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::int64_t count_open_charges(sql::Connection& db, std::int64_t account_id) {
  sql::Statement q(db, "SELECT count(*) FROM charges WHERE account_id = ? AND status = 'open'");
  q.bind(1, account_id);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

}  // namespace vrathaus
