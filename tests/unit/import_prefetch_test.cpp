// The import's lookups made for a whole batch at once (on PostgreSQL one per row would be a round
// trip each): over more keys than one statement takes, they find what the lookups one by one find
// (present, absent, case-folded logins and references), and a login forgotten after an update is
// asked for again.
#include "store/import_mandate_rows.hpp"
#include "store/import_rows.hpp"
#include "store/keys_in_slices.hpp"
#include "temp_store.hpp"

#include "core/text.hpp"
#include "store/sql/sql.hpp"
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <string>
#include <vector>

using namespace vrathaus;

namespace {

// `n` business accounts SH-1 … SH-n, logins Kunde-I@Example.de, each with mandate M-I.
void seed(sql::Connection& db, int n) {
  sql::Statement account(db,
                         "INSERT INTO accounts(login, tier, status, company_name, street, house_no, postal_code, city, "
                         "customer_no, created_at, updated_at) VALUES (?, 'business', 'active', ?, 'Hohe Straße', '1', "
                         "'44135', 'Dortmund', ?, 'now', 'now') RETURNING id");
  sql::Statement mandate(db,
                         "INSERT INTO mandates(account_id, iban, reference, signed_on, status, created_at, updated_at) "
                         "VALUES (?, 'DE89370400440532013000', ?, '2025-01-02', 'active', 'now', 'now')");
  for (int i = 1; i <= n; ++i) {
    account.reset();
    account.bind(1, fmt::format("Kunde-{}@Example.de", i));
    account.bind(2, fmt::format("Firma {}", i));
    account.bind(3, fmt::format("SH-{}", i));
    auto id = account.execReturningId();
    mandate.reset();
    mandate.bind(1, id);
    mandate.bind(2, fmt::format("M-{}", i));
    mandate.exec();
  }
}

}  // namespace

TEST_CASE("keys are looked up in slices: every match once, a short last slice matching nothing more") {
  test::TempStore s;
  auto& db = s.store->db();
  seed(db, 10);
  std::vector<std::string> keys;
  for (int i = 0; i < int(KeysInSlices::kSlice) * 2 + 7; ++i) keys.push_back(fmt::format("SH-{}", i));
  KeysInSlices lookup(db, "SELECT customer_no FROM accounts WHERE customer_no IN ", " ORDER BY customer_no");
  std::vector<std::string> found;
  lookup.run(keys, [&](sql::Statement& q) { found.push_back(q.getColumn(0).getString()); });
  CHECK(found.size() == 10);  // SH-1 … SH-10, whichever slice holds them
  found.clear();
  lookup.run({}, [&](sql::Statement& q) { found.push_back(q.getColumn(0).getString()); });
  CHECK(found.empty());
}

TEST_CASE("prefetched lookups answer as the lookups one by one do") {
  test::TempStore s;
  auto& db = s.store->db();
  int n = int(KeysInSlices::kSlice) + 30;  // more than one slice
  seed(db, n);
  std::vector<std::string> customer_nos, logins, references;
  for (int i = 1; i <= n + 5; ++i) {  // five that do not exist
    customer_nos.push_back(fmt::format("SH-{}", i));
    logins.push_back(to_lower_ascii(fmt::format("Kunde-{}@Example.de", i)));
    references.push_back(fmt::format("M-{}", i));
  }
  ImportRows one_by_one(db), prefetched(db);
  prefetched.prefetch(customer_nos, logins);
  ImportMandateRows mandates_one_by_one(db), mandates_prefetched(db);
  mandates_prefetched.prefetch(references);

  // Rows deleted now are still answered from the prefetch: proof that it answers from memory.
  db.exec("DELETE FROM mandates WHERE reference = 'M-3'");
  db.exec("DELETE FROM accounts WHERE customer_no = 'SH-3'");

  BusinessMandate same{"DE89370400440532013000", "", "M-1", "2025-01-02"};
  BusinessMandate other{"DE02120300000000202051", "", "M-1", "2025-01-02"};
  for (int i = 1; i <= n + 5; ++i) {
    CAPTURE(i);
    ExistingAccount a, b;
    bool found = prefetched.find(customer_nos[std::size_t(i - 1)], b);
    CHECK(found == (i <= n));
    if (i != 3 && found) {
      REQUIRE(one_by_one.find(customer_nos[std::size_t(i - 1)], a));
      CHECK(a.id == b.id);
      CHECK(a.values == b.values);
      CHECK(a.null == b.null);
      CHECK(b.tier == "business");
    }
    auto owner = prefetched.login_owner(fmt::format("KUNDE-{}@example.DE", i));  // folded as the lookup folds
    CHECK(owner.has_value() == (i <= n));
    if (owner) CHECK(*owner->customer_no == customer_nos[std::size_t(i - 1)]);
    auto reference = references[std::size_t(i - 1)];
    same.reference = other.reference = reference;
    auto held = mandates_prefetched.find(reference, same);
    CHECK(held.has_value() == (i <= n));
    if (held) {
      CHECK(held->same_data);
      CHECK_FALSE(mandates_prefetched.find(reference, other)->same_data);
      if (i != 3) CHECK(mandates_one_by_one.find(reference, same)->id == held->id);
    }
  }
  ExistingAccount account;
  CHECK_FALSE(one_by_one.find("SH-3", account));

  // A forgotten login is asked for again: SH-3's account is gone, so is its login.
  CHECK(prefetched.login_owner("kunde-3@example.de").has_value());
  prefetched.forget_login("kunde-3@example.de");
  CHECK_FALSE(prefetched.login_owner("kunde-3@example.de").has_value());
  // A key not prefetched is looked up in the store.
  db.exec("UPDATE accounts SET customer_no = 'SH-NEU' WHERE customer_no = 'SH-4'");
  CHECK(prefetched.find("SH-NEU", account));
  // A second prefetch replaces the first.
  prefetched.prefetch(std::vector<std::string>{"SH-4"}, {});
  CHECK_FALSE(prefetched.find("SH-4", account));
  CHECK(prefetched.find("SH-5", account));
}
