#include "store/import_rows.hpp"

#include "core/text.hpp"
#include "domain/account.hpp"
#include "store/keys_in_slices.hpp"

namespace vrathaus {
namespace {

const std::string kBusiness = "business", kActive = "active", kSystemhaus = "systemhaus";

const std::string kExistingColumns =
    "id, tier, status, login, company_name, legal_form, register_court, register_no, vat_id, street, house_no, "
    "postal_code, city, phone, contact_given_name, contact_family_name";
const std::string kFind = "SELECT " + kExistingColumns + " FROM accounts WHERE customer_no = ?";
const std::string kFindMany = "SELECT " + kExistingColumns + ", customer_no FROM accounts WHERE customer_no IN ";
constexpr int kFindManyKey = 16;  // kFindMany's column of the customer number

// kFind's columns (and kFindMany's first ones) into `out`, whose strings keep their capacity.
void read_existing(const sql::Statement& q, ExistingAccount& out) {
  out.id = q.getColumn(0).getInt64();
  out.tier.assign(q.getColumn(1).getStringView());
  out.status.assign(q.getColumn(2).getStringView());
  for (std::size_t i = 0; i < kImportedFields.size(); ++i) {
    auto column = q.getColumn(int(i + 3));
    out.null[i] = column.isNull();
    if (out.null[i])
      out.values[i].clear();
    else
      out.values[i].assign(column.getStringView());
  }
}

LoginOwner read_owner(const sql::Statement& q) {
  LoginOwner o{q.getColumn(0).getInt64(), std::nullopt};
  if (!q.getColumn(1).isNull()) o.customer_no = q.getColumn(1).getString();
  return o;
}

// ?1..?13 are the imported fields in kImportedFields order.
constexpr const char* kInsert =
    "INSERT INTO accounts(login, company_name, legal_form, register_court, register_no, vat_id, street, house_no, "
    "postal_code, city, phone, contact_given_name, contact_family_name, customer_no, folded_name, tier, status, "
    "assurance, verified_at, verified_by, verification_method, created_at, updated_at, version, import_run) "
    "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?19,?19,1,?22) "
    "ON CONFLICT DO NOTHING RETURNING id";

constexpr const char* kUpdate =
    "UPDATE accounts SET login=?1, company_name=?2, legal_form=?3, register_court=?4, register_no=?5, vat_id=?6, "
    "street=?7, house_no=?8, postal_code=?9, city=?10, phone=?11, contact_given_name=?12, contact_family_name=?13, "
    "folded_name=?14, verified_at=?15, verified_by=?16, updated_at=?15, version=version+1, import_run=?17 WHERE id=?18";

void bind_values(sql::Statement& q, const BusinessRow& row) {
  auto values = imported_values(row);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i])
      q.bindNoCopy(int(i + 1), *values[i]);
    else
      q.bind(int(i + 1));
  }
}

}  // namespace

ImportedValues imported_values(const BusinessRow& row) {
  auto opt = [](const std::optional<std::string>& v) { return v ? &*v : nullptr; };
  return {&row.email,         &row.company_name,      opt(row.legal_form), opt(row.register_court),
          opt(row.register_no), opt(row.vat_id),      &row.street,         &row.house_no,
          &row.postal_code,   &row.city,              opt(row.phone),      opt(row.contact_given_name),
          opt(row.contact_family_name)};
}

ImportRows::ImportRows(sql::Connection& db)
    : db_(db),
      find_(db, kFind),
      owner_(db, "SELECT id, customer_no FROM accounts WHERE lower(login) = ?"),
      insert_(db, kInsert),
      update_(db, kUpdate),
      delete_(db, "DELETE FROM accounts WHERE id = ?") {}

ImportRows::~ImportRows() = default;

// A re-import looks up every row of the file: the values are read as views and assigned into
// strings that keep their capacity from row to row.
bool ImportRows::find(const std::string& customer_no, ExistingAccount& out) {
  if (auto known = accounts_by_customer_no_.find(customer_no); known != accounts_by_customer_no_.end()) {
    if (!known->second) return false;
    out = *known->second;
    return true;
  }
  find_.reset();
  find_.bindNoCopy(1, customer_no);
  if (!find_.executeStep()) return false;
  read_existing(find_, out);
  find_.reset();  // no read cursor left open across a commit
  return true;
}

// Folded here, as load_account_by_login() does: ASCII letters alone on both engines.
std::optional<LoginOwner> ImportRows::login_owner(const std::string& email) {
  auto key = to_lower_ascii(email);
  if (auto known = owners_by_login_.find(key); known != owners_by_login_.end()) return known->second;
  owner_.reset();
  owner_.bind(1, key);
  if (!owner_.executeStep()) return std::nullopt;
  auto o = read_owner(owner_);
  owner_.reset();
  return o;
}

void ImportRows::prefetch(std::span<const std::string> customer_nos, std::span<const std::string> login_keys) {
  if (!find_many_) {
    find_many_ = std::make_unique<KeysInSlices>(db_, kFindMany);
    owners_many_ = std::make_unique<KeysInSlices>(db_, "SELECT id, customer_no, lower(login) FROM accounts WHERE lower(login) IN ");
  }
  accounts_by_customer_no_.clear();
  owners_by_login_.clear();
  for (const auto& key : customer_nos) accounts_by_customer_no_.try_emplace(key);
  for (const auto& key : login_keys) owners_by_login_.try_emplace(key);
  find_many_->run(customer_nos, [&](sql::Statement& q) {
    auto& slot = accounts_by_customer_no_[std::string(q.getColumn(kFindManyKey).getStringView())];
    read_existing(q, slot.emplace());
  });
  owners_many_->run(login_keys, [&](sql::Statement& q) {
    owners_by_login_[std::string(q.getColumn(2).getStringView())] = read_owner(q);
  });
}

void ImportRows::forget_login(const std::string& login_key) { owners_by_login_.erase(login_key); }

std::int64_t ImportRows::insert(const BusinessRow& row, const ImportStamp& stamp) {
  insert_.reset();
  bind_values(insert_, row);
  insert_.bindNoCopy(14, row.customer_no);
  insert_.bindNoCopy(15, row.folded_name);
  insert_.bindNoCopy(16, kBusiness);
  insert_.bindNoCopy(17, kActive);
  insert_.bind(18, assurance_for(kSystemhaus));
  insert_.bindNoCopy(19, stamp.now);
  insert_.bindNoCopy(20, stamp.actor);
  insert_.bindNoCopy(21, kSystemhaus);
  insert_.bind(22, stamp.run);
  return insert_.execReturningId();
}

void ImportRows::undo_insert(std::int64_t id) {
  delete_.reset();
  delete_.bind(1, id);
  delete_.exec();
}

void ImportRows::update(std::int64_t id, const BusinessRow& row, const ImportStamp& stamp) {
  update_.reset();
  bind_values(update_, row);
  update_.bindNoCopy(14, row.folded_name);
  update_.bindNoCopy(15, stamp.now);
  update_.bindNoCopy(16, stamp.actor);
  update_.bind(17, stamp.run);
  update_.bind(18, id);
  update_.exec();
}

std::int64_t ImportRows::start_run(const std::string& file, const std::string& sha256, const std::string& on_error,
                                   const ImportStamp& stamp) {
  sql::Statement q(db_,
                      "INSERT INTO import_runs(kind, file, sha256, actor, on_error, status, started_at, updated_at) "
                      "VALUES ('business', ?, ?, ?, ?, 'running', ?, ?) RETURNING id");
  q.bind(1, file);
  q.bind(2, sha256);
  q.bind(3, stamp.actor);
  q.bind(4, on_error);
  q.bind(5, stamp.now);
  q.bind(6, stamp.now);
  return q.execReturningId();
}

void ImportRows::record_progress(std::int64_t run, const ImportRunCounts& c, const std::string& now, bool done) {
  sql::Statement q(db_,
                      "UPDATE import_runs SET rows=?, created=?, updated=?, unchanged=?, rejected=?, updated_at=?, "
                      "status=?, finished_at=? WHERE id=?");
  q.bind(1, c.rows);
  q.bind(2, c.created);
  q.bind(3, c.updated);
  q.bind(4, c.unchanged);
  q.bind(5, c.rejected);
  q.bind(6, now);
  q.bind(7, done ? "done" : "running");
  if (done)
    q.bind(8, now);
  else
    q.bind(8);
  q.bind(9, run);
  q.exec();
}

std::vector<ImportRows::UnfinishedRun> ImportRows::unfinished_runs(const std::string& sha256, std::int64_t except_run) {
  sql::Statement q(db_,
                      "SELECT id, actor, started_at, updated_at, rows, created, updated, unchanged, rejected FROM import_runs"
                      " WHERE sha256 = ? AND status = 'running' AND id <> ? ORDER BY id");
  q.bind(1, sha256);
  q.bind(2, except_run);
  std::vector<UnfinishedRun> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
                   {q.getColumn(4).getInt64(), q.getColumn(5).getInt64(), q.getColumn(6).getInt64(), q.getColumn(7).getInt64(),
                    q.getColumn(8).getInt64()}});
  return out;
}

bool ImportRows::knows_file_size(std::uint64_t size, const std::string& options) {
  sql::Statement q(db_, "SELECT 1 FROM import_file_keys WHERE size = ? AND options = ? LIMIT 1");
  q.bind(1, std::int64_t(size));
  q.bind(2, options);
  return q.executeStep();
}

std::optional<ImportRows::FileKeys> ImportRows::file_keys(const std::string& sha256, const std::string& options) {
  sql::Statement q(db_, "SELECT delimiter, duplicates FROM import_file_keys WHERE sha256 = ? AND options = ?");
  q.bind(1, sha256);
  q.bind(2, options);
  if (!q.executeStep()) return std::nullopt;
  auto blob = q.getColumn(1);
  return FileKeys{q.getColumn(0).getString(), std::string(static_cast<const char*>(blob.getBlob()), std::size_t(blob.getBytes()))};
}

void ImportRows::save_file_keys(const std::string& sha256, const std::string& options, std::uint64_t size,
                                const FileKeys& keys, const std::string& now) {
  sql::Statement q(db_,
                      "INSERT INTO import_file_keys(sha256, options, size, delimiter, duplicates, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256, options) DO UPDATE SET size = excluded.size, "
                      "delimiter = excluded.delimiter, duplicates = excluded.duplicates, created_at = excluded.created_at");
  q.bind(1, sha256);
  q.bind(2, options);
  q.bind(3, std::int64_t(size));
  q.bind(4, keys.delimiter);
  q.bind(5, keys.duplicates.data(), int(keys.duplicates.size()));
  q.bind(6, now);
  q.exec();
}

}  // namespace vrathaus
